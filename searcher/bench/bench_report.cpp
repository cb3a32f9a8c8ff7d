#include "searcher/bench/bench_report.h"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace byline {

namespace {

nlohmann::json summary_json(const CategorySummary& s) {
  const LatencySummary& l = s.latency;
  return {{"queries", s.queries}, {"count", l.count},   {"p50_ms", l.p50_ms},   {"p95_ms", l.p95_ms},
          {"p99_ms", l.p99_ms},   {"max_ms", l.max_ms}, {"mean_ms", l.mean_ms}, {"qps", l.qps}};
}

nlohmann::json facets_json(const QueryRun& q) {
  nlohmann::json sections = nlohmann::json::object();
  for (const FacetValue& v : q.section_facet) sections[v.value] = v.count;
  nlohmann::json dates = nlohmann::json::object();
  for (const FacetValue& v : q.date_facet)
    if (v.count > 0) dates[v.value] = v.count;
  return {{"section", sections}, {"date", dates}, {"granularity", q.date_granularity}, {"exact", q.facets_exact}};
}

std::string human_bytes(std::uint64_t bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(units)) {
    value /= 1024;
    ++unit;
  }
  return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.2f} {}", value, units[unit]);
}

std::string table_row(const std::string& name, const CategorySummary& s) {
  const LatencySummary& l = s.latency;
  return fmt::format("{:<16} {:>7} {:>6} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.1f}\n", name, s.queries,
                     l.count, l.p50_ms, l.p95_ms, l.p99_ms, l.max_ms, l.mean_ms, l.qps);
}

}  // namespace

BenchSummary summarize_run(const BenchRun& run, unsigned threads) {
  BenchSummary summary;
  std::vector<double> all;
  std::map<std::string, std::vector<double>> by_category;
  std::map<std::string, std::size_t> queries_by_category;
  for (const QueryRun& q : run.queries) {
    if (!q.error.empty()) continue;
    all.insert(all.end(), q.latencies_ms.begin(), q.latencies_ms.end());
    auto& latencies = by_category[q.query.category];
    latencies.insert(latencies.end(), q.latencies_ms.begin(), q.latencies_ms.end());
    ++queries_by_category[q.query.category];
    ++summary.overall.queries;
  }
  summary.overall.latency = summarize(all, run.timed_wall_seconds);
  for (auto& [category, latencies] : by_category) {
    const double busy_seconds = std::accumulate(latencies.begin(), latencies.end(), 0.0) / 1000.0;
    CategorySummary& s = summary.by_category[category];
    s.latency = summarize(latencies, busy_seconds / std::max(1u, threads));
    s.queries = queries_by_category[category];
  }
  return summary;
}

nlohmann::json bench_json(const BenchDescription& d, const BenchRun& run) {
  const BenchEnvironment& e = d.environment;
  const BenchSettings& s = d.settings;
  nlohmann::json out;
  out["environment"] = {{"cpu", e.cpu_model},
                        {"cores", e.cores},
                        {"build_type", e.build_type},
                        {"assertions", e.assertions},
                        {"optimised", e.optimised},
                        {"byline_version", e.byline_version},
                        {"xapian_version", e.xapian_version},
                        {"db", e.db_path},
                        {"index_bytes", e.index_bytes},
                        {"articles", e.articles}};
  out["settings"] = {{"queries_file", d.queries_file},
                     {"warmup", s.warmup},
                     {"repeat", s.repeat},
                     {"threads", s.threads},
                     {"limit", s.request.limit},
                     {"facets", s.request.facets},
                     {"multi_select", s.request.multi_select},
                     {"collapse", s.request.collapse},
                     {"suggest_below", s.request.suggest_below},
                     {"date_granularity", to_string(s.request.date_granularity)},
                     {"sort", to_string(s.request.sort)},
                     {"cold", d.cold}};
  out["warnings"] = d.warnings;
  nlohmann::json queries = nlohmann::json::array();
  for (const QueryRun& q : run.queries) {
    nlohmann::json item = {{"query", q.query.query}, {"category", q.query.category}, {"line", q.query.line}};
    if (!q.error.empty()) {
      item["error"] = q.error;
    } else {
      item["latencies_ms"] = q.latencies_ms;
      item["total"] = q.total.value;
      item["total_exact"] = q.total.exact;
      item["top_ids"] = q.top_ids;
      if (s.request.facets) item["facets"] = facets_json(q);
    }
    queries.push_back(std::move(item));
  }
  out["queries"] = std::move(queries);
  out["failed"] = run.failed();
  const BenchSummary summary = summarize_run(run, s.threads);
  nlohmann::json by_category = nlohmann::json::object();
  for (const auto& [name, c] : summary.by_category) by_category[name] = summary_json(c);
  out["summary"] = {{"overall", summary_json(summary.overall)}, {"by_category", by_category}};
  return out;
}

std::string bench_text(const BenchDescription& d, const BenchRun& run) {
  const BenchEnvironment& e = d.environment;
  const BenchSettings& s = d.settings;
  std::string out;
  out += fmt::format("queries:  {} from {} ({} failed); {} warmup + {} timed passes; {} client{}\n",
                     run.queries.size(), d.queries_file, run.failed(), s.warmup, s.repeat, s.threads,
                     s.threads == 1 ? "" : "s");
  out += fmt::format("machine:  {}, {} cores\n", e.cpu_model, e.cores);
  out += fmt::format("build:    byline {}, {} build, assertions {}, Xapian {}{}\n", e.byline_version, e.build_type,
                     e.assertions ? "on" : "off", e.xapian_version, e.optimised ? "" : "  ** NOT OPTIMISED **");
  out += fmt::format("index:    {}: {} articles, {} on disk\n", e.db_path, e.articles, human_bytes(e.index_bytes));
  out += fmt::format("settings: limit {}, facets {}{}, wire copies {}, did-you-mean {}, sort {}, cache {}\n",
                     s.request.limit, s.request.facets ? "on" : "off",
                     s.request.facets ? fmt::format(" (dates by {}{})", to_string(s.request.date_granularity),
                                                    s.request.multi_select ? ", multi-select" : "")
                                      : "",
                     s.request.collapse ? "collapsed" : "not collapsed",
                     s.request.suggest_below > 0 ? "on" : "off", to_string(s.request.sort),
                     d.cold ? "cold (index files evicted before each timed pass; needs files that are not dirty)"
                            : "warm");
  out += "\n";
  out += fmt::format("{:<16} {:>7} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "category", "queries", "runs",
                     "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms", "QPS");
  const BenchSummary summary = summarize_run(run, s.threads);
  for (const auto& [name, c] : summary.by_category) out += table_row(name, c);
  out += table_row("overall", summary.overall);
  if (run.failed() > 0) {
    out += fmt::format("\n{} failed quer{}:\n", run.failed(), run.failed() == 1 ? "y" : "ies");
    for (const QueryRun& q : run.queries)
      if (!q.error.empty()) out += fmt::format("  line {} [{}]: {}\n", q.query.line, q.query.category, q.error);
  }
  return out;
}

}  // namespace byline
