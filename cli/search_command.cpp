#include <unistd.h>

#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/errors.h"
#include "searcher/render_json.h"
#include "searcher/render_text.h"
#include "searcher/searcher.h"

namespace byline::cli {

namespace {

struct SearchConfig {
  std::string db;
  std::vector<std::string> words;
  std::string sort = "relevance";
  unsigned limit = 10;
  unsigned offset = 0;
  std::string date_facet = "auto";
  unsigned facet_size = 20;
  unsigned snippet_chars = 200;
  bool no_facets = false;
  bool json = false;
  std::string color = "auto";
};

int run_search(const SearchConfig& config) {
  SearchRequest request;
  for (const std::string& word : config.words) request.query += (request.query.empty() ? "" : " ") + word;
  if (config.sort == "newest") request.sort = SortOrder::Newest;
  else if (config.sort == "oldest") request.sort = SortOrder::Oldest;
  else request.sort = SortOrder::Relevance;
  request.limit = config.limit;
  request.offset = config.offset;
  request.facets = !config.no_facets;
  request.facet_size = config.facet_size;
  request.snippet_chars = config.snippet_chars;
  if (config.date_facet == "year") request.date_granularity = DateGranularity::Year;
  else if (config.date_facet == "month") request.date_granularity = DateGranularity::Month;
  else if (config.date_facet == "day") request.date_granularity = DateGranularity::Day;

  const bool colour = config.color == "always" || (config.color == "auto" && !config.json && ::isatty(STDOUT_FILENO));
  if (config.json) {
    // JSON carries highlights as plain markers; consumers restyle them.
    request.highlight_start = "<b>";
    request.highlight_end = "</b>";
  } else if (colour) {
    use_ansi_highlight(request);
  }

  const Searcher searcher(config.db);
  const SearchResult result = searcher.search(request);
  if (config.json) fmt::print("{}\n", render_json(result));
  else fmt::print("{}", render_text(result, TextStyle{colour}));
  return 0;
}

}  // namespace

Runner add_search_command(CLI::App& app) {
  auto config = std::make_shared<SearchConfig>();
  CLI::App* cmd = app.add_subcommand("search", "Search an index: ranked hits with snippets, section and date facets");
  cmd->add_option("--db", config->db, "Database folder made by `byline index`")->required();
  cmd->add_option("query", config->words,
                  "Query (AND by default; OR, NOT, -word, \"phrases\", title:, author:, agency:, section:, site:, "
                  "lang:, date:2025-01-06, date:2024-03..2024-06; see docs/query-language.md)")
      ->required();
  cmd->add_option("--sort", config->sort, "relevance, newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
      ->capture_default_str();
  cmd->add_option("-n,--limit", config->limit, "Hits to show")->check(CLI::Range(0u, 10000u))->capture_default_str();
  cmd->add_option("--offset", config->offset, "Hits to skip (paging)")->check(CLI::Range(0u, 1000000u))->capture_default_str();
  cmd->add_option("--date-facet", config->date_facet, "Date histogram granularity: auto, year, month, day")
      ->check(CLI::IsMember({"auto", "year", "month", "day"}))
      ->capture_default_str();
  cmd->add_option("--facet-size", config->facet_size, "Sections to list in the section facet")
      ->check(CLI::Range(1u, 10000u))
      ->capture_default_str();
  cmd->add_option("--snippet-chars", config->snippet_chars, "Snippet length")->check(CLI::Range(20u, 5000u))->capture_default_str();
  cmd->add_flag("--no-facets", config->no_facets, "Skip facet counting (faster)");
  cmd->add_flag("--json", config->json, "JSON output (schema in docs/json-output.md)");
  cmd->add_option("--color", config->color, "Highlight with colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  return [config] { return run_search(*config); };
}

}  // namespace byline::cli
