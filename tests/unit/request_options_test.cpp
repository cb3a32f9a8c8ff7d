// The text forms of search options, shared by `byline search` flags and the
// server's URL parameters (searcher/request_options.h).

#include <catch2/catch.hpp>

#include <cmath>

#include "common/errors.h"
#include "searcher/request_options.h"

using namespace byline;

TEST_CASE("sort orders and granularities by name, anything else refused with the option's name", "[unit][options]") {
  CHECK(parse_sort_order("relevance", "--sort") == SortOrder::Relevance);
  CHECK(parse_sort_order("newest", "--sort") == SortOrder::Newest);
  CHECK(parse_sort_order("oldest", "--sort") == SortOrder::Oldest);
  CHECK(parse_sort_order("recency", "--sort") == SortOrder::Recency);
  CHECK_THROWS_WITH(parse_sort_order("Newest", "parameter 'sort'"), Catch::Contains("parameter 'sort' 'Newest'"));
  CHECK(parse_date_granularity("auto", "x") == DateGranularity::Auto);
  CHECK(parse_date_granularity("day", "x") == DateGranularity::Day);
  CHECK_THROWS_AS(parse_date_granularity("week", "x"), UsageError);
}

TEST_CASE("half-lives in hours, days, weeks and years, or infinite", "[unit][options]") {
  CHECK(parse_half_life_days("30d", "h") == 30);
  CHECK(parse_half_life_days("30", "h") == 30);
  CHECK(parse_half_life_days("12h", "h") == 0.5);
  CHECK(parse_half_life_days("2w", "h") == 14);
  CHECK(parse_half_life_days("1y", "h") == 365.25);
  CHECK(parse_half_life_days("1.5d", "h") == 1.5);
  CHECK(std::isinf(parse_half_life_days("inf", "h")));
  for (const char* bad : {"", "d", "0d", "-3d", "3m", "3 d", "nan", "1e999d"}) {
    INFO(bad);
    CHECK_THROWS_WITH(parse_half_life_days(bad, "--half-life"), Catch::Contains("--half-life"));
  }
}

TEST_CASE("facet lists keep their order and take a date granularity", "[unit][options]") {
  CHECK(split_commas("a,,b,") == std::vector<std::string>{"a", "b"});
  CHECK(split_commas("").empty());
  SearchRequest request;
  set_facet_fields(request, "site,date:month,section", "--facets");
  CHECK(request.facet_fields == std::vector<std::string>{"site", "date", "section"});
  CHECK(request.date_granularity == DateGranularity::Month);
  set_facet_fields(request, "", "--facets");
  CHECK(request.facet_fields.empty());
  CHECK_THROWS_WITH(set_facet_fields(request, "date:hour", "--facets"), Catch::Contains("date:hour"));
}
