// End-to-end: the real `byline index` and `byline extract` over the damaged
// inputs of tests/data/bad/ (README.md there says what each file holds). Each
// case checks the exact skip and note counts of the summary, that the good
// records around the bad ones are found by `byline search`, that the records
// the damage cost are not, and the exit code docs/limits.md documents (0:
// damage in the input is counted, not an error; 2: a bad limit flag).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/run_command.h"

using namespace byline::test;
using Counts = std::map<std::string, std::uint64_t>;

namespace {

std::string bad(const std::string& name) { return shell_quote(source_path("tests/data/bad/" + name)); }

struct Run {
  nlohmann::json summary;
  std::string db;
};

// Indexes `inputs` (already quoted) into a fresh database; requires exit 0.
Run index(const std::string& name, const std::string& inputs, const std::string& flags = "") {
  Run run;
  run.db = scratch_dir("bad-" + name) + "/db";
  const CommandResult r =
      run_byline("index --quiet --summary-json --db " + shell_quote(run.db) + " " + flags + " " + inputs);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  run.summary = nlohmann::json::parse(r.out);
  return run;
}

Counts counts(const nlohmann::json& object) { return object.get<Counts>(); }

// Matches for one marker word in the database.
std::uint64_t hits(const Run& run, const std::string& marker) {
  const CommandResult r = run_byline("search --json --db " + shell_quote(run.db) + " " + marker);
  INFO("search " << marker << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out)["total"]["value"].get<std::uint64_t>();
}

void require_found(const Run& run, const std::vector<std::string>& markers) {
  for (const std::string& marker : markers) {
    INFO("marker " << marker);
    CHECK(hits(run, marker) == 1);
  }
}

void require_absent(const Run& run, const std::vector<std::string>& markers) {
  for (const std::string& marker : markers) {
    INFO("marker " << marker);
    CHECK(hits(run, marker) == 0);
  }
}

}  // namespace

TEST_CASE("bad inputs: truncated gzip and zstd keep the records before the cut", "[e2e][bad]") {
  SECTION("gzip") {
    const Run run = index("trunc-gz", bad("truncated.jsonl.gz"));
    CHECK(run.summary["added"] == 2);
    CHECK(counts(run.summary["skipped"]) == Counts{{"unreadable input", 1}});
    require_found(run, {"gzgoodalpha", "gzgoodbravo"});
    require_absent(run, {"gzlostdelta"});
  }
  SECTION("zstd") {
    const Run run = index("trunc-zst", bad("truncated.jsonl.zst"));
    CHECK(run.summary["added"] == 2);
    CHECK(counts(run.summary["skipped"]) == Counts{{"unreadable input", 1}});
    require_found(run, {"zstgoodalpha", "zstgoodbravo"});
    require_absent(run, {"zstlostdelta"});
  }
  SECTION("a truncated .warc.gz member costs only its record") {
    const Run run = index("trunc-warc", bad("truncated.warc.gz"));
    CHECK(run.summary["added"] == 2);
    CHECK(counts(run.summary["skipped"]) == Counts{{"warc: truncated record", 1}});
    CHECK(counts(run.summary["notes"]) == Counts{{"gzip: truncated member", 1}});
    require_found(run, {"gzwarcgoodone", "gzwarcgoodtwo"});
    require_absent(run, {"gztrunclost"});
  }
  SECTION("the run goes on with the next input") {
    const Run run = index("trunc-next", bad("truncated.jsonl.gz") + " " + bad("bad-dates.jsonl"));
    CHECK(run.summary["added"] == 2 + 8);
    require_found(run, {"gzgoodbravo", "dategoodfirst"});
  }
}

TEST_CASE("bad inputs: decompression bombs are refused with a counted skip", "[e2e][bad][limits]") {
  SECTION("HTTP Content-Encoding gzip, gzip") {
    const Run run = index("bomb-http", bad("bomb-http.warc"));
    CHECK(run.summary["added"] == 2);
    CHECK(counts(run.summary["skipped"]) == Counts{{"http: decompression limit", 1}});
    require_found(run, {"httpbombbefore", "httpbombafter"});
  }
  SECTION("a .warc.gz member") {
    const Run run = index("bomb-member", bad("bomb-member.warc.gz"));
    CHECK(run.summary["added"] == 2);
    CHECK(counts(run.summary["skipped"]) == Counts{{"warc: truncated record", 1}});
    CHECK(counts(run.summary["notes"]) == Counts{{"gzip: decompression limit", 1}});
    require_found(run, {"memberbombbefore", "memberbombafter"});
  }
  SECTION("a .jsonl.gz member and a .jsonl.zst frame: the rest of the file is one skip") {
    const Run run = index("bomb-stream", bad("bomb.jsonl.gz") + " " + bad("bomb.jsonl.zst"));
    CHECK(run.summary["added"] == 2);
    CHECK(counts(run.summary["skipped"]) == Counts{{"input: decompression limit", 2}});
    require_found(run, {"gzbombbefore", "zstbombbefore"});
    require_absent(run, {"gzbombafter", "zstbombafter"});
  }
  SECTION("--max-decode-ratio 0 turns the ratio check off; the size limits still hold") {
    const Run run = index("bomb-off", bad("bomb.jsonl.gz") + " " + bad("bomb-member.warc.gz"), "--max-decode-ratio 0");
    // The 16 MiB of spaces before the last JSONL record are white space the
    // JSON parser skips; the 32 MiB WARC record inflates to a page of spaces.
    CHECK(run.summary["added"] == 4);
    CHECK(counts(run.summary["skipped"]) == Counts{{"empty page", 1}});
    CHECK(run.summary["notes"].empty());
    require_found(run, {"gzbombafter", "memberbombafter"});
  }
  SECTION("--max-decoded-bytes bounds every HTTP payload") {
    const Run run = index("decoded", bad("garbage-between.warc"), "--max-decoded-bytes 1K");
    CHECK(run.summary["added"] == 0);
    CHECK(counts(run.summary["skipped"]) == Counts{{"http: decompression limit", 3}});
  }
}

TEST_CASE("bad inputs: corrupt and lying WARC headers", "[e2e][bad]") {
  const Run run = index("warc-headers", bad("corrupt-headers.warc"));
  CHECK(run.summary["added"] == 5);
  CHECK(counts(run.summary["skipped"]) == Counts{{"warc: bad Content-Length", 1},
                                                 {"warc: missing Content-Length", 1},
                                                 {"warc: truncated record", 1}});
  CHECK(counts(run.summary["notes"]) == Counts{{"warc: Content-Length too long", 1},
                                               {"warc: Content-Length too short", 1}});
  // A length longer than the block is cut at the next record; a shorter one
  // still delivers the page as declared: both are indexed.
  require_found(run, {"warcgoodone", "warcgoodtwo", "warcgoodthree", "warclonglen", "warcshortlen"});
  require_absent(run, {"warcnotnumber", "warcnolength", "warcpastend"});
}

TEST_CASE("bad inputs: garbage between WARC records", "[e2e][bad]") {
  const Run run = index("warc-garbage", bad("garbage-between.warc"));
  CHECK(run.summary["added"] == 3);
  CHECK(run.summary["skipped"].empty());
  CHECK(counts(run.summary["notes"]) == Counts{{"warc: garbage between records", 2}});
  require_found(run, {"garbgoodone", "garbgoodtwo", "garbgoodthree"});
}

TEST_CASE("bad inputs: invalid UTF-8 and NUL bytes", "[e2e][bad]") {
  SECTION("JSONL") {
    const Run run = index("utf8-jsonl", bad("invalid-utf8.jsonl"));
    CHECK(run.summary["added"] == 5);
    CHECK(counts(run.summary["skipped"]) == Counts{{"malformed JSON", 1}});  // the raw NUL
    CHECK(counts(run.summary["notes"]) == Counts{{"invalid UTF-8 repaired", 1}});
    require_found(run, {"utfgoodfirst", "utfrepaired", "utfescapednul", "utfcontrols", "utfgoodlast"});
    require_absent(run, {"utfrawnul"});
  }
  SECTION("HTML: the charset reader decides, the page is indexed") {
    const Run run = index("utf8-html", bad("invalid-utf8.html"));
    CHECK(run.summary["added"] == 1);
    CHECK(run.summary["skipped"].empty());
    require_found(run, {"htmlbadbytes"});
  }
  SECTION("a text dump with NUL bytes is a binary file") {
    const Run run = index("nul-text", bad("nul-bytes.txt"));
    CHECK(run.summary["added"] == 0);
    CHECK(counts(run.summary["skipped"]) == Counts{{"binary file", 1}});
  }
}

TEST_CASE("bad inputs: JSON with wrong types and huge numbers", "[e2e][bad]") {
  const Run run = index("types", bad("wrong-types.jsonl"));
  CHECK(run.summary["added"] == 7);
  CHECK(counts(run.summary["skipped"]) ==
        Counts{{"malformed JSON", 2}, {"no text", 1}, {"not a JSON object", 1}});
  CHECK(counts(run.summary["notes"]) == Counts{{"date: empty date", 1}, {"date: out of range", 1}});
  require_found(run, {"typegoodfirst", "typenumbertitle", "typeobjecttitle", "typebooldate", "typelistauthor",
                      "typehugeint", "typegoodlast"});
  require_absent(run, {"typehugefloat", "typeunclosed"});
}

TEST_CASE("bad inputs: dates out of range are dropped with a note, the article kept", "[e2e][bad]") {
  const Run run = index("dates", bad("bad-dates.jsonl"));
  CHECK(run.summary["added"] == 8);
  CHECK(run.summary["skipped"].empty());
  CHECK(counts(run.summary["notes"]) ==
        Counts{{"date: unparseable date", 1}, {"date: date out of range", 2}, {"date: out of range", 2}});
  require_found(run, {"dategoodfirst", "dateyear99999", "datemonth13", "datefeb30", "datenegepoch",
                      "datehugeepoch", "datenegsmall", "dategoodlast"});
  // Only the two valid dates are filed under a day.
  const CommandResult r = run_byline("search --json --db " + shell_quote(run.db) + " date:1969-12-31");
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["total"]["value"] == 1);
}

TEST_CASE("bad inputs: deeply nested and enormous HTML", "[e2e][bad][limits]") {
  SECTION("2000 nested divs are flattened at the depth limit, the text kept") {
    const Run run = index("deep", bad("deep-nesting.html"));
    CHECK(run.summary["added"] == 1);
    CHECK(counts(run.summary["notes"]) == Counts{{"html: nesting too deep, tags flattened", 1}});
    require_found(run, {"htmldeepnest"});
  }
  SECTION("an enormous page is skipped whole, the pages around it kept") {
    const std::string dir = scratch_dir("bad-enormous-input");
    {
      std::ofstream page(dir + "/enormous.html", std::ios::binary);
      page << "<!doctype html><html><head><title>Enormous</title></head><body><article><h1>Huge</h1>";
      const std::string paragraph = "<p>enormouspage filler sentence that repeats until the page is too large.</p>\n";
      for (std::size_t written = 0; written <= (33u << 20); written += paragraph.size()) page << paragraph;
      page << "</article></body></html>\n";
    }
    const Run run = index("enormous", shell_quote(dir + "/enormous.html") + " " + bad("deep-nesting.html"));
    CHECK(run.summary["added"] == 1);
    CHECK(counts(run.summary["skipped"]) == Counts{{"file too large", 1}});
    require_found(run, {"htmldeepnest"});
    require_absent(run, {"enormouspage"});
  }
  SECTION("--max-page-bytes applies to pages inside a WARC too") {
    const Run run = index("warc-page", bad("garbage-between.warc"), "--max-page-bytes 1K");
    CHECK(run.summary["added"] == 0);
    CHECK(counts(run.summary["skipped"]) == Counts{{"page too large", 3}});
  }
}

TEST_CASE("bad inputs: over-long fields are cut with a note, an over-long URL skipped", "[e2e][bad][limits]") {
  SECTION("defaults") {
    const Run run = index("fields", bad("long-fields.jsonl"));
    CHECK(run.summary["added"] == 4);
    CHECK(counts(run.summary["skipped"]) == Counts{{"limit: url too long", 1}});
    CHECK(counts(run.summary["notes"]) == Counts{{"limit: authors dropped", 1}, {"limit: title truncated", 1}});
    require_found(run, {"longgoodfirst", "longtitle", "longauthors", "longgoodlast"});
    require_absent(run, {"longurl"});
  }
  SECTION("lowered by flags") {
    const Run run = index("fields-low", bad("long-fields.jsonl"), "--max-field-bytes 64 --max-body-bytes 300 --max-terms 40");
    CHECK(run.summary["added"] == 4);
    CHECK(counts(run.summary["notes"]) == Counts{{"limit: authors dropped", 1},
                                                 {"limit: body truncated", 4},
                                                 {"limit: title truncated", 1},
                                                 {"limit: too many terms, body truncated", 3}});
    // The body now ends within its first paragraph: the marker in the title
    // is found, words from the last paragraph are not.
    require_found(run, {"longgoodfirst"});
    CHECK(hits(run, "slipway") == 0);
  }
  SECTION("byline extract prints what would be indexed") {
    const CommandResult r = run_byline("extract --json --max-field-bytes 64 " + bad("long-fields.jsonl"));
    REQUIRE(r.exit_code == 0);
    std::vector<nlohmann::json> articles;
    std::size_t start = 0;
    for (std::size_t nl; (nl = r.out.find('\n', start)) != std::string::npos; start = nl + 1)
      articles.push_back(nlohmann::json::parse(r.out.substr(start, nl - start)));
    REQUIRE(articles.size() == 4);
    for (const nlohmann::json& a : articles) CHECK(a["title"].get<std::string>().size() <= 64);
    // The title of two-byte characters is cut between characters, not inside one.
    CHECK(articles[1]["title"].get<std::string>().size() == 63);
    CHECK(articles[2]["authors"].size() == 64);
    CHECK(r.err.find("skipped: limit: url too long: ") != std::string::npos);
    CHECK(r.err.find("note: limit: title truncated: ") != std::string::npos);
  }
}

TEST_CASE("bad inputs: --max-record-bytes skips large WARC records and JSONL lines", "[e2e][bad][limits]") {
  const Run run = index("records", bad("corrupt-headers.warc") + " " + bad("invalid-utf8.jsonl"),
                        "--max-record-bytes 500");
  // Every WARC page and every JSONL line is over 500 bytes.
  CHECK(run.summary["added"] == 0);
  const Counts skipped = counts(run.summary["skipped"]);
  CHECK(skipped.at("warc: record over size limit") == 6);
  CHECK(skipped.at("warc: bad Content-Length") == 1);
  CHECK(skipped.at("warc: missing Content-Length") == 1);
  CHECK(skipped.at("line too long") == 6);
}

TEST_CASE("bad inputs: byline extract reports the same skips", "[e2e][bad]") {
  const CommandResult r = run_byline("extract --json " + bad("corrupt-headers.warc") + " " + bad("bomb-http.warc"));
  REQUIRE(r.exit_code == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 5 + 2);
  for (const char* line : {"skipped: warc: bad Content-Length: ", "skipped: warc: missing Content-Length: ",
                           "skipped: warc: truncated record: ", "skipped: http: decompression limit: ",
                           "note: warc: Content-Length too long: ", "note: warc: Content-Length too short: "}) {
    INFO(line);
    CHECK(r.err.find(line) != std::string::npos);
  }
}

TEST_CASE("bad inputs: bad limit flags are usage errors", "[e2e][bad][limits][errors]") {
  const std::string input = fmt::format(" {}", bad("bad-dates.jsonl"));
  const std::string db = " --db " + shell_quote(scratch_dir("bad-flags") + "/db");
  CHECK(run_byline("index" + db + " --max-terms 0" + input).exit_code == 2);
  CHECK(run_byline("index" + db + " --max-html-depth 1000" + input).exit_code == 2);
  CHECK(run_byline("index" + db + " --max-record-bytes 12parsecs" + input).exit_code == 2);
  CHECK(run_byline("extract --max-body-bytes 0" + input).exit_code == 2);
  // Sizes take units.
  CHECK(run_byline("extract --json --max-record-bytes 1MiB --max-page-bytes 2M" + input).exit_code == 0);
}
