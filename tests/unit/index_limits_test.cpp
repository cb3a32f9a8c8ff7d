// Unit tests for the bounds of common/limits.h where they are applied:
// article fields (indexer/article_limits.h), HTTP decoding, compressed input
// streams and HTML depth. The end-to-end side is tests/e2e/bad_input_test.cpp.
#include <string>

#include <catch2/catch.hpp>

#include "support/gzip.h"
#include <zlib.h>

#include "common/input_stream.h"
#include "common/limits.h"
#include "common/text.h"
#include "indexer/article_limits.h"
#include "indexer/content_decoder.h"
#include "indexer/html_dom.h"

using namespace byline;
using byline::test::gzip_bytes;

namespace {

Article article_with_body(std::string body) {
  Article a;
  a.id = std::string("x");  // a literal assigned here trips GCC 12's false -Wrestrict
  a.title = "Harbour pier";
  a.body = std::move(body);
  return a;
}

}  // namespace

TEST_CASE("truncate_utf8 cuts between characters", "[unit][limits]") {
  std::string text = "ab\xC3\xA9\xE2\x82\xAC";  // a b é €
  CHECK_FALSE(truncate_utf8(text, 7));
  CHECK(text.size() == 7);
  for (const auto& [max, expected] : std::vector<std::pair<std::size_t, std::string>>{
           {6, "ab\xC3\xA9"}, {5, "ab\xC3\xA9"}, {4, "ab\xC3\xA9"}, {3, "ab"}, {2, "ab"}, {0, ""}}) {
    std::string cut = "ab\xC3\xA9\xE2\x82\xAC";
    CHECK(truncate_utf8(cut, max));
    CHECK(cut == expected);
    CHECK(is_valid_utf8(cut));
  }
}

TEST_CASE("article limits cut fields with a note per field", "[unit][limits]") {
  IndexLimits limits;
  limits.max_field_bytes = 10;
  limits.max_authors = 2;
  Article a = article_with_body("short body");
  a.title = "A title longer than ten bytes";
  a.description = "short";
  a.section = "A section name that is long";
  a.section_key = "a-section-name-that-is-long";
  a.authors = {"Asha Verma", "Ravi Menon Kutty", "Third Person"};
  const ArticleLimitResult r = apply_article_limits(a, limits);
  CHECK(r.skip_reason.empty());
  CHECK(r.notes == std::vector<std::string>{"limit: title truncated", "limit: section truncated",
                                            "limit: authors dropped", "limit: author truncated"});
  CHECK(a.title == "A title lo");
  CHECK(a.description == "short");
  CHECK(a.section_key.size() == 10);
  CHECK(a.authors == std::vector<std::string>{"Asha Verma", "Ravi Menon"});

  SECTION("a URL is never cut: the article is skipped") {
    Article b = article_with_body("body");
    b.url = "https://example.test/a-long-path";
    CHECK(apply_article_limits(b, limits).skip_reason == "limit: url too long");
  }
  SECTION("within the limits nothing changes") {
    Article c = article_with_body("body");
    const Article before = c;
    CHECK(apply_article_limits(c, IndexLimits{}).notes.empty());
    CHECK(c.body == before.body);
    CHECK(c.title == before.title);
  }
}

TEST_CASE("article limits cut the body at a paragraph, a word, or a character", "[unit][limits]") {
  IndexLimits limits;
  limits.max_body_bytes = 30;
  SECTION("paragraph") {
    Article a = article_with_body("First paragraph here.\n\nSecond paragraph is long.");
    CHECK(apply_article_limits(a, limits).notes == std::vector<std::string>{"limit: body truncated"});
    CHECK(a.body == "First paragraph here.");
  }
  SECTION("word") {
    Article a = article_with_body("one two three four five six seven eight nine");
    apply_article_limits(a, limits);
    CHECK(a.body == "one two three four five six");
  }
  SECTION("character, when there is no space in the second half") {
    Article a = article_with_body("x " + std::string(40, 'y'));
    apply_article_limits(a, limits);
    CHECK(a.body == "x " + std::string(28, 'y'));
  }
}

TEST_CASE("article limits bound the words of title, description and body", "[unit][limits]") {
  IndexLimits limits;
  limits.max_terms = 6;
  Article a = article_with_body("one two  three\n\nfour five six seven");
  a.description = "a standfirst";  // title 2 + description 2: 2 body words remain
  CHECK(apply_article_limits(a, limits).notes == std::vector<std::string>{"limit: too many terms, body truncated"});
  CHECK(a.body == "one two");
  limits.max_terms = 3;  // less than title and description: the body goes
  apply_article_limits(a, limits);
  CHECK(a.body.empty());
}

TEST_CASE("nested content codings are measured against the bytes as stored", "[unit][limits]") {
  const std::string inner = gzip_bytes(std::string(8u << 20, ' '));
  const std::string stored = gzip_bytes(inner);
  INFO("stored " << stored.size() << ", once decoded " << inner.size());
  REQUIRE(inner.size() / stored.size() > 2);

  DecodeLimits limits;  // ratio 200 past 1 MiB
  const DecodeResult refused = decode_content("gzip, gzip", stored, limits);
  CHECK(refused.status == DecodeStatus::OverLimit);
  CHECK(refused.output.size() < (2u << 20));  // stopped soon after the floor

  limits.max_ratio = 0;  // off: only the size limit holds
  const DecodeResult allowed = decode_content("gzip, gzip", stored, limits);
  CHECK(allowed.status == DecodeStatus::Ok);
  CHECK(allowed.output.size() == (8u << 20));
  limits.max_output = 4u << 20;
  CHECK(decode_content("gzip, gzip", stored, limits).status == DecodeStatus::OverLimit);
}

TEST_CASE("a compressed input stream past the ratio limit throws DecompressionLimitError", "[unit][limits]") {
  const std::string bomb = gzip_bytes(std::string(4u << 20, '\n'));
  const auto drain = [](InputStream& stream) {
    std::string buffer(1 << 16, '\0');
    std::size_t total = 0;
    while (const std::size_t n = stream.read(buffer.data(), buffer.size())) total += n;
    return total;
  };
  auto limited = open_memory(bomb, "bomb.gz", DecompressionLimits{200, 1u << 20});
  CHECK_THROWS_AS(drain(*limited), DecompressionLimitError);
  auto unlimited = open_memory(bomb, "bomb.gz");
  CHECK(drain(*unlimited) == (4u << 20));
  // Ordinary text is far below the ratio.
  std::string prose;
  for (int i = 0; prose.size() < (3u << 20); ++i) prose += "line " + std::to_string(i * 7919 % 100003) + " of prose\n";
  auto ordinary = open_memory(gzip_bytes(prose), "prose.gz", DecompressionLimits{200, 1u << 20});
  CHECK(drain(*ordinary) == prose.size());
}

TEST_CASE("parse_html keeps at most the requested depth", "[unit][limits]") {
  std::string html = "<html><body>";
  for (int i = 0; i < 100; ++i) html += "<div>";
  html += "deepword";
  for (int i = 0; i < 100; ++i) html += "</div>";
  html += "</body></html>";
  const auto deepest = [](const HtmlDocument& doc) {
    int depth = 0;
    for (int i = 0; i < doc.size(); ++i) depth = std::max(depth, doc.node(i).depth);
    return depth;
  };
  const HtmlDocument shallow = parse_html(html, 30);
  CHECK(shallow.flattened() > 0);
  CHECK(deepest(shallow) <= 30);
  CHECK(shallow.text(shallow.root()).find("deepword") != std::string::npos);
  const HtmlDocument full = parse_html(html);
  CHECK(full.flattened() == 0);
  CHECK(deepest(full) > 100);
  CHECK(parse_html(html, 100000).flattened() == 0);  // clamped to kMaxHtmlDepth, not beyond
}
