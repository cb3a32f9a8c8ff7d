#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "indexer/index_compaction.h"

namespace byline::cli {

namespace {

struct CompactConfig {
  std::string db;
  bool json = false;
};

int run_compact(const CompactConfig& config) {
  const CompactionReport report = compact_index(config.db);
  if (config.json) {
    const nlohmann::json j = {{"articles", report.documents},
                              {"bytes_before", report.bytes_before},
                              {"bytes_after", report.bytes_after},
                              {"elapsed_s", report.seconds}};
    fmt::print("{}\n", j.dump());
  } else {
    const double before = static_cast<double>(report.bytes_before);
    fmt::print("compacted {} articles: {:.1f} MB -> {:.1f} MB ({:+.1f}%) in {:.1f} s\n", report.documents,
               before / 1e6, report.bytes_after / 1e6,
               before > 0 ? 100.0 * (static_cast<double>(report.bytes_after) - before) / before : 0.0,
               report.seconds);
  }
  return 0;
}

}  // namespace

Runner add_compact_command(CLI::App& app) {
  auto config = std::make_shared<CompactConfig>();
  CLI::App* cmd = app.add_subcommand(
      "compact", "Rewrite an index with its B-trees fully packed, to take less disk space");
  cmd->add_option("--db", config->db, "Database folder made by `byline index`")->required();
  cmd->add_flag("--json", config->json, "Print the sizes before and after as JSON");
  cmd->footer(
      "The copy is written beside the index (DB.byline-compacting; it needs as much free space as the index) and "
      "swapped in atomically. Searches go on meanwhile; a writer started meanwhile is refused (exit code 6).");
  return [config] { return run_compact(*config); };
}

}  // namespace byline::cli
