#pragma once
// The query-latency benchmark behind `byline bench`: runs a list of queries
// through the searcher library `warmup + repeat` times and records the
// latency of every timed execution, together with what each query returned
// (total, top ids, facets) so that results can be checked as well as timed.
//
// Passes and threads: a pass runs every query once. `threads` clients take the
// queries of a pass from a shared counter, each with its own Searcher (a
// Searcher is not thread-safe), so each query runs exactly once per pass
// whatever the number of clients. Passes are separated (all clients finish one
// before the next starts), which is where a cold run evicts the page cache.
// Latency is the wall time of Searcher::search(): parse, match, facet counting,
// reading the hits' stored fields and making snippets; no rendering.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "searcher/bench/query_file.h"
#include "searcher/search_request.h"
#include "searcher/search_result.h"
#include "searcher/searcher.h"

namespace byline {

struct BenchSettings {
  unsigned warmup = 1;   // untimed passes first (results are recorded from the first pass)
  unsigned repeat = 5;   // timed passes
  unsigned threads = 1;  // concurrent clients, each with its own Searcher
  // Everything but `query` is used for every query (limit, facets, sort, ...).
  SearchRequest request;
};

struct QueryRun {
  BenchQuery query;
  // Non-empty when the query failed (syntax error, Xapian error): it is then
  // reported and counted, and its latencies (if any) are left out of summaries.
  std::string error;
  std::vector<double> latencies_ms;  // one per timed pass, in pass order
  // From the first execution.
  Count total;
  std::vector<std::string> top_ids;
  std::vector<FacetValue> section_facet;
  std::vector<FacetValue> date_facet;
  std::string date_granularity;
  bool facets_exact = false;
};

struct BenchRun {
  std::vector<QueryRun> queries;  // in file order
  double timed_wall_seconds = 0;  // wall time of the timed passes (hooks not included)
  unsigned timed_passes = 0;
  std::size_t failed() const;
};

struct BenchHooks {
  // Makes one Searcher per client (called threads times, before any pass).
  // Exceptions (IndexError: missing or incompatible db) propagate.
  std::function<std::unique_ptr<Searcher>()> make_searcher;
  // Called before each timed pass, outside the timing (the cold-cache eviction). May be empty.
  std::function<void()> before_timed_pass;
};

// Queries are first parsed once (Searcher::describe_query); those that do not
// parse are marked failed and never run. Never throws for a query's failure;
// IndexError from make_searcher propagates. threads == 0 is taken as 1.
BenchRun run_bench(const std::vector<BenchQuery>& queries, const BenchSettings& settings, const BenchHooks& hooks);

}  // namespace byline
