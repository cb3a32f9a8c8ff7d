// `byline bench`: query latency on an index, from a file of queries. Options
// become a BenchSettings; the library (bench/) runs, summarises and renders.
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <xapian.h>

#include "searcher/bench/bench_environment.h"
#include "searcher/bench/bench_report.h"
#include "searcher/bench/bench_runner.h"
#include "searcher/bench/page_cache.h"
#include "searcher/bench/query_file.h"
#include "cli/commands.h"
#include "common/errors.h"
#include "common/version.h"
#include "searcher/request_options.h"
#include "searcher/searcher.h"

#ifndef BYLINE_BUILD_TYPE
#define BYLINE_BUILD_TYPE "unknown"
#endif

namespace byline::cli {

namespace {

struct BenchConfig {
  std::string db;
  std::string queries;
  unsigned warmup = 1;
  unsigned repeat = 5;
  unsigned threads = 1;
  unsigned limit = 10;
  bool facets = true;
  std::string sort = "relevance";
  std::string date_facet = "auto";
  bool cold = false;
  bool json = false;
  bool no_collapse = false;
  bool no_suggest = false;
  bool no_multi_select = false;
};

#ifdef NDEBUG
constexpr bool kAssertions = false;
#else
constexpr bool kAssertions = true;
#endif

BenchEnvironment environment_of(const Searcher& searcher, const std::string& db) {
  BenchEnvironment e;
  e.cpu_model = cpu_model();
  e.cores = std::thread::hardware_concurrency();
  e.build_type = BYLINE_BUILD_TYPE;
  e.assertions = kAssertions;
  e.optimised = is_optimised_build(e.build_type, e.assertions);
  e.byline_version = kBylineVersion;
  e.xapian_version = Xapian::version_string();
  e.db_path = db;
  e.index_bytes = folder_size_bytes(db);
  e.articles = searcher.database().get_doccount();
  return e;
}

int run_bench_command(const BenchConfig& config) {
  const std::vector<BenchQuery> queries = read_query_file(config.queries);
  if (queries.empty()) throw InputError(fmt::format("query file '{}' holds no queries", config.queries));

  BenchDescription d;
  d.queries_file = config.queries;
  d.cold = config.cold;
  BenchSettings& s = d.settings;
  s.warmup = config.warmup;
  s.repeat = config.repeat;
  s.threads = config.threads;
  s.request.limit = config.limit;
  s.request.facets = config.facets;
  s.request.collapse = !config.no_collapse;
  if (config.no_suggest) s.request.suggest_below = 0;
  s.request.multi_select = !config.no_multi_select;
  s.request.sort = parse_sort_order(config.sort, "--sort");
  s.request.date_granularity = parse_date_granularity(config.date_facet, "--date-facet");

  // Opened first so that a missing or incompatible index stops the run (exit 4) before anything is printed.
  auto first = std::make_unique<Searcher>(config.db);
  d.environment = environment_of(*first, config.db);
  if (!d.environment.optimised)
    d.warnings.push_back(fmt::format("NOT AN OPTIMISED BUILD (build type '{}', assertions {}): latencies are not "
                                     "representative; build with -DCMAKE_BUILD_TYPE=Release",
                                     d.environment.build_type, kAssertions ? "on" : "off"));
  if (config.cold)
    d.warnings.push_back("cold cache: the index files are evicted with posix_fadvise(DONTNEED) before each timed "
                         "pass; pages of files that are dirty (being written, not yet synced) stay cached");

  BenchHooks hooks;
  hooks.make_searcher = [&first, &config]() {
    if (first) return std::move(first);
    return std::make_unique<Searcher>(config.db);
  };
  std::vector<std::string> eviction_errors;
  if (config.cold)
    hooks.before_timed_pass = [&config, &eviction_errors] {
      for (std::string& error : evict_from_page_cache(config.db).errors) eviction_errors.push_back(std::move(error));
    };

  const BenchRun run = run_bench(queries, s, hooks);
  if (!eviction_errors.empty())
    d.warnings.push_back(fmt::format("page-cache eviction failed {} time(s), first: {}", eviction_errors.size(),
                                     eviction_errors.front()));
  for (const std::string& warning : d.warnings) fmt::print(stderr, "byline bench: WARNING: {}\n", warning);
  if (run.failed() > 0) fmt::print(stderr, "byline bench: {} of {} queries failed\n", run.failed(), run.queries.size());

  if (config.json) fmt::print("{}\n", bench_json(d, run).dump());
  else fmt::print("{}", bench_text(d, run));
  return 0;
}

}  // namespace

Runner add_bench_command(CLI::App& app) {
  auto config = std::make_shared<BenchConfig>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "Measure query latency on an index: p50/p95/p99/max/mean and QPS per category and overall");
  cmd->add_option("--db", config->db, "Database folder made by `byline index`")->required();
  cmd->add_option("--queries", config->queries,
                  "Query file: one `category<TAB>query` a line (no tab: category `all`; `#` comments)")
      ->required();
  cmd->add_option("--warmup", config->warmup, "Untimed passes over the queries first")
      ->check(CLI::Range(0u, 1000u))
      ->capture_default_str();
  cmd->add_option("--repeat", config->repeat, "Timed passes (each query is timed this many times)")
      ->check(CLI::Range(1u, 100000u))
      ->capture_default_str();
  cmd->add_option("--threads", config->threads, "Concurrent clients, one Searcher each")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  cmd->add_option("-n,--limit", config->limit, "Hits per query")->check(CLI::Range(0u, 10000u))->capture_default_str();
  cmd->add_flag("--facets,!--no-facets", config->facets, "Count section and date facets over all matches (default on)");
  cmd->add_flag("--no-collapse", config->no_collapse, "Do not collapse wire copies (as `byline search --no-collapse`)");
  cmd->add_flag("--no-suggest", config->no_suggest, "No \"did you mean\" for queries with few matches");
  cmd->add_flag("--no-multi-select", config->no_multi_select,
                "Facets count the matches only (as `byline search --no-multi-select`)");
  cmd->add_option("--sort", config->sort, "relevance, newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
      ->capture_default_str();
  cmd->add_option("--date-facet", config->date_facet, "Date histogram granularity: auto, year, month, day")
      ->check(CLI::IsMember({"auto", "year", "month", "day"}))
      ->capture_default_str();
  cmd->add_flag("--cold", config->cold,
                "Evict the index files from the OS page cache before each timed pass (posix_fadvise; the files must "
                "not be dirty)");
  cmd->add_flag("--json", config->json, "JSON output: environment, per-query latencies and results, summary");
  return [config] { return run_bench_command(*config); };
}

}  // namespace byline::cli
