#pragma once
// What a caller asks the searcher for: plain data filled by the CLI (or a
// future server) from its options. See docs/query-language.md for `query`.

#include <string>

namespace byline {

enum class SortOrder { Relevance, Newest, Oldest };
// Auto picks the finest of day/month/year that keeps the histogram short (see
// docs/json-output.md): day when the matches span at most 62 days, month when
// they span at most 36 months, year otherwise.
enum class DateGranularity { Auto, Year, Month, Day };

struct SearchRequest {
  // The query string. "" (or only white space) matches every article.
  std::string query;
  // Relevance is BM25. Newest/Oldest sort by publication instant, relevance
  // breaking ties; undated articles come last in both.
  SortOrder sort = SortOrder::Relevance;
  unsigned offset = 0;  // hits to skip
  unsigned limit = 10;  // hits to return; 0 is allowed (counts and facets only)
  // Section and date facets over all matches (exact counts). Off saves the
  // full pass over the matches, and the total may then be an estimate.
  bool facets = true;
  DateGranularity date_granularity = DateGranularity::Auto;
  unsigned facet_size = 20;  // most sections returned; 0 means all
  unsigned snippet_chars = 200;  // approximate length of each snippet, in bytes
  // Put around matched words in snippets and highlighted titles.
  std::string highlight_start = "[";
  std::string highlight_end = "]";
};

const char* to_string(SortOrder sort);
const char* to_string(DateGranularity granularity);

}  // namespace byline
