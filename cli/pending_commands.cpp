// Temporary: search and info are registered once the searcher library lands.
#include "cli/commands.h"
namespace byline::cli {
Runner add_search_command(CLI::App& app) { app.add_subcommand("search", "Search an index (pending)"); return [] { return 1; }; }
Runner add_info_command(CLI::App& app) { app.add_subcommand("info", "Describe an index (pending)"); return [] { return 1; }; }
}  // namespace byline::cli
