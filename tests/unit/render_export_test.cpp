// Export rows (searcher/render_export.h): RFC 4180 quoting, field choice and
// order, and the JSON Lines form of one row.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "searcher/render_export.h"

using namespace byline;

namespace {

ExportRow sample_row() {
  ExportRow row;
  row.rank = 7;
  row.score = 1.5;
  row.story = "";
  row.article.id = "abc123";
  row.article.title = "Rates held, \"for now\"\nsays bank";
  row.article.authors = {"Asha Rao", "Lin Chow"};
  row.article.published = DateTime::from_local({2025, 1, 6}, 13, 25, 0, 330);
  return row;
}

}  // namespace

TEST_CASE("csv_field quotes only what needs quoting, doubling quotes", "[unit][export]") {
  CHECK(csv_field("plain text") == "plain text");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("export rows keep the fields asked for, in that order", "[unit][export]") {
  const ExportRow row = sample_row();
  const ExportWriter csv(nullptr, ExportFormat::Csv, {"id", "date", "title", "authors", "story", "rank"});
  CHECK(csv.format_row(row) ==
        "abc123,2025-01-06T13:25:00+05:30,\"Rates held, \"\"for now\"\"\nsays bank\",Asha Rao; Lin Chow,,7");

  const ExportWriter jsonl(nullptr, ExportFormat::Jsonl, {"rank", "date_utc", "authors", "story"});
  CHECK(jsonl.format_row(row) == R"({"rank":7,"date_utc":"2025-01-06T07:55:00Z","authors":["Asha Rao","Lin Chow"],"story":null})");

  const ExportWriter all(nullptr, ExportFormat::Jsonl);
  const auto parsed = nlohmann::ordered_json::parse(all.format_row(row));
  std::vector<std::string> keys;
  for (const auto& [key, value] : parsed.items()) keys.push_back(key);
  CHECK(keys == export_fields());
  CHECK(parsed["title"] == row.article.title);
  CHECK(parsed["modified"].is_null());
}

TEST_CASE("an unknown export field is a usage error naming it", "[unit][export]") {
  try {
    ExportWriter writer(nullptr, ExportFormat::Csv, {"id", "colour"});
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK_THAT(e.what(), Catch::Contains("'colour'"));
    CHECK(e.code() == ExitCode::kUsage);
  }
}
