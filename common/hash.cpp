#include "common/hash.h"

#include <fmt/format.h>

namespace byline {

std::uint64_t stable_hash64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV offset basis
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV prime
  }
  return hash;
}

std::string stable_hash_hex(std::string_view bytes) { return fmt::format("{:016x}", stable_hash64(bytes)); }

}  // namespace byline
