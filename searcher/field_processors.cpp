#include "searcher/field_processors.h"

#include <vector>

#include <fmt/format.h>

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

Xapian::Query SectionFieldProcessor::operator()(const std::string& value) {
  const std::string key = section_key(value);
  require_value("section", key);
  return Xapian::Query(schema::boolean_term(schema::prefix::kSection, key));
}

Xapian::Query SiteFieldProcessor::operator()(const std::string& value) {
  std::string host = is_http_url(trim(value)) ? url_host(trim(value)) : ascii_lower(trim(value));
  if (host.starts_with("www.")) host.erase(0, 4);
  while (!host.empty() && host.back() == '/') host.pop_back();
  require_value("site", host);
  return Xapian::Query(schema::boolean_term(schema::prefix::kSite, host));
}

Xapian::Query LanguageFieldProcessor::operator()(const std::string& value) {
  std::string code = normalise_language_tag(value);
  if (code.empty()) code = ascii_lower(trim(value));
  require_value("lang", code);
  return Xapian::Query(schema::boolean_term(schema::prefix::kLanguage, code));
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
