#pragma once
// Machine-readable metadata of an HTML page: JSON-LD (schema.org), <meta>
// tags (OpenGraph, article:*, parsely-*, dc.*, sailthru.*, cXenseParse:*, …),
// the <title>, <html lang> and the canonical link. Collected as found; the
// choice between competing signals is made by the extractor (html_extractor.h).

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/html_dom.h"

namespace byline {

// The fields of the page's best article-typed JSON-LD object. Text values are
// entity-decoded and white-space collapsed; empty when absent.
struct JsonLdArticle {
  bool found = false;
  std::string type;  // "NewsArticle", "BlogPosting", "WebPage" (fallback)…
  int rank = -1;     // how article-like the type is: 3 news, 2 article/blog, 0 web page
  std::string headline;
  std::string description;
  std::string date_published;
  std::string date_modified;
  std::string section;
  std::string language;
  std::string body;       // articleBody, when the publisher embeds it
  std::string publisher;  // publisher.name
  std::string url;
  std::vector<std::string> authors;       // Person names, or plain author strings
  std::vector<std::string> organisations;  // authors typed Organization
};

struct PageMetadata {
  // <meta> key (lowercase name, property or itemprop) and content, in document order.
  std::vector<std::pair<std::string, std::string>> meta;
  std::string title_tag;   // <title>
  std::string html_lang;   // <html lang>
  std::string canonical;   // <link rel=canonical>
  JsonLdArticle json_ld;
  std::vector<std::string> breadcrumb;  // BreadcrumbList item names, in order
  bool json_ld_repaired = false;        // a block needed the lenient parser
  int json_ld_failed = 0;               // blocks that could not be read at all

  // First non-empty content for any of `keys` (lowercase), in the given order
  // of preference; sets *which to the key that matched.
  std::string first(std::initializer_list<std::string_view> keys, std::string* which = nullptr) const;
  // All non-empty contents for `key`.
  std::vector<std::string> all(std::string_view key) const;
};

PageMetadata read_metadata(const HtmlDocument& doc);

// Parses JSON leniently: as is, else after repairing what hand-written
// templates break (raw newlines and tabs inside strings, trailing commas,
// HTML comment or CDATA wrappers, a trailing ';'). Returns false if still
// unreadable. Exposed for tests. `json` receives the serialised result.
bool lenient_json_parse(std::string_view text, std::string* normalised, bool* repaired = nullptr);

}  // namespace byline
