// `byline`: one executable, one subcommand per job, over the common, indexer
// and searcher libraries. Exit codes are documented in the footer below.

#include <cstdio>
#include <map>

#include <fmt/format.h>
#include <xapian.h>

#include "cli/commands.h"
#include "common/errors.h"
#include "common/version.h"

namespace {

constexpr const char* kExitCodes = R"(Exit codes:
  0  success
  1  unexpected failure (I/O error while running, internal error)
  2  usage error (bad option or argument)
  3  bad input path (missing or unreadable file or folder)
  4  incompatible index (missing, not byline's, other schema version or analyzer)
  5  query syntax error
  6  index locked by another writer)";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"byline: full-text search for news archives (index crawl dumps, JSONL exports and text pages; "
               "search them with facets)"};
  app.set_version_flag("--version", std::string("byline ") + byline::kBylineVersion);
  app.require_subcommand(1);
  app.footer(kExitCodes);

  std::map<std::string, byline::cli::Runner> runners;
  runners["index"] = byline::cli::add_index_command(app);
  runners["search"] = byline::cli::add_search_command(app);
  runners["info"] = byline::cli::add_info_command(app);
  runners["extract"] = byline::cli::add_extract_command(app);
  runners["bench"] = byline::cli::add_bench_command(app);
  runners["timeline"] = byline::cli::add_timeline_command(app);
  runners["compact"] = byline::cli::add_compact_command(app);
  runners["serve"] = byline::cli::add_serve_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the error
    return code == 0 ? 0 : static_cast<int>(byline::ExitCode::kUsage);
  }

  try {
    for (const auto& [name, run] : runners)
      if (app.got_subcommand(name)) return run();
  } catch (const byline::Error& e) {
    fmt::print(stderr, "byline: {}\n", e.what());
    return static_cast<int>(e.code());
  } catch (const Xapian::DatabaseLockError& e) {
    fmt::print(stderr, "byline: index is locked: {}\n", e.get_msg());
    return static_cast<int>(byline::ExitCode::kIndexLocked);
  } catch (const Xapian::Error& e) {
    fmt::print(stderr, "byline: {}: {}\n", e.get_type(), e.get_msg());
    return static_cast<int>(byline::ExitCode::kFailure);
  } catch (const std::exception& e) {
    fmt::print(stderr, "byline: internal error: {}\n", e.what());
    return static_cast<int>(byline::ExitCode::kFailure);
  }
  return static_cast<int>(byline::ExitCode::kUsage);
}
