#include "searcher/bench/query_file.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/text.h"

namespace byline {

std::vector<BenchQuery> parse_query_file(std::istream& in) {
  std::vector<BenchQuery> queries;
  std::string line;
  unsigned number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string_view trimmed = trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    BenchQuery q;
    q.line = number;
    if (const std::size_t tab = line.find('\t'); tab != std::string::npos) {
      q.category = std::string(trim(std::string_view(line).substr(0, tab)));
      q.query = std::string(trim(std::string_view(line).substr(tab + 1)));
    } else {
      q.query = std::string(trimmed);
    }
    if (q.category.empty()) q.category = "all";
    queries.push_back(std::move(q));
  }
  return queries;
}

std::vector<BenchQuery> read_query_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(fmt::format("query file '{}' is a folder", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("cannot read query file '{}'", path));
  std::vector<BenchQuery> queries = parse_query_file(in);
  if (in.bad()) throw InputError(fmt::format("error while reading query file '{}'", path));
  return queries;
}

}  // namespace byline
