#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "common/errors.h"
#include "indexer/index_pipeline.h"

namespace byline::cli {

namespace {

struct ExtractConfig {
  std::vector<std::string> inputs;
  std::string format = "auto";
  std::string url;
  std::string country;
  std::string map;
  bool json = false;
  bool keep_non_articles = false;
};

nlohmann::json article_json(const Article& a) {
  nlohmann::json j;
  j["id"] = a.id;
  j["title"] = a.title;
  j["authors"] = a.authors;
  j["agency"] = a.agency.empty() ? nlohmann::json() : nlohmann::json(a.agency);
  j["date"] = a.published ? nlohmann::json(a.published->iso8601_local()) : nlohmann::json();
  j["date_utc"] = a.published ? nlohmann::json(a.published->iso8601_utc()) : nlohmann::json();
  j["local_day"] = a.published ? nlohmann::json(a.published->local_date().iso()) : nlohmann::json();
  j["modified"] = a.modified ? nlohmann::json(a.modified->iso8601_local()) : nlohmann::json();
  j["crawled"] = a.crawled ? nlohmann::json(a.crawled->iso8601_utc()) : nlohmann::json();
  j["section"] = a.section;
  j["section_key"] = a.section_key;
  j["site"] = a.site;
  j["site_name"] = a.site_name;
  j["lang"] = a.language;
  j["url"] = a.url;
  j["description"] = a.description;
  j["body"] = a.body;
  j["provenance"] = a.provenance;
  return j;
}

// Prints every article as it is extracted (JSON Lines, or a readable block),
// and every skip on stderr, so a user can see why a page came out as it did.
class PrintingSink final : public ArticleSink {
 public:
  PrintingSink(bool json, std::string url) : json_(json), url_(std::move(url)) {}
  void accept(Article a) override {
    ++articles_;
    if (!url_.empty() && a.url.empty()) a.url = url_;
    if (json_) {
      fmt::print("{}\n", article_json(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return;
    }
    fmt::print("id:          {}\ntitle:       {}\n", a.id, a.title);
    fmt::print("date:        {}\n", a.published ? a.published->iso8601_local() + "  (UTC " +
                                                      a.published->iso8601_utc() + ")"
                                                : "-");
    if (a.modified) fmt::print("modified:    {}\n", a.modified->iso8601_local());
    fmt::print("authors:     {}\nagency:      {}\n", fmt::join(a.authors, "; "), a.agency);
    fmt::print("section:     {}{}\nsite:        {}\nlang:        {}\nurl:         {}\n", a.section,
               a.section_key.empty() ? "" : " [" + a.section_key + "]", a.site, a.language, a.url);
    if (!a.description.empty()) fmt::print("description: {}\n", a.description);
    for (const auto& [field, source] : a.provenance) fmt::print("  {} from {}\n", field, source);
    fmt::print("body:\n{}\n\n", a.body);
  }
  void skip(std::string_view reason, std::string_view where) override {
    ++skipped_;
    fmt::print(stderr, "skipped: {}: {}\n", reason, where);
  }
  void note(std::string_view what, std::string_view where) override { fmt::print(stderr, "note: {}: {}\n", what, where); }
  std::uint64_t articles() const { return articles_; }

 private:
  bool json_;
  std::string url_;
  std::uint64_t articles_ = 0;
  std::uint64_t skipped_ = 0;
};

int run_extract(const ExtractConfig& config) {
  IndexRunOptions options;
  InputFormat format;
  if (!parse_input_format(config.format, format))
    throw UsageError(fmt::format("--format: unknown format '{}' (auto, jsonl, text, html, warc)", config.format));
  if (!config.map.empty()) options.jsonl.mapping.apply_overrides(config.map);
  options.date_hints.country = config.country;
  options.jsonl.date_hints = options.date_hints;
  options.keep_non_articles = config.keep_non_articles;
  options.page_url = config.url;
  const std::vector<InputFile> files = expand_inputs(config.inputs, format, [](std::string_view reason, std::string_view path) {
    fmt::print(stderr, "skipped: {}: {}\n", reason, path);
  });
  PrintingSink sink(config.json, config.url);
  SilentProgress progress;
  read_inputs(files, options, sink, progress);
  return 0;
}

}  // namespace

Runner add_extract_command(CLI::App& app) {
  auto config = std::make_shared<ExtractConfig>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Print the fields byline extracts from pages (HTML, WARC, text dumps, JSONL) without indexing");
  cmd->add_option("inputs", config->inputs, "Files or folders; - reads stdin")->required();
  cmd->add_flag("--json", config->json, "One JSON object per article (fields and where each came from)");
  cmd->add_option("--url", config->url, "URL of the page when the file does not say");
  cmd->add_option("--format", config->format, "Input format: auto, jsonl, text, html, warc")->capture_default_str();
  cmd->add_option("--country", config->country, "Country of the publication (ISO code), resolves zone names");
  cmd->add_option("--map", config->map, "JSONL field mapping, as for `byline index`");
  cmd->add_flag("--keep-non-articles", config->keep_non_articles, "Extract pages that are not articles too");
  return [config] { return run_extract(*config); };
}

}  // namespace byline::cli
