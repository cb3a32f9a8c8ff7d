// End-to-end: the real `byline bench` over a small archive written here.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.h"

using namespace byline::test;

namespace {

// Five invented articles: "quarry" is in three (two in Business, two in March), "kiln" in two.
constexpr const char* kArchive = R"({"title": "Quarry workers seek safer blasting rules", "content": "Workers at the Dunmore quarry asked for new blasting rules.", "url": "https://valley-ledger.example/business/quarry-rules-1", "publishedAt": "2024-03-04T08:00:00Z", "category": "Business"}
{"title": "Kiln restored at the old pottery", "content": "Volunteers rebuilt the brick kiln beside the river.", "url": "https://valley-ledger.example/culture/kiln-restored-2", "publishedAt": "2024-03-05T10:00:00Z", "category": "Culture"}
{"title": "Quarry output falls in March", "content": "Output at the quarry fell as rain halted work; the kiln yard was idle.", "url": "https://valley-ledger.example/business/quarry-output-3", "publishedAt": "2024-03-28T12:00:00Z", "category": "Business"}
{"title": "Council debates quarry traffic", "content": "Lorries from the quarry crowd the high street, residents told the council.", "url": "https://valley-ledger.example/local/quarry-traffic-4", "publishedAt": "2024-04-02T18:00:00Z", "category": "Local"}
{"title": "Rowing club wins regional cup", "content": "The rowing crew beat six rivals on the reservoir.", "url": "https://valley-ledger.example/sport/rowing-cup-5", "publishedAt": "2024-04-06T15:00:00Z", "category": "Sport"}
)";

constexpr const char* kQueries =
    "# categories and queries\n"
    "term\tquarry\n"
    "term\tkiln\n"
    "and+section\tquarry section:business\n"
    "term+date\tquarry date:2024-03\n"
    "broken\tquarry (kiln\n"
    "rowing\n";

struct Fixture {
  std::string dir = scratch_dir("bench");
  std::string db = dir + "/db";
  std::string queries = dir + "/queries.tsv";
  Fixture() {
    std::ofstream(dir + "/archive.jsonl") << kArchive;
    std::ofstream(queries) << kQueries;
    const CommandResult r = run_byline("index --quiet --db " + shell_quote(db) + " " + shell_quote(dir + "/archive.jsonl"));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
};

nlohmann::json bench_json(const Fixture& f, const std::string& options) {
  const CommandResult r =
      run_byline("bench --json --db " + shell_quote(f.db) + " --queries " + shell_quote(f.queries) + " " + options);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("1 of 6 queries failed") != std::string::npos);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("bench --json times every query and records what it returned", "[e2e][bench]") {
  const Fixture f;
  const nlohmann::json j = bench_json(f, "--warmup 1 --repeat 3 --threads 2 --limit 2 --date-facet month");
  CHECK(j["environment"]["articles"] == 5);
  CHECK(j["environment"]["index_bytes"].get<std::uint64_t>() > 0);
  CHECK_FALSE(j["environment"]["build_type"].get<std::string>().empty());
  CHECK(j["settings"]["threads"] == 2);
  CHECK(j["failed"] == 1);

  const nlohmann::json& q = j["queries"];
  REQUIRE(q.size() == 6);
  CHECK(q[0]["query"] == "quarry");
  CHECK(q[0]["category"] == "term");
  CHECK(q[0]["line"] == 2);
  CHECK(q[0]["latencies_ms"].size() == 3);
  CHECK(q[0]["total"] == 3);
  CHECK(q[0]["top_ids"].size() == 2);  // --limit 2
  CHECK(q[0]["facets"]["section"]["business"] == 2);
  CHECK(q[0]["facets"]["section"]["local"] == 1);
  CHECK(q[0]["facets"]["date"]["2024-03"] == 2);
  CHECK(q[0]["facets"]["date"]["2024-04"] == 1);
  CHECK(q[1]["total"] == 2);                      // kiln
  CHECK(q[2]["total"] == 2);                      // quarry in Business
  CHECK(q[3]["total"] == 2);                      // quarry in March
  CHECK(q[4]["error"].get<std::string>().find("unmatched '('") != std::string::npos);
  CHECK_FALSE(q[4].contains("latencies_ms"));
  CHECK(q[5]["category"] == "all");  // a line without a tab
  CHECK(q[5]["total"] == 1);

  const nlohmann::json& overall = j["summary"]["overall"];
  CHECK(overall["queries"] == 5);
  CHECK(overall["count"] == 15);
  CHECK(overall["p50_ms"].get<double>() > 0);
  CHECK(overall["p50_ms"].get<double>() <= overall["p99_ms"].get<double>());
  CHECK(overall["p99_ms"].get<double>() <= overall["max_ms"].get<double>());
  CHECK(j["summary"]["by_category"]["term"]["count"] == 6);
  CHECK_FALSE(j["summary"]["by_category"].contains("broken"));
}

TEST_CASE("bench --no-multi-select counts a filtered field over the matches only", "[e2e][bench]") {
  const Fixture f;
  const nlohmann::json multi = bench_json(f, "--warmup 0 --repeat 1");
  CHECK(multi["settings"]["multi_select"] == true);
  // quarry section:business: the section facet counts quarry without its filter.
  CHECK(multi["queries"][2]["facets"]["section"]["business"] == 2);
  CHECK(multi["queries"][2]["facets"]["section"]["local"] == 1);
  const nlohmann::json plain = bench_json(f, "--warmup 0 --repeat 1 --no-multi-select");
  CHECK(plain["settings"]["multi_select"] == false);
  CHECK(plain["queries"][2]["facets"]["section"]["business"] == 2);
  CHECK_FALSE(plain["queries"][2]["facets"]["section"].contains("local"));
  CHECK(plain["queries"][2]["total"] == 2);
}

TEST_CASE("bench without facets, cold: no facet counts, eviction noted", "[e2e][bench]") {
  const Fixture f;
  const CommandResult r = run_byline("bench --json --no-facets --cold --warmup 0 --repeat 2 --db " + shell_quote(f.db) +
                                     " --queries " + shell_quote(f.queries));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("cold cache") != std::string::npos);
  CHECK(r.err.find("eviction failed") == std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["settings"]["cold"] == true);
  CHECK_FALSE(j["queries"][0].contains("facets"));
  CHECK(j["queries"][0]["latencies_ms"].size() == 2);
  CHECK(j["queries"][0]["top_ids"].size() == 3);
}

TEST_CASE("bench prints the environment and a table per category", "[e2e][bench]") {
  const Fixture f;
  const CommandResult r = run_byline("bench --repeat 2 --db " + shell_quote(f.db) + " --queries " + shell_quote(f.queries));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* expected : {"machine:", "build:", "5 articles", "p50 ms", "p99 ms", "QPS", "\nterm ", "\noverall ",
                               "line 6 [broken]: query syntax error"})
    CHECK(r.out.find(expected) != std::string::npos);
}

TEST_CASE("bench exit codes: unreadable query file 3, missing index 4, bad options 2", "[e2e][bench][errors]") {
  const Fixture f;
  const CommandResult no_file =
      run_byline("bench --db " + shell_quote(f.db) + " --queries " + shell_quote(f.dir + "/missing.tsv"));
  CHECK(no_file.exit_code == 3);
  CHECK(no_file.err.find("missing.tsv") != std::string::npos);
  std::ofstream(f.dir + "/empty.tsv") << "# nothing\n\n";
  CHECK(run_byline("bench --db " + shell_quote(f.db) + " --queries " + shell_quote(f.dir + "/empty.tsv")).exit_code == 3);
  const CommandResult no_db = run_byline("bench --db " + shell_quote(f.dir + "/nodb") + " --queries " + shell_quote(f.queries));
  CHECK(no_db.exit_code == 4);
  CHECK(run_byline("bench --db " + shell_quote(f.db) + " --queries " + shell_quote(f.queries) + " --repeat 0").exit_code == 2);
  CHECK(run_byline("bench --db " + shell_quote(f.db)).exit_code == 2);
}
