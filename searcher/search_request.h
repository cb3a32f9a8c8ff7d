#pragma once
// What a caller asks the searcher for: plain data filled by the CLI or the
// server from their options (searcher/request_options.h reads both alike).
// See docs/query-language.md for `query`.

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "searcher/query_clock.h"

namespace byline {

// Recency: BM25 plus recency_weight × 2^(−age / half-life), age counted back
// from the archive's newest article (see searcher/recency_source.h).
enum class SortOrder { Relevance, Newest, Oldest, Recency };

// Default limits (docs/limits.md). Searcher::search refuses a request over
// them: a query longer than max_query_bytes with a QuerySyntaxError (exit code
// 5), a result window (offset + limit) or facet size over theirs with a
// UsageError (exit code 2). A server sets its own through SearchLimits.
inline constexpr std::size_t kMaxQueryBytes = 4096;
inline constexpr unsigned kMaxResultWindow = 1000000;
inline constexpr unsigned kMaxFacetSize = 10000;

struct SearchLimits {
  std::size_t max_query_bytes = kMaxQueryBytes;
  unsigned max_result_window = kMaxResultWindow;
  unsigned max_facet_size = kMaxFacetSize;
};
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

  // Which facets, in this order: "section", "date", "site", "agency",
  // "author", "lang". Unknown names are a UsageError.
  std::vector<std::string> facet_fields = {"section", "date"};
  // Relative dates (`date:today`…) are read against this clock.
  QueryClock clock = QueryClock::system();
  // For SortOrder::Recency: in days; infinity means no decay (plain relevance).
  double half_life_days = 30;
  double recency_weight = 2.0;
  // Collapse near-duplicate copies (wire stories) into one hit per story.
  bool collapse = true;
  // Multi-select facets: a field the query filters on at its top level
  // (`section:world flood`) is counted as if that filter were not there, so
  // that the facet shows the other values to switch to. It costs a pass over
  // the wider query's matches; off, every facet counts the matches.
  bool multi_select = true;
  // Relevance feedback: articles like this one (an article id) instead of, or
  // filtered by, `query`.
  std::string like_id;
  // Offer a "did you mean" when the query matches fewer than this many articles.
  unsigned suggest_below = 3;
  SearchLimits limits;
};

const char* to_string(SortOrder sort);
const char* to_string(DateGranularity granularity);

}  // namespace byline
