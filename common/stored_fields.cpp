#include "common/stored_fields.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

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

void put(nlohmann::json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

// A date's parts as they come out of the object, in whatever order its keys are.
struct DateParts {
  std::optional<std::int64_t> epoch;
  std::int64_t offset = 0;
  bool date_only = false;
  bool zone_unknown = false;

  std::optional<DateTime> date() const {
    if (!epoch) return std::nullopt;
    DateTime d;
    d.epoch_seconds = *epoch;
    d.utc_offset_minutes = static_cast<int>(offset);
    d.has_time = !date_only;
    d.zone_known = !zone_unknown;
    return d;
  }
};

[[noreturn]] void not_stored_fields(simdjson::error_code error) {
  throw IndexError(std::string("document data is not byline's stored-field JSON: ") + simdjson::error_message(error));
}

template <typename T>
T take(simdjson::simdjson_result<T>&& result) {
  if (result.error()) not_stored_fields(result.error());
  return std::move(result).value_unsafe();
}

// The date field a key belongs to ("published_offset" → published, "_offset").
DateParts* date_parts_for(std::string_view key, std::string_view& suffix, DateParts& published, DateParts& modified,
                          DateParts& crawled) {
  for (auto [name, parts] : {std::pair<std::string_view, DateParts*>{"published", &published},
                             {"modified", &modified}, {"crawled", &crawled}})
    if (key.size() > name.size() && key.starts_with(name) && key[name.size()] == '_') {
      suffix = key.substr(name.size());
      return parts;
    }
  return nullptr;
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
  // simdjson's DOM parser (its fastest kernel is picked at run time) needs
  // readable padding past the text; a buffer per thread keeps the copy free of
  // allocations once it has grown to the longest article.
  thread_local std::string padded;
  thread_local simdjson::dom::parser parser;
  padded.assign(data);
  padded.append(simdjson::SIMDJSON_PADDING, '\0');

  const auto object = take(take(parser.parse(padded.data(), data.size(), false)).get_object());
  Article a;
  DateParts published, modified, crawled;
  for (const auto [key, value] : object) {
    const auto text = [&value] { return std::string(take(value.get_string())); };
    if (key == "body") a.body = text();
    else if (key == "title") a.title = text();
    else if (key == "id") a.id = text();
    else if (key == "url") a.url = text();
    else if (key == "site") a.site = text();
    else if (key == "site_name") a.site_name = text();
    else if (key == "description") a.description = text();
    else if (key == "section") a.section = text();
    else if (key == "section_key") a.section_key = text();
    else if (key == "agency") a.agency = text();
    else if (key == "lang") a.language = text();
    else if (key == "authors") {
      for (const auto name : take(value.get_array())) {
        std::string_view name_text;
        if (!name.get_string().get(name_text)) a.authors.emplace_back(name_text);
      }
    } else {
      std::string_view suffix;
      DateParts* parts = date_parts_for(key, suffix, published, modified, crawled);
      if (!parts) continue;  // the ISO 8601 text, or a key of a later version
      if (suffix == "_epoch") {
        std::int64_t epoch = 0;
        if (!value.get_int64().get(epoch)) parts->epoch = epoch;
      } else if (suffix == "_offset") {
        parts->offset = take(value.get_int64());
      } else if (suffix == "_date_only") {
        parts->date_only = take(value.get_bool());
      } else if (suffix == "_zone_unknown") {
        parts->zone_unknown = take(value.get_bool());
      }
    }
  }
  a.published = published.date();
  a.modified = modified.date();
  a.crawled = crawled.date();
  return a;
}

}  // namespace byline
