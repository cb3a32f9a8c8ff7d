#pragma once
// A stable 64-bit hash for ids and over-long terms. Stability matters more than
// speed: ids derived from it are stored in databases, so the function must never
// change (FNV-1a 64, a fixed public definition).

#include <cstdint>
#include <string>
#include <string_view>

namespace byline {

std::uint64_t stable_hash64(std::string_view bytes);
// 16 lowercase hex digits of stable_hash64.
std::string stable_hash_hex(std::string_view bytes);

}  // namespace byline
