#pragma once
// The article model: what every reader (JSONL, text dump, HTML, WARC) produces
// and what the document builder posts into the index. Plain data, no Xapian.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date_time.h"

namespace byline {

struct Article {
  // Stable identity: derived from the canonical URL when there is one, else the
  // source's own id, else the content (see make_article_id). Re-indexing an
  // article with the same id replaces it.
  std::string id;
  std::string url;          // canonical URL, may be empty
  std::string site;         // host without "www.", e.g. "republicworld.com"
  std::string site_name;    // the publisher's own name when known ("Republic World")
  std::string title;
  std::string description;  // standfirst / subtitle
  std::string body;         // paragraphs separated by "\n\n"
  std::string section;      // as printed by the outlet ("India News")
  std::string section_key;  // normalised for filtering and counting ("india")
  std::vector<std::string> authors;
  std::string agency;       // news agency credited, e.g. "Asian News International"
  std::string language;     // ISO 639-1 ("en", "hi"); empty if unknown
  std::optional<DateTime> published;
  std::optional<DateTime> modified;
  std::optional<DateTime> crawled;  // capture time, for crawl dumps

  // Where each field came from ("json-ld", "og:title", "text:published-line"…),
  // shown by `byline extract` so a user can see why a field came out as it did.
  std::map<std::string, std::string> provenance;
};

// Fills the derived fields that every reader would otherwise compute itself:
// site from url, section_key from section, id when empty. Call once a reader has
// set what it knows; `source_id` is the source's own id, if any.
void finalize_article(Article& article, std::string_view source_id = {});

}  // namespace byline
