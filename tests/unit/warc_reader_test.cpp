// WarcReader and WarcPageReader over fixtures written by
// tests/data/warc/make_fixtures.py, plus inputs built here in memory (a 1 MB
// header line, an oversized record). The [shared] cases read the real files in
// ../shared/warc and say so when they are absent.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "common/input_stream.h"
#include "common/text.h"
#include "indexer/warc_page_reader.h"
#include "indexer/warc_reader.h"

using namespace byline;

namespace {

const std::filesystem::path kData = std::filesystem::path(BYLINE_SOURCE_DIR) / "tests/data/warc";
const std::filesystem::path kShared = std::filesystem::path(BYLINE_SOURCE_DIR) / "../shared/warc";

struct Problem {
  std::string reason;
  bool lost;
  std::uint64_t offset;
};

struct ReadResult {
  std::vector<WarcRecord> records;
  std::vector<Problem> problems;
  WarcReaderStats stats;
  std::vector<std::string> reasons() const {
    std::vector<std::string> out;
    for (const Problem& p : problems) out.push_back(p.reason);
    return out;
  }
  std::vector<std::string> uris() const {
    std::vector<std::string> out;
    for (const WarcRecord& r : records) out.push_back(r.target_uri);
    return out;
  }
};

ReadResult read_records(InputStream& input, WarcLimits limits = {}) {
  ReadResult result;
  WarcReader reader(input, limits, [&](const WarcProblem& p) { result.problems.push_back({p.reason, p.record_lost, p.offset}); });
  WarcRecord record;
  while (reader.next(record)) result.records.push_back(record);
  result.stats = reader.stats();
  return result;
}

ReadResult read_file(const std::string& name, WarcLimits limits = {}) {
  auto input = open_raw_input((kData / name).string());
  return read_records(*input, limits);
}

ReadResult read_bytes(std::string bytes, WarcLimits limits = {}) {
  auto input = open_raw_memory(std::move(bytes));
  return read_records(*input, limits);
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string page_record(const std::string& name, const std::string& extra_header = {}) {
  const std::string body = "<html><body><p>Page " + name + "</p></body></html>\n";
  const std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://mem.example.org/" + name +
         "\r\nWARC-Date: 2026-09-01T00:00:00Z\r\n" + extra_header +
         "Content-Type: application/http;msgtype=response\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

struct PageRun {
  std::vector<FetchedPage> pages;
  std::map<std::string, int> skips, notes;
  std::vector<std::string> urls() const {
    std::vector<std::string> out;
    for (const FetchedPage& p : pages) out.push_back(p.url);
    return out;
  }
};

PageRun read_pages(const std::string& path, PageReaderOptions options = {}) {
  PageRun run;
  WarcPageReader reader(options);
  WarcPageReader::Callbacks callbacks;
  callbacks.page = [&](FetchedPage& page) { run.pages.push_back(page); };
  callbacks.skip = [&](std::string_view reason, std::string_view) { ++run.skips[std::string(reason)]; };
  callbacks.note = [&](std::string_view what, std::string_view) { ++run.notes[std::string(what)]; };
  reader.read_file(path, callbacks);
  return run;
}

const std::vector<std::string> kBasicTypes = {"warcinfo", "request",  "response", "response", "response", "response",
                                              "revisit",  "response", "metadata", "resource", "response"};

const std::map<std::string, int> kBasicSkips = {
    {"warc: warcinfo record", 1}, {"warc: request record", 1},
    {"http: redirect 301", 1},    {"http: status 404", 1},
    {"http: not html (image/png)", 1}, {"warc: revisit (identical payload)", 1},
    {"dedup: duplicate capture", 1},   {"warc: metadata record", 1}};

}  // namespace

TEST_CASE("parse_warc_date reads ISO 8601 strictly", "[unit][warc]") {
  const auto utc = parse_warc_date("2026-08-20T10:11:12Z");
  REQUIRE(utc);
  CHECK(utc->iso8601_utc() == "2026-08-20T10:11:12Z");
  CHECK(utc->zone_known);
  const auto offset = parse_warc_date("2026-08-22T08:15:30+02:00");
  REQUIRE(offset);
  CHECK(offset->iso8601_utc() == "2026-08-22T06:15:30Z");
  CHECK(offset->utc_offset_minutes == 120);
  const auto fraction = parse_warc_date("2026-08-20T10:11:12.123456Z");
  REQUIRE(fraction);
  CHECK(fraction->epoch_seconds == utc->epoch_seconds);
  const auto day = parse_warc_date("2026-08-20");
  REQUIRE(day);
  CHECK_FALSE(day->has_time);
  CHECK(parse_warc_date("2008-10-29T05:21:46-0700")->iso8601_utc() == "2008-10-29T12:21:46Z");
  CHECK_FALSE(parse_warc_date("2008-10-294T05:21:46-0700"));  // ClueWeb09's day 294
  CHECK_FALSE(parse_warc_date("2026-02-30T00:00:00Z"));
  CHECK_FALSE(parse_warc_date("2026-08-20T25:00:00Z"));
  CHECK_FALSE(parse_warc_date("20260820"));
  CHECK_FALSE(parse_warc_date(""));
}

TEST_CASE("WarcReader reads WARC/1.0 uncompressed", "[unit][warc]") {
  const ReadResult result = read_file("basic-1.0.warc");
  CHECK(result.problems.empty());
  REQUIRE(result.records.size() == kBasicTypes.size());
  for (std::size_t i = 0; i < kBasicTypes.size(); ++i) CHECK(result.records[i].type == kBasicTypes[i]);
  const WarcRecord& first = result.records[2];
  CHECK(first.version == "WARC/1.0");
  CHECK(first.target_uri == "https://news.example.org/news/one");
  REQUIRE(first.crawled);
  CHECK(first.crawled->iso8601_utc() == "2026-08-20T10:00:01Z");
  CHECK(first.block.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
  CHECK(first.payload_digest.rfind("sha1:", 0) == 0);
  // Uncompressed: the offset is where "WARC/" starts.
  const std::string raw = slurp(kData / "basic-1.0.warc");
  for (const WarcRecord& record : result.records) {
    CHECK(record.offset == record.decoded_offset);
    CHECK(raw.compare(record.offset, 9, "WARC/1.0\r") == 0);
  }
  const WarcRecord& revisit = result.records[6];
  CHECK(revisit.refers_to_target_uri == "https://news.example.org/news/one");
  CHECK(revisit.refers_to_date == "2026-08-20T10:00:01Z");
  CHECK(revisit.profile.find("identical-payload-digest") != std::string::npos);
}

TEST_CASE("WarcReader reads WARC/1.1 gzipped per record, with seekable offsets", "[unit][warc]") {
  const ReadResult result = read_file("basic-1.1.warc.gz");
  CHECK(result.problems.empty());
  REQUIRE(result.records.size() == kBasicTypes.size());
  const std::string raw = slurp(kData / "basic-1.1.warc.gz");
  for (const WarcRecord& record : result.records) {
    // Each offset is a gzip member that decodes to exactly this record.
    auto member = open_memory(raw.substr(record.offset));
    std::string head(9, '\0');
    REQUIRE(member->read(head.data(), head.size()) == head.size());
    CHECK(head == "WARC/1.1\r");
    CHECK(record.version == "WARC/1.1");
  }
  CHECK(result.records[1].offset > 0);
  CHECK(result.records[10].crawled->utc_offset_minutes == 120);
}

TEST_CASE("WarcReader reads a file gzipped whole", "[unit][warc]") {
  const ReadResult result = read_file("whole-file.warc.gz");
  CHECK(result.problems.empty());
  REQUIRE(result.records.size() == kBasicTypes.size());
  auto decoded = open_input((kData / "whole-file.warc.gz").string());
  const std::string text = read_all(*decoded, 1 << 20);
  for (const WarcRecord& record : result.records) {
    CHECK(record.offset == 0);  // one member: nothing to seek to but its start
    CHECK(text.compare(record.decoded_offset, 5, "WARC/") == 0);
  }
  CHECK(result.uris() == read_file("basic-1.1.warc.gz").uris());
}

TEST_CASE("WarcReader reads ClueWeb's WARC/0.18 with its invalid dates", "[unit][warc]") {
  const ReadResult result = read_file("clueweb-0.18.warc");
  CHECK(result.problems.empty());
  REQUIRE(result.records.size() == 2);
  CHECK(result.records[1].version == "WARC/0.18");
  CHECK(result.records[1].date == "2008-10-294T05:21:46-0700");
  CHECK_FALSE(result.records[1].crawled);
  CHECK(result.records[1].header("WARC-TREC-ID") == "fixture-00000-00-00001");
}

TEST_CASE("WarcReader reports damage and keeps the good records around it", "[unit][warc]") {
  const ReadResult result = read_file("damaged.warc");
  const std::vector<std::string> expected_reasons = {
      "warc: garbage between records", "warc: Content-Length too long", "warc: Content-Length too short",
      "warc: missing Content-Length",  "warc: bad Content-Length",      "warc: truncated record"};
  CHECK(result.reasons() == expected_reasons);
  const std::vector<bool> lost = {false, false, false, true, true, false};
  for (std::size_t i = 0; i < std::min(lost.size(), result.problems.size()); ++i) CHECK(result.problems[i].lost == lost[i]);
  std::vector<std::string> names;
  for (const std::string& uri : result.uris()) names.push_back(uri.substr(uri.rfind('/') + 1));
  CHECK(names == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "h", "j", "k"});
  CHECK(result.stats.garbage_bytes > 0);
  // c's Content-Length ran 50 bytes into d: the block is cut at the separator.
  CHECK(result.records[2].block.size() + 50 ==
        std::stoul(std::string(result.records[2].header("Content-Length"))));
  CHECK(result.records[2].block.find("WARC/") == std::string::npos);
  CHECK(result.records[8].truncated);
  CHECK_FALSE(result.records[7].truncated);
  // Offsets point at the records themselves.
  const std::string raw = slurp(kData / "damaged.warc");
  for (const Problem& p : result.problems)
    if (p.reason != "warc: garbage between records") CHECK(raw.compare(p.offset, 5, "WARC/") == 0);
}

TEST_CASE("WarcReader resynchronises after a truncated or corrupt gzip member", "[unit][warc]") {
  SECTION("the file ends inside the last member") {
    const ReadResult result = read_file("truncated.warc.gz");
    CHECK(result.reasons() == std::vector<std::string>{"gzip: truncated member", "warc: truncated record"});
    REQUIRE(result.records.size() == 3);
    CHECK_FALSE(result.records[1].truncated);
    CHECK(result.records[2].truncated);
    CHECK(result.problems[0].offset == result.records[2].offset);
  }
  SECTION("a corrupt member in the middle, junk between members") {
    const ReadResult result = read_file("corrupt-member.warc.gz");
    CHECK(result.reasons() ==
          std::vector<std::string>{"gzip: corrupt member", "warc: truncated record", "gzip: garbage between members"});
    std::vector<std::string> names;
    for (const std::string& uri : result.uris()) names.push_back(uri.substr(uri.rfind('/') + 1));
    CHECK(names == std::vector<std::string>{"m1", "m2", "m3", "m4"});
    REQUIRE(result.records.size() == 4);
    CHECK(result.records[1].truncated);
    CHECK(result.records[1].block.size() >= 60000);  // the first stored block survived
    CHECK(result.problems[0].offset == result.records[1].offset);
  }
}

TEST_CASE("WarcReader bounds a 1 MB header line and an oversized record", "[unit][warc]") {
  SECTION("header line of a megabyte") {
    const std::string input = page_record("before") + page_record("long", "X-Filler: " + std::string(1 << 20, 'x') + "\r\n") +
                              page_record("after");
    const ReadResult result = read_bytes(input);
    CHECK(result.reasons() == std::vector<std::string>{"warc: header line too long"});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].lost);
    CHECK(result.uris() == std::vector<std::string>{"https://mem.example.org/before", "https://mem.example.org/after"});
  }
  SECTION("record over the size limit") {
    WarcLimits limits;
    limits.max_record_bytes = 4096;
    std::string oversized = page_record(std::string(5000, 'y'));
    const ReadResult result = read_bytes(page_record("before") + oversized + page_record("after"), limits);
    CHECK(result.reasons() == std::vector<std::string>{"warc: record over size limit"});
    CHECK(result.uris() == std::vector<std::string>{"https://mem.example.org/before", "https://mem.example.org/after"});
  }
  SECTION("a Content-Length far beyond the end of the input") {
    std::string lie = page_record("liar");
    const std::size_t at = lie.find("Content-Length: ");
    lie.replace(at, lie.find("\r\n", at) - at, "Content-Length: 60000000");
    const ReadResult result = read_bytes(page_record("before") + lie + page_record("after"));
    CHECK(result.reasons() == std::vector<std::string>{"warc: Content-Length too long"});
    CHECK(result.records.size() == 3);
  }
  SECTION("empty and non-WARC input") {
    CHECK(read_bytes("").records.empty());
    const ReadResult arc = read_bytes("filedesc://example.arc 0.0.0.0 20260101000000 text/plain 10\nnot a warc\n");
    CHECK(arc.records.empty());
    CHECK(arc.reasons() == std::vector<std::string>{"warc: garbage between records"});
  }
}

TEST_CASE("WarcPageReader decides page or skip with fixed reasons", "[unit][warc]") {
  for (const char* file : {"basic-1.0.warc", "basic-1.1.warc.gz", "whole-file.warc.gz"}) {
    INFO(file);
    const PageRun run = read_pages((kData / file).string());
    CHECK(run.urls() == std::vector<std::string>{"https://news.example.org/news/one", "file:///saved/page.html",
                                                 "https://news.example.org/news/two"});
    CHECK(run.skips == kBasicSkips);
    CHECK(run.notes.empty());
    REQUIRE(run.pages.size() == 3);
    const FetchedPage& one = run.pages[0];
    CHECK(one.html.find("a na\xC3\xAFve caf\xC3\xA9 owner") != std::string::npos);
    REQUIRE(one.crawled);
    CHECK(one.crawled->iso8601_utc() == "2026-08-20T10:00:01Z");
    CHECK(one.content_type == "text/html; charset=utf-8");
    CHECK(one.status == 200);
    CHECK_FALSE(one.http_headers.empty());
    CHECK(run.pages[2].charset_source == "meta");
  }
}

TEST_CASE("WarcPageReader counts damaged records once", "[unit][warc]") {
  const PageRun run = read_pages((kData / "damaged.warc").string());
  CHECK(run.pages.size() == 8);
  CHECK(run.skips == std::map<std::string, int>{{"warc: missing Content-Length", 1},
                                                {"warc: bad Content-Length", 1},
                                                {"warc: truncated record", 1}});
  CHECK(run.notes == std::map<std::string, int>{{"warc: garbage between records", 1},
                                                {"warc: Content-Length too long", 1},
                                                {"warc: Content-Length too short", 1}});
}

TEST_CASE("CaptureDeduplicator keys on canonical URL and digest", "[unit][warc]") {
  CaptureDeduplicator dedup;
  CHECK(dedup.first_capture("https://Example.org/a?utm_source=rss", "sha1:AAAA"));
  CHECK_FALSE(dedup.first_capture("https://example.org/a", "sha1:AAAA"));
  CHECK(dedup.first_capture("https://example.org/a", "sha1:BBBB"));  // new payload
  CHECK(dedup.first_capture("https://example.org/b", "sha1:AAAA"));
  CHECK(dedup.seen("https://example.org/b", "sha1:AAAA"));
  CHECK(dedup.size() == 3);
}

TEST_CASE("every sample WARC/ARC file is read without an exception", "[shared][warc]") {
  const auto samples = kShared / "samples";
  if (!std::filesystem::exists(samples)) {
    WARN("../shared/warc/samples absent: skipped");
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(samples)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && (name.find(".warc") != std::string::npos || name.find(".arc") != std::string::npos))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() == 25);
  std::uint64_t records = 0, pages = 0;
  for (const auto& path : files) {
    INFO(path.string());
    WarcPageReader reader;
    std::size_t file_pages = 0;
    WarcPageReader::Callbacks callbacks;
    callbacks.page = [&](FetchedPage& page) {
      ++file_pages;
      CHECK(is_valid_utf8(page.html));
    };
    REQUIRE_NOTHROW(reader.read_file(path.string(), callbacks));
    records += reader.stats().records;
    pages += reader.stats().pages;
    std::printf("  %-60s records %4llu pages %3llu skips %4llu notes %2llu\n",
                std::filesystem::relative(path, samples).string().c_str(),
                static_cast<unsigned long long>(reader.stats().records), static_cast<unsigned long long>(file_pages),
                static_cast<unsigned long long>(reader.stats().skips), static_cast<unsigned long long>(reader.stats().notes));
  }
  std::printf("samples: %zu files, %llu records, %llu pages\n", files.size(), static_cast<unsigned long long>(records),
              static_cast<unsigned long long>(pages));
  CHECK(records > 1000);
}

TEST_CASE("dev-pages.warc.gz yields exactly the 636 DEV pages", "[shared][warc]") {
  const auto path = kShared / "dev-pages.warc.gz";
  if (!std::filesystem::exists(path)) {
    WARN("../shared/warc/dev-pages.warc.gz absent: skipped");
    return;
  }
  const PageRun run = read_pages(path.string());
  CHECK(run.pages.size() == 636);
  CHECK(run.skips == std::map<std::string, int>{{"warc: warcinfo record", 1},
                                                {"warc: request record", 697},
                                                {"warc: revisit (identical payload)", 6},
                                                {"dedup: duplicate capture", 19},
                                                {"http: redirect 301", 6},
                                                {"http: status 404", 6},
                                                {"http: not html (text/plain)", 12},
                                                {"http: not html (image/png)", 6},
                                                {"http: not html (text/css)", 6}});
  CHECK(run.notes.empty());
  std::size_t with_date = 0;
  for (const FetchedPage& page : run.pages) {
    with_date += page.crawled.has_value();
    CHECK(is_valid_utf8(page.html));
  }
  CHECK(with_date == 636);
}

TEST_CASE("corpus/crawl/sample-crawl.warc.gz gives the pages its README lists", "[unit][warc]") {
  const PageRun run = read_pages((std::filesystem::path(BYLINE_SOURCE_DIR) / "corpus/crawl/sample-crawl.warc.gz").string());
  CHECK(run.skips == std::map<std::string, int>{{"warc: warcinfo record", 1},
                                                {"warc: request record", 22},
                                                {"http: redirect 301", 1},
                                                {"http: status 404", 1},
                                                {"http: not html (image/png)", 1},
                                                {"dedup: duplicate capture", 1},
                                                {"warc: revisit (identical payload)", 1}});
  CHECK(run.notes.empty());
  REQUIRE(run.pages.size() == 17);
  CHECK(run.pages[0].url == "https://kestrelcourier.example/");
  CHECK(run.pages[1].url == "https://kestrelcourier.example/city/");
  CHECK(run.pages[4].url == "https://kestrelcourier.example/sport/cricket-under19-final");  // gzip
  CHECK(run.pages[8].url == "https://kestrelcourier.example/city/bus-depot-electric");      // chunked
  for (const FetchedPage& page : run.pages) {
    INFO(page.url);
    CHECK(page.html.find("Quillfeather Media") != std::string::npos);  // every page has the footer
    CHECK(page.html.find("</html>") != std::string::npos);
    CHECK(page.crawled.has_value());
  }
  CHECK(run.pages[4].html.find("Published 18:05 IST, January 8th 2025") != std::string::npos);
}
