#include "searcher/render_export.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/errors.h"

namespace byline {

namespace {

// Ordered: rows keep the field order asked for.
using json = nlohmann::ordered_json;

// A field's value as JSON; CSV flattens it.
json field_value(const ExportRow& row, const std::string& field) {
  const Article& a = row.article;
  auto text_or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  if (field == "rank") return row.rank;
  if (field == "score") return std::isfinite(row.score) ? row.score : 0.0;
  if (field == "id") return a.id;
  if (field == "date") return a.published ? json(a.published->iso8601_local()) : json(nullptr);
  if (field == "date_utc") return a.published ? json(a.published->iso8601_utc()) : json(nullptr);
  if (field == "modified") return a.modified ? json(a.modified->iso8601_local()) : json(nullptr);
  if (field == "title") return a.title;
  if (field == "section") return a.section;
  if (field == "section_key") return a.section_key;
  if (field == "site") return a.site;
  if (field == "site_name") return a.site_name;
  if (field == "lang") return a.language;
  if (field == "authors") return a.authors;
  if (field == "agency") return a.agency;
  if (field == "url") return a.url;
  if (field == "story") return text_or_null(row.story);
  if (field == "description") return a.description;
  if (field == "body") return a.body;
  return nullptr;  // unreachable: fields are checked in the constructor
}

std::string csv_text(const json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string joined;
    for (const json& item : value) joined += (joined.empty() ? "" : "; ") + item.get<std::string>();
    return joined;
  }
  if (value.is_number_float()) return fmt::format("{:.4f}", value.get<double>());
  return value.dump();
}

}  // namespace

const std::vector<std::string>& export_fields() {
  static const std::vector<std::string> fields = {"rank",    "score",   "id",          "date",        "date_utc",
                                                  "modified", "title",  "section",     "section_key", "site",
                                                  "site_name", "lang",  "authors",     "agency",      "url",
                                                  "story",   "description", "body"};
  return fields;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

ExportWriter::ExportWriter(std::FILE* out, ExportFormat format, std::vector<std::string> fields)
    : out_(out), format_(format), fields_(std::move(fields)) {
  if (fields_.empty()) fields_ = export_fields();
  const auto& known = export_fields();
  for (const std::string& f : fields_)
    if (std::find(known.begin(), known.end(), f) == known.end())
      throw UsageError(fmt::format("unknown export field '{}': expected some of {}", f, fmt::join(known, ", ")));
}

void ExportWriter::begin() {
  if (format_ != ExportFormat::Csv) return;
  std::string header;
  for (const std::string& f : fields_) header += (header.empty() ? "" : ",") + f;
  fmt::print(out_, "{}\r\n", header);
}

std::string ExportWriter::format_row(const ExportRow& row) const {
  if (format_ == ExportFormat::Jsonl) {
    json object = json::object();
    for (const std::string& f : fields_) object[f] = field_value(row, f);
    // Stored text is sanitised UTF-8, but a renderer must never throw on output.
    return object.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  std::string line;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (i) line += ',';
    line += csv_field(csv_text(field_value(row, fields_[i])));
  }
  return line;
}

void ExportWriter::write(const ExportRow& row) {
  // RFC 4180 ends records with CRLF; JSON Lines with LF.
  fmt::print(out_, "{}{}", format_row(row), format_ == ExportFormat::Csv ? "\r\n" : "\n");
}

}  // namespace byline
