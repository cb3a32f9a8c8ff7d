#include "indexer/spelling_table.h"

namespace byline {

namespace {
constexpr std::uint64_t kWordsPerCommit = 50000;
}  // namespace

bool is_unprefixed_term(const std::string& term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

std::uint64_t add_spelling_from_terms(Xapian::WritableDatabase& db) {
  std::uint64_t words = 0;
  for (auto term = db.allterms_begin(); term != db.allterms_end();) {
    if (!is_unprefixed_term(*term)) {
      // Terms sort bytewise, so every prefixed term lies between "A" and
      // "[", the byte after 'Z': step over all of them at once.
      term.skip_to("[");
      continue;
    }
    db.add_spelling(*term, term.get_termfreq());
    // Xapian keeps spelling changes in memory until a commit: committing
    // every so many words keeps memory flat however large the vocabulary.
    if (++words % kWordsPerCommit == 0) db.commit();
    ++term;
  }
  return words;
}

}  // namespace byline
