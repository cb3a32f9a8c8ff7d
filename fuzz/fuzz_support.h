#pragma once
// Shared bits of the libFuzzer targets: the raw input as a string_view, and a
// fixed crawl time so that runs are reproducible (no "now" in any target).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/date_time.h"

namespace byline::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// 2024-03-05T12:00:00Z: the crawl time given to extractors that need one.
inline DateTime fixed_crawl_time() { return DateTime::from_local({2024, 3, 5}, 12, 0, 0, 0); }

}  // namespace byline::fuzz
