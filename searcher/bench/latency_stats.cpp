#include "searcher/bench/latency_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace byline {

double percentile_nearest_rank(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double n = static_cast<double>(sorted.size());
  // The small epsilon keeps exact ranks exact: 0.95 * 20 is 19.000000000000004 in binary.
  double rank = std::ceil(p / 100.0 * n - 1e-9);
  rank = std::clamp(rank, 1.0, n);
  return sorted[static_cast<std::size_t>(rank) - 1];
}

LatencySummary summarize(std::vector<double> latencies_ms, double wall_seconds) {
  LatencySummary s;
  s.count = latencies_ms.size();
  if (latencies_ms.empty()) return s;
  std::sort(latencies_ms.begin(), latencies_ms.end());
  s.p50_ms = percentile_nearest_rank(latencies_ms, 50);
  s.p95_ms = percentile_nearest_rank(latencies_ms, 95);
  s.p99_ms = percentile_nearest_rank(latencies_ms, 99);
  s.max_ms = latencies_ms.back();
  s.mean_ms = std::accumulate(latencies_ms.begin(), latencies_ms.end(), 0.0) / static_cast<double>(s.count);
  if (wall_seconds > 0) s.qps = static_cast<double>(s.count) / wall_seconds;
  return s;
}

}  // namespace byline
