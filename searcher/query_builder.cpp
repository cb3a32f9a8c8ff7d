#include "searcher/query_builder.h"

#include <exception>
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "common/schema.h"
#include "common/text.h"
#include "searcher/date_filter.h"
#include "searcher/field_processors.h"
#include "searcher/query_syntax.h"

namespace byline {

namespace {

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

void check_length(const std::string& text, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    throw_query_syntax_error(text.substr(0, 40) + "…",
                             fmt::format("the query is {} bytes long; the limit is {}", text.size(), max_bytes));
}

// Xapian 1.4.22's QueryParser does not survive an exception thrown by a
// FieldProcessor: it leaks its parse stack and, for `-section:"" x:y`, frees
// memory it did not allocate (found by fuzz/query_fuzzer). So no exception
// crosses parse_query: the processor's first one is kept, the value becomes
// MatchNothing, and the caller rethrows it once parse_query has returned.
class GuardedFieldProcessor : public Xapian::FieldProcessor {
 public:
  GuardedFieldProcessor(Xapian::FieldProcessor* inner, std::shared_ptr<std::exception_ptr> error)
      : inner_(inner), error_(std::move(error)) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return (*inner_)(value);
    } catch (...) {
      if (!*error_) *error_ = std::current_exception();
      return Xapian::Query::MatchNothing;
    }
  }

 private:
  std::unique_ptr<Xapian::FieldProcessor> inner_;
  std::shared_ptr<std::exception_ptr> error_;
};

// parse_query, then the exception a field processor kept, if any.
Xapian::Query parse_guarded(Xapian::QueryParser& parser, const std::string& text, unsigned flags,
                            std::exception_ptr& field_error) {
  field_error = nullptr;
  Xapian::Query query = parser.parse_query(text, flags);
  if (field_error) std::rethrow_exception(std::exchange(field_error, nullptr));
  return query;
}

}  // namespace

QueryBuilder::QueryBuilder(Xapian::Database db, const Analyzer& analyzer, ColumnLookup columns)
    : clock_(std::make_shared<QueryClock>(QueryClock::system())),
      field_error_(std::make_shared<std::exception_ptr>()) {
  namespace prefix = schema::prefix;
  analyzer.configure(parser_);
  parser_.set_database(db);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  parser_.add_prefix("title", std::string(prefix::kTitle));
  parser_.add_prefix("author", std::string(prefix::kAuthor));
  // Boolean filters: several values of one field are ORed, different fields
  // ANDed (section:india section:world site:example.com).
  parser_.add_boolean_prefix("section",
                             (new GuardedFieldProcessor(new SectionFieldProcessor(columns), field_error_))->release());
  parser_.add_boolean_prefix("site", (new GuardedFieldProcessor(new SiteFieldProcessor(columns), field_error_))->release());
  parser_.add_boolean_prefix("agency",
                             (new GuardedFieldProcessor(new AgencyFieldProcessor(analyzer), field_error_))->release());
  parser_.add_boolean_prefix("lang",
                             (new GuardedFieldProcessor(new LanguageFieldProcessor(columns), field_error_))->release());
  parser_.add_boolean_prefix("url", (new GuardedFieldProcessor(new UrlFieldProcessor, field_error_))->release());
  parser_.add_boolean_prefix(
      "date", (new GuardedFieldProcessor(new DateFieldProcessor(db, clock_, std::move(columns)), field_error_))->release());
}

Xapian::Query QueryBuilder::build(const std::string& text) const { return build(text, QueryClock::system()); }

Xapian::Query QueryBuilder::build(const std::string& text, const QueryClock& clock) const {
  if (trim(text).empty()) return Xapian::Query::MatchAll;
  check_length(text, max_query_bytes_);
  check_query_syntax(text);
  *clock_ = clock;
  try {
    return parse_guarded(parser_, text, kParserFlags, *field_error_);
  } catch (const Xapian::QueryParserError& e) {
    throw_query_syntax_error(text, e.get_msg());
  }
}

std::string QueryBuilder::corrected(const std::string& text, const QueryClock& clock) const {
  if (trim(text).empty()) return {};
  check_length(text, max_query_bytes_);
  check_query_syntax(text);
  *clock_ = clock;
  try {
    parse_guarded(parser_, text, kParserFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION, *field_error_);
  } catch (const Xapian::QueryParserError& e) {
    throw_query_syntax_error(text, e.get_msg());
  }
  std::string suggestion = parser_.get_corrected_query_string();
  return suggestion == text ? std::string() : suggestion;
}

}  // namespace byline
