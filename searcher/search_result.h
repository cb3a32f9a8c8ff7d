#pragma once
// What a search returns: plain data, no Xapian types, so that renderers (text,
// JSON, the HTTP API of server/api.h) can be written and tested without an index.

#include <cstdint>
#include <string>
#include <vector>

namespace byline {

struct Hit {
  std::string id;
  std::string url;
  std::string title;
  std::string date;  // publication time, ISO 8601 in the publication's own offset; "" if undated
  std::string section;      // label as printed ("India News")
  std::string section_key;  // normalised key ("india")
  std::string site;
  std::string language;  // ISO 639-1, "" if unknown
  std::string snippet;   // from the body (or the description when there is no body), highlighted
  std::string title_highlighted;
  std::vector<std::string> authors;
  std::string agency;
  double score = 0;  // BM25 weight; 0 when the query has no weighted terms
  unsigned rank = 0;  // 1-based position in the whole result list (offset + 1 for the first hit)
  // Other matching copies of the same story (wire copies), collapsed into
  // this hit; empty when collapsing is off or the story has one copy.
  struct Copy {
    std::string id;
    std::string site;
    std::string date;
    std::string url;
  };
  // Every matching copy including this hit, earliest first.
  std::vector<Copy> copies;
  unsigned similar = 0;  // copies.size() - 1 when collapsed, else 0
};

struct FacetValue {
  std::string value;  // section key, or date bucket "YYYY" / "YYYY-MM" / "YYYY-MM-DD"
  std::string label;  // section label; the bucket itself for dates
  std::uint64_t count = 0;
};

// A facet other than section and date: site, agency, author, lang.
struct Facet {
  std::string field;
  std::vector<FacetValue> values;  // by count descending, then value
  // True when the query filtered on this field and the counts are those of
  // the query without that filter (multi-select: the other values' counts).
  bool multi_select = false;
};

struct Count {
  std::uint64_t value = 0;
  bool exact = false;  // false: `value` is Xapian's estimate
};

struct SearchResult {
  std::string query;
  std::string like_id;  // the article given to --like, if any
  Count total;
  unsigned offset = 0;
  unsigned limit = 0;
  std::vector<Hit> hits;
  // Ordered by count (descending) then key; at most request.facet_size.
  std::vector<FacetValue> section_facet;
  // Chronological, gaps filled with zero counts; undated articles not counted.
  std::vector<FacetValue> date_facet;
  std::string date_granularity;  // "year" | "month" | "day"; "" when facets were off
  bool facets_exact = false;     // true when every match was counted
  bool section_multi_select = false;  // section counts with the query's own section filter removed
  bool date_multi_select = false;     // likewise for date:
  std::vector<Facet> facets;          // site, agency, author, lang as asked
  // Stories: matches with near-duplicate copies counted once. Equal to
  // `total` when collapsing is off.
  Count stories;
  bool collapsed = false;
  std::string did_you_mean;  // "" when no suggestion
  double took_ms = 0;            // parse + match + collect, not rendering
};

}  // namespace byline
