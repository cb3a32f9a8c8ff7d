#include "indexer/article_json.h"

#include <nlohmann/json.hpp>

namespace byline {

namespace {

nlohmann::json optional_text(const std::string& value) { return value.empty() ? nlohmann::json() : nlohmann::json(value); }

}  // namespace

std::string article_to_json(const Article& a) {
  nlohmann::json j;
  j["id"] = a.id;
  j["title"] = a.title;
  j["authors"] = a.authors;
  j["agency"] = optional_text(a.agency);
  j["date"] = a.published ? nlohmann::json(a.published->iso8601_local()) : nlohmann::json();
  j["date_utc"] = a.published ? nlohmann::json(a.published->iso8601_utc()) : nlohmann::json();
  j["local_day"] = a.published ? nlohmann::json(a.published->local_date().iso()) : nlohmann::json();
  j["modified"] = a.modified ? nlohmann::json(a.modified->iso8601_local()) : nlohmann::json();
  j["crawled"] = a.crawled ? nlohmann::json(a.crawled->iso8601_utc()) : nlohmann::json();
  j["section"] = a.section;
  j["section_key"] = a.section_key;
  j["site"] = a.site;
  j["site_name"] = a.site_name;
  j["lang"] = a.language;
  j["url"] = a.url;
  j["description"] = a.description;
  j["body"] = a.body;
  j["provenance"] = a.provenance;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace byline
