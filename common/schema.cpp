#include "common/schema.h"

#include "common/hash.h"

namespace byline::schema {

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  // Xapian's convention: a value that starts with an uppercase letter after a
  // multi-letter prefix is separated by ':' so that the prefix stays readable.
  if (prefix.size() > 1 && !value.empty() && value[0] >= 'A' && value[0] <= 'Z') term += ':';
  if (term.size() + value.size() > kMaxTermBytes) {
    term += '#';
    term += stable_hash_hex(value);
    return term;
  }
  term += value;
  return term;
}

}  // namespace byline::schema
