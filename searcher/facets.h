#pragma once
// Collect stage, facets: turns the per-value counts a Xapian::ValueCountMatchSpy
// gathered over all matches into the plain facet lists of a SearchResult.
// Pure functions over counts, so they can be checked against a brute-force
// count in tests.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "searcher/search_request.h"
#include "searcher/search_result.h"

namespace byline {

class SectionLabels;

// value -> number of matching documents with that value.
using ValueCounts = std::map<std::string, std::uint64_t>;

// Sections by count (descending), then key; at most `size` (0: all); labels
// from `labels`. Documents without a section are not counted.
std::vector<FacetValue> section_facet(const ValueCounts& sections, unsigned size, SectionLabels& labels);

// Auto → Day when the days in `days` ("YYYYMMDD" keys) span at most 62 days,
// Month when they span at most 36 calendar months, else Year. Other values are
// returned unchanged. An empty `days` gives Month with Auto (it does not matter).
DateGranularity resolve_granularity(const ValueCounts& days, DateGranularity requested);

// Histogram of `days` at `granularity` (not Auto), chronological, with a zero
// bucket for each empty year/month/day between the first and the last.
// Keys that are not "YYYYMMDD" are ignored.
std::vector<FacetValue> date_histogram(const ValueCounts& days, DateGranularity granularity);

}  // namespace byline
