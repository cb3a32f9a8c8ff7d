#pragma once
// From a WARC stream to HTML pages for the extractor. For each record it
// decides: an HTML page to extract (FetchedPage: the URL, the page decoded to
// UTF-8, the crawl time and the HTTP headers), or a skip with a short fixed
// reason that can be counted:
//   "warc: warcinfo record", "warc: request record", "warc: metadata record",
//   "warc: resource not html", "warc: conversion record", "warc: continuation record",
//   "warc: unknown record type", "warc: revisit (identical payload)",
//   "warc: revisit (not modified)", "warc: truncated record", "warc: missing target URI",
//   "http: bad status line", "http: redirect 301" (302…), "http: status 404" (any
//   non-2xx), "http: empty body", "http: not html (image/png)" (the mime type, or
//   "none" when absent and the body is not HTML), "http: corrupt chunked encoding",
//   "http: decompression limit", "http: corrupt gzip" (deflate, br),
//   "http: unsupported content encoding", "dedup: duplicate capture".
// Reader problems (warc_reader.h) that cost a record are skips too; those that
// did not are notes, as is "http: truncated body" (a page delivered as far as
// it could be decoded). `where` is "<stream name>@<raw offset>".
//
// A page is: a `response` record with a 2xx status and Content-Type text/html
// or application/xhtml+xml (or none, when the body starts like HTML), or a
// `resource` record whose Content-Type is one of those.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/date_time.h"
#include "common/input_stream.h"
#include "indexer/capture_deduplicator.h"
#include "indexer/content_decoder.h"
#include "indexer/warc_reader.h"

namespace byline {

struct FetchedPage {
  std::string url;   // WARC-Target-URI as captured
  std::string html;  // valid UTF-8
  std::optional<DateTime> crawled;  // WARC-Date: when it was fetched, not published
  std::string content_type;         // HTTP Content-Type as sent
  std::uint64_t warc_offset = 0;    // raw offset of the record
  int status = 200;                 // HTTP status (200 for a resource record)
  std::string charset;              // the charset the bytes were read as
  std::string charset_source;       // see DecodedHtml::source
  std::vector<std::pair<std::string, std::string>> http_headers;
  bool truncated = false;           // the body ended early and was kept as is
};

struct PageReaderOptions {
  WarcLimits warc;
  DecodeLimits decode;
  bool deduplicate = true;
};

// Decides on one record without state (no deduplication). Returns "" and
// fills `page` for a page, else the skip reason. `note` receives "http:
// truncated body" and the like for a page that is delivered anyway.
std::string classify_record(const WarcRecord& record, const DecodeLimits& limits, FetchedPage& page,
                            std::string* note = nullptr);

class WarcPageReader {
 public:
  struct Callbacks {
    std::function<void(FetchedPage&)> page;
    std::function<void(std::string_view reason, std::string_view where)> skip;
    std::function<void(std::string_view what, std::string_view where)> note;
  };
  struct Stats {
    std::uint64_t records = 0, pages = 0, skips = 0, notes = 0;
  };

  explicit WarcPageReader(PageReaderOptions options = {}) : options_(options) {}
  // Reads a stream as stored (open_raw_input). The deduplicator is kept across
  // calls, so several files of one crawl are deduplicated together.
  void read(InputStream& raw, const Callbacks& callbacks);
  // Opens `path` raw and reads it; zstd-compressed files are decoded by
  // open_input (no seekable offsets then). Throws InputError if it cannot be opened.
  void read_file(const std::string& path, const Callbacks& callbacks);
  const Stats& stats() const { return stats_; }

 private:
  PageReaderOptions options_;
  CaptureDeduplicator dedup_;
  Stats stats_;
};

}  // namespace byline
