#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/reader_options.h"
#include "common/errors.h"
#include "indexer/article_json.h"
#include "indexer/index_pipeline.h"

namespace byline::cli {

namespace {

struct ExtractConfig {
  std::vector<std::string> inputs;
  ReaderFlags reader;
  std::string url;
  bool json = false;
};

// Prints every article as it is extracted (JSON Lines, or a readable block),
// and every skip on stderr, so a user can see why a page came out as it did.
class PrintingSink final : public ArticleSink {
 public:
  PrintingSink(bool json, std::string url) : json_(json), url_(std::move(url)) {}
  void accept(Article a) override {
    if (!url_.empty() && a.url.empty()) a.url = url_;
    if (json_) {
      fmt::print("{}\n", article_to_json(a));
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
    fmt::print(stderr, "skipped: {}: {}\n", reason, where);
  }
  void note(std::string_view what, std::string_view where) override { fmt::print(stderr, "note: {}: {}\n", what, where); }

 private:
  bool json_;
  std::string url_;
};

int run_extract(const ExtractConfig& config) {
  IndexRunOptions options = to_run_options(config.reader);
  options.page_url = config.url;
  const InputFormat format = to_input_format(config.reader);
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
  add_reader_options(*cmd, config->reader);
  return [config] { return run_extract(*config); };
}

}  // namespace byline::cli
