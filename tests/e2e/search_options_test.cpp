// End-to-end: the search options a user reaches for beyond a plain query —
// export (--format jsonl|csv, --all, --fields), relative dates (--tz, --now),
// extra facets (--facets), ranking (--sort recency), related articles
// (--like), wire copies (--no-collapse) and `byline timeline` — run through
// the real executable on the bundled corpus.

#include <algorithm>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/corpus_index.h"
#include "support/run_command.h"

using namespace byline::test;
using nlohmann::json;

namespace {

CommandResult byline_on_corpus(const std::string& command, const std::string& args) {
  const CommandResult r = run_byline(command + " --db " + shell_quote(corpus_db()) + " " + args);
  INFO(command << " " << args << "\nstderr: " << r.err);
  return r;
}

json search_json(const std::string& args) {
  const CommandResult r = byline_on_corpus("search", "--json " + args);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

std::vector<json> jsonl_rows(const std::string& text) {
  std::vector<json> rows;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) rows.push_back(json::parse(line));
  return rows;
}

std::vector<std::string> hit_ids(const json& result) {
  std::vector<std::string> ids;
  for (const json& h : result["hits"]) ids.push_back(h["id"]);
  return ids;
}

// RFC 4180 records: quoted fields may hold commas, doubled quotes and line
// breaks; records end with CRLF.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(field), field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      record.push_back(field), field.clear();
      records.push_back(record), record.clear();
      ++i;
    } else {
      field += c;
    }
  }
  REQUIRE(field.empty());
  REQUIRE(record.empty());  // the last record ended with CRLF
  return records;
}

}  // namespace

TEST_CASE("export: --all --format jsonl streams every match with its stored fields", "[e2e][export]") {
  const json page = search_json("--no-collapse --no-facets --sort newest -n 1000 monsoon");
  const std::vector<std::string> expected = hit_ids(page);
  REQUIRE(expected.size() >= 10);  // corpus/README.md: monsoon is in many articles

  const CommandResult r = byline_on_corpus("search", "--format jsonl --all --sort newest monsoon");
  REQUIRE(r.exit_code == 0);
  const std::vector<json> rows = jsonl_rows(r.out);
  REQUIRE(rows.size() == expected.size());
  std::string previous_utc = "9999";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO("row " << i);
    CHECK(rows[i]["id"] == expected[i]);  // the same order as the search
    CHECK(rows[i]["rank"] == i + 1);
    CHECK_FALSE(rows[i]["body"].get<std::string>().empty());
    for (const char* key : {"title", "date", "date_utc", "section", "site", "authors", "agency", "url", "story"})
      CHECK(rows[i].contains(key));
    if (rows[i]["date_utc"].is_string()) {
      CHECK(rows[i]["date_utc"].get<std::string>() <= previous_utc);  // newest first (ISO UTC sorts as time does)
      previous_utc = rows[i]["date_utc"];
    }
  }
}

TEST_CASE("export: every sort order gives the rows a full search would, in its order", "[e2e][export]") {
  for (const std::string sort : {"relevance", "newest", "oldest", "recency"}) {
    for (const std::string query : {"court OR election", "section:india", "kestrapur -relief"}) {
      INFO(sort << " [" << query << "]");
      const json page = search_json("--no-collapse --no-facets -n 1000 --sort " + sort + " " + shell_quote(query));
      const CommandResult r =
          byline_on_corpus("search", "--format jsonl --all --fields id --sort " + sort + " " + shell_quote(query));
      REQUIRE(r.exit_code == 0);
      std::vector<std::string> ids;
      for (const json& row : jsonl_rows(r.out)) {
        CHECK(row.size() == 1);  // --fields id
        ids.push_back(row["id"]);
      }
      CHECK(ids == hit_ids(page));
    }
  }
}

TEST_CASE("export: --all without a query is the whole archive, newest first, undated last", "[e2e][export]") {
  const CommandResult info = byline_on_corpus("info", "--json");
  REQUIRE(info.exit_code == 0);
  const std::uint64_t articles = json::parse(info.out)["articles"];
  const CommandResult r = byline_on_corpus("search", "--format jsonl --all --fields id,date_utc");
  REQUIRE(r.exit_code == 0);
  const std::vector<json> rows = jsonl_rows(r.out);
  CHECK(rows.size() == articles);
  std::set<std::string> ids;
  bool undated_seen = false;
  for (const json& row : rows) {
    ids.insert(row["id"].get<std::string>());
    if (row["date_utc"].is_null()) undated_seen = true;
    else CHECK_FALSE(undated_seen);  // no dated row after an undated one
  }
  CHECK(ids.size() == rows.size());  // nothing twice
  CHECK(undated_seen);               // corpus/README.md: the bbc-style files have no date
}

TEST_CASE("export: CSV has a header, RFC 4180 quoting and the JSONL's values", "[e2e][export]") {
  const std::string fields = "rank,id,date,title,authors,section";
  const CommandResult csv = byline_on_corpus("search", "--format csv --all --fields " + fields + " court");
  const CommandResult jsonl = byline_on_corpus("search", "--format jsonl --all --fields " + fields + " court");
  REQUIRE(csv.exit_code == 0);
  REQUIRE(jsonl.exit_code == 0);
  const auto records = parse_csv(csv.out);
  const std::vector<json> rows = jsonl_rows(jsonl.out);
  REQUIRE(records.size() == rows.size() + 1);
  CHECK(records[0] == std::vector<std::string>{"rank", "id", "date", "title", "authors", "section"});
  bool quoted_title = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& rec = records[i + 1];
    REQUIRE(rec.size() == 6);
    CHECK(rec[0] == std::to_string(rows[i]["rank"].get<int>()));
    CHECK(rec[1] == rows[i]["id"]);
    CHECK(rec[2] == (rows[i]["date"].is_null() ? "" : rows[i]["date"].get<std::string>()));
    CHECK(rec[3] == rows[i]["title"]);
    std::string authors;
    for (const json& a : rows[i]["authors"]) authors += (authors.empty() ? "" : "; ") + a.get<std::string>();
    CHECK(rec[4] == authors);
    CHECK(rec[5] == rows[i]["section"]);
    if (rec[3].find(',') != std::string::npos) quoted_title = true;
  }
  CHECK(quoted_title);  // at least one title needed quoting, so quoting was exercised
}

TEST_CASE("export: a page with --format jsonl, and the usage errors", "[e2e][export]") {
  const CommandResult page = byline_on_corpus("search", "--format jsonl -n 3 --offset 2 --fields rank,id monsoon");
  REQUIRE(page.exit_code == 0);
  const std::vector<json> rows = jsonl_rows(page.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["rank"] == 3);
  CHECK(hit_ids(search_json("-n 3 --offset 2 --no-facets monsoon")) ==
        std::vector<std::string>{rows[0]["id"], rows[1]["id"], rows[2]["id"]});

  for (const char* bad : {"--all monsoon", "--format text --all monsoon", "--format csv --fields id,colour monsoon",
                          "--fields id monsoon", "--json --format csv monsoon"}) {
    INFO(bad);
    const CommandResult r = byline_on_corpus("search", bad);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
    CHECK(r.out.empty());
  }
}

TEST_CASE("relative dates follow --tz and --now, with local-day filing", "[e2e][dates]") {
  // corpus/README.md: wire lines 11 and 12 were published 02:10 and 02:35 IST
  // on 18 July 2023 (17 July in UTC): filed on the 18th.
  const json ist = search_json("--no-collapse --no-facets --tz +05:30 --now 2023-07-19T01:00:00+05:30 date:yesterday");
  CHECK(ist["total"]["value"] == 2);
  for (const json& h : ist["hits"]) CHECK(h["date"].get<std::string>().substr(0, 10) == "2023-07-18");
  // In UTC "yesterday" is 17 July: nothing is filed on that day.
  const json utc = search_json("--no-collapse --no-facets --tz UTC --now 2023-07-18T20:00:00Z date:yesterday");
  CHECK(utc["total"]["value"] == 0);
  const json week = search_json("--no-facets --tz IST --now 2023-07-19T01:00:00+05:30 date:last-7-days");
  CHECK(week["total"]["value"].get<int>() >= 2);
  const CommandResult bad = byline_on_corpus("search", "--tz Mars/Olympus date:today");
  CHECK(bad.exit_code == 2);
}

TEST_CASE("facets: --facets counts site, agency, author and language over all matches", "[e2e][facets]") {
  const json r = search_json("--no-collapse -n 0 --facets lang,site,agency,author,section --facet-size 50 kestrapur");
  const std::uint64_t total = r["total"]["value"];
  REQUIRE(total > 5);
  const json& facets = r["facets"];
  for (const char* key : {"lang", "site", "agency", "author", "section"}) CHECK(facets.contains(key));
  // Every matching article has exactly one language, so the language counts add up to the total.
  std::uint64_t langs = 0;
  for (const json& v : facets["lang"]) langs += v["count"].get<std::uint64_t>();
  CHECK(langs == total);
  // Filtering by the top site gives that site's count as the total, and the
  // site facet (multi-select) still lists the other sites.
  const std::string top_site = facets["site"][0]["value"];
  const std::uint64_t top_count = facets["site"][0]["count"];
  const json filtered =
      search_json("--no-collapse -n 0 --facets site " + shell_quote("kestrapur site:" + top_site));
  CHECK(filtered["total"]["value"] == top_count);
  CHECK(filtered["facets"]["site"].size() == facets["site"].size());
  CHECK(filtered["facets"]["multi_select"].size() == 1);
  // --no-multi-select: the site facet counts the matches, which are all on that site.
  const json plain =
      search_json("--no-collapse --no-multi-select -n 0 --facets site " + shell_quote("kestrapur site:" + top_site));
  REQUIRE(plain["facets"]["site"].size() == 1);
  CHECK(plain["facets"]["site"][0]["count"] == top_count);
  CHECK(plain["facets"]["multi_select"].empty());
}

TEST_CASE("ranking: --sort recency favours new articles and equals relevance with an infinite half-life", "[e2e][ranking]") {
  const json relevance = search_json("--no-facets -n 50 monsoon");
  const json infinite = search_json("--no-facets -n 50 --sort recency --half-life inf monsoon");
  CHECK(hit_ids(infinite) == hit_ids(relevance));
  const json recency = search_json("--no-facets -n 5 --sort recency --half-life 30d --recency-weight 50 monsoon");
  const json newest = search_json("--no-facets -n 5 --sort newest monsoon");
  // With a heavy recency weight the newest matching article comes first.
  CHECK(recency["hits"][0]["id"] == newest["hits"][0]["id"]);
  CHECK(byline_on_corpus("search", "--sort recency --half-life 0d monsoon").exit_code == 2);
}

TEST_CASE("copies: --no-collapse shows every wire copy; collapsed hits list them", "[e2e][copies]") {
  const json collapsed = search_json("--no-facets -n 100 nalvani");
  const json all = search_json("--no-facets -n 100 --no-collapse nalvani");
  CHECK(collapsed["stories"]["collapsed"] == true);
  CHECK(all["hits"].size() > collapsed["hits"].size());
  std::uint64_t represented = 0;
  for (const json& h : collapsed["hits"]) {
    const std::uint64_t similar = h["similar"];
    represented += 1 + similar;
    // docs/json-output.md: every copy including the hit itself, when there are others.
    CHECK(h["copies"].size() == (similar > 0 ? similar + 1 : 0));
  }
  CHECK(represented == all["hits"].size());  // every copy is accounted for by one hit
}

TEST_CASE("like: --like finds related articles, never the article itself or its copies", "[e2e][like]") {
  const json seed = search_json("--no-facets -n 1 \"nalvani kestrapur evacuation\"");
  const std::string id = seed["hits"][0]["id"];
  const json like = search_json("--no-facets -n 10 --like " + id);
  CHECK(like["like"] == id);
  REQUIRE_FALSE(like["hits"].empty());
  const std::vector<std::string> ids = hit_ids(like);
  CHECK(std::find(ids.begin(), ids.end(), id) == ids.end());
  for (const json& copy : seed["hits"][0]["copies"])
    CHECK(std::find(ids.begin(), ids.end(), copy["id"].get<std::string>()) == ids.end());
  // The closest article is about the same river.
  CHECK_THAT(like["hits"][0]["title"].get<std::string>() + like["hits"][0]["snippet"].get<std::string>(),
             Catch::Contains("Nalvani") || Catch::Contains("Kestrapur"));
  CHECK(byline_on_corpus("search", "--like no-such-id").exit_code == 2);
}

TEST_CASE("timeline: per-period counts as JSON, CSV and bars agree with the search", "[e2e][timeline]") {
  const json found = search_json("--no-collapse -n 0 --facets date:year monsoon");
  const CommandResult j = byline_on_corpus("timeline", "--json --period year monsoon");
  REQUIRE(j.exit_code == 0);
  const json timeline = json::parse(j.out);
  CHECK(timeline["granularity"] == "year");
  REQUIRE(timeline["series"].size() == 1);
  const json& counts = timeline["series"][0]["counts"];
  REQUIRE(counts.size() == timeline["buckets"].size());
  for (std::size_t i = 0; i < counts.size(); ++i) {
    INFO(timeline["buckets"][i]);
    CHECK(counts[i] == found["facets"]["date"][i]["count"]);
    CHECK(timeline["buckets"][i] == found["facets"]["date"][i]["value"]);
  }

  // --by section: one series per section, adding up to the whole per bucket.
  const CommandResult csv = byline_on_corpus("timeline", "--csv --by section --series 50 --period year monsoon");
  REQUIRE(csv.exit_code == 0);
  std::istringstream lines(csv.out);
  std::string header;
  std::getline(lines, header);
  CHECK(header.rfind("bucket,", 0) == 0);
  std::size_t row = 0;
  for (std::string line; std::getline(lines, line); ++row) {
    std::istringstream cells(line);
    std::string cell;
    std::getline(cells, cell, ',');
    CHECK(cell == timeline["buckets"][row]);
    std::uint64_t sum = 0;
    while (std::getline(cells, cell, ',')) sum += std::stoull(cell);
    // Articles without a section are in no series.
    CHECK(sum <= counts[row].get<std::uint64_t>());
  }
  CHECK(row == counts.size());

  const CommandResult bars = byline_on_corpus("timeline", "--period year monsoon");
  REQUIRE(bars.exit_code == 0);
  CHECK_THAT(bars.out, Catch::Contains("articles for 'monsoon' by year"));
  CHECK_THAT(bars.out, Catch::Contains("#"));
  CHECK(byline_on_corpus("timeline", "--json --csv monsoon").exit_code == 2);
}

TEST_CASE("limits: --max-query-bytes and --max-window move the search limits", "[e2e][limits]") {
  std::string long_query;
  while (long_query.size() < 5000) long_query += "monsoon ";
  const CommandResult refused = byline_on_corpus("search", "--no-facets " + shell_quote(long_query));
  CHECK(refused.exit_code == 5);
  CHECK_THAT(refused.err, Catch::Contains("the limit is 4096"));
  CHECK(byline_on_corpus("search", "--no-facets --max-query-bytes 8000 " + shell_quote(long_query)).exit_code == 0);

  CHECK(byline_on_corpus("search", "--no-facets --offset 10 -n 10 monsoon").exit_code == 0);
  const CommandResult window = byline_on_corpus("search", "--no-facets --offset 10 -n 10 --max-window 15 monsoon");
  CHECK(window.exit_code == 2);
  CHECK_THAT(window.err, Catch::Contains("over the limit of 15"));
}
