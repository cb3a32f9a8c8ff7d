// Rules of the body extractor and byline cleaning added in extraction round 3:
// teaser cards, consent dialogs, infinite-scroll pages, inline links with
// furniture-sounding classes, visible bylines. Pages are written here.
#include <catch2/catch.hpp>

#include <string>

#include "indexer/html_body.h"
#include "indexer/html_byline.h"
#include "indexer/html_dom.h"
#include "indexer/html_extractor.h"

using namespace byline;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Four paragraphs of an invented story about a town's new ferry.
const char* kStory =
    "<p>The harbour board of Lowmere voted on Tuesday to replace the town's ageing ferry with an electric "
    "vessel, ending a debate that has divided residents for the better part of three years.</p>"
    "<p>Board chair Imelda Corrin said the new boat would cut fuel costs by more than half, and that the "
    "charging station could be built on the old coal pier without closing the crossing.</p>"
    "<p>Opponents argued that the battery range would not cover the winter route around the sandbar, "
    "which adds almost twenty minutes to each crossing when the tide is low.</p>"
    "<p>The vessel is expected to enter service next spring, after sea trials in the estuary and a "
    "training course for the crew, the board said in a statement after the vote.</p>";

BodyResult body_of(const std::string& html, const std::string& url = "https://lowmere.example.org/news/ferry") {
  BodyHints hints;
  hints.title = "Lowmere votes for an electric ferry";
  hints.url = url;
  return extract_body(parse_html(html), hints);
}

}  // namespace

TEST_CASE("teaser cards: linked headings with a short standfirst are dropped", "[unit][html]") {
  const std::string card =
      "<div class=\"card\"><h3><a href=\"/news/%s\">%s</a></h3>"
      "<p>A short summary sentence that reads like prose, with a comma, about another story.</p></div>";
  std::string cards;
  for (const char* slug : {"bakery-reopens", "school-roof", "council-budget"}) {
    std::string c = card;
    c.replace(c.find("%s"), 2, slug);
    c.replace(c.find("%s"), 2, std::string("Headline about ") + slug);
    cards += c;
  }
  const std::string html = std::string("<html><body><main><article><h1>Lowmere votes for an electric ferry</h1>") +
                           kStory + "<section class=\"grid\">" + cards + "</section></article></main></body></html>";
  const BodyResult body = body_of(html);
  CHECK(has(body.text, "harbour board of Lowmere"));
  CHECK(has(body.text, "training course for the crew"));
  CHECK_FALSE(has(body.text, "A short summary sentence"));
  CHECK_FALSE(has(body.text, "Headline about"));

  SECTION("a product round-up whose headings lead long reviews is kept") {
    std::string roundup;
    for (int k = 0; k < 3; ++k)
      roundup += "<div><h3><a href=\"/shop/item\">Lamp number " + std::to_string(k) + "</a></h3>" + kStory + "</div>";
    const BodyResult kept = body_of("<html><body><article>" + roundup + "</article></body></html>");
    std::size_t reviews = 0;
    for (std::size_t at = kept.text.find("electric vessel"); at != std::string::npos;
         at = kept.text.find("electric vessel", at + 1))
      ++reviews;
    CHECK(reviews == 3);
  }
  SECTION("a single linked heading is not a card group") {
    const std::string one = "<html><body><article>" + std::string(kStory) +
                            "<div><h3><a href=\"/news/x\">Headline about one thing</a></h3><p>A summary sentence that is long enough to read as prose, with a comma.</p></div>"
                            + kStory + "</article></body></html>";
    CHECK(has(body_of(one).text, "A summary sentence that is long enough"));
  }
}

TEST_CASE("consent dialogs and modal boxes are dropped even when written in paragraphs", "[unit][html]") {
  const std::string consent =
      "<div id=\"privacy-consent-box\"><p>We and our partners store cookies on your device to measure "
      "audiences, personalise content and show advertising. You can change your choices at any time.</p>"
      "<p>Some partners process data on the basis of legitimate interest, which you can object to in the "
      "settings, and data may be processed outside your country.</p>"
      "<p>By continuing to browse you accept the use of these technologies for all purposes listed above.</p></div>";
  const std::string html = std::string("<html><body><div class=\"page\"><article>") + kStory + consent +
                           "</article></div></body></html>";
  const BodyResult body = body_of(html);
  CHECK(has(body.text, "electric vessel"));
  CHECK_FALSE(has(body.text, "legitimate interest"));

  SECTION("an aria-modal element is a dialog") {
    const std::string modal = "<div aria-modal=\"true\"><p>Sign in to keep reading: create a free account, it "
                              "takes one minute and gives access to every story in our archive.</p></div>";
    const BodyResult b = body_of(std::string("<html><body><article>") + kStory + modal + "</article></body></html>");
    CHECK_FALSE(has(b.text, "create a free account"));
  }
  SECTION("a WordPress article whose class names a paywall is still the article") {
    const BodyResult b = body_of(std::string("<html><body><div class=\"post type-post pmc-subscription-behind-paywall\">") +
                                 kStory + "</div></body></html>");
    CHECK(has(b.text, "electric vessel"));
  }
}

TEST_CASE("inline links with furniture-sounding classes stay in the sentence", "[unit][html]") {
  const std::string html =
      "<html><body><article><p>On Tuesday <a class=\"auto-tag\" id=\"tag_corrin\" href=\"/tag/corrin\">Imelda "
      "Corrin</a> told the board that the ferry, bought in 1988, could no longer pass its inspection without "
      "costly repairs to the hull and engines.</p>" +
      std::string(kStory) + "</article></body></html>";
  CHECK(has(body_of(html).text, "On Tuesday Imelda Corrin told the board"));
}

TEST_CASE("infinite scroll: the article with the headline is kept, the next story is not", "[unit][html]") {
  const std::string next =
      "<article><h1>Lighthouse keeper retires after forty years</h1>"
      "<p>After four decades on the rock, the last keeper of the Skerrow light handed over the keys on Sunday, "
      "saying that the automatic lamp would never miss a night the way he sometimes feared he might.</p>"
      "<p>He plans to move inland, he said, somewhere the wind does not howl through the window frames all "
      "winter, and to grow tomatoes in a greenhouse that no wave can reach.</p></article>";
  const std::string html = std::string("<html><body><main><article><h1>Lowmere votes for an electric ferry</h1>") +
                           kStory + "</article>" + next + "</main></body></html>";
  const BodyResult body = body_of(html);
  CHECK(has(body.text, "electric vessel"));
  CHECK_FALSE(has(body.text, "Skerrow"));
}

TEST_CASE("visible bylines: prefixes, dates, roles and conjunctions", "[unit][html][byline]") {
  CHECK(clean_visible_byline("ByTessa Marlowe") == "Tessa Marlowe");
  CHECK(clean_visible_byline("By by Tessa Marlowe") == "Tessa Marlowe");
  CHECK(clean_visible_byline("Tessa Marlowe - Mar 3, 2021 9:15 am UTC") == "Tessa Marlowe");
  CHECK(clean_visible_byline("Tessa Marlowe December 4th 2019") == "Tessa Marlowe");
  CHECK(clean_visible_byline("Tessa Marlowe Updated: 4 hours ago") == "Tessa Marlowe");
  CHECK(clean_visible_byline("Wednesday May 8") == "");
  CHECK(clean_visible_byline("Von Jonas Feld und Ada Brink") == "Jonas Feld, Ada Brink");
  CHECK(join_conjunctions("Liv Haugen og Per Dahl") == "Liv Haugen, Per Dahl");
  CHECK(join_conjunctions("Marie Roux et Paul Lenoir") == "Marie Roux, Paul Lenoir");

  CHECK(strip_author_role("Tessa Marlowe Staff Writer") == "Tessa Marlowe");
  CHECK(strip_author_role("Tessa MarloweStaff Writer") == "Tessa Marlowe");
  CHECK(strip_author_role("Oren Vale Senior Science Correspondent") == "Oren Vale");
  CHECK(strip_author_role("Oren Vale Gadgets Editor") == "Oren Vale");
  CHECK(strip_author_role("Ruth K. Amsel Contributing Writer") == "Ruth K. Amsel");
  CHECK(strip_author_role("Staff Writer") == "");
  CHECK(strip_author_role("Harbour Gazette Staff") == "Harbour Gazette Staff");
  CHECK(strip_author_role("Imelda Corrin") == "Imelda Corrin");

  SECTION("end to end: a visible byline with a date and two names") {
    const std::string html =
        "<html><head><title>Lowmere votes for an electric ferry</title></head><body><article>"
        "<h1>Lowmere votes for an electric ferry</h1><div class=\"byline\">By Tessa Marlowe and Oren Vale, "
        "Staff Writers March 3, 2021</div>" +
        std::string(kStory) + "</article></body></html>";
    HtmlContext context;
    context.url = "https://lowmere.example.org/news/ferry";
    const HtmlExtraction ex = extract_html(html, context);
    REQUIRE(ex.article);
    CHECK(ex.article->authors == std::vector<std::string>{"Tessa Marlowe", "Oren Vale"});
  }
}
