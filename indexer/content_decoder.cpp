#include "indexer/content_decoder.h"

#include <algorithm>
#include <vector>

#include <brotli/decode.h>
#include <zlib.h>

#include "common/text.h"

namespace byline {

namespace {

constexpr std::size_t kOutChunk = 1 << 16;

// `in`: encoded bytes consumed by this step; `origin`: the size of the payload
// as stored. A later step of "gzip, gzip" is measured against the stored
// bytes, so that nesting codings cannot multiply the ratio unseen.
bool over_limit(std::size_t out, std::size_t in, std::size_t origin, const DecodeLimits& limits) {
  if (out > limits.max_output) return true;
  return limits.max_ratio != 0 && out > limits.ratio_floor &&
         out / std::max<std::size_t>(std::min(in, origin), 1) > limits.max_ratio;
}

// window_bits: 15 + 16 gzip, 15 zlib, -15 raw deflate.
DecodeResult inflate_all(std::string_view data, int window_bits, std::size_t origin, const DecodeLimits& limits) {
  DecodeResult result;
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) {
    result.status = DecodeStatus::Corrupt;
    return result;
  }
  std::size_t in_pos = 0;
  for (;;) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + in_pos));
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size() - in_pos, 1u << 30));
    const std::size_t old = result.output.size();
    result.output.resize(old + kOutChunk);
    z.next_out = reinterpret_cast<Bytef*>(result.output.data() + old);
    z.avail_out = kOutChunk;
    const int rc = inflate(&z, Z_NO_FLUSH);
    in_pos = data.size() - z.avail_in;
    result.output.resize(old + kOutChunk - z.avail_out);
    if (over_limit(result.output.size(), in_pos, origin, limits)) {
      result.status = DecodeStatus::OverLimit;
      break;
    }
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow (concatenated gzip); anything else is
      // trailing junk that browsers ignore too.
      if (window_bits > 15 && data.size() - in_pos >= 2 && static_cast<unsigned char>(data[in_pos]) == 0x1f &&
          static_cast<unsigned char>(data[in_pos + 1]) == 0x8b) {
        inflateReset(&z);
        continue;
      }
      break;
    }
    if (rc == Z_BUF_ERROR || (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0)) {
      if (in_pos == data.size()) {
        result.status = DecodeStatus::Truncated;
        break;
      }
      if (rc == Z_BUF_ERROR && z.avail_out != 0) {
        result.status = DecodeStatus::Corrupt;
        break;
      }
      continue;
    }
    if (rc != Z_OK) {
      result.status = DecodeStatus::Corrupt;
      break;
    }
  }
  inflateEnd(&z);
  return result;
}

DecodeResult brotli_all(std::string_view data, std::size_t origin, const DecodeLimits& limits) {
  DecodeResult result;
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (state == nullptr) {
    result.status = DecodeStatus::Corrupt;
    return result;
  }
  std::size_t avail_in = data.size();
  const auto* next_in = reinterpret_cast<const std::uint8_t*>(data.data());
  for (;;) {
    const std::size_t old = result.output.size();
    result.output.resize(old + kOutChunk);
    std::size_t avail_out = kOutChunk;
    auto* next_out = reinterpret_cast<std::uint8_t*>(result.output.data() + old);
    const BrotliDecoderResult rc =
        BrotliDecoderDecompressStream(state, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    result.output.resize(old + kOutChunk - avail_out);
    if (over_limit(result.output.size(), data.size() - avail_in, origin, limits)) {
      result.status = DecodeStatus::OverLimit;
      break;
    }
    if (rc == BROTLI_DECODER_RESULT_SUCCESS) break;
    if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
      result.status = DecodeStatus::Truncated;
      break;
    }
    if (rc == BROTLI_DECODER_RESULT_ERROR) {
      result.status = DecodeStatus::Corrupt;
      break;
    }
  }
  BrotliDecoderDestroyInstance(state);
  return result;
}

DecodeResult decode_one(std::string_view coding, std::string_view data, std::size_t origin,
                        const DecodeLimits& limits) {
  if (coding == "gzip" || coding == "x-gzip") {
    if (data.size() < 2 || static_cast<unsigned char>(data[0]) != 0x1f || static_cast<unsigned char>(data[1]) != 0x8b)
      return {DecodeStatus::Ok, std::string(data), {}};
    return inflate_all(data, 15 + 16, origin, limits);
  }
  if (coding == "deflate") {
    // RFC 9110 says zlib, but some servers send raw deflate: a zlib header has
    // CM = 8 in its low nibble and is a multiple of 31 as a 16-bit number.
    const bool zlib_header = data.size() >= 2 && (static_cast<unsigned char>(data[0]) & 0x0f) == 8 &&
                             ((static_cast<unsigned char>(data[0]) << 8) | static_cast<unsigned char>(data[1])) % 31 == 0;
    return inflate_all(data, zlib_header ? 15 : -15, origin, limits);
  }
  if (coding == "br") return brotli_all(data, origin, limits);
  DecodeResult result;
  result.status = DecodeStatus::Unsupported;
  return result;
}

}  // namespace

DecodeResult decode_content(std::string_view content_encoding, std::string_view data, const DecodeLimits& limits) {
  std::vector<std::string> codings;
  for (std::string_view piece : split(content_encoding, ',')) {
    const std::string coding = ascii_lower(trim(piece));
    if (coding.empty() || coding == "identity" || coding == "none" || coding == "null") continue;
    codings.push_back(coding);
  }
  DecodeResult result;
  result.output = std::string(data);
  if (result.output.size() > limits.max_output) {
    result.status = DecodeStatus::OverLimit;
    return result;
  }
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    DecodeResult step = decode_one(*it, result.output, data.size(), limits);
    step.encoding = step.status == DecodeStatus::Ok ? std::string() : *it;
    if (step.status != DecodeStatus::Ok) return step;
    result = std::move(step);
  }
  return result;
}

}  // namespace byline
