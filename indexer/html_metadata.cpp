#include "indexer/html_metadata.h"

#include <map>
#include <nlohmann/json.hpp>

#include "common/text.h"

namespace byline {

namespace {

using Json = nlohmann::json;

// Raw control characters inside strings are the commonest breakage: escape
// them. Also drops trailing commas before '}' or ']'.
std::string repair_json(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\' && i + 1 < text.size()) {
        const char next = text[i + 1];
        // Invalid escapes such as "\'" are kept as the character.
        if (std::string_view("\"\\/bfnrtu").find(next) == std::string_view::npos) {
          out += next;
        } else {
          out += c;
          out += next;
        }
        ++i;
      } else if (c == '"') {
        in_string = false;
        out += c;
      } else if (c == '\n' || c == '\r' || c == '\t') {
        out += ' ';
      } else if (static_cast<unsigned char>(c) < 0x20) {
        // other control characters: dropped
      } else {
        out += c;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
    } else if (c == ',') {
      std::size_t k = i + 1;
      while (k < text.size() && (text[k] == ' ' || text[k] == '\n' || text[k] == '\r' || text[k] == '\t')) ++k;
      if (k < text.size() && (text[k] == '}' || text[k] == ']')) continue;
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view strip_wrappers(std::string_view text) {
  text = trim(text);
  for (std::string_view open : {"<!--", "<![CDATA[", "//<![CDATA["}) {
    if (text.substr(0, open.size()) == open) text = trim(text.substr(open.size()));
  }
  for (std::string_view close : {"-->", "//]]>", "]]>"}) {
    if (text.size() >= close.size() && text.substr(text.size() - close.size()) == close)
      text = trim(text.substr(0, text.size() - close.size()));
  }
  while (!text.empty() && text.back() == ';') text = trim(text.substr(0, text.size() - 1));
  return text;
}

std::optional<Json> parse_lenient(std::string_view text, bool* repaired) {
  text = strip_wrappers(text);
  Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_discarded()) return j;
  const std::string fixed = repair_json(text);
  j = Json::parse(fixed, nullptr, false);
  if (!j.is_discarded()) {
    if (repaired) *repaired = true;
    return j;
  }
  return std::nullopt;
}

std::string clean(std::string_view text) { return collapse_whitespace(decode_html_entities(text)); }

// A JSON value as text: strings as is, numbers printed, arrays -> first element.
std::string as_text(const Json& value) {
  if (value.is_string()) return clean(value.get<std::string>());
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_array() && !value.empty()) return as_text(value.front());
  if (value.is_object()) {
    for (const char* key : {"name", "@value", "text"})
      if (value.contains(key)) return as_text(value[key]);
  }
  return {};
}

std::string type_name(std::string_view type) {
  const std::size_t cut = type.find_last_of("/:");
  return std::string(cut == std::string_view::npos ? type : type.substr(cut + 1));
}

std::vector<std::string> types_of(const Json& object) {
  std::vector<std::string> out;
  if (!object.contains("@type")) return out;
  const Json& t = object["@type"];
  if (t.is_string()) out.push_back(type_name(t.get<std::string>()));
  if (t.is_array())
    for (const Json& item : t)
      if (item.is_string()) out.push_back(type_name(item.get<std::string>()));
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

int article_rank(const std::vector<std::string>& types) {
  int best = -1;
  for (const std::string& t : types) {
    int rank = -1;
    if (ends_with(t, "NewsArticle")) rank = 3;
    else if (ends_with(t, "Article") || ends_with(t, "BlogPosting") || t == "Report" || ends_with(t, "Posting"))
      rank = 2;
    else if (ends_with(t, "WebPage")) rank = 0;
    best = std::max(best, rank);
  }
  return best;
}

// Collects every object reachable at the top of a block: arrays, @graph.
void collect_objects(const Json& value, std::vector<const Json*>& out, int depth = 0) {
  if (depth > 8) return;
  if (value.is_array()) {
    for (const Json& item : value) collect_objects(item, out, depth + 1);
  } else if (value.is_object()) {
    out.push_back(&value);
    if (value.contains("@graph")) collect_objects(value["@graph"], out, depth + 1);
    // A WebPage often holds the article as its main entity.
    for (const char* key : {"mainEntity", "mainEntityOfPage"})
      if (value.contains(key) && value[key].is_object() && value[key].contains("@type"))
        collect_objects(value[key], out, depth + 1);
  }
}

using IdMap = std::map<std::string, const Json*>;

const Json& resolve(const Json& value, const IdMap& ids) {
  if (value.is_object() && value.size() == 1 && value.contains("@id") && value["@id"].is_string()) {
    const auto it = ids.find(value["@id"].get<std::string>());
    if (it != ids.end()) return *it->second;
  }
  return value;
}

void read_authors(const Json& value, const IdMap& ids, JsonLdArticle& out, int depth = 0) {
  if (depth > 4) return;
  const Json& v = resolve(value, ids);
  if (v.is_array()) {
    for (const Json& item : v) read_authors(item, ids, out, depth + 1);
  } else if (v.is_string()) {
    const std::string name = clean(v.get<std::string>());
    if (!name.empty()) out.authors.push_back(name);
  } else if (v.is_object()) {
    const std::vector<std::string> types = types_of(v);
    std::string name = v.contains("name") ? as_text(v["name"]) : std::string();
    if (name.empty() && v.contains("givenName"))
      name = as_text(v["givenName"]) + " " + (v.contains("familyName") ? as_text(v["familyName"]) : "");
    name = collapse_whitespace(name);
    if (name.empty()) return;
    const bool organisation = std::find(types.begin(), types.end(), "Organization") != types.end() ||
                              std::find(types.begin(), types.end(), "NewsMediaOrganization") != types.end();
    (organisation ? out.organisations : out.authors).push_back(name);
  }
}

JsonLdArticle read_article(const Json& o, const IdMap& ids, int rank, const std::string& type) {
  JsonLdArticle a;
  a.found = true;
  a.rank = rank;
  a.type = type;
  const auto text_of = [&](const char* key) { return o.contains(key) ? as_text(resolve(o[key], ids)) : std::string(); };
  a.headline = text_of("headline");
  if (a.headline.empty() && rank > 0) a.headline = text_of("name");
  a.description = text_of("description");
  a.date_published = text_of("datePublished");
  if (a.date_published.empty()) a.date_published = text_of("dateCreated");
  a.date_modified = text_of("dateModified");
  a.section = text_of("articleSection");
  a.language = text_of("inLanguage");
  if (o.contains("articleBody") && o["articleBody"].is_string())
    a.body = decode_html_entities(o["articleBody"].get<std::string>());
  if (o.contains("publisher")) a.publisher = as_text(resolve(o["publisher"], ids));
  a.url = text_of("url");
  for (const char* key : {"author", "creator"}) {
    if (!o.contains(key)) continue;
    read_authors(o[key], ids, a);
    if (!a.authors.empty() || !a.organisations.empty()) break;
  }
  return a;
}

// Fields present, to choose among several objects of the same rank.
int richness(const JsonLdArticle& a) {
  return !a.headline.empty() + !a.date_published.empty() + !a.authors.empty() + !a.body.empty() * 2;
}

void read_breadcrumb(const Json& o, const IdMap& ids, std::vector<std::string>& out) {
  if (!o.contains("itemListElement") || !o["itemListElement"].is_array()) return;
  std::vector<std::pair<int, std::string>> items;
  for (const Json& raw : o["itemListElement"]) {
    const Json& item = resolve(raw, ids);
    if (!item.is_object()) continue;
    int position = static_cast<int>(items.size());
    if (item.contains("position") && item["position"].is_number()) position = item["position"].get<int>();
    std::string name = item.contains("name") ? as_text(item["name"]) : std::string();
    if (name.empty() && item.contains("item")) name = as_text(resolve(item["item"], ids));
    if (!name.empty()) items.emplace_back(position, name);
  }
  std::stable_sort(items.begin(), items.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  out.clear();
  for (auto& [pos, name] : items) out.push_back(std::move(name));
}

void read_json_ld(const HtmlDocument& doc, PageMetadata& meta) {
  std::vector<Json> blocks;
  for (int script : doc.elements("script")) {
    if (!iequals(trim(doc.attr(script, "type")), "application/ld+json")) continue;
    std::string text;
    for (int child : doc.node(script).children)
      if (doc.node(child).is_text) text += doc.node(child).text;
    if (trim(text).empty()) continue;
    bool repaired = false;
    if (auto json = parse_lenient(text, &repaired)) {
      meta.json_ld_repaired |= repaired;
      blocks.push_back(std::move(*json));
    } else {
      ++meta.json_ld_failed;
    }
  }
  std::vector<const Json*> objects;
  for (const Json& block : blocks) collect_objects(block, objects);
  IdMap ids;
  for (const Json* o : objects)
    if (o->contains("@id") && (*o)["@id"].is_string() && o->size() > 1) ids.emplace((*o)["@id"].get<std::string>(), o);

  JsonLdArticle best;
  for (const Json* o : objects) {
    const std::vector<std::string> types = types_of(*o);
    if (std::find(types.begin(), types.end(), "BreadcrumbList") != types.end()) {
      if (meta.breadcrumb.empty()) read_breadcrumb(*o, ids, meta.breadcrumb);
      continue;
    }
    const int rank = article_rank(types);
    if (rank < 0) continue;
    JsonLdArticle candidate = read_article(*o, ids, rank, types.empty() ? "" : types.front());
    if (!best.found || candidate.rank > best.rank ||
        (candidate.rank == best.rank && richness(candidate) > richness(best)))
      best = std::move(candidate);
  }
  // A WebPage fallback only lends dates, never a headline that may be the site's.
  if (best.found && best.rank == 0) best.body.clear();
  meta.json_ld = std::move(best);
}

}  // namespace

bool lenient_json_parse(std::string_view text, std::string* normalised, bool* repaired) {
  auto json = parse_lenient(text, repaired);
  if (!json) return false;
  if (normalised) *normalised = json->dump();
  return true;
}

std::string PageMetadata::first(std::initializer_list<std::string_view> keys, std::string* which) const {
  for (std::string_view key : keys)
    for (const auto& [k, v] : meta)
      if (k == key && !v.empty()) {
        if (which) *which = k;
        return v;
      }
  return {};
}

std::vector<std::string> PageMetadata::all(std::string_view key) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : meta)
    if (k == key && !v.empty()) out.push_back(v);
  return out;
}

PageMetadata read_metadata(const HtmlDocument& doc) {
  PageMetadata meta;
  for (int i = 0; i < doc.size(); ++i) {
    const HtmlNode& n = doc.node(i);
    if (n.is_text) continue;
    if (n.tag == "meta") {
      std::string_view key = doc.attr(i, "property");
      if (key.empty()) key = doc.attr(i, "name");
      if (key.empty()) key = doc.attr(i, "itemprop");
      if (key.empty()) key = doc.attr(i, "http-equiv");
      std::string_view content = doc.attr(i, "content");
      if (content.empty()) content = doc.attr(i, "value");
      if (!key.empty()) meta.meta.emplace_back(ascii_lower(trim(key)), clean(content));
    } else if (n.tag == "title" && meta.title_tag.empty()) {
      // An <svg><title> is not the page title.
      bool in_svg = false;
      for (int p = n.parent; p >= 0; p = doc.node(p).parent)
        if (doc.node(p).tag == "svg") in_svg = true;
      if (!in_svg) meta.title_tag = clean(doc.text(i));
    } else if (n.tag == "html" && meta.html_lang.empty()) {
      meta.html_lang = std::string(trim(doc.attr(i, "lang")));
      if (meta.html_lang.empty()) meta.html_lang = std::string(trim(doc.attr(i, "xml:lang")));
    } else if (n.tag == "link" && meta.canonical.empty()) {
      if (iequals(trim(doc.attr(i, "rel")), "canonical")) meta.canonical = std::string(trim(doc.attr(i, "href")));
    }
  }
  read_json_ld(doc, meta);
  return meta;
}

}  // namespace byline
