#pragma once
// The HTTP response held in a WARC `response` record's block: status line,
// headers (CRLF or bare LF line ends, folded lines), and the body, decoded from
// `Transfer-Encoding: chunked` and any `Content-Encoding`.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/content_decoder.h"

namespace byline {

struct HttpResponse {
  std::string version;  // "HTTP/1.1"
  int status = 0;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string mime;      // Content-Type without parameters, lowercased; "" if absent
  std::string charset;   // its charset parameter, as written (unquoted); "" if none
  std::string location;  // Location header
  std::size_t body_offset = 0;  // where the body starts in the block
  bool headers_complete = false;  // a blank line ended the headers

  // First header of that name (case-insensitive), "" if absent.
  std::string_view header(std::string_view name) const;
};

// Parses the head of an HTTP response. nullopt when the block does not start
// with a status line "HTTP/x.y NNN". Never throws.
std::optional<HttpResponse> parse_http_response(std::string_view block);

// Splits "text/html; charset=UTF-8" into a lowercased mime and the charset.
void parse_content_type(std::string_view value, std::string& mime, std::string& charset);

enum class ChunkedStatus {
  Ok,
  Truncated,   // the data ends inside a chunk or before the last chunk: kept
  NotChunked,  // the first size line is not hex: the body was stored de-chunked
  Corrupt,     // a bad chunk size after good chunks
};
// Decodes a chunked body into `out` (which holds what was decoded on failure).
ChunkedStatus decode_chunked(std::string_view data, std::string& out);

struct HttpBody {
  std::string bytes;
  // "" on success, else a fixed reason: "http: corrupt chunked encoding",
  // "http: decompression limit", "http: corrupt gzip" (deflate, br…),
  // "http: unsupported content encoding".
  std::string problem;
  bool truncated = false;  // decoded, but the data ended early
  bool stored_dechunked = false;  // declared chunked, stored without chunking
};

// The body of `response` (parsed from `block`), with transfer and content
// codings undone, within `limits`.
HttpBody decode_http_body(const HttpResponse& response, std::string_view block, const DecodeLimits& limits);

}  // namespace byline
