// The query language (docs/query-language.md): a golden table of query string
// → Xapian query description, the syntax errors, and the date filter's cover
// of a range by Y/M/D terms checked day by day against a brute-force oracle.

#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "common/errors.h"
#include "searcher/date_filter.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"

using namespace byline;
using namespace byline::testing;

namespace {

// Three articles whose days bound the archive: 2023-11-20 .. 2024-02-10.
const Searcher& small_searcher() {
  static const Xapian::WritableDatabase db = make_database({
      handmade("Flood relief reaches the valley", "Volunteers carried supplies.", "India News",
               DateTime::from_local({2023, 11, 20}, 9, 0, 0, kIst), "a"),
      handmade("Markets rally", "Shares rose.", "Business", DateTime::from_local({2024, 1, 7}, 0, 30, 0, kIst), "b"),
      handmade("Floodplains mapped", "Survey teams finished.", "World",
               DateTime::from_local({2024, 2, 10}, 18, 0, 0, 0), "c"),
  });
  static const Searcher searcher(db);
  return searcher;
}

struct Golden {
  const char* query;
  const char* description;
};

// Omega-style table: what each construct of the language becomes.
const Golden kGolden[] = {
    {"", "Query(<alldocuments>)"},
    {"   ", "Query(<alldocuments>)"},
    {"flood", "Query(Zflood@1)"},
    {"flood relief", "Query((Zflood@1 AND Zrelief@2))"},
    {"flood OR relief", "Query((Zflood@1 OR Zrelief@2))"},
    {"flood NOT relief", "Query((Zflood@1 AND_NOT Zrelief@2))"},
    {"flood AND NOT relief", "Query((Zflood@1 AND_NOT Zrelief@2))"},
    {"flood -relief", "Query((Zflood@1 AND_NOT Zrelief@2))"},
    {"+flood relief", "Query((Zflood@1 AND Zrelief@2))"},
    {"NOT flood", "Query((<alldocuments> AND_NOT Zflood@1))"},
    {"(flood OR relief) valley", "Query(((Zflood@1 OR Zrelief@2) AND Zvalley@3))"},
    {R"("flood relief")", "Query((flood@1 PHRASE 2 relief@2))"},
    {"flood NEAR relief", "Query((flood@1 NEAR 11 relief@2))"},
    {"Flood", "Query(flood@1)"},  // capitalised: not stemmed (STEM_SOME)
    {"flood*", "Query(WILDCARD SYNONYM flood)"},
    {"flood* relief", "Query((WILDCARD SYNONYM flood AND Zrelief@2))"},
    {R"("floods")", "Query(floods@1)"},  // quoted: exact
    {"flood NEAR/3 relief", "Query((flood@1 NEAR 4 relief@2))"},
    {"url:https://www.example.com/special/a", "Query(0 * Uhttps://www.example.com/special/a)"},
    {"url:example.com/x flood",
     "Query((Zflood@1 FILTER (Uhttps://example.com/x OR Uhttps://www.example.com/x OR Uhttp://example.com/x OR "
     "Uhttp://www.example.com/x)))"},
    {"lang:en-GB", "Query(0 * Len)"},
    {"title:flood", "Query(ZSflood@1)"},
    {R"(title:"flood relief")", "Query((Sflood@1 PHRASE 2 Srelief@2))"},
    {"title:(flood OR market)", "Query((ZSflood@1 OR ZSmarket@2))"},
    {"author:rao", "Query(ZArao@1)"},
    {"agency:reuters", "Query(0 * (XGreuters OR ZXAreuter@1))"},
    {"agency:PTI", "Query(0 * (XGpti OR XApti@1))"},
    {R"(agency:"Press Trust")", "Query(0 * (XGpress-trust OR (XApress@1 PHRASE 2 XAtrust@2)))"},
    {R"(section:"India News")", "Query(0 * XSindia)"},
    {"section:india", "Query(0 * XSindia)"},
    {"section:World", "Query(0 * XSworld)"},
    {"section:india section:world", "Query(0 * (XSindia OR XSworld))"},
    {"site:www.Example.com", "Query(0 * Hexample.com)"},
    {"site:https://www.example.com/x", "Query(0 * Hexample.com)"},
    {"lang:English", "Query(0 * Len)"},
    {"lang:hi", "Query(0 * Lhi)"},
    {"date:2024-01-07", "Query(0 * D20240107)"},
    {"date:2024-01", "Query(0 * M202401)"},
    {"date:2024", "Query(0 * Y2024)"},
    {"date:2022..2023", "Query(0 * (Y2022 OR Y2023))"},
    {"date:2023-11..2024-02", "Query(0 * (M202311 OR M202312 OR M202401 OR M202402))"},
    {"date:2023-12-30..2024-02-02",
     "Query(0 * (D20231230 OR D20231231 OR M202401 OR D20240201 OR D20240202))"},
    // Open ends are clamped to the archive's first and last day.
    {"date:2024-02..",
     "Query(0 * (D20240201 OR D20240202 OR D20240203 OR D20240204 OR D20240205 OR D20240206 OR D20240207 OR "
     "D20240208 OR D20240209 OR D20240210))"},
    {"date:..2023",
     "Query(0 * (D20231120 OR D20231121 OR D20231122 OR D20231123 OR D20231124 OR D20231125 OR D20231126 OR "
     "D20231127 OR D20231128 OR D20231129 OR D20231130 OR M202312))"},
    {"date:2025..", "Query()"},  // after the archive's last day: nothing
    {"(flood OR relief) section:india", "Query(((Zflood@1 OR Zrelief@2) FILTER XSindia))"},
    {"flood date:2024 site:example.com", "Query((Zflood@1 FILTER (Y2024 AND Hexample.com)))"},
};

}  // namespace

TEST_CASE("query language golden table", "[index][query]") {
  for (const Golden& g : kGolden) {
    INFO("query: " << g.query);
    CHECK(small_searcher().describe_query(g.query) == g.description);
  }
}

TEST_CASE("syntax errors are reported with the problem and where it is", "[index][query]") {
  const std::pair<const char*, const char*> kErrors[] = {
      {"title:(foo", "query syntax error in 'title:(foo': unmatched '(' at column 7"},
      {"foo (bar", "unmatched '(' at column 5"},
      {"foo)", "unmatched ')' at column 4"},
      {R"("foo bar)", "unclosed '\"' at column 1"},
      {"foo AND", "'AND' at column 5 has nothing on its right"},
      {"OR foo", "'OR' at column 1 has nothing on its left"},
      {"foo AND OR bar", "'OR' at column 9 has nothing on its left"},
      {"a AND (OR b)", "'OR' at column 8 has nothing on its left"},
      {"foo NOT", "'NOT' at column 5 has nothing after it"},
      {"NOT", "'NOT' at column 1 has nothing after it"},
      {"-foo", "only excluded terms"},
      {"-foo -bar", "only excluded terms"},
      {"date:2024-02-30", "invalid date filter 'date:2024-02-30': '2024-02-30' is not a calendar date"},
      {"date:2023-02-29", "'2023-02-29' is not a calendar date"},
      {"date:2024-13", "'2024-13' is not a calendar date"},
      {"date:2024-1", "'2024-1' is not a date (expected YYYY"},
      {"date:tomorrow", "'tomorrow' is not a date"},
      {"date:2024..2023", "the range ends before it starts"},
      {"date:2024-03..20x", "'20x' is not a date"},
      {R"(section:"")", "'section:' needs a value"},
      {R"(site:"")", "'site:' needs a value"},
      {R"(url:"")", "'url:' needs a value"},
      {"date:last-0-days", "'last-0-days' is not a date"},
      {R"("prime minister" NEAR modi)", "'NEAR' at column 18 joins single words, not '\"prime minister\"'"},
      {R"(modi ADJ "prime minister")", "'ADJ' at column 6 joins single words, not '\"prime minister\"'"},
      {"(a OR b) NEAR c", "'NEAR' at column 10 joins single words, not ')'"},
      {"a NEAR/3 b*", "'NEAR/3' at column 3 joins single words, not 'b*'"},
      {"a NEAR -b", "'NEAR' at column 3 joins single words, not '-b'"},
  };
  for (const auto& [query, message] : kErrors) {
    INFO("query: " << query);
    try {
      small_searcher().describe_query(query);
      FAIL("no error for " << query);
    } catch (const QuerySyntaxError& e) {
      CHECK_THAT(e.what(), Catch::Contains(message));
      CHECK_THAT(e.what(), Catch::StartsWith(std::string("query syntax error in '") + query + "'"));
      CHECK(e.code() == ExitCode::kQuerySyntax);
    }
  }
  // Leap day and valid forms are accepted.
  CHECK_NOTHROW(small_searcher().describe_query("date:2024-02-29"));
  CHECK_NOTHROW(small_searcher().describe_query("foo AND NOT bar"));
  CHECK_NOTHROW(small_searcher().describe_query("foo -bar"));
}

TEST_CASE("date periods parse to the days they name", "[index][query][date]") {
  CHECK(parse_date_period("2024") == DaySpan{{2024, 1, 1}, {2024, 12, 31}});
  CHECK(parse_date_period("2024-02") == DaySpan{{2024, 2, 1}, {2024, 2, 29}});
  CHECK(parse_date_period("2023-02") == DaySpan{{2023, 2, 1}, {2023, 2, 28}});
  CHECK(parse_date_period("2024-02-29") == DaySpan{{2024, 2, 29}, {2024, 2, 29}});
  for (const char* bad : {"", "24", "2024-", "2024-2", "2024-02-", "2024-02-1", "2024/02/01", "2024-02-01T10",
                          "0000", "2024-00", "2024-04-31", "abcd"}) {
    INFO(bad);
    CHECK_FALSE(parse_date_period(bad));
  }
  const DaySpan archive{{2023, 11, 20}, {2024, 2, 10}};
  CHECK(parse_date_filter("2024-01..", archive) == DaySpan{{2024, 1, 1}, {2024, 2, 10}});
  CHECK(parse_date_filter("..2023-12", archive) == DaySpan{{2023, 11, 20}, {2023, 12, 31}});
  CHECK(parse_date_filter("..", archive) == archive);
  CHECK(parse_date_filter("2023..2024-01-15", archive) == DaySpan{{2023, 1, 1}, {2024, 1, 15}});
  CHECK_FALSE(parse_date_filter("2024-03..", archive));  // starts after the archive
  CHECK_FALSE(parse_date_filter("2024..", std::nullopt));  // nothing dated
  CHECK(parse_date_filter("2024", std::nullopt) == DaySpan{{2024, 1, 1}, {2024, 12, 31}});
  CHECK_THROWS_AS(parse_date_filter("2024-02-30..", archive), Xapian::QueryParserError);
}

TEST_CASE("date cover terms are exact and use whole years and months", "[index][query][date]") {
  CHECK(date_cover_terms({{2024, 1, 1}, {2024, 12, 31}}) == std::vector<std::string>{"Y2024"});
  CHECK(date_cover_terms({{2024, 3, 1}, {2024, 3, 31}}) == std::vector<std::string>{"M202403"});
  CHECK(date_cover_terms({{2024, 3, 5}, {2024, 3, 5}}) == std::vector<std::string>{"D20240305"});
  CHECK(date_cover_terms({{2023, 12, 31}, {2025, 1, 1}}) ==
        std::vector<std::string>{"D20231231", "Y2024", "D20250101"});
  CHECK(date_cover_terms({{2024, 3, 2}, {2024, 3, 1}}).empty());

  // Oracle: expand each term back into days and compare with the span, over
  // random spans. Also: no day is covered twice, and no run of day terms makes
  // a whole month (and no run of month terms a whole year).
  std::mt19937 rng(7);
  const std::int64_t base = days_from_civil({2019, 1, 1});
  for (int round = 0; round < 300; ++round) {
    const std::int64_t a = base + std::uniform_int_distribution<std::int64_t>(0, 2500)(rng);
    const std::int64_t b = a + std::uniform_int_distribution<std::int64_t>(0, round % 3 == 0 ? 40 : 900)(rng);
    const DaySpan span{civil_from_days(a), civil_from_days(b)};
    std::multiset<std::string> covered;
    std::map<std::string, int> days_per_month, months_per_year;
    for (const std::string& term : date_cover_terms(span)) {
      if (term[0] == 'D') {
        covered.insert(term.substr(1));
        ++days_per_month[term.substr(1, 6)];
      } else if (term[0] == 'M') {
        ++months_per_year[term.substr(1, 4)];
        const auto month = parse_date_period(term.substr(1, 4) + "-" + term.substr(5, 2));
        for (auto d = days_from_civil(month->first); d <= days_from_civil(month->last); ++d)
          covered.insert(civil_from_days(d).yyyymmdd());
      } else {
        REQUIRE(term[0] == 'Y');
        for (auto d = days_from_civil({std::stoi(term.substr(1)), 1, 1});
             d <= days_from_civil({std::stoi(term.substr(1)), 12, 31}); ++d)
          covered.insert(civil_from_days(d).yyyymmdd());
      }
    }
    std::multiset<std::string> expected;
    for (auto d = a; d <= b; ++d) expected.insert(civil_from_days(d).yyyymmdd());
    INFO(span.first.iso() << " .. " << span.last.iso());
    CHECK(covered == expected);
    for (const auto& [month, n] : days_per_month) {
      const auto whole = parse_date_period(month.substr(0, 4) + "-" + month.substr(4, 2));
      CHECK(n < whole->last.day);
    }
    for (const auto& [year, n] : months_per_year) CHECK(n < 12);
  }
}
