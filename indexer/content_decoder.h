#pragma once
// HTTP Content-Encoding decoding with limits: gzip / x-gzip, deflate (zlib or
// raw, both are seen in the wild), br (Brotli), identity. The output size is
// capped, and so is the expansion ratio once the output passes a floor, so a
// gzip bomb stops early instead of filling memory.

#include <cstdint>
#include <string>
#include <string_view>

namespace byline {

struct DecodeLimits {
  std::size_t max_output = 64 << 20;  // decoded bytes
  std::uint64_t max_ratio = 200;      // decoded / encoded (as stored), checked past ratio_floor; 0: none
  std::size_t ratio_floor = 1 << 20;  // small outputs may have any ratio
};

enum class DecodeStatus {
  Ok,
  Truncated,    // the stream ends early: `output` holds what was decoded
  Corrupt,      // invalid data: `output` holds what was decoded before it
  OverLimit,    // max_output or max_ratio exceeded
  Unsupported,  // an encoding this build does not decode
};

struct DecodeResult {
  DecodeStatus status = DecodeStatus::Ok;
  std::string output;
  std::string encoding;  // the (lowercased) encoding that failed or "" on success
};

// Decodes `data` per a Content-Encoding value. Several codings ("gzip, br")
// are undone last first. A body declared gzip that has no gzip header is taken
// as already decoded (ClueWeb09 stores bodies that way), as is one declared
// "identity", "none" or "null".
DecodeResult decode_content(std::string_view content_encoding, std::string_view data, const DecodeLimits& limits);

}  // namespace byline
