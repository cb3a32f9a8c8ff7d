#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "indexer/html_body.h"
#include "indexer/html_dom.h"
#include "indexer/html_extractor.h"
#include "indexer/html_metadata.h"

using namespace byline;

namespace {

std::string fixture(const std::string& name) {
  const std::string path = std::string(BYLINE_SOURCE_DIR) + "/tests/data/html/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

HtmlContext context(std::string url) {
  HtmlContext c;
  c.url = std::move(url);
  c.crawled = DateTime::from_local(CivilDate{2025, 6, 1}, 12, 0, 0, 0);
  return c;
}

}  // namespace

TEST_CASE("JSON-LD article: fields from the @graph, furniture removed", "[unit][html]") {
  const HtmlExtraction ex = extract_html(fixture("jsonld_article.html"), context("https://courier.example.com/local/bridge"));
  REQUIRE(ex.article);
  const Article& a = *ex.article;
  CHECK(a.title == "Harbour bridge repairs finish early");
  CHECK(a.provenance.at("title") == "json-ld");
  CHECK(a.authors == std::vector<std::string>{"Mira Castellan", "Tobias Wren"});
  REQUIRE(a.published);
  CHECK(a.published->iso8601_local() == "2024-03-05T09:15:00+00:00");
  CHECK(a.provenance.at("published") == "json-ld");
  REQUIRE(a.modified);
  CHECK(a.modified->iso8601_local() == "2024-03-05T11:00:00+00:00");
  CHECK(a.section == "Local");
  CHECK(a.site_name == "Coastline Courier");
  CHECK(a.language == "en");
  CHECK(a.site == "courier.example.com");
  CHECK_FALSE(a.id.empty());

  CHECK(a.body.rfind("Engineers completed the repairs", 0) == 0);
  CHECK(has(a.body, "\n\nTraffic returns\n\nBuses will use the bridge"));
  CHECK(has(a.body, "planned a small celebration on the quay."));
  for (const char* furniture : {"Recommended", "cycle lanes", "cookies", "Trending", "Lighthouse", "Copyright",
                                "About us", "Weather", "Harbour bridge repairs finish early"})
    CHECK_FALSE(has(a.body, furniture));
}

TEST_CASE("OpenGraph article: site suffix cut from the title, meta author", "[unit][html]") {
  const HtmlExtraction ex = extract_html(fixture("opengraph_article.html"), context("https://valleyledger.example.com/2023/11/20/frost-fans"));
  REQUIRE(ex.article);
  const Article& a = *ex.article;
  CHECK(a.title == "Orchard growers try frost fans");
  CHECK(a.provenance.at("title") == "og");
  CHECK(a.authors == std::vector<std::string>{"Paulina Ostrander"});
  CHECK(a.provenance.at("authors") == "meta:author");
  REQUIRE(a.published);
  CHECK(a.published->iso8601_local() == "2023-11-20T07:30:00-05:00");
  CHECK(a.provenance.at("published") == "og");
  CHECK(a.section == "Agriculture");
  CHECK(a.description == "Large fans now stand between the apple rows.");
  CHECK(a.language == "en");

  CHECK(a.body.rfind("Apple growers in the upper valley", 0) == 0);
  CHECK(has(a.body, "\"We lost two thirds of the harvest in one night,\""));
  CHECK(has(a.body, "compare results."));
  for (const char* furniture : {"Sign up", "newsletter", "Share on", "Also read", "Cider makers", "Great article",
                                "Mill Street", "Opinion"})
    CHECK_FALSE(has(a.body, furniture));
}

TEST_CASE("Visible byline and date line only: Indian page", "[unit][html]") {
  const HtmlExtraction ex = extract_html(fixture("byline_text_article.html"),
                                         context("https://metro.example.in/india-news/violet-line-opens-4521.html"));
  REQUIRE(ex.article);
  const Article& a = *ex.article;
  CHECK(a.title == "Metro line extension opens to passengers");
  CHECK(a.authors == std::vector<std::string>{"Anand Varma"});
  CHECK(a.provenance.at("authors") == "byline-text");
  REQUIRE(a.published);
  CHECK(a.published->iso8601_local() == "2025-01-06T13:25:00+05:30");
  CHECK(a.provenance.at("published") == "byline-text");
  CHECK(a.section == "India News");
  CHECK(a.section_key == "india");
  CHECK(a.provenance.at("section") == "breadcrumb");

  CHECK(a.body.rfind("NEW DELHI: The extension of the metro's violet line", 0) == 0);  // in-body dateline kept
  CHECK(has(a.body, "leave their cars at home from now on."));
  for (const char* furniture : {"Reported by", "Published 13:25", "Recommended", "airport terminal", "cookies",
                                "Terms", "Business", "India News"})
    CHECK_FALSE(has(a.body, furniture));
}

TEST_CASE("A section front is not an article", "[unit][html]") {
  const HtmlExtraction ex = extract_html(fixture("section_front.html"), context("https://bulletin.example.com/world/"));
  CHECK_FALSE(ex.article);
  CHECK_FALSE(ex.is_article);
  CHECK(ex.skip_reason.rfind("not an article (", 0) == 0);
}

TEST_CASE("Broken JSON-LD is repaired or counted, never fatal", "[unit][html]") {
  const HtmlExtraction ex = extract_html(fixture("broken_jsonld.html"), context(""));
  REQUIRE(ex.article);
  CHECK(ex.article->title == "Late trains again on the coast line");
  CHECK(ex.article->authors == std::vector<std::string>{"Ruth Ellery"});
  REQUIRE(ex.article->published);
  CHECK(ex.article->published->local_date().iso() == "2022-08-14");
  CHECK(std::find(ex.notes.begin(), ex.notes.end(), "json-ld: 1 unreadable block(s)") != ex.notes.end());
  CHECK(std::find(ex.notes.begin(), ex.notes.end(), "json-ld: repaired malformed JSON") != ex.notes.end());
}

TEST_CASE("Implausible publication dates are dropped with a note", "[unit][html]") {
  const std::string page =
      "<html><head><meta property='article:published_time' content='2031-01-01T00:00:00Z'>"
      "<meta name='date' content='1975-05-05'></head><body><article><p>"
      "A paragraph long enough to count as the text of an article, with a comma, and a full stop at the end."
      "</p><p>Another paragraph of running text follows here, so that the page reads as prose, not as a list.</p>"
      "</article></body></html>";
  const HtmlExtraction ex = extract_html(page, context("https://example.com/2024/02/03/story"));
  REQUIRE(ex.article);
  REQUIRE(ex.article->published);
  CHECK(ex.article->published->local_date().iso() == "2024-02-03");
  CHECK(ex.article->provenance.at("published") == "url-path");
  int dropped = 0;
  for (const std::string& note : ex.notes) dropped += note.find("dropped") != std::string::npos;
  CHECK(dropped == 2);
}

TEST_CASE("Hostile pages: deep nesting, huge input, no body, bad bytes", "[unit][html]") {
  SECTION("100 000 nested elements") {
    std::string page = "<html><body>";
    for (int i = 0; i < 100000; ++i) page += "<div>";
    page += "<p>Deep inside the page there is still a paragraph, with some words, long enough to be text.</p>";
    const HtmlExtraction ex = extract_html(page, context(""));
    bool noted = false;
    for (const std::string& note : ex.notes) noted |= note.rfind("html: nesting too deep", 0) == 0;
    CHECK(noted);
    REQUIRE(ex.article);
    CHECK(has(ex.article->body, "Deep inside the page"));
  }
  SECTION("nested inline formatting") {
    std::string page = "<p>";
    for (int i = 0; i < 50000; ++i) page += "<b><i><span>";
    page += "text";
    const HtmlDocument doc = parse_html(page);
    int deepest = 0;
    for (int i = 0; i < doc.size(); ++i) deepest = std::max(deepest, doc.node(i).depth);
    CHECK(deepest <= kMaxHtmlDepth);
  }
  SECTION("a page over the size limit") {
    const std::string page(kMaxHtmlBytes + 1, 'x');
    const HtmlExtraction ex = extract_html(page, context(""));
    CHECK_FALSE(ex.article);
    CHECK(ex.skip_reason.rfind("page too large", 0) == 0);
  }
  SECTION("no body text") {
    const HtmlExtraction ex = extract_html("<html><head><title>Nothing</title></head><body></body></html>", context(""));
    CHECK_FALSE(ex.article);
    CHECK_FALSE(ex.skip_reason.empty());
  }
  SECTION("empty input") {
    const HtmlExtraction ex = extract_html("", context(""));
    CHECK_FALSE(ex.article);
    CHECK(ex.skip_reason == "empty page");
  }
  SECTION("invalid UTF-8 and NUL bytes") {
    std::string page = "<html><body><article><p>Caf\xE9 owners in the old town said, on Friday, that the new ";
    page += std::string("rules\0were", 10);
    page += " confusing and that they had not been consulted before the change was announced.</p></article></body></html>";
    const HtmlExtraction ex = extract_html(page, context(""));
    REQUIRE(ex.article);
    CHECK(has(ex.article->body, "Caf\xEF\xBF\xBD owners"));
  }
}

TEST_CASE("limit_html_nesting leaves ordinary pages alone", "[unit][html]") {
  const std::string page = "<div><p>one<p>two<ul><li>a<li>b</ul></div><script>if (a<b) { x = '<div>'; }</script>";
  CHECK(limit_html_nesting(page, 3) == page);
  int dropped = 0;
  const std::string deep = "<div><div><div><div>text</div></div></div></div>";
  CHECK(limit_html_nesting(deep, 2, &dropped) == "<div><div>  text  </div></div>");
  CHECK(dropped == 4);
}

TEST_CASE("lenient_json_parse repairs what templates break", "[unit][html]") {
  std::string json;
  bool repaired = false;
  CHECK(lenient_json_parse("{\"a\": \"x\ny\", \"b\": [1, 2,],}", &json, &repaired));
  CHECK(repaired);
  CHECK(json == "{\"a\":\"x y\",\"b\":[1,2]}");
  CHECK(lenient_json_parse("<!-- {\"a\": 1}; -->", &json));
  CHECK(json == "{\"a\":1}");
  CHECK_FALSE(lenient_json_parse("{ not json", &json));
}

TEST_CASE("country_from_url maps country TLDs for date hints", "[unit][html]") {
  CHECK(country_from_url("https://www.example.co.in/x") == "IN");
  CHECK(country_from_url("https://news.example.co.uk/x") == "GB");
  CHECK(country_from_url("https://example.ie/") == "IE");
  CHECK(country_from_url("https://example.co.il/") == "IL");
  CHECK(country_from_url("https://example.com/") == "");
  CHECK(country_from_url("https://example.io/") == "");
  CHECK(country_from_url("not a url") == "");
}

TEST_CASE("weighted_length counts CJK characters more", "[unit][html]") {
  CHECK(weighted_length("ab  c") == 4);
  CHECK(weighted_length("\xE4\xB8\xAD\xE6\x96\x87") == 6);  // two ideographs
}
