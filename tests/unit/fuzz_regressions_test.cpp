// Regression tests for what the libFuzzer targets in fuzz/ found. Each case
// runs the minimised input from tests/data/fuzz/ through the same entry point
// as its fuzz target and checks a sensible result, not only that nothing
// crashed. Under the sanitizer pass of scripts/test.sh (ASan+UBSan) these
// also catch the memory errors and leaks themselves.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "common/article.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/section.h"
#include "common/text.h"
#include "indexer/document_builder.h"
#include "indexer/html_extractor.h"
#include "searcher/searcher.h"

using namespace byline;

namespace {

const std::filesystem::path kData = std::filesystem::path(BYLINE_SOURCE_DIR) / "tests/data/fuzz";

std::string read_input(const std::string& name) {
  std::ifstream in(kData / name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// fuzz/html_extractor_fuzzer's context.
HtmlExtraction extract_like_fuzzer(std::string_view html, bool keep_non_articles) {
  HtmlContext context;
  context.url = "https://www.example.in/world/2024/03/01/fuzz-story.html";
  context.crawled = DateTime::from_local({2024, 3, 5}, 12, 0, 0, 0);
  context.keep_non_articles = keep_non_articles;
  return extract_html(html, context);
}

// fuzz/query_fuzzer's archive: a few articles in an in-memory database.
const Searcher& small_archive() {
  static const Searcher searcher = [] {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const Analyzer analyzer{AnalyzerSettings{}};
    analyzer.record_in(db);
    DocumentBuilder builder(analyzer);
    for (const char* section : {"India News", "World"}) {
      Article a;
      a.title = std::string("Harbour bridge reopens in ") + section;
      a.body = "The bridge carries trains and cars again after two years of repairs.";
      a.section = section;
      a.url = std::string("https://www.example.com/") + section_key(section) + "/bridge.html";
      a.language = "en";
      finalize_article(a);
      db.replace_document(id_term(a.id), builder.build(a));
      db.set_metadata(std::string(schema::metadata::kSectionLabelPrefix) + a.section_key, a.section);
    }
    db.commit();
    return Searcher(Xapian::Database(db));
  }();
  return searcher;
}

}  // namespace

// Gumbo 0.10 turns `&#xcccccccc` (a code point overflowing an int) into one
// raw byte; the extracted text was then invalid UTF-8. Fixed in
// indexer/html_dom.cpp (utf8_from_gumbo).
TEST_CASE("fuzz: gumbo overflowing character reference gives valid UTF-8", "[unit][fuzz][html]") {
  for (const char* name : {"html_overflowing_char_ref_min1.html", "html_overflowing_char_ref_min2.html"}) {
    INFO(name);
    const std::string html = read_input(name);
    for (bool keep : {false, true}) {
      const HtmlExtraction result = extract_like_fuzzer(html, keep);
      if (result.article) {
        CHECK(is_valid_utf8(result.article->title));
        CHECK(is_valid_utf8(result.article->body));
        CHECK(is_valid_utf8(result.article->description));
      } else {
        CHECK_FALSE(result.skip_reason.empty());
      }
    }
  }
  // A readable page with the same references in text and in an attribute:
  // the article is kept and each bad reference reads as U+FFFD.
  const HtmlExtraction result = extract_like_fuzzer(read_input("html_overflowing_char_ref.html"), false);
  REQUIRE(result.article);
  const Article& a = *result.article;
  CHECK(a.title == "Clerk quotes a price");
  CHECK(is_valid_utf8(a.body));
  CHECK(a.body.find("The price is \xEF\xBF\xBD today and \xEF\xBF\xBD later") != std::string::npos);
  CHECK(a.body.find("settle by the weekend") != std::string::npos);
}

// A field processor that threw (`section:` with no usable value) left Xapian
// 1.4's QueryParser freeing memory it had not allocated (ASan: bad-free) and
// leaking its parse stack. Fixed in searcher/query_builder.cpp
// (GuardedFieldProcessor): the error is raised after parse_query returns.
TEST_CASE("fuzz: field processor error does not corrupt the query parser", "[unit][fuzz][query]") {
  const std::string input = read_input("query_field_processor_bad_free.bin");
  REQUIRE(input.size() > 1);
  const std::string query = input.substr(1);  // the fuzzer's first byte picks options
  CHECK(query == "-section:\"\"\"\"\"\" sectkon:od.yrg");
  const Searcher& searcher = small_archive();
  CHECK_THROWS_WITH(searcher.describe_query(query), Catch::Contains("'section:' needs a value"));
  SearchRequest request;
  request.query = query;
  CHECK_THROWS_AS(searcher.search(request), QuerySyntaxError);
  // The other field processors, and one that throws mid-query (the leak).
  CHECK_THROWS_WITH(searcher.describe_query("bridge site:/ trains"), Catch::Contains("'site:' needs a value"));
  CHECK_THROWS_WITH(searcher.describe_query("a date:{{{ b"), Catch::Contains("invalid date filter"));
  // The error does not stick to the next query.
  const std::string next = searcher.describe_query("section:india bridge");
  CHECK(next.find("XSindia") != std::string::npos);
  request.query = "section:india bridge";
  CHECK(searcher.search(request).total.value == 1);
}
