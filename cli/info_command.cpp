#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "searcher/archive_info.h"
#include "searcher/render_json.h"
#include "searcher/render_text.h"
#include "searcher/searcher.h"

namespace byline::cli {

namespace {

struct InfoConfig {
  std::string db;
  bool json = false;
};

int run_info(const InfoConfig& config) {
  const ArchiveInfo info = describe_archive(Searcher(config.db).database(), config.db);
  if (config.json) fmt::print("{}\n", render_json(info));
  else fmt::print("{}", render_text(info));
  return 0;
}

}  // namespace

Runner add_info_command(CLI::App& app) {
  auto config = std::make_shared<InfoConfig>();
  CLI::App* cmd = app.add_subcommand("info", "Describe an index: articles, date range, sections, languages, size");
  cmd->add_option("--db", config->db, "Database folder made by `byline index`")->required();
  cmd->add_flag("--json", config->json, "JSON output");
  return [config] { return run_info(*config); };
}

}  // namespace byline::cli
