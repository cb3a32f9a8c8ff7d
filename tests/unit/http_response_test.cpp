// HTTP payload decoding: status line and headers, chunked transfer coding,
// content codings (gzip, deflate, br) with their limits, and charsets. The
// fixtures come from tests/data/warc/make_fixtures.py; the gzip bomb is built
// here in memory.

#include <catch2/catch.hpp>

#include "support/gzip.h"

#include <filesystem>
#include <map>
#include <string>

#include <zlib.h>

#include "common/input_stream.h"
#include "common/text.h"
#include "indexer/charset.h"
#include "indexer/content_decoder.h"
#include "indexer/http_response.h"
#include "indexer/warc_page_reader.h"

using namespace byline;
using byline::test::gzip_bytes;

namespace {

const std::filesystem::path kData = std::filesystem::path(BYLINE_SOURCE_DIR) / "tests/data/warc";

// Records of encodings.warc.gz by the last part of their URL.
struct Outcome {
  std::map<std::string, FetchedPage> pages;
  std::map<std::string, std::string> skips;
};

Outcome read_encodings() {
  Outcome outcome;
  auto input = open_raw_input((kData / "encodings.warc.gz").string());
  WarcReader reader(*input);
  WarcRecord record;
  while (reader.next(record)) {
    const std::string name = record.target_uri.substr(record.target_uri.rfind('/') + 1);
    FetchedPage page;
    const std::string reason = classify_record(record, DecodeLimits{}, page);
    if (reason.empty()) outcome.pages[name] = page;
    else outcome.skips[name] = reason;
  }
  return outcome;
}

}  // namespace

TEST_CASE("parse_http_response reads status, headers and body offset", "[unit][http]") {
  const std::string block =
      "HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.org/new\r\n"
      "Content-Type: text/html;  Charset=\"ISO-8859-1\"\r\nX-Folded: one\r\n  two\r\n\r\nbody";
  const auto response = parse_http_response(block);
  REQUIRE(response);
  CHECK(response->status == 301);
  CHECK(response->reason == "Moved Permanently");
  CHECK(response->location == "https://example.org/new");
  CHECK(response->mime == "text/html");
  CHECK(response->charset == "ISO-8859-1");
  CHECK(response->header("x-folded") == "one two");
  CHECK(block.substr(response->body_offset) == "body");
  CHECK(response->headers_complete);

  const auto bare_lf = parse_http_response("HTTP/1.0 200 OK\nContent-Type: TEXT/HTML\n\n<html>");
  REQUIRE(bare_lf);
  CHECK(bare_lf->mime == "text/html");
  CHECK(std::string("HTTP/1.0 200 OK\nContent-Type: TEXT/HTML\n\n<html>").substr(bare_lf->body_offset) == "<html>");
  CHECK(parse_http_response("HTTP/1.1 200\r\n\r\n")->status == 200);  // no reason phrase

  CHECK_FALSE(parse_http_response(""));
  CHECK_FALSE(parse_http_response("GET / HTTP/1.1\r\n\r\n"));
  CHECK_FALSE(parse_http_response("HTTP/1.1 2xx OK\r\n\r\n"));
  CHECK_FALSE(parse_http_response("HTTP/1.1 2000 OK\r\n\r\n"));
}

TEST_CASE("decode_chunked is robust to bad chunk sizes", "[unit][http]") {
  std::string out;
  CHECK(decode_chunked("4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n", out) == ChunkedStatus::Ok);
  CHECK(out == "Wikipedia");
  CHECK(decode_chunked("4\nWiki\n5\npedia\n0\n\n", out) == ChunkedStatus::Ok);  // bare LF
  CHECK(out == "Wikipedia");
  CHECK(decode_chunked("4\r\nWiki\r\n10\r\npedia", out) == ChunkedStatus::Truncated);
  CHECK(out == "Wikipedia");
  CHECK(decode_chunked("4\r\nWiki\r\n", out) == ChunkedStatus::Truncated);  // no last chunk
  CHECK(decode_chunked("<html>not chunked</html>", out) == ChunkedStatus::NotChunked);
  CHECK(decode_chunked("4\r\nWiki\r\nzz\r\npedia\r\n0\r\n\r\n", out) == ChunkedStatus::Corrupt);
  CHECK(decode_chunked("4\r\nWiki\r\nfffffffffffffffffff\r\nx", out) == ChunkedStatus::Corrupt);
}

TEST_CASE("decode_content undoes gzip, deflate and br, and stops a gzip bomb", "[unit][http]") {
  const std::string text = "<html><body>" + std::string(2000, 'q') + "</body></html>";
  CHECK(decode_content("gzip", gzip_bytes(text), {}).output == text);
  CHECK(decode_content("x-gzip", gzip_bytes(text), {}).output == text);
  CHECK(decode_content("deflate", gzip_bytes(text, 15), {}).output == text);   // zlib
  CHECK(decode_content("deflate", gzip_bytes(text, -15), {}).output == text);  // raw
  CHECK(decode_content("gzip", text, {}).output == text);  // declared gzip, stored plain
  CHECK(decode_content("identity", text, {}).output == text);
  // Codings are listed in the order applied: "deflate, gzip" is gzip(zlib(text)).
  CHECK(decode_content("deflate, gzip", gzip_bytes(gzip_bytes(text, 15)), {}).output == text);
  const std::string gz = gzip_bytes(text);
  const DecodeResult cut = decode_content("gzip", gz.substr(0, gz.size() / 2), {});
  CHECK(cut.status == DecodeStatus::Truncated);
  CHECK(decode_content("br", "this is not brotli data", {}).status != DecodeStatus::Ok);
  CHECK(decode_content("compress", "x", {}).status == DecodeStatus::Unsupported);

  SECTION("gzip bomb: 50 MB of zeros") {
    const std::string bomb = gzip_bytes(std::string(50u << 20, '\0'));
    REQUIRE(bomb.size() < (1u << 20));
    DecodeLimits low;
    low.max_output = 8 << 20;
    low.max_ratio = 1u << 30;  // only the size limit
    const DecodeResult by_size = decode_content("gzip", bomb, low);
    CHECK(by_size.status == DecodeStatus::OverLimit);
    CHECK(by_size.output.size() <= low.max_output + (1 << 16));
    const DecodeResult by_ratio = decode_content("gzip", bomb, DecodeLimits{});  // default ratio 200
    CHECK(by_ratio.status == DecodeStatus::OverLimit);
    CHECK(by_ratio.output.size() < (2u << 20));

    const std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + bomb;
    const std::string warc = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example.org/\r\n"
                             "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
    auto input = open_raw_memory(warc);
    WarcReader reader(*input);
    WarcRecord record;
    REQUIRE(reader.next(record));
    FetchedPage page;
    CHECK(classify_record(record, low, page) == "http: decompression limit");
  }
}

TEST_CASE("charset labels, meta tags and conversion to UTF-8", "[unit][http][charset]") {
  CHECK(normalize_charset_label("ISO-8859-1") == "WINDOWS-1252");
  CHECK(normalize_charset_label(" \"utf8\" ") == "UTF-8");
  CHECK(normalize_charset_label("Shift_JIS") == "CP932");
  CHECK(normalize_charset_label("gb2312") == "GB18030");
  CHECK(normalize_charset_label("iso-8859-15") == "ISO-8859-15");
  CHECK(normalize_charset_label("no-such-charset") == "");
  CHECK(html_meta_charset("<html><head><META charset='EUC-JP'>") == "EUC-JP");
  CHECK(html_meta_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">") ==
        "windows-1251");
  CHECK(html_meta_charset("<meta name=description content=charset>") == "");
  CHECK(html_meta_charset(std::string(3000, ' ') + "<meta charset=utf-8>") == "");  // past 2 KiB

  std::size_t errors = 0;
  CHECK(convert_to_utf8("caf\xE9 \x80", "WINDOWS-1252", &errors) == "caf\xC3\xA9 \xE2\x82\xAC");
  CHECK(errors == 0);
  CHECK(convert_to_utf8("\x82\xA0\xFF", "CP932", &errors) == "\xE3\x81\x82\xEF\xBF\xBD");  // あ + invalid
  CHECK(errors == 1);

  // A BOM wins; a legacy declaration on valid UTF-8 is overruled.
  CHECK(decode_html("\xEF\xBB\xBFhi \xC3\xA9", "iso-8859-1").source == "bom");
  const DecodedHtml stale = decode_html("<meta charset=iso-8859-1><p>caf\xC3\xA9</p>", "");
  CHECK(stale.charset == "UTF-8");
  CHECK(stale.utf8 == "<meta charset=iso-8859-1><p>caf\xC3\xA9</p>");
  const DecodedHtml latin = decode_html("<p>caf\xE9</p>", "iso-8859-1");
  CHECK(latin.utf8 == "<p>caf\xC3\xA9</p>");
  CHECK(latin.source == "http");
  CHECK(is_valid_utf8(decode_html("\xFF\xFE\x00\xD8", "").utf8));  // broken UTF-16
}

TEST_CASE("encodings.warc.gz: transfer and content codings, charsets", "[unit][http]") {
  const Outcome outcome = read_encodings();
  const char* tidal = "Engineers in Porthkennack reported a steady 4\xC2\xA0MW output \xE2\x80\x94 better than forecast.";
  for (const char* name : {"chunked-gzip", "deflate-zlib", "deflate-raw", "brotli"}) {
    INFO(name);
    REQUIRE(outcome.pages.count(name));
    CHECK(outcome.pages.at(name).html.find(tidal) != std::string::npos);
    CHECK(outcome.pages.at(name).charset == "UTF-8");
  }
  REQUIRE(outcome.pages.count("windows-1252"));
  CHECK(outcome.pages.at("windows-1252").html.find(
            "The \xE2\x80\x9Cgrand r\xC3\xA9ouverture\xE2\x80\x9D of the Caf\xC3\xA9 Mirabelle costs \xE2\x82\xAC"
            "5 a ticket") != std::string::npos);
  // 港町の朝市は雨のため午後に延期されました。
  const char* japanese = "\xE6\xB8\xAF\xE7\x94\xBA\xE3\x81\xAE\xE6\x9C\x9D\xE5\xB8\x82\xE3\x81\xAF\xE9\x9B\xA8\xE3\x81"
                         "\xAE\xE3\x81\x9F\xE3\x82\x81\xE5\x8D\x88\xE5\xBE\x8C\xE3\x81\xAB\xE5\xBB\xB6\xE6\x9C\x9F\xE3"
                         "\x81\x95\xE3\x82\x8C\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82";
  REQUIRE(outcome.pages.count("shift-jis-meta"));
  CHECK(outcome.pages.at("shift-jis-meta").charset == "CP932");
  CHECK(outcome.pages.at("shift-jis-meta").charset_source == "meta");
  CHECK(outcome.pages.at("shift-jis-meta").html.find(japanese) != std::string::npos);
  REQUIRE(outcome.pages.count("euc-jp-header"));
  CHECK(outcome.pages.at("euc-jp-header").charset_source == "http");
  CHECK(outcome.pages.at("euc-jp-header").html.find(japanese) != std::string::npos);
  REQUIRE(outcome.pages.count("guess"));
  CHECK(outcome.pages.at("guess").charset_source == "guess");
  CHECK(outcome.pages.at("guess").html.find("r\xC3\xA9novation de la biblioth\xC3\xA8que") != std::string::npos);
  CHECK(outcome.skips == std::map<std::string, std::string>{
                             {"corrupt-chunked", "http: corrupt chunked encoding"},
                             {"corrupt-gzip", "http: corrupt gzip"},
                             {"unsupported-encoding", "http: unsupported content encoding"}});
  for (const auto& [name, page] : outcome.pages) CHECK(is_valid_utf8(page.html));
}

TEST_CASE("ClueWeb quirk: gzip declared on a plain EUC-JP body", "[unit][http]") {
  auto input = open_raw_input((kData / "clueweb-0.18.warc").string());
  WarcReader reader(*input);
  WarcRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(reader.next(record));
  FetchedPage page;
  REQUIRE(classify_record(record, DecodeLimits{}, page) == "");
  CHECK(page.charset == "EUC-JP");
  CHECK_FALSE(page.crawled);
  // 商店街のお知らせ
  CHECK(page.html.find("\xE5\x95\x86\xE5\xBA\x97\xE8\xA1\x97\xE3\x81\xAE\xE3\x81\x8A\xE7\x9F\xA5\xE3\x82\x89\xE3\x81\x9B") !=
        std::string::npos);
}
