// `byline timeline QUERY`: matching articles per day, month or year as bars in
// the terminal (or --json / --csv), optionally one series per section or site
// (searcher/timeline.h counts them).

#include <unistd.h>

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/errors.h"
#include "searcher/render_text.h"
#include "searcher/render_export.h"
#include "searcher/request_options.h"
#include "searcher/searcher.h"
#include "searcher/timeline.h"

namespace byline::cli {

namespace {

struct TimelineConfig {
  std::string db;
  std::vector<std::string> words;
  std::string period = "auto";
  std::string by;
  unsigned series = 5;
  std::string tz;
  std::string now;
  bool json = false;
  bool csv = false;
  unsigned width = 80;
};

int run_timeline(const TimelineConfig& config) {
  if (config.json && config.csv) throw UsageError("timeline: --json and --csv exclude each other");
  TimelineRequest request;
  for (const std::string& word : config.words) request.query += (request.query.empty() ? "" : " ") + word;
  request.clock = make_query_clock(config.tz, config.now);
  request.granularity = parse_date_granularity(config.period, "--period");
  request.by = config.by;
  request.series = config.series;
  const Timeline timeline = build_timeline(Searcher(config.db), request);

  if (config.json) {
    fmt::print("{}\n", render_timeline_json(timeline));
    return 0;
  }
  if (config.csv) {
    fmt::print("bucket");
    for (const Timeline::Series& s : timeline.series) fmt::print(",{}", csv_field(s.name));
    fmt::print("\n");
    for (std::size_t i = 0; i < timeline.buckets.size(); ++i) {
      fmt::print("{}", timeline.buckets[i]);
      for (const Timeline::Series& s : timeline.series) fmt::print(",{}", s.counts[i]);
      fmt::print("\n");
    }
    return 0;
  }
  std::uint64_t most = 0;
  for (const Timeline::Series& s : timeline.series)
    for (const std::uint64_t n : s.counts) most = std::max(most, n);
  const bool colour = ::isatty(STDOUT_FILENO);
  const unsigned bar_width = config.width > 40 ? config.width - 30 : 10;
  fmt::print("{} articles for '{}' by {}\n", group_thousands(timeline.total), timeline.query, timeline.granularity);
  for (const Timeline::Series& s : timeline.series) {
    if (timeline.series.size() > 1) fmt::print("\n{}\n", s.name);
    for (std::size_t i = 0; i < timeline.buckets.size(); ++i) {
      const std::uint64_t n = s.counts[i];
      const std::size_t length = most == 0 ? 0 : static_cast<std::size_t>((n * bar_width + most - 1) / most);
      std::string bar;
      for (std::size_t k = 0; k < length; ++k) bar += colour ? "█" : "#";
      fmt::print("  {:<10} {:>8}  {}\n", timeline.buckets[i], group_thousands(n), bar);
    }
  }
  return 0;
}

}  // namespace

Runner add_timeline_command(CLI::App& app) {
  auto config = std::make_shared<TimelineConfig>();
  CLI::App* cmd = app.add_subcommand("timeline", "Matching articles per day, month or year, as bars, JSON or CSV");
  cmd->add_option("--db", config->db, "Database folder made by `byline index`")->required();
  cmd->add_option("query", config->words, "Query (see docs/query-language.md); empty: every article");
  cmd->add_option("--period", config->period, "auto, day, month or year")
      ->check(CLI::IsMember({"auto", "day", "month", "year"}))
      ->capture_default_str();
  cmd->add_option("--by", config->by, "One series per section or site")->check(CLI::IsMember({"section", "site"}));
  cmd->add_option("--series", config->series, "Most series with --by (largest first)")
      ->check(CLI::Range(1u, 50u))
      ->capture_default_str();
  cmd->add_option("--tz", config->tz, "Time zone for relative dates (+05:30, UTC, IST)");
  cmd->add_option("--now", config->now, "Fix the clock for relative dates (ISO 8601)");
  cmd->add_flag("--json", config->json, "JSON: buckets and one count list per series");
  cmd->add_flag("--csv", config->csv, "CSV: a bucket column and one column per series");
  cmd->add_option("--width", config->width, "Terminal columns for the bars")->check(CLI::Range(20u, 1000u));
  return [config] { return run_timeline(*config); };
}

}  // namespace byline::cli
