#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "indexer/html_body.h"
#include "indexer/html_dom.h"
#include "indexer/html_extractor.h"
#include "indexer/html_metadata.h"
#include "indexer/site_boilerplate.h"

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
  CHECK(a.provenance.at("title") == "dom:h1");  // printed headline, confirmed by og:title
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
  CHECK(std::find(ex.notes.begin(), ex.notes.end(), "json-ld: unreadable block") != ex.notes.end());
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

namespace {

// A generated page of one site: the same menu, newsletter box and footer on
// every page around a story of its own.
std::string site_page(int n) {
  std::string story;
  for (int p = 0; p < 4; ++p)
    story += "<p>Story " + std::to_string(n) + " paragraph " + std::to_string(p) +
             " tells how the river council number " + std::to_string(n * 7 + p) +
             " met on a grey morning, argued over the bridge tolls, and agreed to meet again.</p>";
  return "<html><head><title>Story " + std::to_string(n) + "</title></head><body>"
         "<div class=\"wrap\"><div>Home World Sport Weather Contact the desk</div>"
         "<div class=\"main\"><h1>Story number " + std::to_string(n) + " of the week</h1>" + story +
         "<p>Get the morning briefing from the Tidewater desk in your inbox every weekday, free of charge, "
         "with the stories our editors picked for you.</p></div>"
         "<div>Tidewater Gazette is published by the Tidewater Press Cooperative, all rights reserved.</div>"
         "</div></body></html>";
}

}  // namespace

TEST_CASE("SiteBoilerplate counts blocks per distinct page within bounds", "[unit][html]") {
  SiteBoilerplate model;
  const std::vector<std::string_view> shared{"Subscribe to our daily letter", "Copyright Tidewater"};
  model.learn("tide.example", {"First story text", shared[0], shared[1]});
  model.learn("tide.example", {"Second story text", shared[0], shared[1]});
  CHECK_FALSE(model.is_boilerplate("tide.example", "Subscribe to our daily letter"));  // 2 pages only
  model.learn("tide.example", {"Third story text", "SUBSCRIBE  to our daily letter!", shared[1]});
  CHECK(model.pages("tide.example") == 3);
  CHECK(model.is_boilerplate("tide.example", "Subscribe to our daily letter"));  // normalised match
  CHECK_FALSE(model.is_boilerplate("tide.example", "Third story text"));
  CHECK_FALSE(model.is_boilerplate("other.example", "Subscribe to our daily letter"));  // per site

  // The same page again (a duplicate under another URL) is not counted.
  model.learn("tide.example", {"Third story text", "SUBSCRIBE  to our daily letter!", shared[1]});
  CHECK(model.pages("tide.example") == 3);

  // Below 30% of the site's pages, a block is not boilerplate any more.
  for (int i = 0; i < 8; ++i) {
    const std::string own = "Own story " + std::to_string(i);
    model.learn("tide.example", {own});
  }
  CHECK(model.pages("tide.example") == 11);
  CHECK_FALSE(model.is_boilerplate("tide.example", "Subscribe to our daily letter"));

  // Frozen: judges, never learns.
  model.freeze();
  model.learn("tide.example", {"Never learned"});
  CHECK(model.pages("tide.example") == 11);

  // Bounds: sites and blocks per site are capped.
  SiteBoilerplate::Limits limits;
  limits.max_sites = 2;
  limits.max_blocks_per_site = 10;
  SiteBoilerplate small(limits);
  for (int s = 0; s < 5; ++s) small.learn("site" + std::to_string(s) + ".example", {"a block"});
  CHECK(small.sites() == 2);
  for (int p = 0; p < 50; ++p) {
    std::vector<std::string> texts;
    for (int b = 0; b < 5; ++b) texts.push_back("page " + std::to_string(p) + " block " + std::to_string(b));
    texts.push_back("the footer");
    std::vector<std::string_view> views(texts.begin(), texts.end());
    small.learn("site0.example", views);
  }
  CHECK(small.total_blocks() <= 20);
  CHECK(small.is_boilerplate("site0.example", "the footer"));
  CHECK(SiteBoilerplate::fingerprint("  ...  ") == 0);
}

TEST_CASE("extract_html drops text repeated across a site's pages once learned", "[unit][html]") {
  SiteBoilerplate model;
  HtmlContext c = context("https://tidewater.example.com/story");
  c.site_model = &model;
  for (int n = 0; n < 4; ++n) {
    c.url = "https://tidewater.example.com/story-" + std::to_string(n);
    const HtmlExtraction ex = extract_html(site_page(n), c);
    REQUIRE(ex.article);
    const std::string& body = ex.article->body;
    CHECK(has(body, "Story " + std::to_string(n) + " paragraph 2"));
    // Learning-only for the first two pages of the site; from the third on
    // the newsletter box repeats on every page so far and is dropped.
    if (n >= 2) CHECK_FALSE(has(body, "morning briefing"));
  }
  CHECK(model.pages("tidewater.example.com") == 4);

  // A page repeated under other URLs is never emptied by the model.
  for (int n = 0; n < 3; ++n) {
    c.url = "https://tidewater.example.com/copy-" + std::to_string(n);
    const HtmlExtraction ex = extract_html(site_page(1), c);
    REQUIRE(ex.article);
    CHECK(has(ex.article->body, "Story 1 paragraph 3"));
  }
  // Without a model the box stays (nothing else marks it).
  const HtmlExtraction plain = extract_html(site_page(9), context("https://tidewater.example.com/story-9"));
  REQUIRE(plain.article);
  CHECK(has(plain.article->body, "morning briefing"));
}

TEST_CASE("keep_non_articles returns a section front as a non-article", "[unit][html]") {
  HtmlContext c = context("https://bulletin.example.com/world/");
  const HtmlExtraction skipped = extract_html(fixture("section_front.html"), c);
  CHECK_FALSE(skipped.article);
  CHECK_FALSE(skipped.is_article);
  c.keep_non_articles = true;
  const HtmlExtraction kept = extract_html(fixture("section_front.html"), c);
  REQUIRE(kept.article);
  CHECK_FALSE(kept.is_article);
  CHECK(kept.skip_reason.empty());
  CHECK(std::find(kept.notes.begin(), kept.notes.end(), "page: not an article") != kept.notes.end());
}

TEST_CASE("Notes are fixed phrases without page-specific text", "[unit][html]") {
  const std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Dock strike ends\","
      " \"datePublished\": \"2031-01-01T10:00:00Z\"}</script><script type=\"application/ld+json\">{broken</script>"
      "</head><body><article><h1>Dock strike ends</h1><p>The dock workers of the northern harbour voted on Tuesday "
      "to end a strike that had lasted nine days, after the port authority agreed to review the night rota.</p>"
      "</article></body></html>";
  const HtmlExtraction ex = extract_html(page, context("https://harbour.example.com/dock"));
  REQUIRE(ex.article);
  for (const std::string& note : ex.notes) {
    INFO(note);
    CHECK(note.find("2031") == std::string::npos);
    CHECK(note.find_first_of("0123456789") == std::string::npos);
  }
  CHECK(std::find(ex.notes.begin(), ex.notes.end(), "date: after crawl time, dropped") != ex.notes.end());
}

TEST_CASE("Pages rendered by script fall back to JSON-LD articleBody", "[unit][html]") {
  std::string body_json;
  for (int i = 0; i < 6; ++i)
    body_json += "Paragraph " + std::to_string(i) + " of the ferry report says the crossing resumed at dawn "
                 "once the wind had dropped below the harbour limit.\\n";
  const std::string page = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                           "\"headline\": \"Ferries sail again\", \"articleBody\": \"" + body_json +
                           "\"}</script></head><body><div id=\"app\">Loading</div></body></html>";
  const HtmlExtraction ex = extract_html(page, context("https://ferry.example.com/news/1"));
  REQUIRE(ex.article);
  CHECK(ex.article->provenance.at("body") == "json-ld");
  CHECK(has(ex.article->body, "Paragraph 5 of the ferry report"));
  CHECK(has(ex.article->body, "limit.\n\nParagraph 1"));
}

