#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/reader_options.h"
#include "common/errors.h"
#include "common/hash.h"
#include "indexer/index_pipeline.h"
#include "indexer/index_writer.h"
#include "indexer/parallel_indexer.h"

namespace byline::cli {

namespace {

struct IndexConfig {
  std::string db;
  std::vector<std::string> inputs;
  ReaderFlags reader;
  std::string language = "english";
  std::optional<std::size_t> batch_size;  // default: the writer's own (IndexWriterOptions, ParallelIndexOptions)
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
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

// The inputs of a run, checked, and what reading them needs.
struct Inputs {
  std::vector<InputFile> files;
  std::vector<std::pair<std::string, std::string>> folder_skips;  // (reason, path) found while listing folders
  IndexRunOptions options;
};

// Reads every input into `sink`, logging each skip and note when asked.
void read_into(ArticleSink& sink, const Inputs& inputs, const IndexConfig& config, StartPoint start = {}) {
  VerboseSink verbose(sink);
  ArticleSink& target = config.verbose ? static_cast<ArticleSink&>(verbose) : sink;
  for (const auto& [reason, path] : inputs.folder_skips) target.skip(reason, path);
  std::unique_ptr<Progress> progress = make_progress(config.quiet);
  read_inputs(inputs.files, inputs.options, target, *progress, start);
}

void say_resuming(const Checkpoint& checkpoint, const std::vector<InputFile>& files) {
  fmt::print(stderr, "resuming an interrupted run: file {} of {} ({}) at byte {}\n", checkpoint.file + 1, files.size(),
             files[checkpoint.file].path, checkpoint.offset);
}

// One writer: appends to (or replaces in) an index that already holds
// articles, and resumes an interrupted run from its checkpoint.
IndexStats index_serially(Xapian::WritableDatabase db, const Inputs& inputs, const IndexConfig& config,
                          const std::optional<std::string>& run) {
  IndexWriterOptions options;
  options.batch_size = config.batch_size.value_or(options.batch_size);
  IndexWriter writer(std::move(db), AnalyzerSettings{config.language}, options);
  StartPoint start;
  if (run) {
    if (const std::optional<Checkpoint> checkpoint = writer.start_run(*run);
        checkpoint && checkpoint->file < inputs.files.size()) {
      start = StartPoint{checkpoint->file, checkpoint->offset};
      say_resuming(*checkpoint, inputs.files);
    }
  }
  read_into(writer, inputs, config, start);
  writer.finish();
  return writer.stats();
}

// Shard writers on every core, merged at the end: for an index that holds
// no articles yet.
IndexStats index_in_parallel(Xapian::WritableDatabase db, const Inputs& inputs, const IndexConfig& config,
                             const std::optional<std::string>& run,
                             nlohmann::json& report) {
  ParallelIndexOptions options;
  options.threads = config.threads;
  options.block_size = config.batch_size.value_or(options.block_size);
  ParallelIndexer indexer(std::move(db), config.db, AnalyzerSettings{config.language}, options,
                          run);
  StartPoint start;
  if (const std::optional<Checkpoint>& checkpoint = indexer.resumed_from()) {
    start = StartPoint{checkpoint->file, checkpoint->offset};
    if (checkpoint->file < inputs.files.size()) say_resuming(*checkpoint, inputs.files);
  }
  read_into(indexer, inputs, config, start);
  indexer.finish();
  const MergeReport& merge = indexer.merge_report();
  report = {{"threads", config.threads},         {"shards", merge.shards},
            {"write_s", merge.write_seconds},    {"merge_s", merge.merge_seconds},
            {"resolve_s", merge.resolve_seconds}, {"stories_joined", merge.stories_joined},
            {"merge_inputs", merge.merge_inputs},  {"spelling_words", merge.spelling_words}};
  if (!config.quiet && !config.summary_json)
    fmt::print(stderr, "{} shards written on {} thread{}; merged in {:.1f} s, stories and facet column in {:.1f} s\n",
               merge.shards, config.threads, config.threads == 1 ? "" : "s", merge.merge_seconds,
               merge.resolve_seconds);
  return indexer.stats();
}

int run_index(const IndexConfig& config) {
  const auto started = std::chrono::steady_clock::now();
  Inputs inputs;
  inputs.options = to_run_options(config.reader);
  const InputFormat format = to_input_format(config.reader);

  // Inputs are checked before the database is touched, so a typo in a path
  // never creates an empty index.
  inputs.files = expand_inputs(config.inputs, format, [&](std::string_view reason, std::string_view path) {
    inputs.folder_skips.emplace_back(reason, path);
  });

  Xapian::WritableDatabase db = open_index_for_writing(config.db);
  if (complete_interrupted_merge(db, config.db, AnalyzerSettings{config.language}))
    fmt::print(stderr, "completed the merge of an interrupted parallel run\n");
  nlohmann::json parallel_report;
  // Stats every input: computed once for the run.
  const std::optional<std::string> run = run_identity(inputs.files);
  // An interrupted parallel run goes on with shards whatever --threads says,
  // so that the shards it committed are kept.
  const bool in_parallel =
      db.get_doccount() == 0 && (config.threads > 1 || holds_resumable_shards(db, run));
  if (!in_parallel) discard_unfinished_parallel_run(db, config.db);
  IndexStats stats = in_parallel ? index_in_parallel(std::move(db), inputs, config, run, parallel_report)
                                 : index_serially(std::move(db), inputs, config, run);

  for (const InputFile& file : inputs.files) stats.input_bytes += file.size;
  stats.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (config.summary_json) {
    nlohmann::json summary = stats_json(stats);
    if (!parallel_report.is_null()) summary["parallel"] = parallel_report;
    fmt::print("{}\n", summary.dump());
  } else {
    fmt::print("{}\n", stats.summary_line());
  }
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
  cmd->add_option("--batch-size", config->batch_size, "Articles per commit (default 10000); writing in parallel, articles per shard (default 2000; each "
                  "writer holds one shard in memory)")
      ->check(CLI::Range(1, 10000000));
  cmd->add_option("--threads", config->threads,
                  "Shard writers for a new (or empty) index, merged at the end; 1 writes in place (default: the "
                  "number of cores). An index that already holds articles is always written by one writer; an "
                  "interrupted parallel run goes on with its shards, on this many writers")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  cmd->add_flag("-q,--quiet", config->quiet, "No progress display");
  cmd->add_flag("-v,--verbose", config->verbose, "Print every skipped record and note with its file and line");
  cmd->add_flag("--summary-json", config->summary_json, "Print the run's summary as JSON instead of a line");
  cmd->footer("Prints one summary line: added, replaced, skipped by reason, elapsed, docs/s.");
  return [config] { return run_index(*config); };
}

}  // namespace byline::cli
