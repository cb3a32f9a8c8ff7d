#include "common/stored_fields.h"

#include <nlohmann/json.hpp>

#include "common/errors.h"

namespace byline {

namespace {

void put_date(nlohmann::json& j, const char* key, const std::optional<DateTime>& date) {
  if (!date) return;
  j[key] = date->iso8601_local();
  // The instant and the offset are kept exactly, so that a date-only value or a
  // date with an unknown zone survives the round trip.
  j[std::string(key) + "_epoch"] = date->epoch_seconds;
  j[std::string(key) + "_offset"] = date->utc_offset_minutes;
  if (!date->has_time) j[std::string(key) + "_date_only"] = true;
  if (!date->zone_known) j[std::string(key) + "_zone_unknown"] = true;
}

std::optional<DateTime> get_date(const nlohmann::json& j, const char* key) {
  const auto epoch = j.find(std::string(key) + "_epoch");
  if (epoch == j.end() || !epoch->is_number_integer()) return std::nullopt;
  DateTime date;
  date.epoch_seconds = epoch->get<std::int64_t>();
  date.utc_offset_minutes = j.value(std::string(key) + "_offset", 0);
  date.has_time = !j.value(std::string(key) + "_date_only", false);
  date.zone_known = !j.value(std::string(key) + "_zone_unknown", false);
  return date;
}

void put(nlohmann::json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

}  // namespace

std::string encode_stored_fields(const Article& a) {
  nlohmann::json j = nlohmann::json::object();
  j["id"] = a.id;
  put(j, "url", a.url);
  put(j, "site", a.site);
  put(j, "site_name", a.site_name);
  put(j, "title", a.title);
  put(j, "description", a.description);
  put(j, "section", a.section);
  put(j, "section_key", a.section_key);
  if (!a.authors.empty()) j["authors"] = a.authors;
  put(j, "agency", a.agency);
  put(j, "lang", a.language);
  put_date(j, "published", a.published);
  put_date(j, "modified", a.modified);
  put_date(j, "crawled", a.crawled);
  put(j, "body", a.body);
  // Invalid UTF-8 cannot reach here (readers sanitise), but never throw on it.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article decode_stored_fields(const std::string& data) {
  nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (!j.is_object()) throw IndexError("document data is not byline's stored-field JSON");
  Article a;
  a.id = j.value("id", "");
  a.url = j.value("url", "");
  a.site = j.value("site", "");
  a.site_name = j.value("site_name", "");
  a.title = j.value("title", "");
  a.description = j.value("description", "");
  a.section = j.value("section", "");
  a.section_key = j.value("section_key", "");
  if (auto it = j.find("authors"); it != j.end() && it->is_array())
    for (const auto& name : *it)
      if (name.is_string()) a.authors.push_back(name.get<std::string>());
  a.agency = j.value("agency", "");
  a.language = j.value("lang", "");
  a.published = get_date(j, "published");
  a.modified = get_date(j, "modified");
  a.crawled = get_date(j, "crawled");
  a.body = j.value("body", "");
  return a;
}

}  // namespace byline
