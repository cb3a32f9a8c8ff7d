#pragma once
// Latency distributions for benchmarks: percentiles by the nearest-rank method
// (no interpolation), so every figure reported is a latency that was actually
// measured. For n sorted samples the p-th percentile (0 < p <= 100) is the
// sample of 1-based rank ceil(p/100 * n): with 10 samples p50 is the 5th, p95
// and p99 the 10th (the maximum). With few samples the high percentiles are
// therefore the maximum; use enough repeats for p99 to mean something (>= 100
// samples).

#include <cstddef>
#include <vector>

namespace byline {

// Nearest-rank percentile of `sorted` (ascending). 0 for an empty vector;
// p <= 0 gives the minimum, p >= 100 the maximum.
double percentile_nearest_rank(const std::vector<double>& sorted, double p);

struct LatencySummary {
  std::size_t count = 0;  // timed executions
  double p50_ms = 0;
  double p95_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
  double mean_ms = 0;
  double qps = 0;  // see summarize()
};

// Summarises latencies in milliseconds (any order). `qps` is count divided by
// `wall_seconds` when that is positive, else 0.
LatencySummary summarize(std::vector<double> latencies_ms, double wall_seconds);

}  // namespace byline
