// Fuzz target: an HTTP response block as a WARC `response` record holds it:
// status line and headers, chunked transfer coding, content codings (gzip,
// deflate, br) with limits, then the charset decision and conversion to UTF-8.
#include <cstdlib>
#include <string>

#include "common/text.h"
#include "fuzz/fuzz_support.h"
#include "indexer/charset.h"
#include "indexer/content_decoder.h"
#include "indexer/http_response.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace byline;
  const std::string_view block = fuzz::as_view(data, size);
  DecodeLimits limits;
  limits.max_output = 1 << 20;
  limits.ratio_floor = 64 << 10;

  const auto response = parse_http_response(block);
  if (!response) return 0;
  if (response->body_offset > block.size()) std::abort();
  const HttpBody body = decode_http_body(*response, block, limits);
  if (body.bytes.size() > limits.max_output) std::abort();
  const DecodedHtml html = decode_html(body.bytes, response->charset);
  if (!is_valid_utf8(html.utf8)) std::abort();  // decode_html's contract
  (void)normalize_charset_label(response->charset);
  return 0;
}
