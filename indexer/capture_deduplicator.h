#pragma once
// Remembers which captures were already delivered, so the same URL fetched
// several times with the same payload is indexed once. A capture is keyed by
// its canonical URL (common/url.h) and its payload digest — the WARC payload
// digest when the record has one, else a hash of the decoded body. Another
// payload at the same URL is a new capture and passes. Memory: one 64-bit hash
// per distinct capture (collisions are possible in theory: at 2^-64 per pair
// they are ignored). Not thread-safe.

#include <cstdint>
#include <string_view>
#include <unordered_set>

namespace byline {

class CaptureDeduplicator {
 public:
  // True the first time a (url, digest) pair is seen, false for a repeat.
  bool first_capture(std::string_view url, std::string_view digest);
  // True if the pair was seen, without recording it.
  bool seen(std::string_view url, std::string_view digest) const;
  std::size_t size() const { return keys_.size(); }

 private:
  static std::uint64_t key(std::string_view url, std::string_view digest);
  std::unordered_set<std::uint64_t> keys_;
};

}  // namespace byline
