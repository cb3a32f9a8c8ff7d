// End-to-end: index the bundled corpus/ with the real `byline`, then search it,
// checking both what must be found and what must never have been indexed.
#include <filesystem>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/corpus_index.h"
#include "support/run_command.h"

using namespace byline::test;
using nlohmann::json;

namespace {

json search(const std::string& query, const std::string& options = "") {
  const CommandResult r = run_byline("search --json --db " + shell_quote(corpus_db()) + " " + options + " " + shell_quote(query));
  INFO("query " << query << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

std::uint64_t total(const std::string& query, const std::string& options = "") {
  return search(query, options)["total"]["value"].get<std::uint64_t>();
}

}  // namespace

TEST_CASE("corpus: boilerplate marker words are never indexed", "[e2e][corpus]") {
  // corpus/README.md and corpus/crawl/README.md: these words occur only in the
  // page templates' menus, lists, banners and footers.
  for (const char* marker : {"Varkalonia", "Quillmoor", "Zephyrine", "Peacock", "Thistlewick", "Zorbanex", "Marigoldia",
                             "Kelpford", "Orravine", "Snowlark", "Zarquette", "Plumbago", "Quillfeather", "Dovetailer"}) {
    INFO(marker);
    CHECK(total(marker) == 0);
  }
}

TEST_CASE("corpus: a re-published URL replaces the earlier version", "[e2e][corpus]") {
  CHECK(total("hamlets") == 0);
  CHECK(total("scorecard") == 0);
  CHECK(total("revised") == 1);
  CHECK(total("Farokh") == 1);
}

TEST_CASE("corpus: JSON output has the documented schema", "[e2e][corpus]") {
  const json r = search("monsoon", "--limit 3");
  CHECK(r["query"] == "monsoon");
  CHECK(r["total"]["exact"] == true);
  CHECK(r["total"]["value"].get<int>() >= 3);
  REQUIRE(r["hits"].size() == 3);
  for (const json& hit : r["hits"]) {
    for (const char* key : {"id", "url", "title", "date", "section", "authors", "site", "score", "snippet"}) {
      INFO(key);
      CHECK(hit.contains(key));
    }
    // The match is highlighted in the snippet, or in the title when only the title matched.
    CHECK((hit["snippet"].get<std::string>().find("<b>") != std::string::npos ||
           hit["title_highlighted"].get<std::string>().find("<b>") != std::string::npos));
  }
  CHECK(r["facets"]["section"].is_array());
  CHECK(r["facets"]["date"].is_array());
  CHECK(r.contains("took_ms"));
  // Facet counts are over all matches, not the page shown.
  std::uint64_t by_section = 0;
  for (const json& f : r["facets"]["section"]) by_section += f["count"].get<std::uint64_t>();
  std::uint64_t undated_or_unsectioned_slack = r["total"]["value"].get<std::uint64_t>();
  CHECK(by_section <= undated_or_unsectioned_slack);
  CHECK(by_section > 3);
}

TEST_CASE("corpus: dates are filed by the day printed in the article's own offset", "[e2e][corpus]") {
  // 2025-01-01T00:20+05:30 is 2024-12-31 in UTC; 2024-12-31T21:30-05:00 is 2025-01-01 in UTC.
  const json new_year = search("date:2025-01-01 Kapadia");
  CHECK(new_year["total"]["value"] == 1);
  const json eve = search("date:2024-12-31 Lakeport strike");
  CHECK(eve["total"]["value"] == 1);
  CHECK(total("date:2024 Kapadia chief executive") == 0);
  // 2025-02-11T20:10Z is 12 February in IST but 11 February where it was published.
  CHECK(total("date:2025-02-11 Selwyn payouts") == 1);
  CHECK(total("date:2025-02-12 Selwyn payouts") == 0);
}

TEST_CASE("corpus: filters combine with facets over all matches", "[e2e][corpus]") {
  const json all = search("Bhoravali", "--date-facet year --facet-size 100");
  const std::uint64_t n = all["total"]["value"];
  std::uint64_t by_year = 0;
  for (const json& f : all["facets"]["date"]) by_year += f["count"].get<std::uint64_t>();
  // Each year's count equals the total of the same query filtered to that year.
  for (const json& f : all["facets"]["date"]) {
    const std::string year = f["value"];
    INFO(year);
    CHECK(total("Bhoravali date:" + year) == f["count"].get<std::uint64_t>());
  }
  CHECK(by_year <= n);
  for (const json& f : all["facets"]["section"]) {
    const std::string key = f["value"];
    INFO(key);
    CHECK(total("Bhoravali section:" + key) == f["count"].get<std::uint64_t>());
  }
}

TEST_CASE("corpus: sorting by date orders hits", "[e2e][corpus]") {
  const json newest = search("monsoon", "--sort newest --limit 20");
  std::string previous = "9999";
  for (const json& hit : newest["hits"]) {
    const std::string date = hit["date"];
    if (date.empty()) continue;
    CHECK(date.substr(0, 10) <= previous.substr(0, 10));
    previous = date;
  }
}

TEST_CASE("corpus: every format made it into the index", "[e2e][corpus]") {
  CHECK(total("site:meridianpost.example") > 0);                 // JSONL wire
  CHECK(total("site:konkansignal.example") == 10);                 // custom-fields JSONL, read through --map
  CHECK(total("section:sport") >= 18);                             // bbc-style "sport" and the others' "Sports"
  CHECK(total("lang:hi") == 5);                                    // Devanagari records
  CHECK(total("lang:fr") == 2);
  CHECK(total("agency:\"Asian News International\"") > 0);
}

TEST_CASE("corpus: a section printed in the singular and the plural is one section", "[e2e][corpus]") {
  // corpus/README.md: bbc-style files are filed under "sport", the other
  // formats under "Sports"; the facet lists one value for both.
  const std::uint64_t sport = total("section:sport", "--no-collapse");
  CHECK(sport >= 18);
  CHECK(total("section:Sports", "--no-collapse") == sport);
  std::size_t sport_values = 0;
  // Multi-select: the section facet counts every section of the archive.
  const json result = search("section:sport", "--facet-size 100 --no-collapse");
  for (const json& value : result["facets"]["section"]) {
    const std::string key = value["value"];
    if (key.starts_with("sport")) {
      ++sport_values;
      CHECK(key == "sport");
      CHECK(value["count"] == sport);
    }
  }
  CHECK(sport_values == 1);
}

TEST_CASE("search errors have distinct exit codes", "[e2e][errors]") {
  const CommandResult syntax = run_byline("search --db " + shell_quote(corpus_db()) + " " + shell_quote("title:(monsoon"));
  CHECK(syntax.exit_code == 5);
  CHECK(syntax.err.find("title:(monsoon") != std::string::npos);
  const CommandResult bad_date = run_byline("search --db " + shell_quote(corpus_db()) + " date:2024-02-30");
  CHECK(bad_date.exit_code == 5);
  const CommandResult missing = run_byline("search --db " + shell_quote(scratch_dir("nodb") + "/none") + " monsoon");
  CHECK(missing.exit_code == 4);
  const CommandResult info = run_byline("info --json --db " + shell_quote(corpus_db()));
  REQUIRE(info.exit_code == 0);
  const json j = json::parse(info.out);
  CHECK(j.dump().find("schema") != std::string::npos);
}

TEST_CASE("custom field names without --map lose only the fields the automatic mapping cannot name", "[e2e][corpus]") {
  const CommandResult r = run_byline("index --quiet --summary-json --db " + shell_quote(scratch_dir("nomap") + "/db") + " " +
                                     shell_quote(source_path("corpus/jsonl/custom-fields.jsonl")));
  REQUIRE(r.exit_code == 0);
  const json s = json::parse(r.out);
  // headline, text and link are among the automatic names; when and meta.desk are not.
  CHECK(s["added"] == 10);
  CHECK(s["notes"]["date: missing"] == 10);
}
