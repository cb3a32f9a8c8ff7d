#include "indexer/index_stats.h"

#include <fmt/format.h>

namespace byline {

std::uint64_t IndexStats::skipped_total() const {
  std::uint64_t total = 0;
  for (const auto& [reason, count] : skipped) total += count;
  return total;
}

std::string IndexStats::summary_line() const {
  const std::uint64_t indexed = added + replaced;
  std::string line = fmt::format("indexed {} articles ({} added, {} replaced), skipped {}", indexed, added, replaced,
                                 skipped_total());
  if (!skipped.empty()) {
    line += " (";
    bool first = true;
    for (const auto& [reason, count] : skipped) {
      line += fmt::format("{}{} {}", first ? "" : ", ", count, reason);
      first = false;
    }
    line += ")";
  }
  const double rate = elapsed_seconds > 0 ? static_cast<double>(indexed) / elapsed_seconds : 0.0;
  line += fmt::format(" in {:.1f} s, {:.0f} docs/s", elapsed_seconds, rate);
  if (input_bytes > 0 && elapsed_seconds > 0)
    line += fmt::format(", {:.1f} MB/s", static_cast<double>(input_bytes) / 1e6 / elapsed_seconds);
  return line;
}

}  // namespace byline
