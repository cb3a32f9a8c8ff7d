#pragma once
// Matching articles per day, month or year, as one series or one per section
// or site: the data behind `byline timeline` and the server's /api/timeline.
// Counts are the searcher's exact date facet over every match (wire copies
// not collapsed: a timeline counts articles); a split runs the query once per
// value with that value's filter added.

#include <cstdint>
#include <string>
#include <vector>

#include "searcher/searcher.h"

namespace byline {

struct TimelineRequest {
  std::string query;  // "" for every article
  DateGranularity granularity = DateGranularity::Auto;
  std::string by;       // "", "section" or "site"
  unsigned series = 5;  // most series with `by`, largest first
  QueryClock clock = QueryClock::system();
  SearchLimits limits;
};

struct Timeline {
  struct Series {
    std::string name;                    // "all", or the section key or host
    std::vector<std::uint64_t> counts;   // one per bucket
  };
  std::string query;
  std::string granularity;             // "day", "month" or "year"
  std::uint64_t total = 0;             // matching articles
  std::vector<std::string> buckets;    // of the whole result; every series uses them
  std::vector<Series> series;
};

// Throws UsageError for a `by` other than "", "section" or "site", and what
// Searcher::search throws.
Timeline build_timeline(const Searcher& searcher, const TimelineRequest& request);

// {"query", "granularity", "total", "buckets", "series": [{"name", "counts"}]}
// (docs/json-output.md), on one line.
std::string render_timeline_json(const Timeline& timeline);

}  // namespace byline
