// `byline timeline QUERY`: matching articles per day, month or year as bars in
// the terminal (or --json / --csv), optionally one series per section or site.
// Counts are the searcher's exact date facet; a split runs the query once per
// value with that value's filter added.

#include <unistd.h>

#include <algorithm>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "common/errors.h"
#include "searcher/render_text.h"
#include "searcher/render_export.h"
#include "searcher/searcher.h"

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

struct Series {
  std::string name;  // "all", or the section/site value
  std::map<std::string, std::uint64_t> counts;
};

int run_timeline(const TimelineConfig& config) {
  if (config.json && config.csv) throw UsageError("timeline: --json and --csv exclude each other");
  SearchRequest request;
  for (const std::string& word : config.words) request.query += (request.query.empty() ? "" : " ") + word;
  request.limit = 0;
  request.collapse = false;  // a timeline counts articles
  request.clock = make_query_clock(config.tz, config.now);
  request.facet_fields = {"date"};
  if (!config.by.empty()) request.facet_fields.push_back(config.by);
  request.facet_size = config.series;
  if (config.period == "day") request.date_granularity = DateGranularity::Day;
  else if (config.period == "month") request.date_granularity = DateGranularity::Month;
  else if (config.period == "year") request.date_granularity = DateGranularity::Year;

  const Searcher searcher(config.db);
  const SearchResult all = searcher.search(request);
  // Buckets of the whole result: every series uses the same ones.
  std::vector<std::string> buckets;
  for (const FacetValue& b : all.date_facet) buckets.push_back(b.value);
  std::vector<Series> series;
  if (config.by.empty()) {
    Series s{"all", {}};
    for (const FacetValue& b : all.date_facet) s.counts[b.value] = b.count;
    series.push_back(std::move(s));
  } else {
    const std::vector<FacetValue>& values =
        config.by == "section" ? all.section_facet : all.facets.empty() ? all.section_facet : all.facets.front().values;
    SearchRequest one = request;
    one.facet_fields = {"date"};
    one.date_granularity = all.date_granularity == "day" ? DateGranularity::Day
                           : all.date_granularity == "year" ? DateGranularity::Year
                                                            : DateGranularity::Month;
    for (const FacetValue& v : values) {
      one.query = fmt::format("{}:\"{}\" {}", config.by, v.value, request.query);
      Series s{v.value, {}};
      for (const FacetValue& b : searcher.search(one).date_facet) s.counts[b.value] = b.count;
      series.push_back(std::move(s));
    }
  }

  if (config.json) {
    nlohmann::json j = {{"query", request.query}, {"granularity", all.date_granularity},
                        {"total", all.total.value}, {"buckets", buckets}};
    nlohmann::json list = nlohmann::json::array();
    for (const Series& s : series) {
      std::vector<std::uint64_t> counts;
      for (const std::string& b : buckets) counts.push_back(s.counts.count(b) ? s.counts.at(b) : 0);
      list.push_back({{"name", s.name}, {"counts", counts}});
    }
    j["series"] = std::move(list);
    fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return 0;
  }
  if (config.csv) {
    fmt::print("bucket");
    for (const Series& s : series) fmt::print(",{}", csv_field(s.name));
    fmt::print("\n");
    for (const std::string& b : buckets) {
      fmt::print("{}", b);
      for (const Series& s : series) fmt::print(",{}", s.counts.count(b) ? s.counts.at(b) : 0);
      fmt::print("\n");
    }
    return 0;
  }
  std::uint64_t most = 0;
  for (const Series& s : series)
    for (const auto& [b, n] : s.counts) most = std::max(most, n);
  const bool colour = ::isatty(STDOUT_FILENO);
  const unsigned bar_width = config.width > 40 ? config.width - 30 : 10;
  fmt::print("{} articles for '{}' by {}\n", group_thousands(all.total.value), request.query, all.date_granularity);
  for (const Series& s : series) {
    if (series.size() > 1) fmt::print("\n{}\n", s.name);
    for (const std::string& b : buckets) {
      const std::uint64_t n = s.counts.count(b) ? s.counts.at(b) : 0;
      const std::size_t length = most == 0 ? 0 : static_cast<std::size_t>((n * bar_width + most - 1) / most);
      std::string bar;
      for (std::size_t i = 0; i < length; ++i) bar += colour ? "█" : "#";
      fmt::print("  {:<10} {:>8}  {}\n", b, group_thousands(n), bar);
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
