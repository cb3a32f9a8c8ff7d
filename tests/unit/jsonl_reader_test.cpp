#include <algorithm>

#include <catch2/catch.hpp>

#include "common/errors.h"
#include "common/input_stream.h"
#include "indexer/jsonl_reader.h"

using namespace byline;

namespace {

// Collects what a reader delivers.
struct CollectingSink : ArticleSink {
  std::vector<Article> articles;
  std::vector<std::string> skips;
  std::vector<std::string> notes;
  void accept(Article a) override { articles.push_back(std::move(a)); }
  void skip(std::string_view reason, std::string_view) override { skips.emplace_back(reason); }
  void note(std::string_view what, std::string_view) override { notes.emplace_back(what); }
};

}  // namespace

TEST_CASE("automatic mapping reads NewsAPI-style records", "[unit][jsonl]") {
  const JsonArticle r = article_from_json(
      R"({"source": {"id": null, "name": "Deccan Lantern"}, "author": "Meera Iyer with inputs from PTI",
          "title": "Ferry service resumes on the Kaveri delta - Deccan Lantern",
          "description": "Boats &amp; barges return after the floods.",
          "url": "https://www.deccanlantern.example/india-news/ferry-service-resumes-123.html",
          "publishedAt": "2024-08-03T18:40:00+05:30",
          "content": "The first ferry left at dawn. Officials said more would follow… [+1834 chars]"})",
      JsonlOptions{});
  REQUIRE(r.article);
  const Article& a = *r.article;
  CHECK(a.title == "Ferry service resumes on the Kaveri delta");
  CHECK(a.site == "deccanlantern.example");
  CHECK(a.site_name == "Deccan Lantern");
  CHECK(a.description == "Boats & barges return after the floods.");
  CHECK(a.body == "The first ferry left at dawn. Officials said more would follow");
  CHECK(a.authors == std::vector<std::string>{"Meera Iyer"});
  CHECK(a.agency == "Press Trust of India");
  CHECK(a.section == "India News");
  CHECK(a.section_key == "india");
  CHECK(a.provenance.at("section") == "url-path");
  CHECK(a.language == "en");
  CHECK(a.id.size() == 16);
}

TEST_CASE("dates keep the publication's offset and local day", "[unit][jsonl]") {
  const JsonArticle r = article_from_json(
      R"({"title": "Night session", "body": "x", "date": "2024-01-07T00:30:00+05:30"})", JsonlOptions{});
  REQUIRE(r.article);
  REQUIRE(r.article->published);
  CHECK(r.article->published->iso8601_utc() == "2024-01-06T19:00:00Z");
  CHECK(r.article->published->local_date().iso() == "2024-01-07");
}

TEST_CASE("field mapping overrides read nested and renamed fields", "[unit][jsonl]") {
  JsonlOptions options;
  options.mapping.apply_overrides("title=headline, date=when, section=meta.desk, author=writer, body=text, url=link");
  const JsonArticle r = article_from_json(
      R"({"headline": "Tea auction prices climb", "when": "2023-11-02T09:15:00Z", "meta": {"desk": "Business"},
          "writer": ["Ravi Das", {"name": "Lena Ortiz"}], "text": "Prices rose.\n\nBuyers were cautious.",
          "link": "https://hill-post.example/b/tea-123", "title": "ignored because mapped away"})",
      options);
  REQUIRE(r.article);
  CHECK(r.article->title == "Tea auction prices climb");
  CHECK(r.article->section == "Business");
  CHECK(r.article->authors == std::vector<std::string>{"Ravi Das", "Lena Ortiz"});
  CHECK(r.article->body == "Prices rose.\n\nBuyers were cautious.");
  CHECK(r.article->url == "https://hill-post.example/b/tea-123");
}

TEST_CASE("field mapping rejects unknown fields and bad syntax", "[unit][jsonl]") {
  FieldMapping m = FieldMapping::automatic();
  CHECK_THROWS_AS(m.apply_overrides("colour=hue"), UsageError);
  CHECK_THROWS_AS(m.apply_overrides("title"), UsageError);
  CHECK_THROWS_AS(m.apply_overrides("title="), UsageError);
}

TEST_CASE("bad records are skipped with a reason, usable ones keep going", "[unit][jsonl]") {
  const std::string input =
      "{\"title\": \"Good one\", \"body\": \"text\", \"date\": \"2024-05-01T10:00:00Z\"}\n"
      "{not json at all\n"
      "[1, 2, 3]\n"
      "\n"
      "{\"title\": \"\", \"body\": null}\n"
      "{\"title\": \"Bad date\", \"body\": \"text\", \"date\": \"the day after tomorrow\"}\n"
      "{\"title\": 42, \"body\": {\"nested\": true}, \"date\": 1714557600}\n"
      "{\"title\": \"Latin-1 caf\xE9\", \"body\": \"b\"}\n";
  auto stream = open_memory(input);
  CollectingSink sink;
  read_jsonl(*stream, JsonlOptions{}, sink);
  REQUIRE(sink.articles.size() == 4);
  CHECK(sink.skips == std::vector<std::string>{"malformed JSON", "not a JSON object", "no text"});
  CHECK(sink.articles[1].title == "Bad date");
  CHECK_FALSE(sink.articles[1].published);
  CHECK(std::count(sink.notes.begin(), sink.notes.end(), "date: unparseable date") == 1);
  CHECK(sink.articles[2].title == "42");
  REQUIRE(sink.articles[2].published);
  CHECK(sink.articles[2].published->iso8601_utc() == "2024-05-01T10:00:00Z");
  CHECK(sink.articles[3].title == "Latin-1 caf\xEF\xBF\xBD");
  CHECK(std::count(sink.notes.begin(), sink.notes.end(), "invalid UTF-8 repaired") == 1);
}

TEST_CASE("over-long lines are skipped without reading them into memory", "[unit][jsonl]") {
  std::string input = "{\"title\": \"" + std::string(5000, 'a') + "\", \"body\": \"x\"}\n{\"title\": \"short\", \"body\": \"y\"}\n";
  auto stream = open_memory(input);
  CollectingSink sink;
  JsonlOptions options;
  options.max_line_bytes = 1000;
  read_jsonl(*stream, options, sink);
  CHECK(sink.skips == std::vector<std::string>{"line too long"});
  REQUIRE(sink.articles.size() == 1);
  CHECK(sink.articles[0].title == "short");
}

TEST_CASE("the source id is used when there is no URL", "[unit][jsonl]") {
  const JsonArticle r = article_from_json(R"({"id": 17980, "title": "COCOA TALKS", "body": "b"})", JsonlOptions{});
  REQUIRE(r.article);
  CHECK(r.article->id == "17980");
}
