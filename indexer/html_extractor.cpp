#include "indexer/html_extractor.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "common/agency.h"
#include "common/language.h"
#include "common/section.h"
#include "common/text.h"
#include "common/url.h"
#include "indexer/html_body.h"
#include "indexer/html_byline.h"
#include "indexer/html_dom.h"
#include "indexer/html_metadata.h"
#include "indexer/html_page_kind.h"
#include "indexer/html_title.h"
#include "indexer/site_boilerplate.h"

namespace byline {

namespace {

std::string squash(std::string_view text) { return squash_text(text); }

// ---- dates -----------------------------------------------------------------

std::string country_from_language(std::string_view lang) {
  static constexpr std::pair<std::string_view, std::string_view> kMap[] = {
      {"hi", "IN"}, {"bn", "IN"}, {"ta", "IN"}, {"te", "IN"}, {"mr", "IN"}, {"gu", "IN"}, {"kn", "IN"},
      {"ml", "IN"}, {"pa", "IN"}, {"he", "IL"}, {"ur", "PK"}, {"ja", "JP"}, {"ko", "KR"}};
  for (const auto& [code, country] : kMap)
    if (lang == code) return std::string(country);
  return {};
}

DateParseHints date_hints(std::string_view url, std::string_view language) {
  DateParseHints hints;
  hints.country = country_from_url(url);
  if (hints.country.empty()) hints.country = country_from_language(language);
  if (hints.country == "US" || hints.country == "PH") hints.numeric_order = DateOrder::MonthFirst;
  else if (!hints.country.empty() && hints.country != "CA") hints.numeric_order = DateOrder::DayFirst;
  return hints;
}

struct DateCandidate {
  std::string text;
  std::string source;
};

// A date in the URL path: /2024/03/05/, /2024-03-05/, /20240305/.
std::optional<DateTime> date_from_url(std::string_view url) {
  const std::string path = url_path(url);
  const auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > path.size()) return -1;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const char c = path[at + k];
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  for (std::size_t i = 0; i + 10 <= path.size(); ++i) {
    if (path[i] != '/') continue;
    const int year = digits(i + 1, 4);
    if (year < 1990 || year > 2100) continue;
    CivilDate date{year, 0, 0};
    const char sep = path[i + 5];
    if (sep == '/' || sep == '-' || sep == '_') {
      date.month = digits(i + 6, 2);
      if (i + 8 < path.size() && path[i + 8] == sep) date.day = digits(i + 9, 2);
    } else {
      date.month = digits(i + 5, 2);
      date.day = digits(i + 7, 2);
      if (i + 9 < path.size() && path[i + 9] >= '0' && path[i + 9] <= '9') continue;
    }
    if (!date.valid()) continue;
    DateTime dt = DateTime::from_local(date, 0, 0, 0, 0);
    dt.has_time = false;
    dt.zone_known = false;
    return dt;
  }
  return std::nullopt;
}

// ---- authors ---------------------------------------------------------------

bool looks_like_url(std::string_view text) {
  return text.find("://") != std::string_view::npos || text.rfind("www.", 0) == 0 ||
         text.find(".com/") != std::string_view::npos;
}

struct AuthorResult {
  std::vector<std::string> authors;
  std::optional<Agency> agency;
  std::string source;
};

// `visible`: the string was read from the page's text (html_byline.h).
void add_byline(AuthorResult& out, std::string_view text, const std::vector<std::string>& site_names,
                bool visible = false) {
  std::string clean = collapse_whitespace(decode_html_entities(text));
  if (clean.empty() || looks_like_url(clean)) return;
  clean = visible ? clean_visible_byline(clean) : join_conjunctions(clean);
  if (clean.empty()) return;
  Byline byline = parse_byline(clean);
  if (byline.agency && !out.agency) out.agency = byline.agency;
  for (std::string& raw_name : byline.authors) {
    std::string name = strip_author_role(raw_name);
    if (name.empty()) continue;
    if (names_site(name, site_names) && squash(name).size() >= 3) continue;
    if (looks_like_url(name)) continue;
    if (std::find(out.authors.begin(), out.authors.end(), name) == out.authors.end()) out.authors.push_back(name);
  }
}

// ---- section ---------------------------------------------------------------

std::string section_from_crumbs(std::vector<std::string> crumbs, const std::string& title,
                                const std::vector<std::string>& site_names) {
  const std::string title_squashed = squash(title);
  std::vector<std::string> kept;
  for (std::string& c : crumbs) {
    c = collapse_whitespace(c);
    const std::string s = squash(c);
    if (s.empty() || s == "home" || s == "homepage" || s == "start" || s == "startseite" || s == "accueil") continue;
    if (names_site(c, site_names)) continue;
    if (!title_squashed.empty() && (s == title_squashed || count_words(c) > 8)) continue;
    kept.push_back(c);
  }
  return kept.empty() ? std::string() : kept.front();
}

std::string section_from_url(std::string_view url) {
  const std::string path = url_path(url);
  const std::vector<std::string_view> parts = split(path, '/');
  std::vector<std::string_view> segments;
  for (std::string_view p : parts)
    if (!p.empty()) segments.push_back(p);
  if (segments.size() < 2) return {};
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    const std::string s = ascii_lower(segments[i]);
    if (s.size() < 3 || s.size() > 30) continue;
    if (s == "news" || s == "article" || s == "articles" || s == "story" || s == "stories" || s == "amp" ||
        s == "www" || s == "html" || s == "content" || s == "post" || s == "posts" || s == "blog" || s == "blogs")
      continue;
    bool slug = true;
    int hyphens = 0;
    for (char c : s) {
      if (c == '-') ++hyphens;
      else if (!(c >= 'a' && c <= 'z')) slug = false;
    }
    if (!slug || hyphens > 2) return {};
    return section_label_from_slug(s);
  }
  return {};
}

// articleBody as paragraphs: publishers separate them with newlines, or embed
// markup; tags are dropped and each line becomes a paragraph.
std::string paragraphs_from_json_text(std::string_view text) {
  std::string plain;
  plain.reserve(text.size());
  bool in_tag = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == '<' && i + 1 < text.size() && (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/')) {
      // Block-level tags end a paragraph; inline ones join words.
      const std::string_view rest = text.substr(i + 1, 4);
      if (rest.rfind("p", 0) == 0 || rest.rfind("/p", 0) == 0 || rest.rfind("br", 0) == 0 ||
          rest.rfind("h", 0) == 0 || rest.rfind("/h", 0) == 0 || rest.rfind("li", 0) == 0 || rest.rfind("div", 0) == 0)
        plain += '\n';
      in_tag = true;
      continue;
    }
    plain += c;
  }
  std::string out;
  for (std::string_view line : split(plain, '\n')) {
    std::string paragraph = collapse_whitespace(line);
    if (paragraph.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += paragraph;
  }
  return out;
}

}  // namespace

std::string country_from_url(std::string_view url) {
  const std::string host = url_host(url);
  const std::size_t dot = host.rfind('.');
  if (dot == std::string::npos) return {};
  const std::string tld = host.substr(dot + 1);
  if (tld == "uk") return "GB";
  // Two-letter TLDs that are sold as generic names say nothing about a country.
  static constexpr std::string_view kGeneric[] = {"io", "tv", "me", "fm", "ly", "ai", "co", "cc", "ws", "to", "gg"};
  if (tld.size() != 2) return {};
  for (std::string_view g : kGeneric)
    if (tld == g) return {};
  std::string country = tld;
  for (char& c : country) c = static_cast<char>(c - 'a' + 'A');
  return country;
}

HtmlExtraction extract_html(std::string_view utf8_html, const HtmlContext& context) {
  HtmlExtraction out;
  if (utf8_html.size() > context.max_html_bytes) {
    out.is_article = false;
    out.skip_reason = "page too large";
    return out;
  }
  std::string sanitized;
  if (!is_valid_utf8(utf8_html)) {
    sanitized = sanitize_utf8(utf8_html);
    utf8_html = sanitized;
    out.notes.push_back("input: invalid UTF-8 replaced");
  }
  if (trim(utf8_html).empty()) {
    out.is_article = false;
    out.skip_reason = "empty page";
    return out;
  }

  const HtmlDocument doc = parse_html(utf8_html, context.max_html_depth);
  if (doc.flattened() > 0) out.notes.push_back("html: nesting too deep, tags flattened");
  const PageMetadata meta = read_metadata(doc);
  if (meta.json_ld_failed > 0) out.notes.push_back("json-ld: unreadable block");
  if (meta.json_ld_repaired) out.notes.push_back("json-ld: repaired malformed JSON");
  const JsonLdArticle& ld = meta.json_ld;
  const bool ld_article = ld.found && ld.rank >= 2;

  Article a;
  auto& prov = a.provenance;
  a.url = context.url;
  if (a.url.empty()) {
    for (const std::string& u : {meta.canonical, meta.first({"og:url"})})
      if (is_http_url(u)) {
        a.url = u;
        prov["url"] = u == meta.canonical ? "link:canonical" : "og";
        break;
      }
  }
  a.crawled = context.crawled;

  // Site names, for titles and to tell a publisher from an author.
  std::string which;
  a.site_name = meta.first({"og:site_name"}, &which);
  if (!a.site_name.empty()) prov["site_name"] = "og";
  else if (!ld.publisher.empty()) { a.site_name = ld.publisher; prov["site_name"] = "json-ld"; }
  else if (!(a.site_name = meta.first({"application-name", "twitter:site"}, &which)).empty()) prov["site_name"] = "meta:" + which;
  if (!a.site_name.empty() && a.site_name[0] == '@') a.site_name.erase(0, 1);
  std::vector<std::string> site_names;
  for (const std::string& s : {a.site_name, ld.publisher, meta.first({"application-name"}), meta.first({"twitter:site"})})
    if (!s.empty()) site_names.push_back(s[0] == '@' ? s.substr(1) : s);
  const std::string host = url_host(a.url);
  if (!host.empty()) {
    site_names.push_back(host);
    const std::size_t dot = host.find('.');
    if (dot != std::string::npos) site_names.push_back(host.substr(0, dot));  // "nytimes"
  }

  // ---- title (html_title.h)
  const TitleChoice title = choose_title(doc, meta, site_names);
  a.title = title.title;
  if (!a.title.empty()) prov["title"] = title.source;

  // ---- body
  BodyHints body_hints;
  body_hints.title = a.title;
  body_hints.url = a.url;
  body_hints.article_body = ld.body;
  const std::string site_key = url_host(a.url);
  if (context.site_model && !site_key.empty()) {
    SiteBoilerplate* model = context.site_model;
    body_hints.observe_blocks = [model, &site_key](const std::vector<std::string_view>& blocks) {
      model->learn(site_key, blocks);
    };
    body_hints.is_site_boilerplate = [model, &site_key](std::string_view block) {
      return model->is_boilerplate(site_key, block);
    };
  }
  BodyResult body = extract_body(doc, body_hints);
  for (std::string& note : body.notes) out.notes.push_back(std::move(note));
  a.body = std::move(body.text);
  if (!a.body.empty()) prov["body"] = ld.body.size() > 200 ? "dom+json-ld" : "dom";
  // Pages rendered by script carry their text only in JSON: when the DOM
  // yields much less than the publisher's articleBody, the articleBody is the
  // better body.
  if (const std::string ld_body = paragraphs_from_json_text(ld.body);
      count_words(ld_body) >= 40 && count_words(a.body) * 2 < count_words(ld_body)) {
    a.body = ld_body;
    prov["body"] = "json-ld";
    out.notes.push_back("body: from json-ld articleBody");
  }


  // ---- language (dates need it for hints)
  if (std::string lang = normalise_language_tag(meta.html_lang); !lang.empty()) {
    a.language = lang;
    prov["language"] = "html[lang]";
  } else if (lang = normalise_language_tag(meta.first({"og:locale"})); !lang.empty()) {
    a.language = lang;
    prov["language"] = "og";
  } else if (lang = normalise_language_tag(meta.first({"content-language", "language", "dc.language"}, &which));
             !lang.empty()) {
    a.language = lang;
    prov["language"] = "meta:" + which;
  } else if (lang = normalise_language_tag(ld.language); !lang.empty()) {
    a.language = lang;
    prov["language"] = "json-ld";
  } else if (lang = detect_language(a.body.empty() ? a.title : a.body); !lang.empty()) {
    a.language = lang;
    prov["language"] = "detected";
  }

  // ---- dates
  const DateParseHints hints = date_hints(a.url, a.language);
  const DateTime now = [&] {
    if (context.crawled) return *context.crawled;
    DateTime t;
    t.epoch_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
    return t;
  }();
  const std::int64_t earliest = days_from_civil(CivilDate{1990, 1, 1}) * 86400;
  const auto plausible = [&](const DateTime& dt) {
    if (dt.epoch_seconds > now.epoch_seconds + 86400) {
      out.notes.push_back("date: after crawl time, dropped");
      return false;
    }
    if (dt.epoch_seconds < earliest) {
      out.notes.push_back("date: before 1990, dropped");
      return false;
    }
    return true;
  };

  std::vector<DateCandidate> published;
  if (!ld.date_published.empty()) published.push_back({ld.date_published, "json-ld"});
  for (const char* key : {"article:published_time", "og:article:published_time", "parsely-pub-date", "sailthru.date",
                          "cxenseparse:recs:publishtime", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
                          "dcterms.created", "datepublished", "article.published", "publish-date", "publishdate",
                          "pubdate", "date", "article_date_original", "original-publish-date", "published_time",
                          "og:published_time", "release_date"}) {
    for (const auto& [k, v] : meta.meta)
      if (k == key && !v.empty()) {
        published.push_back({v, k == "article:published_time" ? "og" : "meta:" + k});
        break;
      }
  }
  // Microdata and <time> elements: the first marked as published, else the
  // first <time datetime> near the top of the article.
  int first_time = -1;
  for (int i = 0; i < doc.size(); ++i) {
    const HtmlNode& n = doc.node(i);
    if (n.is_text || n.tag == "meta") continue;
    const std::string_view prop = doc.attr(i, "itemprop");
    if (prop == "datePublished") {
      std::string_view v = doc.attr(i, "content");
      if (v.empty()) v = doc.attr(i, "datetime");
      const std::string text = v.empty() ? doc.text(i) : std::string(v);
      if (!text.empty()) published.push_back({text, "itemprop=datePublished"});
    }
    if (n.tag == "time" && doc.has_attr(i, "datetime")) {
      if (doc.has_attr(i, "pubdate")) published.push_back({std::string(doc.attr(i, "datetime")), "time[pubdate]"});
      else if (first_time < 0) first_time = i;
    }
  }
  // Visible date lines ("Published 13:25 IST, January 6th 2025").
  std::vector<DateCandidate> visible;
  for (int i = 0; i < doc.size() && visible.size() < 4; ++i) {
    const HtmlNode& n = doc.node(i);
    if (n.is_text || n.tag == "script" || n.tag == "style") continue;
    const std::string class_id = doc.class_and_id(i);
    const bool hinted = class_id.find("date") != std::string::npos || class_id.find("publish") != std::string::npos ||
                        class_id.find("time") != std::string::npos || class_id.find("posted") != std::string::npos;
    if (!hinted && !(n.tag == "p" || n.tag == "span" || n.tag == "div")) continue;
    // Only leaf-ish elements: a container of the whole page is not a date line.
    if (n.children.size() > 6) continue;
    if (!hinted) {
      // Unhinted lines must start with their own text ("Published …"); this
      // also keeps the scan linear on large pages.
      if (n.children.empty() || !doc.node(n.children.front()).is_text) continue;
      const std::string head = ascii_lower(trim(doc.node(n.children.front()).text).substr(0, 16));
      if (head.rfind("published", 0) != 0 && head.rfind("posted", 0) != 0 && head.rfind("first published", 0) != 0)
        continue;
    }
    const std::string text = doc.text(i);
    if (text.empty() || count_words(text) > 14) continue;
    const std::string lower = ascii_lower(text);
    if (hinted || lower.rfind("published", 0) == 0 || lower.rfind("posted", 0) == 0 ||
        lower.rfind("first published", 0) == 0)
      visible.push_back({text, "byline-text"});
  }
  if (first_time >= 0) published.push_back({std::string(doc.attr(first_time, "datetime")), "time[datetime]"});
  for (DateCandidate& v : visible) published.push_back(std::move(v));

  for (const DateCandidate& c : published) {
    DateParseResult r = parse_datetime(c.text, hints);
    if (!r.value) continue;
    if (!plausible(*r.value)) continue;
    if (r.zone_assumed) out.notes.push_back("date: zone assumed");
    a.published = r.value;
    prov["published"] = c.source;
    break;
  }
  if (!a.published) {
    if (auto dt = date_from_url(a.url); dt && plausible(*dt)) {
      a.published = dt;
      prov["published"] = "url-path";
    }
  }
  std::vector<DateCandidate> modified;
  if (!ld.date_modified.empty()) modified.push_back({ld.date_modified, "json-ld"});
  for (const char* key : {"article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                          "last-modified", "parsely-updated"}) {
    const std::string v = meta.first({key});
    if (!v.empty()) modified.push_back({v, std::string(key).rfind("article:", 0) == 0 || std::string(key).rfind("og:", 0) == 0 ? "og" : "meta:" + std::string(key)});
  }
  for (const DateCandidate& c : modified) {
    DateParseResult r = parse_datetime(c.text, hints);
    if (!r.value || r.value->epoch_seconds > now.epoch_seconds + 86400 || r.value->epoch_seconds < earliest) continue;
    a.modified = r.value;
    prov["modified"] = c.source;
    break;
  }

  // ---- authors and agency
  AuthorResult authors;
  if (!ld.authors.empty()) {
    for (const std::string& name : ld.authors) add_byline(authors, name, site_names);
    if (!authors.authors.empty()) authors.source = "json-ld";
  }
  for (const std::string& org : ld.organisations)
    if (auto agency = match_agency(org); agency && !authors.agency) authors.agency = agency;
  if (authors.authors.empty()) {
    for (const char* key : {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                            "cxenseparse:author", "byl", "twitter:creator"}) {
      std::vector<std::string> values = meta.all(key);
      for (const std::string& v : values) add_byline(authors, v, site_names);
      if (!authors.authors.empty()) {
        authors.source = std::string(key) == "article:author" ? "og" : "meta:" + std::string(key);
        break;
      }
    }
  }
  if (authors.authors.empty()) {
    // Microdata, rel=author, byline elements: the first that gives names.
    for (int i = 0; i < doc.size() && authors.authors.empty(); ++i) {
      const HtmlNode& n = doc.node(i);
      if (n.is_text || n.tag == "meta" || n.tag == "link" || n.tag == "script") continue;
      std::string source;
      if (doc.attr(i, "itemprop") == "author") source = "itemprop=author";
      else if (n.tag == "a" && iequals(doc.attr(i, "rel"), "author")) source = "rel=author";
      else {
        const std::string class_id = doc.class_and_id(i);
        if (class_id.find("byline") != std::string::npos || class_id.find("author") != std::string::npos)
          source = "byline-text";
        else if (n.children.size() <= 3 && (n.tag == "p" || n.tag == "div" || n.tag == "span")) {
          // A short visible line "By …" / "Reported by: …".
          const std::string lower = ascii_lower(doc.text(i));
          if ((lower.rfind("by ", 0) == 0 || lower.rfind("reported by", 0) == 0 || lower.rfind("written by", 0) == 0) &&
              count_words(lower) <= 10)
            source = "byline-text";
        }
      }
      if (source.empty()) continue;
      std::string text = doc.text(i);
      if (text.empty() || count_words(text) > 16) continue;
      // Date words after the name belong to the date line, not the byline.
      add_byline(authors, text, site_names, /*visible=*/true);
      if (!authors.authors.empty()) authors.source = source;
    }
  }
  a.authors = std::move(authors.authors);
  if (!a.authors.empty()) prov["authors"] = authors.source;
  if (authors.agency) {
    a.agency = authors.agency->name;
    prov["agency"] = authors.source.empty() ? "json-ld" : authors.source;
  }

  // ---- section
  if (!ld.section.empty()) {
    a.section = ld.section;
    prov["section"] = "json-ld";
  } else if (!(a.section = meta.first({"article:section", "parsely-section", "sailthru.section",
                                       "cxenseparse:pagesection", "section", "dc.subject"}, &which)).empty()) {
    prov["section"] = which == "article:section" ? "og" : "meta:" + which;
  } else {
    std::vector<std::string> crumbs = meta.breadcrumb;
    if (crumbs.empty()) {
      for (int i = 0; i < doc.size() && crumbs.empty(); ++i) {
        if (doc.node(i).is_text) continue;
        if (doc.class_and_id(i).find("breadcrumb") == std::string::npos) continue;
        for (int j = i + 1; j < doc.size() && doc.contains(i, j); ++j)
          if (doc.node(j).tag == "a") crumbs.push_back(doc.text(j));
      }
    }
    a.section = section_from_crumbs(crumbs, a.title, site_names);
    if (!a.section.empty()) {
      prov["section"] = "breadcrumb";
    } else if (!(a.section = section_from_url(a.url)).empty()) {
      prov["section"] = "url-path";
    }
  }

  // ---- description
  if (!ld.description.empty()) {
    a.description = ld.description;
    prov["description"] = "json-ld";
  } else if (!(a.description = meta.first({"og:description", "description", "twitter:description"}, &which)).empty()) {
    prov["description"] = which == "og:description" ? "og" : "meta:" + which;
  }

  // ---- article or not
  PageKindSignals signals;
  signals.article_json_ld = ld_article;
  signals.og_type = ascii_lower(meta.first({"og:type"}));
  signals.has_published = a.published.has_value() && prov["published"] != "url-path";
  signals.body_words = count_words(a.body);
  signals.page_link_density = body.page_link_density;
  signals.url_path = url_path(a.url);
  const PageKind kind = classify_page(signals);
  if (!kind.is_article) {
    out.is_article = false;
    out.skip_reason = "not an article (" + kind.reason + ")";
    if (!context.keep_non_articles) return out;
    out.notes.push_back("page: not an article");
    out.skip_reason.clear();
  }
  if (a.body.empty() && out.is_article) {
    // A page that declares itself an article keeps its metadata (a title is
    // still searchable); anything else without text is not worth indexing.
    const bool declared = ld_article || signals.og_type.rfind("article", 0) == 0 || signals.has_published;
    if (a.title.empty() || !declared) {
      out.skip_reason = "no article text";
      return out;
    }
    out.notes.push_back("body: empty");
  }
  finalize_article(a);
  out.article = std::move(a);
  return out;
}

}  // namespace byline
