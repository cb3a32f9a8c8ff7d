// extract_text_dump over pages written for these tests (tests/data/text_dumps:
// invented outlets and events, each a different template), and, tagged
// [shared], over the user's seed page and the BBC folder dump in ../shared.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/text.h"
#include "indexer/text_dump_extractor.h"
#include "indexer/text_dump_lines.h"

using namespace byline;

namespace {

const std::filesystem::path kData = std::filesystem::path(BYLINE_SOURCE_DIR) / "tests/data/text_dumps";
const std::filesystem::path kShared = std::filesystem::path(BYLINE_SOURCE_DIR) / "../shared";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  std::string text = out.str();
  // As the readers do: text that is not UTF-8 is taken as Windows-1252.
  return is_valid_utf8(text) ? text : cp1252_to_utf8(text);
}

TextDumpResult extract_file(const std::string& name, TextDumpContext context = {}) {
  const std::filesystem::path path = kData / name;
  REQUIRE(std::filesystem::exists(path));
  return extract_text_dump(read_file(path), context);
}

std::vector<std::string> paragraphs(const std::string& body) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= body.size()) {
    const std::size_t end = body.find("\n\n", start);
    out.push_back(body.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

bool has_note(const TextDumpResult& result, const std::string& note) {
  return std::find(result.notes.begin(), result.notes.end(), note) != result.notes.end();
}

// None of `words` may appear in any of the article's text fields.
void check_absent(const Article& article, const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    INFO("boilerplate: " << word);
    CHECK(article.title.find(word) == std::string::npos);
    CHECK(article.description.find(word) == std::string::npos);
    CHECK(article.body.find(word) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("text dump: Indian outlet, breadcrumb, date line with agency", "[unit][text_dump]") {
  const TextDumpResult result = extract_file("deccan_ledger_pti.txt");
  REQUIRE(result.article);
  const Article& a = *result.article;
  CHECK(a.title == "Mysuru Tramway Trial Run Delayed After Monsoon Damage to Depot");
  CHECK(a.description ==
        "The state transport corporation said the first passenger trial of the heritage tram loop would move to the "
        "spring");
  CHECK(a.section == "India News");
  CHECK(a.section_key == "india");
  CHECK(a.agency == "Press Trust of India");
  CHECK(a.authors.empty());
  REQUIRE(a.published);
  CHECK(a.published->iso8601_utc() == "2025-01-06T07:55:00Z");
  CHECK(a.published->offset_string() == "+05:30");
  CHECK(a.published->local_date().iso() == "2025-01-06");
  CHECK_FALSE(a.modified);
  CHECK(has_note(result, "date: zone assumed"));
  CHECK(a.language == "en");
  CHECK_FALSE(a.id.empty());
  const std::vector<std::string> paras = paragraphs(a.body);
  REQUIRE(paras.size() == 6);
  CHECK(paras[0].rfind("Mysuru: The first passenger trial", 0) == 0);
  CHECK(paras[3] == "What happens next");  // a subheading inside the article stays
  CHECK(paras[5].rfind("Traders in the market district", 0) == 0);
  check_absent(a, {"Also Read", "Bengaluru Metro", "Advertisement", "Trending", "Chennai Port", "play-icon",
                   "01:45", "Follow us", "All rights reserved", "E-Paper", "Get the Deccan Ledger app",
                   "Agency: PTI"});
}

TEST_CASE("text dump: US outlet, two authors, published and updated in ET", "[unit][text_dump]") {
  const TextDumpResult result = extract_file("harbour_gazette_us.txt");
  REQUIRE(result.article);
  const Article& a = *result.article;
  CHECK(a.title == "Ferry Operator Orders Three Battery-Powered Boats for Bay Crossings");
  CHECK(a.description ==
        "The company says the vessels will cut fuel costs and shorten the overnight charging window at the north "
        "terminal.");
  CHECK(a.section == "Business");
  CHECK(a.authors == std::vector<std::string>{"Jane Okafor", "Tomas Reyes"});
  CHECK(a.agency.empty());
  REQUIRE(a.published);
  CHECK(a.published->iso8601_utc() == "2025-01-06T18:25:00Z");
  CHECK(a.published->offset_string() == "-05:00");
  REQUIRE(a.modified);
  CHECK(a.modified->iso8601_utc() == "2025-01-07T14:10:00Z");
  CHECK(result.notes.empty());
  const std::vector<std::string> paras = paragraphs(a.body);
  REQUIRE(paras.size() == 6);
  CHECK(paras[0].rfind("Bay Line Ferries has signed", 0) == 0);
  CHECK(paras[2] == "Charging at the terminals");
  CHECK(paras[5].rfind("Some riders questioned", 0) == 0);
  check_absent(a, {"Advertisement", "Read more", "Port Authority Approves", "Most popular", "Robotics",
                   "cookies", "Harbour Gazette", "Subscribe", "Obituaries", "By Jane"});
}

TEST_CASE("text dump: UK outlet, title repeated in the first line, updated only", "[unit][text_dump]") {
  TextDumpContext context;
  context.date_hints.country = "GB";
  const TextDumpResult result = extract_file("northern_wire_uk.txt", context);
  REQUIRE(result.article);
  const Article& a = *result.article;
  CHECK(a.title == "Council approves tidal barrier plan for the Wendle estuary");
  CHECK(a.provenance.at("title") == "text:headline-line+first-line");
  CHECK(a.description.empty());  // no standfirst on this page
  CHECK(a.section == "Environment");
  // The editor is not an author when a writer is credited.
  CHECK(a.authors == std::vector<std::string>{"Alice Brennan"});
  REQUIRE(a.modified);
  CHECK(a.modified->iso8601_utc() == "2024-06-14T15:40:00Z");
  CHECK(a.modified->offset_string() == "+01:00");
  REQUIRE(a.published);
  CHECK(*a.published == *a.modified);
  CHECK(a.provenance.at("published") == "text:updated-line");
  CHECK(has_note(result, "date: published taken from updated"));
  CHECK_FALSE(has_note(result, "date: zone assumed"));  // the country hint settled BST
  const std::vector<std::string> paras = paragraphs(a.body);
  REQUIRE(paras.size() == 4);
  CHECK(paras[0].rfind("Councillors voted by 31 to 9", 0) == 0);
  check_absent(a, {"Northern Wire", "Photo:", "Related", "Skelby", "Follow us", "Copyright", "Edited by"});

  // Without the hint BST is still read as British time, and the guess is noted.
  const TextDumpResult unhinted = extract_file("northern_wire_uk.txt");
  REQUIRE(unhinted.article);
  CHECK(unhinted.article->modified->offset_string() == "+01:00");
  CHECK(has_note(unhinted, "date: zone assumed"));
}

TEST_CASE("text dump: headline list above the article, bare date line, 'Name, Agency'", "[unit][text_dump]") {
  const TextDumpResult result = extract_file("valley_times_reuters.txt");
  REQUIRE(result.article);
  const Article& a = *result.article;
  CHECK(a.title == "Astronomers Map Dust Ring Around Nearby Young Star");
  CHECK(a.provenance.at("title") == "text:headline-line+caption");
  CHECK(a.description.empty());
  CHECK(a.section == "Science");
  CHECK(a.authors == std::vector<std::string>{"Priya Raman"});
  CHECK(a.agency == "Reuters");
  REQUIRE(a.published);
  // 9 March 2025 is the day US daylight time starts: ET is -04:00.
  CHECK(a.published->iso8601_utc() == "2025-03-09T14:00:00Z");
  CHECK(a.published->offset_string() == "-04:00");
  CHECK(a.provenance.at("published") == "text:date-line");
  const std::vector<std::string> paras = paragraphs(a.body);
  REQUIRE(paras.size() == 4);
  CHECK(paras[0].rfind("A team of astronomers", 0) == 0);
  CHECK(paras[3].rfind("The observations were made", 0) == 0);
  check_absent(a, {"Glacier Lake", "Trending", "Marathon", "Rover Finds", "Solar Storm", "Copyright",
                   "Observatory handout", "VALLEY TIMES"});
}

TEST_CASE("text dump: published and updated on one line, author label, inputs from agency", "[unit][text_dump]") {
  const TextDumpResult result = extract_file("metro_express_two_dates.txt");
  REQUIRE(result.article);
  const Article& a = *result.article;
  CHECK(a.title == "Night Market Licences to Be Issued Online From April");
  CHECK(a.section == "City");
  CHECK(a.authors == std::vector<std::string>{"Ravi Menon"});
  CHECK(a.agency == "Indo-Asian News Service");
  REQUIRE(a.published);
  CHECK(a.published->iso8601_utc() == "2025-02-02T16:45:00Z");
  CHECK(a.published->iso8601_local() == "2025-02-02T22:15:00+05:30");
  REQUIRE(a.modified);
  CHECK(a.modified->iso8601_local() == "2025-02-03T08:05:00+05:30");
  const std::vector<std::string> paras = paragraphs(a.body);
  REQUIRE(paras.size() == 4);
  CHECK(paras[3] == "Officials said paper applications would still be accepted for a year.");
  check_absent(a, {"Listen to this article", "With inputs", "Most read", "Metro Line 3", "Author:"});
}

TEST_CASE("text dump: ambiguous numeric date needs the caller's order", "[unit][text_dump]") {
  const TextDumpResult unhinted = extract_file("sunrise_post_numeric.txt");
  REQUIRE(unhinted.article);
  const Article& a = *unhinted.article;
  CHECK(a.title == "Rain Forces Abandonment of Hill Station Cup Final");
  CHECK(a.description == "Organisers will decide on a replay date after inspecting the ground on Wednesday");
  CHECK(a.section == "Sport");  // "Home » Sport » Cricket": the top level
  CHECK(a.authors == std::vector<std::string>{"SAMEER KHAN"});
  CHECK_FALSE(a.published);  // 06/01/2025 is never guessed
  CHECK(has_note(unhinted, "date: unparseable"));
  CHECK(paragraphs(a.body).size() == 3);
  check_absent(a, {"Share this", "More from", "Junior Squad", "Tennis", "Published"});

  TextDumpContext context;
  context.date_hints.numeric_order = DateOrder::DayFirst;
  context.date_hints.default_offset_minutes = 330;
  const TextDumpResult hinted = extract_file("sunrise_post_numeric.txt", context);
  REQUIRE(hinted.article);
  REQUIRE(hinted.article->published);
  CHECK(hinted.article->published->iso8601_local() == "2025-01-06T13:25:00+05:30");
  CHECK(hinted.notes.empty());
}

TEST_CASE("text dump: simple headline-and-paragraphs form", "[unit][text_dump]") {
  TextDumpContext context;
  context.section_hint = "business";
  context.url = "https://www.example-news.test/business/bakery-prize";
  const TextDumpResult result = extract_file("plain_story.txt", context);
  REQUIRE(result.article);
  const Article& a = *result.article;
  CHECK(a.title == "Village bakery wins regional bread prize");
  CHECK(a.provenance.at("title") == "text:first-line");
  CHECK(a.section == "business");
  CHECK(a.provenance.at("section") == "context:section-hint");
  CHECK(a.url == context.url);
  CHECK(a.site == "example-news.test");
  CHECK_FALSE(a.published);
  CHECK(a.description.empty());
  const std::vector<std::string> paras = paragraphs(a.body);
  REQUIRE(paras.size() == 4);
  CHECK(paras[3] == "Sales have tripled since the result was announced.");
  CHECK(a.language == "en");
}

TEST_CASE("text dump: skips with a reason", "[unit][text_dump]") {
  CHECK(extract_text_dump("", {}).skip_reason == "empty file");
  CHECK(extract_text_dump(" \n\n\t\r\n", {}).skip_reason == "empty file");
  const TextDumpResult menus = extract_file("menu_only.txt");
  CHECK_FALSE(menus.article);
  CHECK(menus.skip_reason == "no article text");
  // Article text but nothing that could be its headline.
  const TextDumpResult untitled = extract_text_dump(
      "Published 6 Jan 2025, 13:25 IST\n\nThe committee met on Monday and agreed to publish its findings in "
      "full next week.\n\nMembers said the report would run to about 200 pages.\n",
      {});
  CHECK_FALSE(untitled.article);
  CHECK(untitled.skip_reason == "no title");
}

TEST_CASE("text dump: CRLF line endings and odd input", "[unit][text_dump]") {
  std::string page = read_file(kData / "harbour_gazette_us.txt");
  std::string crlf;
  for (char c : page) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const TextDumpResult result = extract_text_dump(crlf, {});
  REQUIRE(result.article);
  CHECK(result.article->title == "Ferry Operator Orders Three Battery-Powered Boats for Bay Crossings");
  CHECK(result.article->body.find('\r') == std::string::npos);

  // Truncations of a real-shaped page never crash.
  for (std::size_t cut = 0; cut < page.size(); cut += 37) (void)extract_text_dump(page.substr(0, cut), {});
  (void)extract_text_dump(std::string(10000, '|'), {});
  (void)extract_text_dump(std::string(3000, '\n'), {});
}

TEST_CASE("is_boilerplate_marker recognises page chrome, not sentences", "[unit][text_dump]") {
  for (const char* line : {"Trending", "Recommended:", "RELATED NEWS", "More from Sport", "Most popular",
                           "Follow us on", "\xC2\xA9 2025 Some Outlet", "Copyright 2024 Some Outlet.",
                           "We use cookies to improve your experience.", "Download the all-new app:",
                           "All Rights Reserved"}) {
    INFO(line);
    CHECK(is_boilerplate_marker(line));
  }
  for (const char* line : {"More from the minister was expected on Tuesday.", "Trending upwards, prices rose.",
                           "The bakery sold a cookie.", "Home secretary visits flood zone", ""}) {
    INFO(line);
    CHECK_FALSE(is_boilerplate_marker(line));
  }
}

TEST_CASE("text dump: the user's seed page", "[shared][text_dump]") {
  const std::filesystem::path seed = kShared / "seeds/000_d48633d406e325e8.txt";
  if (!std::filesystem::exists(seed)) {
    WARN("../shared/seeds/000_d48633d406e325e8.txt absent: skipped");
    return;
  }
  const TextDumpResult result = extract_text_dump(read_file(seed), {});
  REQUIRE(result.article);
  const Article& a = *result.article;
  CHECK(a.title == "Blinken Warns of Russia-North Korea Cooperation in Space Technology");
  CHECK(a.description ==
        "US Secretary of State Antony Blinken expressed concerns over potential cooperation between Russia and "
        "North Korea");
  REQUIRE(a.published);
  CHECK(a.published->iso8601_utc() == "2025-01-06T07:55:00Z");
  CHECK(a.published->offset_string() == "+05:30");
  CHECK(a.published->local_date().iso() == "2025-01-06");
  REQUIRE(a.modified);
  CHECK(a.modified->iso8601_local() == "2025-01-06T13:25:00+05:30");
  CHECK(a.agency == "Asian News International");
  CHECK(a.authors.empty());
  CHECK(a.section.empty());  // the page prints no breadcrumb; the menu is not one
  CHECK(a.language == "en");
  CHECK(has_note(result, "date: zone assumed"));
  CHECK(a.body.rfind("Seoul: US Secretary of State", 0) == 0);
  CHECK(paragraphs(a.body).size() == 10);
  CHECK(a.body.find("the statement added.") != std::string::npos);
  check_absent(a, {"Updated 13:25", "Recommended", "Bengaluru", "India News", "play-icon", "LIVE TV",
                   "Republic TV is India's no.1", "| Image: AP", "Download the all-new Republic app",
                   "Search icon", "Paralympics", "Reported by"});
}

TEST_CASE("text dump: every file of the BBC folder dump gives an article", "[shared][text_dump]") {
  const std::filesystem::path root = kShared / "corpora/bbc-fulltext";
  if (!std::filesystem::exists(root)) {
    WARN("../shared/corpora/bbc-fulltext absent: skipped");
    return;
  }
  std::size_t files = 0, articles = 0, titled_from_first_line = 0;
  for (const auto& section : std::filesystem::directory_iterator(root)) {
    if (!section.is_directory()) continue;
    TextDumpContext context;
    context.section_hint = section.path().filename().string();
    for (const auto& entry : std::filesystem::directory_iterator(section.path())) {
      if (entry.path().extension() != ".txt") continue;
      ++files;
      const std::string text = read_file(entry.path());
      const TextDumpResult result = extract_text_dump(text, context);
      INFO(entry.path().string() << ": " << result.skip_reason);
      REQUIRE(result.article);
      const Article& a = *result.article;
      REQUIRE_FALSE(a.title.empty());
      REQUIRE_FALSE(a.body.empty());
      CHECK(a.section == context.section_hint);
      // The headline is the first line of each file.
      const std::string first_line = text.substr(0, text.find('\n'));
      if (a.title == collapse_whitespace(first_line)) ++titled_from_first_line;
      ++articles;
    }
  }
  WARN("BBC folder dump: " << articles << " articles from " << files << " files, " << titled_from_first_line
                           << " titled from the first line");
  CHECK(files == 2225);
  CHECK(articles == files);
  CHECK(titled_from_first_line == files);
}

TEST_CASE("classify_dump_lines: date lines in the forms pages print", "[unit][text_dump]") {
  struct Row {
    const char* line;
    const char* utc;  // of the first date on the line
    bool modified;
  };
  const std::vector<Row> rows = {
      {"Published 13:25 IST, January 6th 2025", "2025-01-06T07:55:00Z", false},
      {"Updated 13:25 IST, January 6th 2025", "2025-01-06T07:55:00Z", true},
      {"Last updated on Jan 6, 2025, 01:25 PM IST", "2025-01-06T07:55:00Z", true},
      {"First published: 6 January 2025 07:55 GMT", "2025-01-06T07:55:00Z", false},
      {"January 6, 2025 13:25 IST", "2025-01-06T07:55:00Z", false},
      {"6 Jan 2025, 13:25 IST | Agency: PTI", "2025-01-06T07:55:00Z", false},
      {"Published Jan 05, 2026 \xE2\x80\xA2 3 minute read", "2026-01-05T00:00:00Z", false},
      {"30 August 2023 \xE2\x80\xA2 4:45pm", "2023-08-30T16:45:00Z", false},
      {"August 30, 2023 1:55 am(Updated 4:30 am)", "2023-08-30T01:55:00Z", false},
      {"By Tom Lee - AP - Friday, April 28, 2023", "2023-04-28T00:00:00Z", false},
  };
  for (const Row& row : rows) {
    INFO(row.line);
    const std::vector<DumpLine> lines = classify_dump_lines(row.line, {});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].role == LineRole::DateLine);
    REQUIRE_FALSE(lines[0].dates.empty());
    CHECK(lines[0].dates[0].value.iso8601_utc() == row.utc);
    CHECK(lines[0].dates[0].modified == row.modified);
  }
  // Sentences that mention dates, and headlines that start with a date word, are text.
  for (const char* line : {"Updated guidance issued on 6 January 2025 says schools must reopen.",
                           "Published in 1998, the report was ignored for two decades.",
                           "January 6, 2025: a day the capital will not forget", "Dateline Mumbai"}) {
    INFO(line);
    CHECK(classify_dump_lines(line, {})[0].role == LineRole::Text);
  }
}

TEST_CASE("classify_dump_lines: bylines split into authors and agency", "[unit][text_dump]") {
  struct Row {
    const char* line;
    std::vector<std::string> authors;
    const char* agency;
  };
  const std::vector<Row> rows = {
      {"By Jane Doe", {"Jane Doe"}, ""},
      {"Reported by: Asian News International", {}, "Asian News International"},
      {"Written by Alice Brennan | Edited by Mark Hollis", {"Alice Brennan"}, ""},
      {"Edited by Mark Hollis", {"Mark Hollis"}, ""},
      {"Jane Doe, PTI", {"Jane Doe"}, "Press Trust of India"},
      {"Agency: PTI", {}, "Press Trust of India"},
      {"Author: Ravi Menon", {"Ravi Menon"}, ""},
      {"(With inputs from IANS)", {}, "Indo-Asian News Service"},
  };
  for (const Row& row : rows) {
    INFO(row.line);
    const std::vector<DumpLine> lines = classify_dump_lines(row.line, {});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].role == LineRole::Byline);
    CHECK(lines[0].authors == row.authors);
    CHECK(lines[0].agency == row.agency);
  }
  for (const char* line : {"By the end of the year, prices had doubled.", "By then it was over"}) {
    INFO(line);
    CHECK(classify_dump_lines(line, {})[0].role == LineRole::Text);
  }
}

TEST_CASE("classify_dump_lines: breadcrumbs, captions, ignorable lines", "[unit][text_dump]") {
  const auto role_of = [](const char* line) { return classify_dump_lines(line, {})[0].role; };
  const auto section_of = [](const char* line) { return classify_dump_lines(line, {})[0].section; };
  CHECK(role_of("Home > World > Asia") == LineRole::Breadcrumb);
  CHECK(section_of("Home > World > Asia") == "World");
  CHECK(section_of("Home / India News") == "India News");
  CHECK(section_of("Home \xC2\xBB Sport \xC2\xBB Cricket") == "Sport");
  CHECK(section_of("Category: Science, Space") == "Science");
  CHECK(role_of("Home") == LineRole::Boilerplate);
  const std::vector<DumpLine> caption = classify_dump_lines("Title Of The Story | Image: AP", {});
  CHECK(caption[0].role == LineRole::Caption);
  CHECK(caption[0].caption_title == "Title Of The Story");
  CHECK(role_of("Photo: Reuters") == LineRole::Caption);
  CHECK(role_of("A view of the harbour at dusk (Photo: Jane Roe)") == LineRole::Caption);
  CHECK(role_of("She posted a photo by her brother on Monday.") == LineRole::Text);
  for (const char* line : {"play-icon", "02:00", "1:02:33", "Advertisement", "Also Read: Something Else Happened",
                           "Listen to this article"}) {
    INFO(line);
    CHECK(role_of(line) == LineRole::Ignorable);
  }
}
