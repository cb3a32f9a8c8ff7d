#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "common/agency.h"
#include "common/errors.h"
#include "common/input_stream.h"
#include "common/language.h"
#include "common/schema.h"
#include "common/section.h"
#include "common/stored_fields.h"
#include "common/url.h"

using namespace byline;

TEST_CASE("section keys unify outlets' labels", "[unit][section]") {
  CHECK(section_key("World") == "world");
  CHECK(section_key("World News") == "world");
  CHECK(section_key("/world-news/") == "world");
  CHECK(section_key("India News") == "india");
  CHECK(section_key("Science & Tech") == "science-and-tech");
  CHECK(section_key("News") == "news");
  CHECK(section_label_from_slug("india-news") == "India News");
}

TEST_CASE("section keys fold an English plural in the last word", "[unit][section]") {
  // Pairs an archive of Indian outlets holds as separate sections.
  for (const auto& [one, other] : std::vector<std::pair<std::string, std::string>>{
           {"Sport", "Sports"}, {"Opinion", "Opinions"}, {"City", "Cities"}, {"Markets", "market"},
           {"Magazine", "Magazines"}, {"Election", "Elections"}, {"Mobile", "Mobiles"}, {"Blog", "Blogs"},
           {"Sports News", "sport"}, {"/opinions/", "opinion"}, {"Food Drink", "Food Drinks"},
           {"Watch", "Watches"}, {"Tax", "Taxes"}, {"Company", "Companies"}}) {
    INFO(one << " / " << other);
    CHECK(section_key(one) == section_key(other));
  }
  CHECK(section_key("Sports") == "sport");
  CHECK(section_key("Short Videos") == "short-video");
  CHECK(section_key("Cities") == "city");
  CHECK(section_key("Food & Drinks") == "food-and-drink");
  // Only the last word: a word before it is often no noun.
  CHECK(section_key("Sports Business") == "sports-business");
  // Words whose final s is not a plural's, and short words.
  for (const char* kept : {"business", "politics", "tennis", "analysis", "campus", "news", "series", "bus", "gas",
                           "us", "e-sports-2024", "world"}) {
    INFO(kept);
    CHECK(section_key(kept) == kept);
  }
  // Non-ASCII words are left as they are.
  CHECK(section_key("खेल समाचार") == label_key("खेल समाचार"));
  // label_key is the key before folding (agencies, and indexes written before).
  CHECK(label_key("Opinions") == "opinions");
  CHECK(label_key("Sports News") == "sports");
}

TEST_CASE("bylines separate people from agencies", "[unit][agency]") {
  Byline b = parse_byline("Reported by: Asian News International");
  CHECK(b.authors.empty());
  REQUIRE(b.agency);
  CHECK(b.agency->name == "Asian News International");
  CHECK(b.agency->key == "ani");

  b = parse_byline("By Priya Raman and Tom Hale | Reuters");
  CHECK(b.authors == std::vector<std::string>{"Priya Raman", "Tom Hale"});
  REQUIRE(b.agency);
  CHECK(b.agency->key == "reuters");

  b = parse_byline("Asha Menon with inputs from PTI");
  CHECK(b.authors == std::vector<std::string>{"Asha Menon"});
  REQUIRE(b.agency);
  CHECK(b.agency->key == "pti");

  b = parse_byline("https://www.example.com/people/someone");
  CHECK(b.authors.empty());
  CHECK_FALSE(b.agency);
}

TEST_CASE("URLs give hosts and canonical forms", "[unit][url]") {
  CHECK(url_host("https://WWW.Example.com:443/a/b?x=1#top") == "example.com");
  CHECK(url_host("not a url") == "");
  CHECK(canonical_url("HTTPS://News.Example.com:443/a?utm_source=rss&id=3#c") == "https://news.example.com/a?id=3");
  CHECK(url_path("https://x.example/india-news/story-1.html") == "/india-news/story-1.html");
}

TEST_CASE("languages are told by script and function words", "[unit][language]") {
  CHECK(detect_language("The minister said that the bridge would open in the spring.") == "en");
  CHECK(detect_language("Le ministre a dit que le pont sera ouvert pour les habitants de la ville.") == "fr");
  CHECK(detect_language("\xE0\xA4\xAE\xE0\xA5\x81\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\x88 \xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\x82 \xE0\xA4\xAC\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xBF\xE0\xA4\xB6") == "hi");
  CHECK(detect_language("ab") == "");
  // Function words in capitals, beside punctuation, and shared by languages ("que").
  CHECK(detect_language("THE MINISTER SAID THAT THE BRIDGE WAS CLOSED.") == "en");
  CHECK(detect_language("O governo disse que não vai abrir a ponte para os carros da cidade.") == "pt");
  CHECK(detect_language("Die Regierung sagt, dass die Brücke nicht mit dem Zug zu erreichen ist.") == "de");
  CHECK(detect_language("El gobierno dijo que los puentes del norte se abren para las fiestas.") == "es");
  // Words longer than any function word never count, even when they start like one.
  // These begin with "della" and "nicht": read by their first five bytes they would say "it" or "de".
  CHECK(detect_language("Dellacroix nichtlinear dellaporta nichten dellamore") == "en");
  CHECK(normalise_language_tag("en-US") == "en");
  CHECK(normalise_language_tag("Hindi") == "hi");
}

TEST_CASE("over-long boolean terms are hashed under Xapian's limit", "[unit][schema]") {
  const std::string longurl = "https://example.com/" + std::string(400, 'x');
  const std::string term = schema::boolean_term(schema::prefix::kUrl, longurl);
  CHECK(term.size() <= schema::kMaxTermBytes);
  CHECK(term != schema::boolean_term(schema::prefix::kUrl, longurl + "y"));
  CHECK(schema::boolean_term(schema::prefix::kSection, "india") == "XSindia");
}

TEST_CASE("stored fields round-trip every article field", "[unit][schema]") {
  Article a;
  a.id = "abc";
  a.url = "https://x.example/a?q=\"1\"";
  a.site = "x.example";
  a.site_name = "X Daily";
  a.title = "T \"quoted\" \\ back\tslash";
  a.description = "D \u00e9t\u00e9 \u0928\u092e\u0938\u094d\u0924\u0947";
  a.body = "B1\n\nB2 \x01 control";
  a.section = "India News";
  a.section_key = "india";
  a.authors = {"A One", "B Two"};
  a.agency = "Press Trust of India";
  a.language = "hi";
  a.published = DateTime::from_local({2025, 1, 6}, 13, 25, 0, 330);
  DateTime day_only = DateTime::from_local({2024, 2, 29}, 0, 0, 0, 0);
  day_only.has_time = false;
  a.modified = day_only;
  DateTime zone_unknown = DateTime::from_local({2023, 7, 1}, 8, 0, 0, 0);
  zone_unknown.zone_known = false;
  a.crawled = zone_unknown;
  const Article b = decode_stored_fields(encode_stored_fields(a));
  CHECK(b.id == a.id);
  CHECK(b.url == a.url);
  CHECK(b.site == a.site);
  CHECK(b.site_name == a.site_name);
  CHECK(b.title == a.title);
  CHECK(b.description == a.description);
  CHECK(b.body == a.body);
  CHECK(b.section == a.section);
  CHECK(b.section_key == a.section_key);
  CHECK(b.authors == a.authors);
  CHECK(b.agency == a.agency);
  CHECK(b.language == a.language);
  REQUIRE(b.published);
  CHECK(*b.published == *a.published);
  CHECK(b.published->iso8601_local() == "2025-01-06T13:25:00+05:30");
  REQUIRE(b.modified);
  CHECK(b.modified->iso8601_local() == "2024-02-29");
  REQUIRE(b.crawled);
  CHECK(b.crawled->epoch_seconds == a.crawled->epoch_seconds);
  CHECK_FALSE(b.crawled->zone_known);
  CHECK(b.crawled->has_time);

  // The same decoder, run twice, keeps nothing of the first article.
  const Article empty = decode_stored_fields(encode_stored_fields(Article{.id = "x"}));
  CHECK(empty.id == "x");
  CHECK(empty.body.empty());
  CHECK(empty.authors.empty());
  CHECK_FALSE(empty.published);
}

TEST_CASE("stored fields: keys of a later version are skipped, other data is refused", "[unit][schema]") {
  const Article a = decode_stored_fields(
      R"({"id":"k","future":{"x":[1,2]},"title":"T","published_epoch":86400,"published_offset":60,"extra":true})");
  CHECK(a.id == "k");
  CHECK(a.title == "T");
  REQUIRE(a.published);
  CHECK(a.published->epoch_seconds == 86400);
  CHECK(a.published->utc_offset_minutes == 60);

  CHECK_THROWS_AS(decode_stored_fields("not json"), IndexError);
  CHECK_THROWS_AS(decode_stored_fields("[1,2]"), IndexError);
  CHECK_THROWS_AS(decode_stored_fields(R"({"id":"k","title":7})"), IndexError);
  CHECK_THROWS_AS(decode_stored_fields(R"({"id":"k","body":"unterminated)"), IndexError);
  CHECK_THROWS_AS(decode_stored_fields(""), IndexError);
}

TEST_CASE("input streams decode gzip and zstd by content and read lines", "[unit][input]") {
  // "a\nbb\n" gzip-compressed (two members) and zstd-compressed, written by gzip/zstd.
  const unsigned char gz[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0xe4,
                              0x02, 0x00, 0x07, 0xa1, 0xea, 0xdd, 0x02, 0x00, 0x00, 0x00,
                              0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4a,
                              0xe2, 0x02, 0x00, 0x67, 0x26, 0x0c, 0x03, 0x03, 0x00, 0x00, 0x00};
  auto stream = open_memory(std::string(reinterpret_cast<const char*>(gz), sizeof gz));
  LineReader lines(*stream);
  std::string line;
  REQUIRE(lines.next(line));
  CHECK(line == "a");
  REQUIRE(lines.next(line));
  CHECK(line == "bb");
  CHECK_FALSE(lines.next(line));

  const unsigned char zst[] = {0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58, 0x29, 0x00, 0x00, 0x61, 0x0a, 0x62, 0x62, 0x0a};
  auto zstream = open_memory(std::string(reinterpret_cast<const char*>(zst), sizeof zst));
  CHECK(read_all(*zstream, 100) == "a\nbb\n");
}

TEST_CASE("truncated compressed input is an InputError, not a crash", "[unit][input]") {
  const unsigned char gz[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0xe4};
  auto stream = open_memory(std::string(reinterpret_cast<const char*>(gz), sizeof gz));
  CHECK_THROWS_AS(read_all(*stream, 100), InputError);
}
