#include "searcher/query_builder.h"

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

void check_length(const std::string& text) {
  if (text.size() > kMaxQueryBytes)
    throw_query_syntax_error(text.substr(0, 40) + "…",
                             fmt::format("the query is {} bytes long; the limit is {}", text.size(), kMaxQueryBytes));
}

}  // namespace

QueryBuilder::QueryBuilder(Xapian::Database db, const Analyzer& analyzer)
    : clock_(std::make_shared<QueryClock>(QueryClock::system())) {
  namespace prefix = schema::prefix;
  analyzer.configure(parser_);
  parser_.set_database(db);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  parser_.add_prefix("title", std::string(prefix::kTitle));
  parser_.add_prefix("author", std::string(prefix::kAuthor));
  parser_.add_prefix("agency", std::string(prefix::kAgency));
  // Boolean filters: several values of one field are ORed, different fields
  // ANDed (section:india section:world site:example.com).
  parser_.add_boolean_prefix("section", (new SectionFieldProcessor)->release());
  parser_.add_boolean_prefix("site", (new SiteFieldProcessor)->release());
  parser_.add_boolean_prefix("lang", (new LanguageFieldProcessor)->release());
  parser_.add_boolean_prefix("url", (new UrlFieldProcessor)->release());
  parser_.add_boolean_prefix("date", (new DateFieldProcessor(db, clock_))->release());
}

Xapian::Query QueryBuilder::build(const std::string& text) const { return build(text, QueryClock::system()); }

Xapian::Query QueryBuilder::build(const std::string& text, const QueryClock& clock) const {
  if (trim(text).empty()) return Xapian::Query::MatchAll;
  check_length(text);
  check_query_syntax(text);
  *clock_ = clock;
  try {
    return parser_.parse_query(text, kParserFlags);
  } catch (const Xapian::QueryParserError& e) {
    throw_query_syntax_error(text, e.get_msg());
  }
}

std::string QueryBuilder::corrected(const std::string& text, const QueryClock& clock) const {
  if (trim(text).empty()) return {};
  check_length(text);
  check_query_syntax(text);
  *clock_ = clock;
  try {
    parser_.parse_query(text, kParserFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
  } catch (const Xapian::QueryParserError& e) {
    throw_query_syntax_error(text, e.get_msg());
  }
  std::string suggestion = parser_.get_corrected_query_string();
  return suggestion == text ? std::string() : suggestion;
}

}  // namespace byline
