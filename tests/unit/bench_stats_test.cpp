// Unit tests for the benchmark library's pure parts: nearest-rank
// percentiles, summaries, query files, environment helpers.
#include <sstream>

#include <catch2/catch.hpp>

#include "searcher/bench/bench_environment.h"
#include "searcher/bench/bench_report.h"
#include "searcher/bench/latency_stats.h"
#include "searcher/bench/query_file.h"

using namespace byline;

TEST_CASE("nearest-rank percentiles pick a measured sample of rank ceil(p/100 * n)", "[unit][bench]") {
  const std::vector<double> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(percentile_nearest_rank(ten, 50) == 5);   // rank 5
  CHECK(percentile_nearest_rank(ten, 51) == 6);   // ceil(5.1) = 6
  CHECK(percentile_nearest_rank(ten, 90) == 9);
  CHECK(percentile_nearest_rank(ten, 95) == 10);  // ceil(9.5) = 10
  CHECK(percentile_nearest_rank(ten, 100) == 10);
  CHECK(percentile_nearest_rank(ten, 0) == 1);
  CHECK(percentile_nearest_rank(ten, 10) == 1);

  std::vector<double> twenty;
  for (int i = 1; i <= 20; ++i) twenty.push_back(i * 10.0);
  CHECK(percentile_nearest_rank(twenty, 95) == 190);  // exactly rank 19, not 20 (0.95 * 20 is not exact in binary)
  CHECK(percentile_nearest_rank(twenty, 99) == 200);

  std::vector<double> thousand;
  for (int i = 1; i <= 1000; ++i) thousand.push_back(i);
  CHECK(percentile_nearest_rank(thousand, 99) == 990);
  CHECK(percentile_nearest_rank(thousand, 99.9) == 999);

  CHECK(percentile_nearest_rank({}, 50) == 0);
  CHECK(percentile_nearest_rank({7}, 50) == 7);
  CHECK(percentile_nearest_rank({7}, 99) == 7);
}

TEST_CASE("summaries sort their input and compute mean, max and rate", "[unit][bench]") {
  const LatencySummary s = summarize({4, 1, 3, 2}, 2.0);
  CHECK(s.count == 4);
  CHECK(s.p50_ms == 2);
  CHECK(s.p95_ms == 4);
  CHECK(s.p99_ms == 4);
  CHECK(s.max_ms == 4);
  CHECK(s.mean_ms == Approx(2.5));
  CHECK(s.qps == Approx(2.0));
  CHECK(summarize({1, 2}, 0).qps == 0);
  CHECK(summarize({}, 1).count == 0);
}

TEST_CASE("run summaries group by category and leave failed queries out", "[unit][bench]") {
  BenchRun run;
  run.timed_wall_seconds = 0.5;
  QueryRun a{BenchQuery{"term", "flood", 1}, "", {10, 20}};
  QueryRun b{BenchQuery{"term", "relief", 2}, "", {30, 40}};
  QueryRun c{BenchQuery{"and", "flood relief", 3}, "", {5, 5}};
  QueryRun bad{BenchQuery{"and", "foo (", 4}, "query syntax error", {}};
  run.queries = {a, b, c, bad};
  CHECK(run.failed() == 1);

  const BenchSummary s = summarize_run(run, 1);
  CHECK(s.overall.queries == 3);
  CHECK(s.overall.latency.count == 6);
  CHECK(s.overall.latency.qps == Approx(12.0));  // 6 executions in 0.5 s
  REQUIRE(s.by_category.size() == 2);
  const CategorySummary& term = s.by_category.at("term");
  CHECK(term.queries == 2);
  CHECK(term.latency.p50_ms == 20);
  CHECK(term.latency.max_ms == 40);
  CHECK(term.latency.qps == Approx(4 / 0.1));  // 4 executions busy for 100 ms
  CHECK(s.by_category.at("and").queries == 1);
  // Two clients: a category's rate doubles (both clients could run it at once).
  CHECK(summarize_run(run, 2).by_category.at("term").latency.qps == Approx(80.0));
}

TEST_CASE("query files: category<TAB>query, comments and blank lines skipped", "[unit][bench]") {
  std::istringstream in(
      "# a comment\n"
      "\n"
      "term\tflood\n"
      "   \n"
      "  # indented comment\n"
      "no tab here\r\n"
      "and+date\tflood relief date:2024-01\t\n"
      "\tempty category\n"
      "all-docs\t\n");
  const std::vector<BenchQuery> q = parse_query_file(in);
  REQUIRE(q.size() == 5);
  CHECK(q[0].category == "term");
  CHECK(q[0].query == "flood");
  CHECK(q[0].line == 3);
  CHECK(q[1].category == "all");
  CHECK(q[1].query == "no tab here");
  CHECK(q[1].line == 6);
  CHECK(q[2].category == "and+date");
  CHECK(q[2].query == "flood relief date:2024-01");
  CHECK(q[3].category == "all");
  CHECK(q[3].query == "empty category");
  CHECK(q[4].category == "all-docs");
  CHECK(q[4].query.empty());  // every article
}

TEST_CASE("environment helpers", "[unit][bench]") {
  CHECK(cpu_model_from_cpuinfo("processor\t: 0\nvendor_id\t: X\nmodel name\t: Example CPU 3000\nmodel name\t: other\n") ==
        "Example CPU 3000");
  CHECK(cpu_model_from_cpuinfo("processor\t: 0\nHardware\t: Example SoC\n") == "Example SoC");
  CHECK(cpu_model_from_cpuinfo("") == "unknown");
  CHECK(is_optimised_build("Release", false));
  CHECK(is_optimised_build("relwithdebinfo", false));
  CHECK_FALSE(is_optimised_build("Release", true));
  CHECK_FALSE(is_optimised_build("Debug", false));
  CHECK_FALSE(is_optimised_build("", false));
  CHECK_FALSE(is_optimised_build("MinSizeRel", false));
}
