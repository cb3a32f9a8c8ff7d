#pragma once
// Each subcommand registers its options on the CLI11 app and returns the
// function that runs it. Commands only turn options into the libraries' plain
// config structs, call the library and print; errors propagate as byline::Error
// and `main` maps them to exit codes.

#include <functional>

#include <CLI/CLI.hpp>

namespace byline::cli {

using Runner = std::function<int()>;

Runner add_index_command(CLI::App& app);
Runner add_search_command(CLI::App& app);
Runner add_info_command(CLI::App& app);
Runner add_extract_command(CLI::App& app);
Runner add_bench_command(CLI::App& app);
Runner add_timeline_command(CLI::App& app);
Runner add_compact_command(CLI::App& app);
Runner add_serve_command(CLI::App& app);

}  // namespace byline::cli
