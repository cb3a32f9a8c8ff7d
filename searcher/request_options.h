#pragma once
// The text forms of a SearchRequest's options (sort names, half-lives, facet
// lists, granularities), read the same way from the CLI's flags and from the
// server's URL parameters. Each parser throws UsageError naming `option`, the
// flag or parameter the text came from.

#include <string>
#include <string_view>
#include <vector>

#include "searcher/search_request.h"

namespace byline {

// "relevance", "newest", "oldest" or "recency".
SortOrder parse_sort_order(std::string_view text, std::string_view option);

// "auto", "year", "month" or "day".
DateGranularity parse_date_granularity(std::string_view text, std::string_view option);

// "30d", "12h", "2w", "1y" → days; "inf" (or "infinite", "none") → infinity.
double parse_half_life_days(std::string_view text, std::string_view option);

// The non-empty pieces of a comma-separated list.
std::vector<std::string> split_commas(std::string_view text);

// "section,date:month,site" → request.facet_fields, in that order; `date:g`
// also sets request.date_granularity. Unknown field names are left for
// Searcher::search to refuse.
void set_facet_fields(SearchRequest& request, std::string_view list, std::string_view option);

}  // namespace byline
