// Query-language completions: relative dates read against a fixed clock in a
// stated zone (local-day semantics at the day boundary), url:, exact matching,
// and the documented limits (query length, result window).

#include <catch2/catch.hpp>

#include "common/errors.h"
#include "searcher/date_filter.h"
#include "searcher/query_builder.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"

using namespace byline;
using namespace byline::testing;

namespace {

const Xapian::WritableDatabase& small_db() {
  static const Xapian::WritableDatabase db = make_database({
      handmade("Flood relief reaches the valley", "Volunteers carried supplies.", "India News",
               DateTime::from_local({2023, 11, 20}, 9, 0, 0, kIst), "a"),
      // 00:30 IST on 7 January: 6 January in UTC, 7 January on the page.
      handmade("Markets rally", "Shares rose.", "Business", DateTime::from_local({2024, 1, 7}, 0, 30, 0, kIst), "b"),
      handmade("Markets dip", "Shares fell.", "Business", DateTime::from_local({2024, 1, 6}, 23, 0, 0, kIst), "d"),
      handmade("Floodplains mapped", "Survey teams finished.", "World",
               DateTime::from_local({2024, 2, 10}, 18, 0, 0, 0), "c"),
  });
  return db;
}

const Searcher& searcher() {
  static const Searcher s(small_db());
  return s;
}

QueryClock clock_at(const char* now, const char* tz) { return make_query_clock(tz, now); }

std::set<std::string> titles(const std::string& query, const QueryClock& clock) {
  SearchRequest request;
  request.query = query;
  request.clock = clock;
  std::set<std::string> out;
  for (const Hit& h : searcher().search(request).hits) out.insert(h.title);
  return out;
}

}  // namespace

TEST_CASE("time zone and clock values (--tz, --now)", "[index][query][date]") {
  CHECK(parse_utc_offset("+05:30") == 330);
  CHECK(parse_utc_offset("-0800") == -480);
  CHECK(parse_utc_offset("+05") == 300);
  CHECK(parse_utc_offset("Z") == 0);
  CHECK(parse_utc_offset("UTC") == 0);
  CHECK(parse_utc_offset("IST") == 330);
  for (const char* bad : {"", "+25:00", "+05:75", "Mars", "5:30", "+5:30"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_utc_offset(bad), UsageError);
  }
  CHECK_THROWS_AS(make_query_clock("", "yesterday-ish"), UsageError);
  // A --now without a zone is read in --tz.
  CHECK(clock_at("2024-01-07T00:30:00", "+05:30").now_epoch_seconds ==
        clock_at("2024-01-06T19:00:00Z", "+05:30").now_epoch_seconds);
  CHECK(clock_at("2024-01-06T19:00:00Z", "+05:30").today() == CivilDate{2024, 1, 7});
  CHECK(clock_at("2024-01-06T19:00:00Z", "UTC").today() == CivilDate{2024, 1, 6});
  CHECK(clock_at("2024-01-06T19:00:00Z", "-08:00").today() == CivilDate{2024, 1, 6});
}

TEST_CASE("relative date forms name local days of the stated zone", "[index][query][date]") {
  const QueryClock clock = clock_at("2024-03-13T10:00:00+05:30", "+05:30");  // a Wednesday
  const auto span = [&](const char* text) { return relative_day_span(text, clock); };
  CHECK(span("today") == DaySpan{{2024, 3, 13}, {2024, 3, 13}});
  CHECK(span("yesterday") == DaySpan{{2024, 3, 12}, {2024, 3, 12}});
  CHECK(span("last-7-days") == DaySpan{{2024, 3, 7}, {2024, 3, 13}});
  CHECK(span("last-1-days") == DaySpan{{2024, 3, 13}, {2024, 3, 13}});
  CHECK(span("this-week") == DaySpan{{2024, 3, 11}, {2024, 3, 13}});
  CHECK(span("last-week") == DaySpan{{2024, 3, 4}, {2024, 3, 10}});
  CHECK(span("this-month") == DaySpan{{2024, 3, 1}, {2024, 3, 13}});
  CHECK(span("last-month") == DaySpan{{2024, 2, 1}, {2024, 2, 29}});
  CHECK(span("this-year") == DaySpan{{2024, 1, 1}, {2024, 3, 13}});
  CHECK(span("last-year") == DaySpan{{2023, 1, 1}, {2023, 12, 31}});
  CHECK(relative_day_span("last-month", clock_at("2024-01-15T10:00:00Z", "UTC")) == DaySpan{{2023, 12, 1}, {2023, 12, 31}});
  for (const char* bad : {"last-0-days", "last-x-days", "last-99999-days", "tomorrow", "last-days"}) {
    INFO(bad);
    CHECK_FALSE(span(bad));
  }
}

TEST_CASE("relative dates in queries: golden table and the day boundary", "[index][query][date]") {
  // 19:10 UTC on 6 January is 00:40 on 7 January in India.
  const QueryClock ist = clock_at("2024-01-06T19:10:00Z", "+05:30");
  const QueryClock utc = clock_at("2024-01-06T19:10:00Z", "UTC");
  CHECK(searcher().describe_query("date:today", ist) == "Query(0 * D20240107)");
  CHECK(searcher().describe_query("date:today", utc) == "Query(0 * D20240106)");
  CHECK(searcher().describe_query("date:yesterday", ist) == "Query(0 * D20240106)");
  CHECK(searcher().describe_query("date:last-month", ist) == "Query(0 * M202312)");
  CHECK(searcher().describe_query("date:this-year", ist) == "Query(0 * (D20240101 OR D20240102 OR D20240103 OR "
                                                           "D20240104 OR D20240105 OR D20240106 OR D20240107))");
  CHECK(searcher().describe_query("date:2023-12..yesterday", ist) == "Query(0 * (M202312 OR D20240101 OR D20240102 OR "
                                                                     "D20240103 OR D20240104 OR D20240105 OR D20240106))");
  CHECK(searcher().describe_query("markets date:last-7-days", ist) ==
        "Query((Zmarket@1 FILTER (D20240101 OR D20240102 OR D20240103 OR D20240104 OR D20240105 OR D20240106 OR "
        "D20240107)))");
  // Articles are filed under their printed (local) day: "today" in India at
  // 00:40 on the 7th finds the 00:30 IST article, "yesterday" the 23:00 one.
  CHECK(titles("date:today", ist) == std::set<std::string>{"Markets rally"});
  CHECK(titles("date:yesterday", ist) == std::set<std::string>{"Markets dip"});
  CHECK(titles("date:last-7-days", ist) == std::set<std::string>{"Markets rally", "Markets dip"});
  CHECK(titles("date:last-month", ist) == std::set<std::string>{});
  CHECK(titles("date:last-year", ist) == std::set<std::string>{"Flood relief reaches the valley"});
  try {
    searcher().describe_query("date:last-0-days", ist);
    FAIL("no error");
  } catch (const QuerySyntaxError& e) {
    CHECK_THAT(e.what(), Catch::Contains("'last-0-days' is not a date"));
    CHECK_THAT(e.what(), Catch::Contains("last-N-days"));
  }
}

TEST_CASE("url:, exact words and phrases", "[index][query]") {
  const QueryClock clock = QueryClock::system();
  CHECK(searcher().describe_query("url:https://www.example.com/special/a", clock) ==
        "Query(0 * Uhttps://www.example.com/special/a)");
  CHECK(searcher().describe_query("url:example.com/special/a", clock) ==
        "Query(0 * (Uhttps://example.com/special/a OR Uhttps://www.example.com/special/a OR "
        "Uhttp://example.com/special/a OR Uhttp://www.example.com/special/a))");
  CHECK(titles("url:example.com/special/a", clock) == std::set<std::string>{"Flood relief reaches the valley"});
  CHECK(titles("url:www.example.com/special/c", clock) == std::set<std::string>{"Floodplains mapped"});
  CHECK(titles("url:example.com/special/zzz", clock).empty());
  // Stemmed by default; a capitalised or quoted word is matched exactly.
  CHECK(searcher().describe_query("Markets", clock) == "Query(markets@1)");
  CHECK(searcher().describe_query("\"markets\"", clock) == "Query(markets@1)");
  CHECK(titles("market", clock) == std::set<std::string>{"Markets rally", "Markets dip"});
  CHECK(titles("\"market\"", clock).empty());
  CHECK(titles("+rally markets", clock) == std::set<std::string>{"Markets rally"});
  CHECK(titles("shares NEAR rose", clock) == std::set<std::string>{"Markets rally"});
  CHECK(titles("flood*", clock) == std::set<std::string>{"Flood relief reaches the valley", "Floodplains mapped"});
}

TEST_CASE("limits: query length, result window, facet size", "[index][query]") {
  SearchRequest request;
  request.query = std::string(kMaxQueryBytes + 1, 'a');
  try {
    searcher().search(request);
    FAIL("no error");
  } catch (const QuerySyntaxError& e) {
    CHECK_THAT(e.what(), Catch::Contains("the limit is 4096"));
    CHECK(e.code() == ExitCode::kQuerySyntax);
  }
  request.query = std::string(kMaxQueryBytes, 'a');
  CHECK_NOTHROW(searcher().search(request));
  request.query = "markets";
  request.offset = kMaxResultWindow;
  request.limit = 1;
  try {
    searcher().search(request);
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK_THAT(e.what(), Catch::Contains("result window too large"));
    CHECK(e.code() == ExitCode::kUsage);
  }
  request.offset = kMaxResultWindow - 1;
  CHECK(searcher().search(request).hits.empty());
  request.offset = 0;
  request.half_life_days = 0;
  request.sort = SortOrder::Recency;
  CHECK_THROWS_AS(searcher().search(request), UsageError);
  // A wildcard cannot expand past kMaxWildcardTerms.
  request.half_life_days = 30;
  request.query = "a*";
  CHECK_NOTHROW(searcher().search(request));
}
