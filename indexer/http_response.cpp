#include "indexer/http_response.h"

#include <cstring>

#include "common/text.h"

namespace byline {

std::string_view HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (iequals(key, name)) return value;
  return {};
}

void parse_content_type(std::string_view value, std::string& mime, std::string& charset) {
  const std::vector<std::string_view> parts = split(value, ';');
  mime = parts.empty() ? std::string() : ascii_lower(trim(parts[0]));
  charset.clear();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string_view param = trim(parts[i]);
    const std::size_t eq = param.find('=');
    if (eq == std::string_view::npos || !iequals(trim(param.substr(0, eq)), "charset")) continue;
    std::string_view v = trim(param.substr(eq + 1));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
    charset = std::string(trim(v));
    break;
  }
}

std::optional<HttpResponse> parse_http_response(std::string_view block) {
  HttpResponse response;
  std::size_t pos = 0;
  const auto next_line = [&](std::string_view& line) {
    if (pos >= block.size()) return false;
    std::size_t nl = block.find('\n', pos);
    const bool has_nl = nl != std::string_view::npos;
    if (!has_nl) nl = block.size();
    line = block.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = has_nl ? nl + 1 : block.size();
    return true;
  };
  std::string_view line;
  if (!next_line(line) || line.substr(0, 5) != "HTTP/") return std::nullopt;
  const std::size_t sp = line.find(' ');
  if (sp == std::string_view::npos) return std::nullopt;
  response.version = std::string(line.substr(0, sp));
  const std::string_view rest = trim(line.substr(sp + 1));
  int status = 0, digits = 0;
  while (digits < static_cast<int>(rest.size()) && digits < 3 && rest[digits] >= '0' && rest[digits] <= '9')
    status = status * 10 + (rest[digits++] - '0');
  if (digits != 3 || (rest.size() > 3 && rest[3] != ' ' && rest[3] != '\t')) return std::nullopt;
  response.status = status;
  response.reason = std::string(trim(rest.substr(3)));

  while (next_line(line)) {
    if (line.empty()) {
      response.headers_complete = true;
      break;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !response.headers.empty()) {
      response.headers.back().second += ' ';
      response.headers.back().second += trim(line);
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    response.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  response.body_offset = pos;
  parse_content_type(response.header("Content-Type"), response.mime, response.charset);
  response.location = std::string(trim(response.header("Location")));
  return response;
}

ChunkedStatus decode_chunked(std::string_view data, std::string& out) {
  out.clear();
  std::size_t pos = 0, chunks = 0;
  for (;;) {
    const std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) {
      if (chunks == 0) return trim(data.substr(pos)).empty() ? ChunkedStatus::Ok : ChunkedStatus::NotChunked;
      return ChunkedStatus::Truncated;  // no last chunk
    }
    std::string_view size_line = data.substr(pos, nl - pos);
    if (const std::size_t semi = size_line.find(';'); semi != std::string_view::npos) size_line = size_line.substr(0, semi);
    size_line = trim(size_line);
    if (size_line.empty() && chunks > 0) {  // a stray blank line between chunks
      pos = nl + 1;
      continue;
    }
    std::uint64_t size = 0;
    bool ok = !size_line.empty() && size_line.size() <= 15;
    for (char c : size_line) {
      int digit;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      else { ok = false; break; }
      size = size * 16 + static_cast<std::uint64_t>(digit);
    }
    if (!ok) return chunks == 0 ? ChunkedStatus::NotChunked : ChunkedStatus::Corrupt;
    if (size == 0) return ChunkedStatus::Ok;  // trailers, if any, are ignored
    const std::size_t start = nl + 1;
    if (size > data.size() - start) {
      out.append(data.substr(start));
      return ChunkedStatus::Truncated;
    }
    out.append(data.substr(start, size));
    ++chunks;
    pos = start + size;
    if (data.substr(pos, 2) == "\r\n") pos += 2;
    else if (data.substr(pos, 1) == "\n") pos += 1;
    if (pos >= data.size()) return ChunkedStatus::Truncated;
  }
}

HttpBody decode_http_body(const HttpResponse& response, std::string_view block, const DecodeLimits& limits) {
  HttpBody body;
  std::string_view data = response.body_offset <= block.size() ? block.substr(response.body_offset) : std::string_view();
  std::string dechunked;
  if (ascii_lower(response.header("Transfer-Encoding")).find("chunked") != std::string::npos) {
    switch (decode_chunked(data, dechunked)) {
      case ChunkedStatus::Ok: data = dechunked; break;
      case ChunkedStatus::Truncated:
        body.truncated = true;
        data = dechunked;
        break;
      case ChunkedStatus::NotChunked: body.stored_dechunked = true; break;
      case ChunkedStatus::Corrupt:
        body.problem = "http: corrupt chunked encoding";
        return body;
    }
  }
  DecodeResult decoded = decode_content(response.header("Content-Encoding"), data, limits);
  switch (decoded.status) {
    case DecodeStatus::Ok: break;
    case DecodeStatus::Truncated:
      body.truncated = true;
      break;
    case DecodeStatus::OverLimit:
      body.problem = "http: decompression limit";
      return body;
    case DecodeStatus::Corrupt:
      body.problem = "http: corrupt " + (decoded.encoding == "x-gzip" ? std::string("gzip") : decoded.encoding);
      return body;
    case DecodeStatus::Unsupported:
      body.problem = "http: unsupported content encoding";
      return body;
  }
  body.bytes = std::move(decoded.output);
  return body;
}

}  // namespace byline
