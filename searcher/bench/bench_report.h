#pragma once
// Summaries and renderings of a benchmark run: a text table for people and a
// JSON document for scripts (benchmarks/fts5_peer.py reads it). Neither touches
// Xapian types.
//
// JSON layout:
//   {"environment": {cpu, cores, build_type, assertions, optimised, byline_version,
//                    xapian_version, db, index_bytes, articles},
//    "settings": {queries_file, warmup, repeat, threads, limit, facets, date_granularity, sort, cold},
//    "warnings": [...],
//    "queries": [{"query", "category", "line", "latencies_ms": [...], "total", "total_exact",
//                 "top_ids": [...], "facets": {"section": {key: count}, "date": {bucket: count},
//                 "granularity", "exact"}}   (facets only when asked for; "error" instead of
//                 results for a failed query)],
//    "failed": n,
//    "summary": {"overall": {count, p50_ms, p95_ms, p99_ms, max_ms, mean_ms, qps, queries},
//                "by_category": {name: {same}}}}
// Date buckets with a zero count are left out of "date".

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "searcher/bench/bench_environment.h"
#include "searcher/bench/bench_runner.h"
#include "searcher/bench/latency_stats.h"

namespace byline {

struct BenchDescription {
  BenchEnvironment environment;
  BenchSettings settings;
  std::string queries_file;
  bool cold = false;
  std::vector<std::string> warnings;  // printed to stderr by the caller, and kept in the JSON
};

struct CategorySummary {
  LatencySummary latency;
  std::size_t queries = 0;  // distinct queries that ran (failed ones excluded)
};

struct BenchSummary {
  CategorySummary overall;
  std::map<std::string, CategorySummary> by_category;
};

// Overall QPS is timed executions / timed wall time (all clients together).
// A category's QPS is its executions / the sum of its latencies, times the
// number of clients: the rate the whole run would reach if every query were
// of that category. Failed queries are left out.
BenchSummary summarize_run(const BenchRun& run, unsigned threads);

nlohmann::json bench_json(const BenchDescription& description, const BenchRun& run);
std::string bench_text(const BenchDescription& description, const BenchRun& run);

}  // namespace byline
