// Facets over all matches, checked against a brute-force count over the
// generated articles (the oracle), and the rules that pick the date
// histogram's granularity.

#include <catch2/catch.hpp>

#include <map>

#include "searcher/facets.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"

using namespace byline;
using namespace byline::testing;

namespace {

std::string bucket_of(const CivilDate& d, const std::string& granularity) {
  if (granularity == "year") return fmt::format("{:04}", d.year);
  if (granularity == "month") return fmt::format("{:04}-{:02}", d.year, d.month);
  return d.iso();
}

// Oracle section facet: every section of the matches, by count then key.
std::vector<FacetValue> oracle_sections(const std::set<std::string>& ids) {
  std::map<std::string, std::pair<std::string, std::uint64_t>> counts;  // key -> (label, count)
  for (const Article& a : generated_archive().articles)
    if (ids.count(a.id) && !a.section_key.empty()) {
      counts[a.section_key].first = a.section;
      ++counts[a.section_key].second;
    }
  std::vector<FacetValue> facet;
  for (const auto& [key, entry] : counts) facet.push_back({key, entry.first, entry.second});
  std::sort(facet.begin(), facet.end(), [](const FacetValue& x, const FacetValue& y) {
    return x.count != y.count ? x.count > y.count : x.value < y.value;
  });
  return facet;
}

// Oracle date histogram: every bucket from the first match's to the last's.
std::vector<FacetValue> oracle_dates(const std::set<std::string>& ids, const std::string& granularity) {
  std::map<std::int64_t, std::uint64_t> per_day;
  for (const Article& a : generated_archive().articles)
    if (ids.count(a.id) && a.published) ++per_day[days_from_civil(a.published->local_date())];
  std::vector<FacetValue> histogram;
  if (per_day.empty()) return histogram;
  for (std::int64_t d = per_day.begin()->first; d <= per_day.rbegin()->first; ++d) {
    const std::string bucket = bucket_of(civil_from_days(d), granularity);
    if (histogram.empty() || histogram.back().value != bucket) histogram.push_back({bucket, bucket, 0});
    if (auto it = per_day.find(d); it != per_day.end()) histogram.back().count += it->second;
  }
  return histogram;
}

bool same(const std::vector<FacetValue>& a, const std::vector<FacetValue>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].value != b[i].value || a[i].label != b[i].label || a[i].count != b[i].count) return false;
  return true;
}

std::string show(const std::vector<FacetValue>& facet) {
  std::string out;
  for (const FacetValue& v : facet) out += fmt::format("{}({})={} ", v.value, v.label, v.count);
  return out;
}

}  // namespace

TEST_CASE("section and date facets match a brute-force count", "[index][facets]") {
  const std::string w0 = kVocabulary[0], w3 = kVocabulary[3], w9 = kVocabulary[9];
  const std::vector<std::pair<std::string, std::function<bool(const Article&)>>> cases = {
      {"", [](const Article&) { return true; }},
      {w0, [&](const Article& a) { return mentions(a, w0); }},
      {w3 + " OR " + w9, [&](const Article& a) { return mentions(a, w3) || mentions(a, w9); }},
      {"section:world " + w0, [&](const Article& a) { return a.section == "World" && mentions(a, w0); }},
      {"date:2024-03", [](const Article& a) { return local_day(a) && local_day(a)->year == 2024 && local_day(a)->month == 3; }},
      {"date:2023-06-10..2023-07-20 " + w0, [&](const Article& a) {
         return local_day(a) && *local_day(a) >= CivilDate{2023, 6, 10} && *local_day(a) <= CivilDate{2023, 7, 20} &&
                mentions(a, w0);
       }},
      {"lang:hi NOT " + w0, [&](const Article& a) { return a.language == "hi" && !mentions(a, w0); }},
  };
  for (const auto& [query, match] : cases) {
    const std::set<std::string> ids = oracle_ids(generated_archive().articles, match);
    SearchRequest request;
    request.query = query;
    request.limit = 3;  // facets count all matches, not just the page
    request.facet_size = 0;
    const SearchResult r = generated_searcher().search(request);
    INFO("query: '" << query << "', " << ids.size() << " matches");
    REQUIRE(ids.size() > 0);
    CHECK(r.total.value == ids.size());
    CHECK(r.total.exact);
    CHECK(r.facets_exact);
    // Multi-select: a query's own section filter does not narrow the section
    // facet (the counts are those of the query without it).
    const bool own_section = query.starts_with("section:");
    const auto sections = own_section ? oracle_sections(oracle_ids(generated_archive().articles,
                                                                   [&](const Article& a) { return mentions(a, w0); }))
                                      : oracle_sections(ids);
    CHECK(r.section_multi_select == own_section);
    INFO("sections: " << show(r.section_facet) << "\noracle:   " << show(sections));
    CHECK(same(r.section_facet, sections));
    const auto dates = oracle_dates(ids, r.date_granularity);
    INFO("dates: " << show(r.date_facet) << "\noracle: " << show(dates));
    CHECK(same(r.date_facet, dates));
  }
}

TEST_CASE("automatic date granularity follows the span of the matches", "[index][facets]") {
  SearchRequest request;
  request.limit = 0;
  request.query = "";  // 2022-11 .. 2024-10 plus the handmade articles: 24 months
  CHECK(generated_searcher().search(request).date_granularity == "month");
  request.query = "date:2024-03";
  CHECK(generated_searcher().search(request).date_granularity == "day");
  request.query = "date:2024-03-01..2024-05-01";  // 62 days
  CHECK(generated_searcher().search(request).date_granularity == "day");

  request.query = "";
  request.date_granularity = DateGranularity::Year;
  const SearchResult years = generated_searcher().search(request);
  CHECK(years.date_granularity == "year");
  REQUIRE(years.date_facet.size() == 3);
  CHECK(years.date_facet[0].value == "2022");
  CHECK(years.date_facet[2].value == "2024");

  // The rule itself, on counts spanning exactly the limits.
  const auto granularity = [](const char* first, const char* last) {
    return resolve_granularity({{first, 1}, {last, 1}}, DateGranularity::Auto);
  };
  CHECK(granularity("20240101", "20240302") == DateGranularity::Day);    // 31 + 29 + 2 = 62 days
  CHECK(granularity("20240101", "20240303") == DateGranularity::Month);  // 63 days
  CHECK(granularity("20220101", "20241231") == DateGranularity::Month);  // 36 months
  CHECK(granularity("20220101", "20250101") == DateGranularity::Year);   // 37 months
  CHECK(resolve_granularity({{"20240101", 5}}, DateGranularity::Auto) == DateGranularity::Day);
  CHECK(resolve_granularity({{"20240101", 5}}, DateGranularity::Year) == DateGranularity::Year);
}

TEST_CASE("date histogram fills gaps and ignores malformed values", "[index][facets]") {
  const ValueCounts days = {{"20231230", 2}, {"20240102", 3}, {"2024", 9}, {"20240301", 1}};
  const auto months = date_histogram(days, DateGranularity::Month);
  REQUIRE(months.size() == 4);
  CHECK(months[0].value == "2023-12");
  CHECK(months[0].count == 2);
  CHECK(months[1].value == "2024-01");
  CHECK(months[1].count == 3);
  CHECK(months[2].value == "2024-02");
  CHECK(months[2].count == 0);
  CHECK(months[3].value == "2024-03");
  CHECK(date_histogram(days, DateGranularity::Day).size() == 63);
  CHECK(date_histogram({}, DateGranularity::Day).empty());
}

TEST_CASE("section labels come from metadata, else a document, else the key", "[index][facets]") {
  SearchRequest request;
  request.limit = 0;
  const SearchResult r = generated_searcher().search(request);
  std::map<std::string, std::string> labels;
  for (const FacetValue& v : r.section_facet) labels[v.value] = v.label;
  CHECK(labels["india"] == "India News");
  CHECK(labels["science-and-tech"] == "Science & Tech");  // not in metadata: read from a document
  CHECK(labels.size() == 5);
  CHECK(labels.count("") == 0);  // articles without a section are not a bucket
}

TEST_CASE("facet_size caps sections and facets can be switched off", "[index][facets]") {
  SearchRequest request;
  request.facet_size = 2;
  const SearchResult capped = generated_searcher().search(request);
  REQUIRE(capped.section_facet.size() == 2);
  CHECK(capped.section_facet[0].count >= capped.section_facet[1].count);

  request.facets = false;
  const SearchResult off = generated_searcher().search(request);
  CHECK(off.section_facet.empty());
  CHECK(off.date_facet.empty());
  CHECK(off.date_granularity.empty());
  CHECK_FALSE(off.facets_exact);
  CHECK(off.hits.size() == 10);
}
