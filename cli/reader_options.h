#pragma once
// Options that say how inputs are read, shared by `byline index` and
// `byline extract` so that both read a page the same way, within the same
// limits (common/limits.h, docs/limits.md).

#include <CLI/CLI.hpp>

#include "common/limits.h"
#include "indexer/index_pipeline.h"

namespace byline::cli {

struct ReaderFlags {
  std::string format = "auto";
  std::string map;
  std::string country;
  std::string date_order;
  IndexLimits limits;  // the --max-* flags
  bool keep_non_articles = false;
};

void add_reader_options(CLI::App& command, ReaderFlags& flags);
// Throws UsageError on a bad --format, --map or limit.
IndexRunOptions to_run_options(const ReaderFlags& flags);
InputFormat to_input_format(const ReaderFlags& flags);

}  // namespace byline::cli
