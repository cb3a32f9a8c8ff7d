#pragma once
// Query files for `byline bench`: one query a line, `category<TAB>query` in
// byline's query language (docs/query-language.md). A line without a tab is
// category "all"; lines whose first non-blank character is '#' are comments;
// blank lines are ignored. A trailing '\r' (a file saved on Windows) is dropped.
// The query text is kept as written: checking it is the searcher's job, so a
// query that does not parse is reported by the benchmark, not here.

#include <istream>
#include <string>
#include <vector>

namespace byline {

struct BenchQuery {
  std::string category;  // "all" when the line has no tab
  std::string query;     // as written (may be "": every article)
  unsigned line = 0;     // 1-based line number in the file
};

// Parses an already opened stream; never throws on content.
std::vector<BenchQuery> parse_query_file(std::istream& in);

// Reads `path`. Throws InputError (exit code 3) naming the path when it cannot
// be opened or read.
std::vector<BenchQuery> read_query_file(const std::string& path);

}  // namespace byline
