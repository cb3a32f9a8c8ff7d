#pragma once
// Compresses test data with zlib, for tests that feed byline compressed input
// (HTTP Content-Encoding, .gz files, decompression limits).

#include <string>

#include <catch2/catch.hpp>
#include <zlib.h>

namespace byline::test {

// `data` deflated at level 9; `window_bits` 15 + 16 gives a gzip member,
// 15 a zlib stream, -15 raw deflate.
inline std::string gzip_bytes(const std::string& data, int window_bits = 15 + 16) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace byline::test
