#include "indexer/warc_page_reader.h"

#include <fmt/format.h>

#include "common/hash.h"
#include "common/text.h"
#include "indexer/charset.h"
#include "indexer/http_response.h"

namespace byline {

namespace {

bool is_html_mime(std::string_view mime) { return mime == "text/html" || mime == "application/xhtml+xml"; }

// The mime type as a counting key: lowercase, only the characters a mime type
// has, bounded, so a hostile header cannot create unbounded distinct reasons.
std::string mime_label(std::string_view mime) {
  std::string label;
  for (char c : mime) {
    if (label.size() == 40) break;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '+' || c == '-') label += c;
  }
  return label.empty() ? "other" : label;
}

// For a response without Content-Type: does the body start like HTML?
bool looks_like_html(std::string_view body) {
  std::size_t i = 0;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) ++i;
  const std::string head = ascii_lower(body.substr(i, 64));
  for (std::string_view start : {"<!doctype html", "<html", "<head", "<body", "<!--", "<title"})
    if (head.rfind(start, 0) == 0) return true;
  return false;
}

}  // namespace

std::string classify_record(const WarcRecord& record, const DecodeLimits& limits, FetchedPage& page,
                            std::string* note) {
  const std::string type = ascii_lower(record.type);
  if (type == "warcinfo") return "warc: warcinfo record";
  if (type == "request") return "warc: request record";
  if (type == "metadata") return "warc: metadata record";
  if (type == "conversion") return "warc: conversion record";
  if (type == "continuation") return "warc: continuation record";
  if (type == "revisit") {
    // 1.0/1.1 "…/identical-payload-digest", warcio's "uri-agnostic-…" and
    // WARC/0.18's "…/revisit/identical-payload-digest" all say the same.
    return ascii_lower(record.profile).find("identical-payload-digest") != std::string::npos
               ? "warc: revisit (identical payload)"
               : "warc: revisit (not modified)";
  }
  if (type != "response" && type != "resource") return "warc: unknown record type";
  if (record.truncated) return "warc: truncated record";
  if (record.target_uri.empty()) return "warc: missing target URI";

  page = FetchedPage{};
  page.url = record.target_uri;
  page.crawled = record.crawled;
  page.warc_offset = record.offset;
  std::string http_charset;
  std::string body;
  if (type == "resource") {
    std::string mime;
    parse_content_type(record.content_type, mime, http_charset);
    if (!is_html_mime(mime)) return "warc: resource not html";
    page.content_type = record.content_type;
    body = record.block;
  } else {
    const std::optional<HttpResponse> response = parse_http_response(record.block);
    if (!response) return "http: bad status line";
    if (response->status >= 300 && response->status < 400) return fmt::format("http: redirect {}", response->status);
    if (response->status < 200 || response->status >= 300) return fmt::format("http: status {}", response->status);
    if (!response->mime.empty() && !is_html_mime(response->mime))
      return "http: not html (" + mime_label(response->mime) + ")";
    HttpBody decoded = decode_http_body(*response, record.block, limits);
    if (!decoded.problem.empty()) return decoded.problem;
    if (decoded.bytes.empty()) return "http: empty body";
    if (response->mime.empty() && !looks_like_html(decoded.bytes)) return "http: not html (none)";
    if (decoded.truncated) {
      page.truncated = true;
      if (note) *note = "http: truncated body";
    }
    page.status = response->status;
    page.content_type = std::string(response->header("Content-Type"));
    page.http_headers = response->headers;
    http_charset = response->charset;
    body = std::move(decoded.bytes);
  }
  if (body.empty()) return "http: empty body";
  DecodedHtml html = decode_html(body, http_charset);
  page.html = std::move(html.utf8);
  page.charset = std::move(html.charset);
  page.charset_source = std::move(html.source);
  return {};
}

void WarcPageReader::read(InputStream& raw, const Callbacks& callbacks) {
  const std::string name = raw.name();
  const auto where = [&name](std::uint64_t offset) { return fmt::format("{}@{}", name, offset); };
  const auto skip = [&](std::string_view reason, std::uint64_t offset) {
    ++stats_.skips;
    if (callbacks.skip) callbacks.skip(reason, where(offset));
  };
  const auto note = [&](std::string_view what, std::uint64_t offset) {
    ++stats_.notes;
    if (callbacks.note) callbacks.note(what, where(offset));
  };
  WarcReader reader(raw, options_.warc, [&](const WarcProblem& problem) {
    // A truncated record is still delivered, and classify_record skips it
    // with this same reason: count it once.
    if (problem.reason == "warc: truncated record") return;
    if (problem.record_lost) skip(problem.reason, problem.offset);
    else note(problem.reason, problem.offset);
  });
  WarcRecord record;
  FetchedPage page;
  while (reader.next(record)) {
    ++stats_.records;
    // A repeat with the same stored payload is known before any decoding.
    const bool payload_record = iequals(record.type, "response") || iequals(record.type, "resource");
    if (options_.deduplicate && payload_record && !record.payload_digest.empty() &&
        dedup_.seen(record.target_uri, record.payload_digest)) {
      skip("dedup: duplicate capture", record.offset);
      continue;
    }
    std::string what;
    const std::string reason = classify_record(record, options_.decode, page, &what);
    if (!reason.empty()) {
      skip(reason, record.offset);
      continue;
    }
    if (options_.deduplicate) {
      const std::string digest =
          record.payload_digest.empty() ? "body:" + stable_hash_hex(page.html) : record.payload_digest;
      if (!dedup_.first_capture(page.url, digest)) {
        skip("dedup: duplicate capture", record.offset);
        continue;
      }
    }
    if (!what.empty()) note(what, record.offset);
    ++stats_.pages;
    if (callbacks.page) callbacks.page(page);
  }
}

void WarcPageReader::read_file(const std::string& path, const Callbacks& callbacks) {
  if (path == "-") {  // cannot be reopened after sniffing: read as stored
    read(*open_raw_input(path), callbacks);
    return;
  }
  std::unique_ptr<InputStream> raw = open_raw_input(path);
  char magic[4] = {};
  std::size_t got = 0;
  while (got < sizeof magic) {
    const std::size_t n = raw->read(magic + got, sizeof magic - got);
    if (n == 0) break;
    got += n;
  }
  const bool zstd = got == 4 && static_cast<unsigned char>(magic[0]) == 0x28 &&
                    static_cast<unsigned char>(magic[1]) == 0xb5 && static_cast<unsigned char>(magic[2]) == 0x2f &&
                    static_cast<unsigned char>(magic[3]) == 0xfd;
  raw = zstd ? open_input(path, options_.warc.decompression) : open_raw_input(path);
  read(*raw, callbacks);
}

}  // namespace byline
