#include "searcher/bench/bench_environment.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/text.h"

namespace byline {

std::string cpu_model_from_cpuinfo(std::string_view cpuinfo) {
  for (std::string_view key : {"model name", "Processor", "Hardware"}) {
    for (std::string_view line : split(cpuinfo, '\n')) {
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || trim(line.substr(0, colon)) != key) continue;
      const std::string_view value = trim(line.substr(colon + 1));
      if (!value.empty()) return std::string(value);
    }
  }
  return "unknown";
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  if (!in) return "unknown";
  std::ostringstream text;
  text << in.rdbuf();
  return cpu_model_from_cpuinfo(text.str());
}

bool is_optimised_build(std::string_view build_type, bool assertions) {
  return !assertions && (iequals(build_type, "Release") || iequals(build_type, "RelWithDebInfo"));
}

std::uint64_t folder_size_bytes(const std::string& dir) {
  namespace fs = std::filesystem;
  std::uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) {
      const std::uintmax_t size = it->file_size(size_ec);
      if (!size_ec) total += size;
    }
  }
  return total;
}

}  // namespace byline
