#include "searcher/bench/bench_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <xapian.h>

#include "common/errors.h"

namespace byline {

namespace {

using Clock = std::chrono::steady_clock;

// The message a failed query is reported with.
std::string failure_message(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& e) {
    return e.what();
  } catch (const Xapian::Error& e) {
    return fmt::format("{}: {}", e.get_type(), e.get_msg());
  } catch (const std::exception& e) {
    return e.what();
  }
}

void record_result(QueryRun& run, SearchResult result) {
  run.total = result.total;
  run.top_ids.clear();
  for (const Hit& hit : result.hits) run.top_ids.push_back(hit.id);
  run.section_facet = std::move(result.section_facet);
  run.date_facet = std::move(result.date_facet);
  run.date_granularity = std::move(result.date_granularity);
  run.facets_exact = result.facets_exact;
}

// One client's share of a pass: takes query indices from `next` until none
// are left. Each index is taken by exactly one client, so writes to runs[i]
// never race.
void client_pass(const Searcher& searcher, const SearchRequest& base, const std::vector<std::size_t>& runnable,
                 std::vector<QueryRun>& runs, std::atomic<std::size_t>& next, bool timed, bool first_pass) {
  SearchRequest request = base;
  for (std::size_t k = next.fetch_add(1); k < runnable.size(); k = next.fetch_add(1)) {
    QueryRun& run = runs[runnable[k]];
    if (!run.error.empty()) continue;  // failed in an earlier pass
    request.query = run.query.query;
    try {
      const auto started = Clock::now();
      SearchResult result = searcher.search(request);
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
      if (timed) run.latencies_ms.push_back(ms);
      if (first_pass) record_result(run, std::move(result));
    } catch (...) {
      run.error = failure_message(std::current_exception());
    }
  }
}

}  // namespace

std::size_t BenchRun::failed() const {
  return static_cast<std::size_t>(
      std::count_if(queries.begin(), queries.end(), [](const QueryRun& q) { return !q.error.empty(); }));
}

BenchRun run_bench(const std::vector<BenchQuery>& queries, const BenchSettings& settings, const BenchHooks& hooks) {
  const unsigned clients = std::max(1u, settings.threads);
  std::vector<std::unique_ptr<Searcher>> searchers;
  for (unsigned i = 0; i < clients; ++i) searchers.push_back(hooks.make_searcher());

  BenchRun bench;
  std::vector<std::size_t> runnable;
  for (const BenchQuery& q : queries) {
    QueryRun run;
    run.query = q;
    try {
      searchers.front()->describe_query(q.query);
      runnable.push_back(bench.queries.size());
    } catch (...) {
      run.error = failure_message(std::current_exception());
    }
    run.latencies_ms.reserve(settings.repeat);
    bench.queries.push_back(std::move(run));
  }

  const unsigned passes = settings.warmup + settings.repeat;
  for (unsigned pass = 0; pass < passes; ++pass) {
    const bool timed = pass >= settings.warmup;
    if (timed && hooks.before_timed_pass) hooks.before_timed_pass();
    std::atomic<std::size_t> next{0};
    const auto started = Clock::now();
    if (clients == 1) {
      client_pass(*searchers.front(), settings.request, runnable, bench.queries, next, timed, pass == 0);
    } else {
      std::vector<std::thread> threads;
      for (unsigned c = 0; c < clients; ++c)
        threads.emplace_back(client_pass, std::cref(*searchers[c]), std::cref(settings.request), std::cref(runnable),
                             std::ref(bench.queries), std::ref(next), timed, pass == 0);
      for (std::thread& t : threads) t.join();
    }
    if (timed) {
      bench.timed_wall_seconds += std::chrono::duration<double>(Clock::now() - started).count();
      ++bench.timed_passes;
    }
  }
  return bench;
}

}  // namespace byline
