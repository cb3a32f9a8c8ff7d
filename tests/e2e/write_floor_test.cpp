// End-to-end: benchmarks/write_floor.cpp, the driver behind "The write floor"
// in benchmarks/README.md, over the bundled wire archive. Its figures are
// timings and are not checked; what it wrote is.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.h"

using namespace byline::test;

namespace {

CommandResult run_floor(const std::string& args) { return run_shell(shell_quote(BYLINE_WRITE_FLOOR) + " " + args); }

nlohmann::json floor_json(const std::string& dir, const std::string& options) {
  const std::string out = dir + "/floor.json";
  const CommandResult r = run_floor("--jsonl " + shell_quote(source_path("corpus/jsonl/wire-2023-2025.jsonl")) +
                                    " --workdir " + shell_quote(dir + "/work") + " --json-out " + shell_quote(out) +
                                    " " + options);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  std::ifstream in(out);
  return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("the write floor writes every article at each tier, each tier holding more than the one before",
          "[e2e][bench]") {
  const std::string dir = scratch_dir("write-floor");
  const nlohmann::json j = floor_json(dir, "--block 10");
  const auto articles = j["articles"].get<std::uint64_t>();
  CHECK(articles > 50);  // the archive's articles, read before anything is timed
  REQUIRE(j["tiers"].size() == 4);
  std::uint64_t smaller = 0;
  const char* names[] = {"nopos", "bare", "stemmed", "byline"};
  for (std::size_t i = 0; i < 4; ++i) {
    const nlohmann::json& tier = j["tiers"][i];
    INFO(tier.dump());
    CHECK(tier["tier"] == names[i]);
    CHECK(tier["shards"] == (articles + 9) / 10);  // one shard per block of 10
    CHECK(tier["documents"] == articles);          // all shards compacted into one database
    // Positions, then stemmed terms, then byline's fields, values and stored data add to the index.
    CHECK(tier["bytes"].get<std::uint64_t>() > smaller);
    smaller = tier["bytes"].get<std::uint64_t>();
  }
  // The databases are removed once measured.
  CHECK(std::filesystem::is_empty(dir + "/work"));
}

TEST_CASE("the write floor keeps its database on request and refuses an unknown tier", "[e2e][bench]") {
  const std::string dir = scratch_dir("write-floor-keep");
  const nlohmann::json j = floor_json(dir, "--tiers bare --keep");
  REQUIRE(j["tiers"].size() == 1);
  CHECK(std::filesystem::exists(dir + "/work/bare/merged/postlist.glass"));

  const CommandResult r = run_floor("--jsonl " + shell_quote(source_path("corpus/jsonl/wire-2023-2025.jsonl")) +
                                    " --workdir " + shell_quote(dir + "/other") + " --tiers bare,fast");
  CHECK(r.exit_code == 2);  // before reading anything
  CHECK(r.err.find("unknown tier fast") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/other"));
}
