#include "searcher/query_builder.h"

#include "common/schema.h"
#include "common/text.h"
#include "searcher/date_filter.h"
#include "searcher/field_processors.h"
#include "searcher/query_syntax.h"

namespace byline {

namespace {

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

QueryBuilder::QueryBuilder(Xapian::Database db, const Analyzer& analyzer) {
  namespace prefix = schema::prefix;
  analyzer.configure(parser_);
  parser_.set_database(db);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.add_prefix("title", std::string(prefix::kTitle));
  parser_.add_prefix("author", std::string(prefix::kAuthor));
  parser_.add_prefix("agency", std::string(prefix::kAgency));
  // Boolean filters: several values of one field are ORed, different fields
  // ANDed (section:india section:world site:example.com).
  parser_.add_boolean_prefix("section", (new SectionFieldProcessor)->release());
  parser_.add_boolean_prefix("site", (new SiteFieldProcessor)->release());
  parser_.add_boolean_prefix("lang", (new LanguageFieldProcessor)->release());
  parser_.add_boolean_prefix("date", (new DateFieldProcessor(db))->release());
}

Xapian::Query QueryBuilder::build(const std::string& text) const {
  if (trim(text).empty()) return Xapian::Query::MatchAll;
  check_query_syntax(text);
  try {
    return parser_.parse_query(text, kParserFlags);
  } catch (const Xapian::QueryParserError& e) {
    throw_query_syntax_error(text, e.get_msg());
  }
}

}  // namespace byline
