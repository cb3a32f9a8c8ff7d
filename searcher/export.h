#pragma once
// Export: every match of a request, one article at a time, for
// `byline search --all --format jsonl|csv` — pulling a whole result set out for
// analysis rather than reading one page of it.
//
// Order and memory:
//  - Newest / Oldest stream in slices of one UTC day. Each slice is matched
//    separately (the query filtered to the local days that can hold that UTC
//    day's articles), so memory is bounded by the largest day, however large
//    the archive. Undated articles come last, as in a search.
//  - Relevance / Recency need the whole ranking before the first row: the
//    matcher keeps one small item per match (docid, weight; about 100 bytes),
//    while the articles themselves are read and written one at a time. A
//    match-all query has no ranking, so it is exported newest first.
// Rows are every matching article: wire copies are not collapsed (each row
// carries its story key, so they can be grouped).
//
// The archive may grow while an export runs: when a commit overwrites the
// revision being read, the export moves to the newest revision and goes on
// from where it was (a slice is redone; a ranked list is kept and its
// articles read from the new revision, skipping any since deleted).

#include <cstdint>
#include <functional>
#include <string>

#include "common/article.h"
#include "searcher/search_request.h"

namespace byline {

class Searcher;

struct ExportRow {
  std::uint64_t rank = 0;  // 1-based position in the export
  double score = 0;        // relevance weight; 0 in date order
  std::string story;       // story key shared by wire copies ("" when none)
  Article article;
};

struct ExportSummary {
  std::uint64_t rows = 0;
  std::uint64_t reopened = 0;  // times the archive changed under the export
};

// Calls `emit` for every article matching `request` (its query, like_id and
// clock; sort as above; offset/limit, facets, collapse and snippets are
// ignored). Throws QuerySyntaxError / UsageError as Searcher::search does.
ExportSummary export_matches(const Searcher& searcher, const SearchRequest& request,
                             const std::function<void(const ExportRow&)>& emit);

}  // namespace byline
