// Title rules of indexer/html_title.h, one table row per rule. Every page
// here is invented for the test.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indexer/html_dom.h"
#include "indexer/html_metadata.h"
#include "indexer/html_title.h"

using namespace byline;

namespace {

const std::vector<std::string> kSite = {"Harbour Post", "harbourpost.example", "harbourpost"};

TitleChoice title_of(const std::string& head, const std::string& body,
                     const std::vector<std::string>& site = kSite) {
  const HtmlDocument doc = parse_html("<html><head>" + head + "</head><body>" + body + "</body></html>");
  return choose_title(doc, read_metadata(doc), site);
}

std::string og(const std::string& text) { return "<meta property=\"og:title\" content=\"" + text + "\">"; }
std::string twitter(const std::string& text) { return "<meta name=\"twitter:title\" content=\"" + text + "\">"; }
std::string ld(const std::string& headline) {
  return "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"" + headline + "\"}</script>";
}

}  // namespace

TEST_CASE("Titles: the JSON-LD headline is the publisher's field", "[unit][html][title]") {
  const TitleChoice t = title_of(ld("Strike over at the port") + og("Port reopens as dockers return"),
                                 "<h1>Port reopens as dockers return</h1>");
  CHECK(t.title == "Strike over at the port");
  CHECK(t.source == "json-ld");
  // An <h1> that is its first half or more (a subtitle cut off) is the printed form…
  TitleChoice cut = title_of(ld("Ferry fares frozen for the winter: council says"), "<h1>Ferry fares frozen for the winter</h1>");
  CHECK(cut.title == "Ferry fares frozen for the winter");
  CHECK(cut.source == "dom:h1");
  // …a shorter beginning is not.
  cut = title_of(ld("Ferry fares frozen: council keeps the winter timetable"), "<h1>Ferry fares frozen</h1>");
  CHECK(cut.title == "Ferry fares frozen: council keeps the winter timetable");
}

TEST_CASE("Titles: a printed headline that a meta title confirms", "[unit][html][title]") {
  // Typographic quotes of the printed <h1> win over the meta's straight ones.
  const TitleChoice t = title_of(og("Dockers' vote ends strike | Harbour Post"), "<h1>Dockers\xE2\x80\x99 vote ends strike</h1>");
  CHECK(t.title == "Dockers\xE2\x80\x99 vote ends strike");
  CHECK(t.source == "dom:h1");
}

TEST_CASE("Titles: the only <h1> beats meta titles that differ, even agreeing ones", "[unit][html][title]") {
  TitleChoice t = title_of(og("Dockers end strike, port says"), "<h1>Port reopens as dockers return</h1>");
  CHECK(t.title == "Port reopens as dockers return");
  // og:title copied into twitter:title and <title> is one share-card text, not three votes.
  t = title_of(og("Strike ends after nine days") + twitter("Strike ends after nine days") +
                   "<title>Strike ends after nine days - Harbour Post</title>",
               "<h1>Port reopens as dockers return</h1>");
  CHECK(t.title == "Port reopens as dockers return");
  CHECK(t.source == "dom:h1");
}

TEST_CASE("Titles: a kicker glued before the <h1> gives way to the meta title", "[unit][html][title]") {
  TitleChoice t = title_of(og("Night buses return to the old town"),
                           "<h1>Transport - Night buses return to the old town</h1>");
  CHECK(t.title == "Night buses return to the old town");
  CHECK(t.source == "og");
  t = title_of(og("Night buses return to the old town"), "<h1>Good news: Night buses return to the old town</h1>");
  CHECK(t.title == "Night buses return to the old town");
  // A meta title that is only the <h1>'s beginning is not a kicker case.
  t = title_of(og("Night buses return"), "<h1>Night buses return - and the trams stay late</h1>");
  CHECK(t.title == "Night buses return - and the trams stay late");
}

TEST_CASE("Titles: an <h1> that names the site is its logo", "[unit][html][title]") {
  TitleChoice t = title_of(og("Council votes to keep the lighthouse lit") +
                               "<title>Council votes to keep the lighthouse lit | Harbour Post</title>",
                           "<h1>Harbour Post Logo</h1>");
  CHECK(t.title == "Council votes to keep the lighthouse lit");
  CHECK(t.source == "og");
  // …unless a meta title says the same: then it is the headline after all.
  t = title_of(og("Harbour Post turns one hundred years old"), "<h1>Harbour Post turns one hundred years old</h1>",
               {"Harbour Post turns one hundred years old"});
  CHECK(t.title == "Harbour Post turns one hundred years old");
}

TEST_CASE("Titles: several <h1>s or none, the meta titles that agree", "[unit][html][title]") {
  TitleChoice t = title_of(og("Lighthouse keeper retires after forty years") +
                               twitter("Lighthouse keeper retires after forty years") +
                               "<meta name=\"parsely-title\" content=\"Keeper retires\">",
                           "<h1>Most read stories today</h1><h1>Lighthouse keeper says goodbye</h1>");
  CHECK(t.title == "Lighthouse keeper retires after forty years");
  t = title_of("<title>Harbour Post - Tide tables for the week ahead</title>", "<p>No headline here.</p>");
  CHECK(t.title == "Tide tables for the week ahead");
}

TEST_CASE("Titles: site affixes are cut only when they name the site", "[unit][html][title]") {
  CHECK(strip_site_affixes("Tide turns - Harbour Post", kSite) == "Tide turns");
  CHECK(strip_site_affixes("Harbour Post | Tide turns", kSite) == "Tide turns");
  CHECK(strip_site_affixes("Tide turns | Opinion | Harbour Post", kSite) == "Tide turns | Opinion");
  CHECK(strip_site_affixes("Tide turns - harbourpost.example", kSite) == "Tide turns");
  // An author or a second clause after the separator is not the site.
  CHECK(strip_site_affixes("Tide turns | Mara Quill", kSite) == "Tide turns | Mara Quill");
  CHECK(strip_site_affixes("Tide turns - and the boats wait", kSite) == "Tide turns - and the boats wait");
  // Written without spaces, as CJK and Korean titles do: the last part only,
  // without a space in it, and only when it names the site.
  const std::vector<std::string> blog = {"\xE6\xB8\xAF\xE3\x83\x96\xE3\x83\xAD\xE3\x82\xB0"};  // 港ブログ
  CHECK(strip_site_affixes("\xE6\xBD\xAE\xE3\x81\x8C\xE5\xA4\x89\xE3\x82\x8F\xE3\x82\x8B:\xE6\xB8\xAF\xE3\x83\x96\xE3"
                           "\x83\xAD\xE3\x82\xB0",
                           blog) == "\xE6\xBD\xAE\xE3\x81\x8C\xE5\xA4\x89\xE3\x82\x8F\xE3\x82\x8B");  // 潮が変わる:港ブログ
  CHECK(strip_site_affixes("Covid-19 rules end", {"19"}) == "Covid-19 rules end");  // last part has a space
  CHECK(strip_site_affixes("Half-term plans", kSite) == "Half-term plans");
  CHECK(strip_site_affixes("Tide-HarbourPost", kSite) == "Tide");
}

TEST_CASE("Titles: squash_text compares without case and punctuation", "[unit][html][title]") {
  CHECK(squash_text("It\xE2\x80\x99s \xC2\xABok\xC2\xBB") == "itsok");
  CHECK(squash_text("Tide Turns!") == squash_text("tide turns"));
}
