#include "searcher/field_processors.h"

#include <vector>

#include <fmt/format.h>

#include "common/agency.h"
#include "common/language.h"
#include "common/schema.h"
#include "common/section.h"
#include "common/text.h"
#include "common/url.h"

namespace byline {

namespace {

void require_value(std::string_view field, std::string_view value) {
  if (value.empty()) throw Xapian::QueryParserError(fmt::format("'{}:' needs a value", field));
}

}  // namespace

Xapian::Query ColumnFieldProcessor::filter(unsigned slot, const std::string& value, const std::string& term) const {
  if (auto by_column = column_filter(lookup_, slot, value, term))
    return *by_column;
  return Xapian::Query(term);
}

Xapian::Query SectionFieldProcessor::operator()(const std::string& value) {
  const std::string key = section_key(value);
  require_value("section", key);
  const Xapian::Query folded = filter(schema::slot::kSection, key, schema::boolean_term(schema::prefix::kSection, key));
  // An index written before plurals were folded holds "opinions" as its own
  // key: the filter takes both forms, so it finds what the facet listed.
  const std::string unfolded = label_key(value);
  if (unfolded == key) return folded;
  return Xapian::Query(Xapian::Query::OP_OR, folded,
                       filter(schema::slot::kSection, unfolded, schema::boolean_term(schema::prefix::kSection, unfolded)));
}

AgencyFieldProcessor::AgencyFieldProcessor(const Analyzer& analyzer) { analyzer.configure(words_); }

Xapian::Query AgencyFieldProcessor::operator()(const std::string& value) {
  const std::string name = collapse_whitespace(trim(value));
  // The indexer's key: a known agency's own key, else the name's label_key
  // (indexer/document_builder.cpp).
  const auto known = match_agency(name);
  const std::string key = known ? known->key : label_key(name);
  require_value("agency", key);
  // Quoted so that several words stay a phrase, as `agency:"press trust"`
  // was written; quotes inside the value cannot occur (the parser ends the
  // value at one).
  const std::string words = name.find(' ') == std::string::npos ? name : "\"" + name + "\"";
  Xapian::Query by_words = words_.parse_query(words, Xapian::QueryParser::FLAG_PHRASE, std::string(schema::prefix::kAgency));
  const Xapian::Query by_key(schema::boolean_term(schema::prefix::kAgencyKey, key));
  return by_words.empty() ? by_key : Xapian::Query(Xapian::Query::OP_OR, by_key, by_words);
}

Xapian::Query SiteFieldProcessor::operator()(const std::string& value) {
  std::string host = is_http_url(trim(value)) ? url_host(trim(value)) : ascii_lower(trim(value));
  if (host.starts_with("www.")) host.erase(0, 4);
  while (!host.empty() && host.back() == '/') host.pop_back();
  require_value("site", host);
  return filter(schema::slot::kSite, host, schema::boolean_term(schema::prefix::kSite, host));
}

Xapian::Query LanguageFieldProcessor::operator()(const std::string& value) {
  std::string code = normalise_language_tag(value);
  if (code.empty()) code = ascii_lower(trim(value));
  require_value("lang", code);
  return filter(schema::slot::kLanguage, code, schema::boolean_term(schema::prefix::kLanguage, code));
}

Xapian::Query UrlFieldProcessor::operator()(const std::string& value) {
  const std::string url(trim(value));
  require_value("url", url);
  if (is_http_url(url)) return Xapian::Query(schema::boolean_term(schema::prefix::kUrl, url));
  std::string bare = url;
  if (ascii_lower(bare).starts_with("www.")) bare.erase(0, 4);
  std::vector<Xapian::Query> forms;
  for (const char* scheme : {"https://", "http://"})
    for (const char* www : {"", "www."})
      forms.emplace_back(schema::boolean_term(schema::prefix::kUrl, std::string(scheme) + www + bare));
  return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

}  // namespace byline
