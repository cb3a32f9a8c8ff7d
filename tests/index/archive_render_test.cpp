// `byline info`'s archive description against the generated articles, and the
// text and JSON renderers over real search results.

#include <catch2/catch.hpp>

#include <map>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "searcher/archive_info.h"
#include "searcher/render_json.h"
#include "searcher/render_text.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"

using namespace byline;
using namespace byline::testing;

namespace {

std::map<std::string, std::uint64_t> as_map(const std::vector<FacetValue>& values) {
  std::map<std::string, std::uint64_t> m;
  for (const FacetValue& v : values) m[v.value] = v.count;
  return m;
}

SearchResult sample_result(bool colour = false) {
  static const Searcher searcher(generated_archive().db);
  SearchRequest request;
  request.query = "kestrel";
  if (colour) use_ansi_highlight(request);
  return searcher.search(request);
}

}  // namespace

TEST_CASE("describe_archive counts what the archive holds", "[index][info]") {
  const auto& articles = generated_archive().articles;
  const ArchiveInfo info = describe_archive(generated_archive().db, "");
  std::map<std::string, std::uint64_t> sections, languages, sites;
  std::uint64_t dated = 0;
  CivilDate first{9999, 12, 31}, last{1, 1, 1};
  for (const Article& a : articles) {
    if (!a.section_key.empty()) ++sections[a.section_key];
    if (!a.language.empty()) ++languages[a.language];
    ++sites[a.site];
    if (a.published) {
      ++dated;
      first = std::min(first, a.published->local_date());
      last = std::max(last, a.published->local_date());
    }
  }
  CHECK(info.articles == articles.size());
  CHECK(info.dated_articles == dated);
  CHECK(info.first_day == first.iso());
  CHECK(info.last_day == last.iso());
  CHECK(as_map(info.sections) == sections);
  CHECK(as_map(info.languages) == languages);
  CHECK(as_map(info.sites) == sites);
  for (std::size_t i = 1; i < info.sections.size(); ++i) CHECK(info.sections[i - 1].count >= info.sections[i].count);
  for (const FacetValue& s : info.sections)
    if (s.value == "science-and-tech") CHECK(s.label == "Science & Tech");
  CHECK(info.schema_version == schema::kSchemaVersion);
  CHECK(info.stem_language == "english");
  CHECK_THAT(info.created_by, Catch::StartsWith("byline "));
  CHECK(info.size_bytes == 0);  // in memory

  Xapian::WritableDatabase plain(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK_THROWS_AS(describe_archive(plain, "/some/path"), IndexError);
}

TEST_CASE("JSON output keeps the documented fields", "[index][render]") {
  const SearchResult result = sample_result();
  const auto j = nlohmann::json::parse(render_json(result));
  CHECK(j["query"] == "kestrel");
  CHECK(j["total"]["value"] == 2);
  CHECK(j["total"]["exact"] == true);
  REQUIRE(j["hits"].size() == 2);
  const auto& hit = j["hits"][0];
  for (const char* key : {"id", "url", "title", "date", "section", "authors", "site", "score", "snippet", "rank",
                          "agency", "title_highlighted", "section_key", "lang"})
    CHECK(hit.contains(key));
  CHECK(hit["title_highlighted"] == "[Kestrel] wins the regional prize");
  CHECK(hit["date"] == "2023-05-02T10:00:00+05:30");
  CHECK(hit["rank"] == 1);
  CHECK(hit["authors"].is_array());
  const auto& facets = j["facets"];
  CHECK(facets["section"][0]["value"] == "sport");
  CHECK(facets["section"][0]["label"] == "Sports");
  CHECK(facets["section"][0]["count"] == 2);
  CHECK(facets["date"].size() == 2);
  CHECK(facets["date"][0] == nlohmann::json({{"value", "2023-05-02"}, {"count", 1}}));
  CHECK(facets["date_granularity"] == "day");
  CHECK(facets["exact"] == true);
  CHECK(j["took_ms"].is_number());
  CHECK(j["offset"] == 0);
  CHECK(j["limit"] == 10);
  // One line by default, indented on request.
  const std::string compact = render_json(result), indented = render_json(result, 2);
  CHECK(std::count(compact.begin(), compact.end(), '\n') == 0);
  CHECK(std::count(indented.begin(), indented.end(), '\n') > 10);

  SearchResult no_facets = result;
  no_facets.date_granularity.clear();
  CHECK(nlohmann::json::parse(render_json(no_facets))["facets"].is_null());

  const auto info = nlohmann::json::parse(render_json(describe_archive(generated_archive().db, "")));
  for (const char* key : {"path", "articles", "dated_articles", "dates", "sections", "languages", "sites",
                          "schema_version", "stem_language", "created_by", "size_bytes"})
    CHECK(info.contains(key));
  CHECK(info["articles"] == generated_archive().articles.size());
  CHECK(info["dates"]["first"].is_string());
}

TEST_CASE("text output has a header, hits with local time and facet tables", "[index][render]") {
  const std::string text = render_text(sample_result());
  INFO(text);
  CHECK_THAT(text, Catch::StartsWith("2 articles for 'kestrel' ("));
  CHECK_THAT(text, Catch::Contains("  1. [Kestrel] wins the regional prize\n"));
  CHECK_THAT(text, Catch::Contains("     2023-05-02 10:00 +05:30 · Sports · example.com\n"));
  CHECK_THAT(text, Catch::Contains("     https://www.example.com/special/kestrel-title\n"));
  CHECK_THAT(text, Catch::Contains("  2. Regional prize goes to a painter\n"));
  CHECK_THAT(text, Catch::Contains("Judges praised the [kestrel] and its colours."));
  CHECK_THAT(text, Catch::Contains("Sections\n  Sports          2  section:sport\n"));
  CHECK_THAT(text, Catch::Contains("Dates by day\n  2023-05-02          1  #"));
  CHECK(text.find('\x1b') == std::string::npos);

  const std::string coloured = render_text(sample_result(true), TextStyle{.colour = true});
  CHECK_THAT(coloured, Catch::Contains("\x1b[1;33mKestrel\x1b[0m"));
  CHECK_THAT(coloured, Catch::Contains("█"));

  const std::string info = render_text(describe_archive(generated_archive().db, ""));
  INFO(info);
  CHECK_THAT(info, Catch::Contains(fmt::format("Articles  {} (", generated_archive().articles.size())));
  CHECK_THAT(info, Catch::Contains("Sections\n"));
  CHECK_THAT(info, Catch::Contains("Science & Tech"));
  CHECK_THAT(info, Catch::Contains("Schema    version 1, stemming english"));
}

TEST_CASE("text helpers", "[index][render]") {
  CHECK(group_thousands(0) == "0");
  CHECK(group_thousands(999) == "999");
  CHECK(group_thousands(1000) == "1,000");
  CHECK(group_thousands(1234567) == "1,234,567");
  CHECK(format_local_time("2025-01-06T13:25:00+05:30") == "2025-01-06 13:25 +05:30");
  CHECK(format_local_time("2025-01-06") == "2025-01-06");
  CHECK(format_local_time("") == "undated");
  CHECK(human_size(512) == "512 bytes");
  CHECK(human_size(1536) == "1.5 KiB");
  CHECK(human_size(1610367119) == "1.5 GiB");
}
