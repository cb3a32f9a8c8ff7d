// End-to-end on the user's own example page (../shared/seeds), when present:
// indexing it gives one clean article, and nothing from the page's menus,
// "Recommended" list, app banner or channel blurb is searchable.
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.h"

using namespace byline::test;
using nlohmann::json;

TEST_CASE("the user's example page is indexed as one clean article", "[e2e][shared]") {
  const std::string seed = shared_path("seeds/000_d48633d406e325e8.txt");
  if (seed.empty() || !std::filesystem::exists(seed)) {
    WARN("../shared/seeds is absent: the example-page test was skipped");
    return;
  }
  const std::string db = scratch_dir("seed") + "/db";
  const CommandResult indexed = run_byline("index --quiet --summary-json --db " + shell_quote(db) + " " + shell_quote(seed));
  REQUIRE(indexed.exit_code == 0);
  CHECK(json::parse(indexed.out)["added"] == 1);

  const auto count = [&](const std::string& query) {
    const CommandResult r = run_byline("search --json --db " + shell_quote(db) + " " + shell_quote(query));
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out)["total"]["value"].get<int>();
  };
  CHECK(count("Blinken") == 1);
  CHECK(count("\"space and satellite technology\"") == 1);
  CHECK(count("date:2025-01-06") == 1);
  CHECK(count("agency:\"Asian News International\"") == 1);
  // Boilerplate around the article.
  for (const char* absent : {"Bengaluru", "\"Golden Globes\"", "Trudeau", "Paralympics", "SportFit", "\"LIVE TV\"",
                             "no.1", "\"all-new Republic app\"", "HMPV"}) {
    INFO(absent);
    CHECK(count(absent) == 0);
  }

  const CommandResult extracted = run_byline("extract --json " + shell_quote(seed));
  REQUIRE(extracted.exit_code == 0);
  const json a = json::parse(extracted.out);
  CHECK(a["title"] == "Blinken Warns of Russia-North Korea Cooperation in Space Technology");
  CHECK(a["date_utc"] == "2025-01-06T07:55:00Z");
  CHECK(a["date"] == "2025-01-06T13:25:00+05:30");
  CHECK(a["local_day"] == "2025-01-06");
  CHECK(a["agency"] == "Asian News International");
  CHECK(a["body"].get<std::string>().rfind("Seoul: US Secretary of State", 0) == 0);
  CHECK(a["body"].get<std::string>().find("Updated 13:25") == std::string::npos);
}
