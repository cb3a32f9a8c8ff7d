// End-to-end: the real `byline index` on files the project wrote.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/schema.h"
#include "support/run_command.h"

using namespace byline::test;

namespace {

nlohmann::json summary_of(const CommandResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("index counts added, replaced and skipped records by reason", "[e2e][index]") {
  const std::string db = scratch_dir("mixed") + "/db";
  const std::string input = shell_quote(source_path("tests/data/jsonl/mixed-quality.jsonl"));
  const nlohmann::json first = summary_of(run_byline("index --quiet --summary-json --db " + shell_quote(db) + " " + input));
  // Two records share a canonical URL (one carries utm_source): the second replaces the first.
  CHECK(first["added"] == 3);
  CHECK(first["replaced"] == 1);
  CHECK(first["skipped"]["malformed JSON"] == 1);
  CHECK(first["skipped"]["no text"] == 1);
  CHECK(first["skipped"]["not a JSON object"] == 1);
  CHECK(first["notes"]["date: unparseable date"] == 1);
  CHECK(Xapian::Database(db).get_doccount() == 3);

  // Running the same command again replaces every article and adds none.
  const nlohmann::json second = summary_of(run_byline("index --quiet --summary-json --db " + shell_quote(db) + " " + input));
  CHECK(second["added"] == 0);
  CHECK(second["replaced"] == 4);
  CHECK(Xapian::Database(db).get_doccount() == 3);
}

TEST_CASE("index prints one human summary line", "[e2e][index]") {
  const std::string db = scratch_dir("summary") + "/db";
  const CommandResult r = run_byline("index --quiet --db " + shell_quote(db) + " " +
                                     shell_quote(source_path("tests/data/jsonl/mixed-quality.jsonl")));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("indexed 4 articles (3 added, 1 replaced), skipped 3 (1 malformed JSON, 1 no text, 1 not a JSON object) in ", 0) == 0);
  CHECK(r.out.find("docs/s") != std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
}

TEST_CASE("a missing input path is exit code 3 and creates no index", "[e2e][errors]") {
  const std::string dir = scratch_dir("missing");
  const CommandResult r = run_byline("index --quiet --db " + shell_quote(dir + "/db") + " " + shell_quote(dir + "/nope.jsonl"));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("nope.jsonl") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/db"));
}

TEST_CASE("bad command lines are exit code 2", "[e2e][errors]") {
  CHECK(run_byline("").exit_code == 2);
  CHECK(run_byline("index --db").exit_code == 2);
  CHECK(run_byline("index --db x --map colour=hue " + shell_quote(source_path("tests/data/jsonl/mixed-quality.jsonl")))
            .exit_code == 2);
  CHECK(run_byline("frobnicate").exit_code == 2);
  const CommandResult help = run_byline("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Exit codes:") != std::string::npos);
}

TEST_CASE("an index of another schema version is refused with exit code 4", "[e2e][errors]") {
  const std::string db = scratch_dir("schema") + "/db";
  {
    Xapian::WritableDatabase w(db, Xapian::DB_CREATE);
    w.set_metadata(std::string(byline::schema::metadata::kSchemaVersion), "999");
    w.commit();
  }
  const CommandResult r = run_byline("index --quiet --db " + shell_quote(db) + " " +
                                     shell_quote(source_path("tests/data/jsonl/mixed-quality.jsonl")));
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("schema version 999") != std::string::npos);
}

TEST_CASE("a different stemming language for an existing index is refused", "[e2e][errors]") {
  const std::string db = scratch_dir("stem") + "/db";
  const std::string input = shell_quote(source_path("tests/data/jsonl/mixed-quality.jsonl"));
  REQUIRE(run_byline("index --quiet --db " + shell_quote(db) + " " + input).exit_code == 0);
  const CommandResult r = run_byline("index --quiet --language french --db " + shell_quote(db) + " " + input);
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("english") != std::string::npos);
  CHECK(run_byline("index --quiet --language klingon --db " + shell_quote(db + "2") + " " + input).exit_code == 2);
}

TEST_CASE("a locked index is exit code 6", "[e2e][errors]") {
  const std::string db = scratch_dir("locked") + "/db";
  Xapian::WritableDatabase holder(db, Xapian::DB_CREATE);  // this process holds the write lock
  const CommandResult r = run_byline("index --quiet --db " + shell_quote(db) + " " +
                                     shell_quote(source_path("tests/data/jsonl/mixed-quality.jsonl")));
  CHECK(r.exit_code == 6);
  CHECK(r.err.find("locked") != std::string::npos);
}

TEST_CASE("empty and binary files are counted skips", "[e2e][index]") {
  const std::string dir = scratch_dir("badfiles");
  std::filesystem::create_directories(dir + "/in");
  { std::ofstream(dir + "/in/empty.txt"); }
  { std::ofstream(dir + "/in/blob.txt", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16); }
  { std::ofstream(dir + "/in/photo.jpg") << "jpeg"; }
  const nlohmann::json s =
      summary_of(run_byline("index --quiet --summary-json --db " + shell_quote(dir + "/db") + " " + shell_quote(dir + "/in")));
  CHECK(s["added"] == 0);
  CHECK(s["skipped"]["empty file"] == 1);
  CHECK(s["skipped"]["binary file"] == 1);
  CHECK(s["skipped"]["unsupported file type"] == 1);
}

TEST_CASE("compressed input and stdin are read transparently", "[e2e][index]") {
  const std::string dir = scratch_dir("compressed");
  const std::string input = shell_quote(source_path("tests/data/jsonl/mixed-quality.jsonl"));
  REQUIRE(std::system(("gzip -c " + input + " > " + shell_quote(dir + "/a.jsonl.gz")).c_str()) == 0);
  const nlohmann::json gz = summary_of(
      run_byline("index --quiet --summary-json --db " + shell_quote(dir + "/db1") + " " + shell_quote(dir + "/a.jsonl.gz")));
  CHECK(gz["added"] == 3);
  const nlohmann::json piped =
      summary_of(run_byline("index --quiet --summary-json --db " + shell_quote(dir + "/db2") + " - < " + input));
  CHECK(piped["added"] == 3);
}

TEST_CASE("a parallel run of many shards merges within a low limit on open files", "[e2e][index]") {
  // 98 articles in shards of one: a one-pass merge would open 98 databases,
  // about 490 files, where this run may open 200.
  const std::string dir = scratch_dir("open-files");
  const std::string input = shell_quote(source_path("corpus/jsonl/wire-2023-2025.jsonl"));
  const nlohmann::json plain =
      summary_of(run_byline("index --quiet --summary-json --db " + shell_quote(dir + "/plain") + " " + input));
  const nlohmann::json limited = summary_of(run_shell("ulimit -n 200 && " + shell_quote(BYLINE_BINARY) +
                                                      " index --quiet --summary-json --threads 2 --batch-size 1 --db " +
                                                      shell_quote(dir + "/limited") + " " + input));
  CHECK(limited["parallel"]["shards"] == 98);
  CHECK(limited["parallel"]["merge_inputs"] <= 13);  // (200 - 64) / (5 files x 2 merges)
  CHECK(limited["added"] == plain["added"]);
  CHECK(limited["replaced"] == plain["replaced"]);
  for (const char* query : {"", "minister", "section:world", "date:2024"}) {
    INFO("query: " << query);
    const auto count = [&](const std::string& db) {
      return summary_of(run_byline("search --json -n 3 --db " + shell_quote(dir + "/" + db) + " -- " + shell_quote(query)));
    };
    const nlohmann::json a = count("plain"), b = count("limited");
    CHECK(a["total"] == b["total"]);
    CHECK(a["facets"] == b["facets"]);
  }
}
