#include <unistd.h>

#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/stored_fields.h"
#include "searcher/export.h"
#include "searcher/query_clock.h"
#include "searcher/render_export.h"
#include "searcher/render_json.h"
#include "searcher/render_text.h"
#include "searcher/request_options.h"
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
  std::string facets = "section,date";
  std::string tz;
  std::string now;
  std::string half_life = "30d";
  double recency_weight = 2.0;
  bool no_collapse = false;
  bool no_multi_select = false;
  std::string like;
  std::string format = "text";
  bool all = false;
  std::string fields;
  std::size_t max_query_bytes = kMaxQueryBytes;
  unsigned max_result_window = kMaxResultWindow;
};

// --format jsonl|csv: the rows of the page asked for, or with --all of every
// match, written as they are read.
int run_export(const Searcher& searcher, const SearchRequest& request, const SearchConfig& config) {
  ExportWriter writer(stdout, config.format == "csv" ? ExportFormat::Csv : ExportFormat::Jsonl,
                      split_commas(config.fields));
  writer.begin();
  if (config.all) {
    export_matches(searcher, request, [&](const ExportRow& row) { writer.write(row); });
    return 0;
  }
  const SearchResult page = searcher.search(request);
  // The page's hits, with their full stored fields.
  for (const Hit& hit : page.hits) {
    const std::string term = schema::boolean_term(schema::prefix::kId, hit.id);
    const Xapian::Database& db = searcher.database();
    const auto posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) continue;
    const Xapian::Document doc = db.get_document(*posting);
    ExportRow row;
    row.rank = hit.rank;
    row.score = hit.score;
    row.story = doc.get_value(schema::slot::kStory);
    row.article = decode_stored_fields(doc.get_data());
    writer.write(row);
  }
  return 0;
}

int run_search(const SearchConfig& config) {
  if (config.words.empty() && config.like.empty() && !config.all)
    throw UsageError("search needs a query or --like ID (or --all to export the whole archive)");
  SearchRequest request;
  for (const std::string& word : config.words) request.query += (request.query.empty() ? "" : " ") + word;
  request.sort = parse_sort_order(config.sort, "--sort");
  request.half_life_days = parse_half_life_days(config.half_life, "--half-life");
  request.recency_weight = config.recency_weight;
  request.clock = make_query_clock(config.tz, config.now);
  request.collapse = !config.no_collapse;
  request.multi_select = !config.no_multi_select;
  request.like_id = config.like;
  set_facet_fields(request, config.facets, "--facets");
  // --date-facet, when given, wins over a granularity in --facets (date:month).
  if (config.date_facet != "auto") request.date_granularity = parse_date_granularity(config.date_facet, "--date-facet");
  request.limit = config.limit;
  request.offset = config.offset;
  request.facets = !config.no_facets;
  request.limits.max_query_bytes = config.max_query_bytes;
  request.limits.max_result_window = config.max_result_window;
  if (config.json && config.format != "text" && config.format != "json")
    throw UsageError("--json and --format " + config.format + " ask for two formats");
  const bool rows = config.format == "jsonl" || config.format == "csv";
  if (config.all && !rows) throw UsageError("--all exports every match: use it with --format jsonl or --format csv");
  if (!config.fields.empty() && !rows) throw UsageError("--fields applies to --format jsonl and --format csv");
  if (rows) {
    request.facets = false;
    const Searcher searcher(config.db);
    return run_export(searcher, request, config);
  }
  request.facet_size = config.facet_size;
  request.snippet_chars = config.snippet_chars;

  const bool json = config.json || config.format == "json";
  const bool colour = config.color == "always" || (config.color == "auto" && !json && ::isatty(STDOUT_FILENO));
  if (json) {
    // JSON carries highlights as plain markers; consumers restyle them.
    request.highlight_start = "<b>";
    request.highlight_end = "</b>";
  } else if (colour) {
    use_ansi_highlight(request);
  }

  const Searcher searcher(config.db);
  const SearchResult result = searcher.search(request);
  if (json) fmt::print("{}\n", render_json(result));
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
      ;
  cmd->add_option("--sort", config->sort, "relevance, newest, oldest or recency (relevance blended with a time decay)")
      ->check(CLI::IsMember({"relevance", "newest", "oldest", "recency"}))
      ->capture_default_str();
  cmd->add_option("-n,--limit", config->limit, "Hits to show")->check(CLI::Range(0u, 10000u))->capture_default_str();
  cmd->add_option("--offset", config->offset, "Hits to skip (paging)")->check(CLI::Range(0u, 100000000u))->capture_default_str();
  cmd->add_option("--date-facet", config->date_facet, "Date histogram granularity: auto, year, month, day")
      ->check(CLI::IsMember({"auto", "year", "month", "day"}))
      ->capture_default_str();
  cmd->add_option("--facet-size", config->facet_size, "Sections to list in the section facet")
      ->check(CLI::Range(1u, 10000u))
      ->capture_default_str();
  cmd->add_option("--snippet-chars", config->snippet_chars, "Snippet length")->check(CLI::Range(20u, 5000u))->capture_default_str();
  cmd->add_flag("--no-facets", config->no_facets, "Skip facet counting (faster)");
  cmd->add_option("--facets", config->facets,
                  "Facets to count, comma-separated: section, date (or date:year|month|day), site, agency, author, lang")
      ->capture_default_str();
  cmd->add_option("--tz", config->tz, "Time zone for date:today, date:last-7-days…: +05:30, -08:00, UTC, IST (default: "
                                      "the system's)");
  cmd->add_option("--now", config->now, "Fix the clock for relative dates (ISO 8601, e.g. 2024-01-07T09:00:00+05:30)");
  cmd->add_option("--half-life", config->half_life, "Recency half-life for --sort recency: 12h, 30d, 2w, 1y or inf")
      ->capture_default_str();
  cmd->add_option("--recency-weight", config->recency_weight,
                  "Weight of a brand-new article's recency boost against BM25 (--sort recency)")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  cmd->add_flag("--no-collapse", config->no_collapse, "Show every wire copy instead of one hit per story");
  cmd->add_flag("--no-multi-select", config->no_multi_select,
                "Facets count the matches only; by default a field the query filters on (section:, site:, lang:) is "
                "counted without that filter, which costs a pass over the wider query's matches");
  cmd->add_option("--like", config->like, "Articles on the same subject as this article id (relevance feedback)");
  cmd->add_flag("--json", config->json, "JSON output (schema in docs/json-output.md); same as --format json");
  cmd->add_option("--format", config->format,
                  "text, json (one document: hits, facets), jsonl or csv (one row per article, every stored field)")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_flag("--all", config->all,
                "With --format jsonl|csv: export every match, streamed, in --sort order (newest first when there is no query "
                "to rank by); wire copies not collapsed)");
  cmd->add_option("--fields", config->fields,
                  "With --format jsonl|csv: fields to write, comma-separated (default all: rank, score, id, date, "
                  "date_utc, modified, title, section, section_key, site, site_name, lang, authors, agency, url, "
                  "story, description, body)");
  cmd->add_option("--max-query-bytes", config->max_query_bytes, "Refuse longer queries (docs/limits.md)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20))
      ->capture_default_str();
  cmd->add_option("--max-window", config->max_result_window, "Refuse an offset + limit over this (docs/limits.md)")
      ->check(CLI::Range(1u, 100000000u))
      ->capture_default_str();
  cmd->add_option("--color", config->color, "Highlight with colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  return [config] { return run_search(*config); };
}

}  // namespace byline::cli
