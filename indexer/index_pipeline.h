#pragma once
// Reads a list of inputs and delivers every record to a sink: the indexing
// run minus the database, so `byline index` and tests share it. Each file is
// read by the reader for its format: JSONL, text dumps, HTML pages or WARC crawl
// dumps.

#include <vector>

#include "common/limits.h"
#include "indexer/article_sink.h"
#include "indexer/input_files.h"
#include "indexer/jsonl_reader.h"
#include "indexer/progress.h"

namespace byline {

struct IndexRunOptions {
  JsonlOptions jsonl;
  DateParseHints date_hints;
  IndexLimits limits;                      // bounds on records, pages, decoding, fields (common/limits.h)
  bool keep_non_articles = false;          // index HTML pages that are not articles (home pages, fronts)
  std::string page_url;                    // URL for a single page given without one (`extract --url`)
};

// Never aborts on a bad file: a file that fails while being read (corrupt
// compression, I/O error) is counted as a skip "unreadable input", one whose
// compressed data inflates past options.limits as "input: decompression
// limit", and the run goes on with the next one. Every accepted article is
// cut to options.limits first (indexer/article_limits.h).
// Where to start: files before `file` are not read, and reading of `file`
// starts at decoded byte `offset` (a record boundary a previous run reported
// through ArticleSink::record_boundary).
struct StartPoint {
  std::size_t file = 0;
  std::uint64_t offset = 0;
};

void read_inputs(const std::vector<InputFile>& files, const IndexRunOptions& options, ArticleSink& sink,
                 Progress& progress, StartPoint start = {});

}  // namespace byline
