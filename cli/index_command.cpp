#include <chrono>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/reader_options.h"
#include "common/errors.h"
#include "common/hash.h"
#include "indexer/index_pipeline.h"
#include "indexer/index_writer.h"

namespace byline::cli {

namespace {

struct IndexConfig {
  std::string db;
  std::vector<std::string> inputs;
  ReaderFlags reader;
  std::string language = "english";
  std::size_t batch_size = 10000;
  bool quiet = false;
  bool verbose = false;
  bool summary_json = false;
};

// Passes records on, printing each skip (and note) with where it happened.
class VerboseSink final : public ForwardingSink {
 public:
  using ForwardingSink::ForwardingSink;
  void skip(std::string_view reason, std::string_view where) override {
    fmt::print(stderr, "skipped: {}: {}\n", reason, where);
    inner_.skip(reason, where);
  }
  void note(std::string_view what, std::string_view where) override {
    fmt::print(stderr, "note: {}: {}\n", what, where);
    inner_.note(what, where);
  }
};

nlohmann::json stats_json(const IndexStats& stats) {
  return {{"added", stats.added},
          {"replaced", stats.replaced},
          {"skipped", stats.skipped},
          {"notes", stats.notes},
          {"elapsed_s", stats.elapsed_seconds},
          {"input_bytes", stats.input_bytes}};
}

// Identifies a run by its inputs (absolute paths, sizes and modification
// times, in order): running the same command on the same files again resumes
// an interrupted run; anything else starts afresh. Standard input cannot be
// resumed.
std::optional<std::string> run_identity(const std::vector<InputFile>& files) {
  std::string identity;
  for (const InputFile& file : files) {
    if (file.path == "-") return std::nullopt;
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(file.path, ec);
    const auto mtime = std::filesystem::last_write_time(file.path, ec);
    identity += fmt::format("{}\x1f{}\x1f{}\n", absolute.string(), file.size, mtime.time_since_epoch().count());
  }
  return stable_hash_hex(identity);
}

int run_index(const IndexConfig& config) {
  const auto started = std::chrono::steady_clock::now();
  const IndexRunOptions options = to_run_options(config.reader);
  const InputFormat format = to_input_format(config.reader);

  // Inputs are checked before the database is touched, so a typo in a path
  // never creates an empty index.
  std::vector<std::pair<std::string, std::string>> folder_skips;
  const std::vector<InputFile> files =
      expand_inputs(config.inputs, format, [&](std::string_view reason, std::string_view path) {
        folder_skips.emplace_back(reason, path);
      });

  IndexWriter writer(config.db, AnalyzerSettings{config.language}, IndexWriterOptions{config.batch_size});
  StartPoint start;
  if (const std::optional<std::string> run = run_identity(files)) {
    if (const std::optional<Checkpoint> checkpoint = writer.start_run(*run);
        checkpoint && checkpoint->file < files.size()) {
      start = StartPoint{checkpoint->file, checkpoint->offset};
      fmt::print(stderr, "resuming an interrupted run: file {} of {} ({}) at byte {}\n", checkpoint->file + 1,
                 files.size(), files[checkpoint->file].path, checkpoint->offset);
    }
  }
  VerboseSink verbose(writer);
  ArticleSink& sink = config.verbose ? static_cast<ArticleSink&>(verbose) : writer;
  for (const auto& [reason, path] : folder_skips) sink.skip(reason, path);

  std::unique_ptr<Progress> progress = make_progress(config.quiet);
  read_inputs(files, options, sink, *progress, start);
  writer.finish();

  IndexStats& stats = writer.stats();
  for (const InputFile& file : files) stats.input_bytes += file.size;
  stats.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (config.summary_json) fmt::print("{}\n", stats_json(stats).dump());
  else fmt::print("{}\n", stats.summary_line());
  if (!config.quiet && !stats.notes.empty() && !config.summary_json) {
    std::string notes;
    for (const auto& [what, count] : stats.notes) notes += fmt::format("{}{} {}", notes.empty() ? "" : ", ", count, what);
    fmt::print(stderr, "notes: {}\n", notes);
  }
  return 0;
}

}  // namespace

Runner add_index_command(CLI::App& app) {
  auto config = std::make_shared<IndexConfig>();
  CLI::App* cmd = app.add_subcommand("index", "Index crawl dumps, JSONL exports and text page dumps into a database");
  cmd->add_option("--db", config->db, "Database folder (created if missing)")->required();
  cmd->add_option("inputs", config->inputs,
                  "Files or folders (searched recursively); .gz and .zst are read transparently; - reads stdin")
      ->required();
  add_reader_options(*cmd, config->reader);
  cmd->add_option("--language", config->language,
                  "Stemming language (Snowball name: english, french, hindi, russian, …, or none)")
      ->capture_default_str();
  cmd->add_option("--batch-size", config->batch_size, "Articles per commit")->capture_default_str()->check(CLI::Range(1, 10000000));
  cmd->add_flag("-q,--quiet", config->quiet, "No progress display");
  cmd->add_flag("-v,--verbose", config->verbose, "Print every skipped record and note with its file and line");
  cmd->add_flag("--summary-json", config->summary_json, "Print the run's summary as JSON instead of a line");
  cmd->footer("Prints one summary line: added, replaced, skipped by reason, elapsed, docs/s.");
  return [config] { return run_index(*config); };
}

}  // namespace byline::cli
