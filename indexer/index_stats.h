#pragma once
// What an indexing run did, for the one summary line at its end.

#include <cstdint>
#include <map>
#include <string>

namespace byline {

struct IndexStats {
  std::uint64_t added = 0;     // new articles
  std::uint64_t replaced = 0;  // articles whose id was already indexed
  std::map<std::string, std::uint64_t> skipped;  // reason -> records not indexed
  std::map<std::string, std::uint64_t> notes;    // what was dropped or assumed in indexed articles
  std::uint64_t input_bytes = 0;
  double elapsed_seconds = 0;

  std::uint64_t skipped_total() const;
  // "indexed 1,204 articles (1,180 added, 24 replaced), skipped 3 (2 malformed
  // JSON, 1 no text) in 2.1 s, 573 docs/s"
  std::string summary_line() const;
};

}  // namespace byline
