// End-to-end: `byline compact` on the bundled corpus indexed as the demo
// does. The compacted index must answer exactly as before.
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/corpus_index.h"
#include "support/run_command.h"

using namespace byline::test;

namespace {

// The output without its timing.
void drop_timing(nlohmann::json& j) {
  if (j.is_object()) {
    j.erase("took_ms");
    for (auto& [key, value] : j.items()) drop_timing(value);
  } else if (j.is_array()) {
    for (auto& value : j) drop_timing(value);
  }
}

// Searches whose JSON output (hits, snippets, totals, facets) must not change.
std::string searches(const std::string& db) {
  std::string out;
  for (const char* query : {"", "monsoon", "\"supreme court\"", "section:world", "date:2024 OR flood"}) {
    const CommandResult r = run_byline("search --json --facets section,date:month,site,agency,lang --limit 20 --db " +
                                       shell_quote(db) + " " + shell_quote(query));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    nlohmann::json j = nlohmann::json::parse(r.out);
    drop_timing(j);
    out += j.dump() + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("byline compact packs the index and every search answers as before", "[e2e][compact]") {
  const std::string dir = scratch_dir("compact");
  const std::string db = dir + "/news.db";
  std::filesystem::copy(corpus_db(), db, std::filesystem::copy_options::recursive);
  const std::string before = searches(db);

  const CommandResult r = run_byline("compact --json --db " + shell_quote(db));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["articles"].get<int>() > 100);
  CHECK(j["bytes_after"].get<std::uint64_t>() > 0);
  CHECK(j["bytes_after"].get<std::uint64_t>() <= j["bytes_before"].get<std::uint64_t>());
  CHECK(searches(db) == before);

  const CommandResult text = run_byline("compact --db " + shell_quote(db));
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("compacted " + std::to_string(j["articles"].get<int>()) + " articles") != std::string::npos);
}

TEST_CASE("byline compact says when there is no index to compact", "[e2e][compact]") {
  const std::string dir = scratch_dir("compact-missing");
  const CommandResult r = run_byline("compact --db " + shell_quote(dir + "/nothing"));
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("no byline index at") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/nothing"));
}
