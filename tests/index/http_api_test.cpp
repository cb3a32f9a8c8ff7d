// The HTTP JSON API without a socket (server/api.h): /api/search answers what
// the searcher answers for the same request, parameters are checked strictly,
// every error is JSON with its status, and the searcher pool follows an
// indexer's commits and serves several threads at once.

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "indexer/index_writer.h"
#include "searcher/render_json.h"
#include "searcher/timeline.h"
#include "server/api.h"
#include "tests/index/generated_archive.h"
#include "tests/support/temp_dir.h"

using namespace byline;
using namespace byline::testing;
using byline::test::TempDir;
using nlohmann::json;

namespace {

// The generated archive's first `count` articles in an on-disk index.
void write_archive(const std::string& path, std::size_t count) {
  IndexWriter writer(path, AnalyzerSettings{});
  Generator gen(20240107);
  for (std::size_t i = 0; i < count; ++i) writer.accept(gen.article(i));
  writer.finish();
}

// The searcher's own answer, rendered, without its timing.
json expected(const Searcher& searcher, SearchRequest request) {
  request.highlight_start = "<b>";
  request.highlight_end = "</b>";
  json j = json::parse(render_json(searcher.search(request)));
  j.erase("took_ms");
  return j;
}

json body_of(const ApiResponse& response) {
  json j = json::parse(response.body);
  j.erase("took_ms");
  return j;
}

struct Fixture {
  TempDir dir{"http-api"};
  std::vector<std::string> log;
  std::unique_ptr<SearcherPool> pool;
  std::unique_ptr<Api> api;
  Fixture() {
    write_archive(dir.str(), 240);
    pool = std::make_unique<SearcherPool>(dir.str());
    api = std::make_unique<Api>(*pool, ApiOptions{}, [this](std::string_view line) { log.emplace_back(line); });
  }
  ApiResponse get(const std::string& path, const ApiParams& params = {}) const { return api->get(path, params); }
};

}  // namespace

TEST_CASE("/api/search answers what the searcher answers for the same request", "[index][server]") {
  const Fixture f;
  const Searcher searcher(f.dir.str());
  const std::string word = kVocabulary[2];

  SearchRequest plain;
  plain.query = word;
  const ApiResponse response = f.get("/api/search", {{"q", word}});
  CHECK(response.status == 200);
  CHECK(body_of(response) == expected(searcher, plain));

  SearchRequest asked;
  asked.query = word + " section:world";
  asked.sort = SortOrder::Newest;
  asked.offset = 3;
  asked.limit = 7;
  asked.facet_fields = {"site", "section", "date"};
  asked.date_granularity = DateGranularity::Year;
  asked.facet_size = 2;
  asked.snippet_chars = 80;
  asked.collapse = false;
  asked.multi_select = false;
  const ApiParams params = {{"q", word + " section:world"}, {"sort", "newest"},    {"offset", "3"},
                            {"limit", "7"},                 {"facets", "site,section,date:year"},
                            {"facet_size", "2"},            {"snippet_chars", "80"}, {"collapse", "0"},
                            {"multi_select", "false"}};
  CHECK(body_of(f.get("/api/search", params)) == expected(searcher, asked));

  // An empty facet list counts none; highlight markers are the caller's.
  const json bare = body_of(f.get("/api/search", {{"q", word}, {"facets", ""}, {"hl_start", "\x02"}, {"hl_end", "\x03"}}));
  CHECK(bare["facets"].is_null());
  REQUIRE_FALSE(bare["hits"].empty());
  CHECK(bare["hits"][0]["snippet"].get<std::string>().find('\x02') != std::string::npos);

  // No query: every article, as the searcher counts them.
  CHECK(body_of(f.get("/api/search", {{"limit", "0"}}))["total"]["value"] == 240);
}

TEST_CASE("/api/search refuses unknown, repeated and out-of-range parameters with a JSON 400", "[index][server]") {
  const Fixture f;
  const auto refused = [&](const ApiParams& params, const std::string& words) {
    const ApiResponse r = f.get("/api/search", params);
    INFO(r.body);
    CHECK(r.status == 400);
    const json j = json::parse(r.body);
    CHECK(j["error"]["kind"] == "usage");
    CHECK(j["error"]["message"].get<std::string>().find(words) != std::string::npos);
  };
  refused({{"q", "x"}, {"sotr", "newest"}}, "unknown parameter 'sotr'");
  refused({{"q", "x"}, {"q", "y"}}, "'q' given more than once");
  refused({{"limit", "101"}}, "'limit': expected a whole number from 0 to 100");
  refused({{"limit", "-1"}}, "'limit'");
  refused({{"limit", "5x"}}, "'limit'");
  refused({{"offset", "20000"}}, "'offset'");
  refused({{"sort", "random"}}, "parameter 'sort' 'random'");
  refused({{"facets", "section,date:week"}}, "date:week");
  refused({{"facets", "colour"}}, "colour");
  refused({{"collapse", "maybe"}}, "'collapse'");
  refused({{"half_life", "soon"}}, "'half_life'");
  refused({{"tz", "Mars"}}, "parameter 'tz' 'Mars'");
  refused({{"now", "soon"}}, "parameter 'now' 'soon'");
  refused({{"hl_start", std::string(65, '<')}}, "64 bytes");
  refused({{"sort", "new\xff"}}, "parameter 'sort' 'new\xef\xbf\xbd'");  // invalid UTF-8 quoted as U+FFFD

  const ApiResponse syntax = f.get("/api/search", {{"q", "title:(harbour"}});
  CHECK(syntax.status == 400);
  CHECK(json::parse(syntax.body)["error"]["kind"] == "query syntax");
  CHECK(f.log.empty());  // bad requests are the client's, not the log's
}

TEST_CASE("/api/timeline answers what the timeline of the same request gives", "[index][server]") {
  const Fixture f;
  const Searcher searcher(f.dir.str());
  TimelineRequest request;
  request.query = kVocabulary[3];
  request.granularity = DateGranularity::Month;
  request.by = "section";
  request.series = 2;
  const ApiResponse response = f.get("/api/timeline", {{"q", kVocabulary[3]}, {"period", "month"}, {"by", "section"}, {"series", "2"}});
  REQUIRE(response.status == 200);
  CHECK(json::parse(response.body) == json::parse(render_timeline_json(build_timeline(searcher, request))));
  const json j = json::parse(response.body);
  CHECK(j["series"].size() == 2);
  CHECK(j["series"][0]["counts"].size() == j["buckets"].size());

  CHECK(f.get("/api/timeline", {{"by", "author"}}).status == 400);
  CHECK(f.get("/api/timeline", {{"period", "week"}}).status == 400);
  CHECK(f.get("/api/timeline", {{"series", "51"}}).status == 400);
}

TEST_CASE("/api/article, /api/info, /api/health and unknown routes", "[index][server]") {
  const Fixture f;
  const json first_hit = json::parse(f.get("/api/search", {{"limit", "1"}, {"sort", "newest"}}).body)["hits"][0];
  const ApiResponse article = f.get("/api/article", {{"id", first_hit["id"]}});
  REQUIRE(article.status == 200);
  const json stored = json::parse(article.body);
  CHECK(stored["id"] == first_hit["id"]);
  CHECK(stored["title"] == first_hit["title"]);
  CHECK(stored["body"].get<std::string>().size() > 0);
  CHECK_FALSE(stored.contains("rank"));

  const ApiResponse missing = f.get("/api/article", {{"id", "no-such-id"}});
  CHECK(missing.status == 404);
  CHECK(json::parse(missing.body)["error"]["kind"] == "not found");
  CHECK(f.get("/api/article").status == 400);

  const json info = json::parse(f.get("/api/info").body);
  CHECK(info["articles"] == 240);
  CHECK(info["path"] == f.dir.str());
  CHECK(json::parse(f.get("/api/health").body) == json{{"status", "ok"}, {"articles", 240}});
  CHECK(f.get("/api/health", {{"verbose", "1"}}).status == 400);

  const ApiResponse unknown = f.get("/api/nothing");
  CHECK(unknown.status == 404);
  CHECK(json::parse(unknown.body)["error"]["message"] == "no route /api/nothing");
}

TEST_CASE("the searcher pool follows the indexer's commits and serves threads at once", "[index][server]") {
  Fixture f;
  CHECK(json::parse(f.get("/api/health").body)["articles"] == 240);
  {
    IndexWriter writer(f.dir.str(), AnalyzerSettings{});
    Generator gen(99);
    for (std::size_t i = 1000; i < 1010; ++i) writer.accept(gen.article(i));
    writer.finish();
  }
  CHECK(json::parse(f.get("/api/health").body)["articles"] == 250);

  // Eight threads at once get the single-threaded answer every time.
  const ApiParams params = {{"q", kVocabulary[4]}, {"facets", "section,site,date"}};
  const json alone = body_of(f.get("/api/search", params));
  std::atomic<int> differing{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i)
        if (body_of(f.get("/api/search", params)) != alone) ++differing;
    });
  for (std::thread& t : threads) t.join();
  CHECK(differing == 0);
  CHECK(f.pool->opened() >= 1);
  CHECK(f.pool->opened() <= 9);  // at most one per thread, plus the first
}
