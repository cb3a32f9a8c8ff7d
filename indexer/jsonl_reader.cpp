#include "indexer/jsonl_reader.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/agency.h"
#include "common/language.h"
#include "common/section.h"
#include "common/text.h"
#include "common/url.h"

namespace byline {

namespace {

using nlohmann::json;

// Follows a dotted path ("source.name"); arrays are looked into by their first element.
const json* find_path(const json& root, std::string_view path) {
  const json* node = &root;
  for (std::string_view key : split(path, '.')) {
    while (node->is_array() && !node->empty()) node = &(*node)[0];
    if (!node->is_object()) return nullptr;
    const auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

// The first non-empty value among the candidate paths.
const json* find_field(const json& root, const FieldMapping& mapping, ArticleField field) {
  for (const std::string& path : mapping.paths(field)) {
    const json* value = find_path(root, path);
    if (value == nullptr || value->is_null()) continue;
    if (value->is_string() && trim(value->get_ref<const std::string&>()).empty()) continue;
    if ((value->is_array() || value->is_object()) && value->empty()) continue;
    return value;
  }
  return nullptr;
}

// Text of a scalar, or of an object's "name"/"@value", or of an array's first such element.
std::string scalar_text(const json* value) {
  if (value == nullptr) return {};
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number_integer()) return std::to_string(value->get<std::int64_t>());
  if (value->is_number_unsigned()) return std::to_string(value->get<std::uint64_t>());
  if (value->is_number_float()) return fmt::format("{}", value->get<double>());
  if (value->is_object()) {
    for (const char* key : {"name", "@value", "value", "text"})
      if (auto it = value->find(key); it != value->end() && it->is_string()) return it->get<std::string>();
    return {};
  }
  if (value->is_array()) {
    for (const json& element : *value) {
      std::string text = scalar_text(&element);
      if (!trim(text).empty()) return text;
    }
  }
  return {};
}

// Every string in a value that may be a list ("authors": ["A", {"name": "B"}]).
std::vector<std::string> list_text(const json* value) {
  std::vector<std::string> out;
  if (value == nullptr) return out;
  if (value->is_array()) {
    for (const json& element : *value) {
      std::string text = scalar_text(&element);
      if (!trim(text).empty()) out.push_back(std::move(text));
    }
  } else {
    std::string text = scalar_text(value);
    if (!trim(text).empty()) out.push_back(std::move(text));
  }
  return out;
}

// Text fields from exports carry HTML entities, stray tags and NewsAPI's
// truncation marker ("… [+1234 chars]").
std::string clean_text(std::string text, bool keep_paragraphs) {
  if (text.find('<') != std::string::npos) {
    std::string stripped;
    stripped.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      const bool tag_start = text[i] == '<' && i + 1 < text.size() &&
                             (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/' || text[i + 1] == '!');
      if (!tag_start) { stripped += text[i]; continue; }
      const std::size_t close = text.find('>', i);
      if (close == std::string::npos) { stripped += text[i]; continue; }
      const std::string_view tag = std::string_view(text).substr(i + 1, close - i - 1);
      if (istarts_with(tag, "p") || istarts_with(tag, "/p") || istarts_with(tag, "br") || istarts_with(tag, "div"))
        stripped += "\n\n";
      else
        stripped += ' ';
      i = close;
    }
    text = std::move(stripped);
  }
  text = decode_html_entities(text);
  if (const std::size_t marker = text.rfind("[+"); marker != std::string::npos) {
    const std::string_view tail = std::string_view(text).substr(marker);
    if (tail.size() < 24 && tail.find("chars]") != std::string_view::npos) {
      text.erase(marker);
      while (!text.empty() && (text.back() == ' ' || text.back() == '.')) text.pop_back();
      if (text.size() >= 3 && text.compare(text.size() - 3, 3, "\xE2\x80\xA6") == 0) text.erase(text.size() - 3);
    }
  }
  text = sanitize_utf8(text);
  if (!keep_paragraphs) return collapse_whitespace(text);
  // Keep paragraph breaks ("\n\n"); fold everything else.
  std::string out;
  for (std::string_view para : split(text, '\n')) {
    std::string folded = collapse_whitespace(para);
    if (folded.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += folded;
  }
  return out;
}

// NewsAPI titles end in " - Publisher"; drop that when it names the site.
void strip_site_suffix(std::string& title, const std::string& site_name) {
  if (site_name.empty()) return;
  for (std::string_view sep : {" - ", " | ", " – ", " — "}) {
    const std::string suffix = std::string(sep) + site_name;
    if (title.size() > suffix.size() && iequals(std::string_view(title).substr(title.size() - suffix.size()), suffix)) {
      title.erase(title.size() - suffix.size());
      return;
    }
  }
}

// A section from the URL path when the export has none: the first segment that
// looks like a section name ("/india-news/some-story-123.html" -> "india-news").
std::string section_from_url(const std::string& url) {
  const std::string path = url_path(url);
  const std::vector<std::string_view> segments = split(path, '/');
  std::vector<std::string_view> parts;
  for (std::string_view s : segments)
    if (!s.empty()) parts.push_back(s);
  if (parts.size() < 2) return {};
  const std::string_view first = parts[0];
  if (first.size() < 3 || first.size() > 24) return {};
  for (char c : first)
    if (!((c >= 'a' && c <= 'z') || c == '-')) return {};
  static constexpr std::string_view kNotSections[] = {"news", "article", "articles", "story", "stories", "amp",
                                                       "en", "hi", "live", "video", "videos", "photos", "www"};
  for (std::string_view bad : kNotSections)
    if (first == bad) return {};
  return section_label_from_slug(first);
}

std::optional<DateTime> date_from_json(const json* value, const DateParseHints& hints, const char* what,
                                       std::vector<std::string>& notes) {
  if (value == nullptr) return std::nullopt;
  if (value->is_number()) {
    // Epoch seconds, or milliseconds when the number is too large to be seconds.
    double seconds = value->get<double>();
    if (std::fabs(seconds) > 1e11) seconds /= 1000.0;
    if (!std::isfinite(seconds) || seconds < -2208988800.0 || seconds > 4102444800.0) {
      notes.push_back(fmt::format("{}: out of range", what));
      return std::nullopt;
    }
    DateTime date;
    date.epoch_seconds = static_cast<std::int64_t>(seconds);
    return date;
  }
  const std::string text = scalar_text(value);
  const DateParseResult parsed = parse_datetime(text, hints);
  if (!parsed) {
    notes.push_back(fmt::format("{}: {}", what, to_string(parsed.error)));
    return std::nullopt;
  }
  if (parsed.zone_assumed) notes.push_back(fmt::format("{}: zone assumed", what));
  return parsed.value;
}

}  // namespace

JsonArticle article_from_json(std::string_view json_text, const JsonlOptions& options) {
  JsonArticle result;
  json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    result.skip_reason = "malformed JSON";
    return result;
  }
  if (!root.is_object()) {
    result.skip_reason = "not a JSON object";
    return result;
  }
  const FieldMapping& map = options.mapping;
  const auto field = [&](ArticleField f) { return find_field(root, map, f); };

  Article a;
  a.url = collapse_whitespace(sanitize_utf8(scalar_text(field(ArticleField::Url))));
  a.site_name = clean_text(scalar_text(field(ArticleField::SiteName)), false);
  if (is_http_url(a.site_name)) a.site_name.clear();
  a.title = clean_text(scalar_text(field(ArticleField::Title)), false);
  strip_site_suffix(a.title, a.site_name);
  a.description = clean_text(scalar_text(field(ArticleField::Description)), false);
  a.body = clean_text(scalar_text(field(ArticleField::Body)), true);
  if (a.title.empty() && a.body.empty() && a.description.empty()) {
    result.skip_reason = "no text";
    return result;
  }

  a.section = clean_text(scalar_text(field(ArticleField::Section)), false);
  if (a.section.empty() && !a.url.empty()) {
    a.section = section_from_url(a.url);
    if (!a.section.empty()) a.provenance["section"] = "url-path";
  }
  // Categories printed in lower case ("sports") read better capitalised.
  if (!a.section.empty() && a.section[0] >= 'a' && a.section[0] <= 'z') a.section = section_label_from_slug(a.section);

  for (const std::string& raw : list_text(field(ArticleField::Author))) {
    const Byline parsed = parse_byline(sanitize_utf8(raw));
    for (const std::string& person : parsed.authors) a.authors.push_back(person);
    if (parsed.agency && a.agency.empty()) a.agency = parsed.agency->name;
  }

  DateParseHints hints = options.date_hints;
  a.published = date_from_json(field(ArticleField::Date), hints, "date", result.notes);
  if (!field(ArticleField::Date)) result.notes.emplace_back("date: missing");
  a.modified = date_from_json(field(ArticleField::Modified), hints, "modified", result.notes);

  a.language = normalise_language_tag(scalar_text(field(ArticleField::Language)));
  if (a.language.empty()) a.language = detect_language(a.title + " " + a.description + " " + a.body.substr(0, 2000));

  const std::string source_id = sanitize_utf8(scalar_text(field(ArticleField::Id)));
  finalize_article(a, source_id);
  result.article = std::move(a);
  return result;
}

void read_jsonl(InputStream& stream, const JsonlOptions& options, ArticleSink& sink, std::uint64_t start_offset) {
  if (start_offset > 0 && skip_bytes(stream, start_offset) < start_offset) return;  // input shrank: nothing left
  LineReader reader(stream, options.max_line_bytes, start_offset);
  std::string line;
  while (reader.next(line)) {
    const std::string where = fmt::format("{}:{}", stream.name(), reader.line_number());
    if (reader.truncated()) {
      sink.skip("line too long", where);
      sink.record_boundary(reader.position());
      continue;
    }
    if (trim(line).empty()) continue;
    if (!is_valid_utf8(line)) {
      // Repair rather than lose the record: invalid bytes become U+FFFD.
      line = sanitize_utf8(line);
      sink.note("invalid UTF-8 repaired", where);
    }
    JsonArticle parsed = article_from_json(line, options);
    for (const std::string& note : parsed.notes) sink.note(note, where);
    if (parsed.article) sink.accept(std::move(*parsed.article));
    else sink.skip(parsed.skip_reason, where);
    sink.record_boundary(reader.position());
  }
}

}  // namespace byline
