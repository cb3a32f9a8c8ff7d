// Site, agency, author and language facets, and multi-select counts (a
// dimension counted with the query's own filter on it removed), checked
// against brute-force counts over the generated archive.

#include <catch2/catch.hpp>

#include <map>

#include "common/agency.h"
#include "common/errors.h"
#include "searcher/multi_facets.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"

using namespace byline;
using namespace byline::testing;

namespace {

std::string agency_key(const std::string& name) {
  if (auto known = match_agency(name)) return known->key;
  return section_key(name);
}

// Oracle: value -> count over the articles matching `match`, by count then value.
std::vector<FacetValue> oracle_facet(const std::string& field, const std::function<bool(const Article&)>& match) {
  std::map<std::string, std::uint64_t> counts;
  for (const Article& a : generated_archive().articles) {
    if (!match(a)) continue;
    if (field == "site" && !a.site.empty()) ++counts[a.site];
    if (field == "lang" && !a.language.empty()) ++counts[a.language];
    if (field == "agency" && !a.agency.empty()) ++counts[agency_key(a.agency)];
    if (field == "section" && !a.section_key.empty()) ++counts[a.section_key];
    if (field == "author")
      for (const std::string& name : std::set<std::string>(a.authors.begin(), a.authors.end())) ++counts[name];
  }
  std::vector<FacetValue> facet;
  for (const auto& [value, count] : counts) facet.push_back({value, value, count});
  std::sort(facet.begin(), facet.end(), [](const FacetValue& x, const FacetValue& y) {
    return x.count != y.count ? x.count > y.count : x.value < y.value;
  });
  return facet;
}

std::string show(const std::vector<FacetValue>& facet) {
  std::string out;
  for (const FacetValue& v : facet) out += fmt::format("{}={} ", v.value, v.count);
  return out;
}

std::vector<FacetValue> values_only(std::vector<FacetValue> facet) {
  for (FacetValue& v : facet) v.label = v.value;
  return facet;
}

const Facet* find_facet(const SearchResult& r, const std::string& field) {
  for (const Facet& f : r.facets)
    if (f.field == field) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("site, agency, author and language facets match a brute-force count", "[index][facets]") {
  const std::string w0 = kVocabulary[0], w2 = kVocabulary[2], w5 = kVocabulary[5];
  const std::vector<std::pair<std::string, std::function<bool(const Article&)>>> cases = {
      {"", [](const Article&) { return true; }},
      {w0, [&](const Article& a) { return mentions(a, w0); }},
      {w2 + " OR " + w5, [&](const Article& a) { return mentions(a, w2) || mentions(a, w5); }},
      {"date:2023 " + w0, [&](const Article& a) { return local_day(a) && local_day(a)->year == 2023 && mentions(a, w0); }},
  };
  for (const auto& [query, match] : cases) {
    SearchRequest request;
    request.query = query;
    request.limit = 2;
    request.facet_size = 0;
    request.facet_fields = {"site", "agency", "author", "lang"};
    const SearchResult r = generated_searcher().search(request);
    INFO("query: '" << query << "'");
    CHECK(r.facets_exact);
    CHECK(r.section_facet.empty());  // not asked for
    CHECK(r.date_facet.empty());
    REQUIRE(r.facets.size() == 4);
    for (const std::string field : {"site", "agency", "author", "lang"}) {
      const Facet* f = find_facet(r, field);
      REQUIRE(f != nullptr);
      const auto expected = oracle_facet(field, match);
      INFO(field << ": " << show(f->values) << "\noracle: " << show(expected));
      REQUIRE(!expected.empty());
      CHECK(show(values_only(f->values)) == show(expected));
      CHECK_FALSE(f->multi_select);
    }
  }
}

TEST_CASE("facet size caps every facet, and unknown facets are usage errors", "[index][facets]") {
  SearchRequest request;
  request.facet_fields = {"site", "author"};
  request.facet_size = 2;
  const SearchResult r = generated_searcher().search(request);
  for (const Facet& f : r.facets) CHECK(f.values.size() == 2);
  request.facet_fields = {"colour"};
  CHECK_THROWS_AS(generated_searcher().search(request), UsageError);
  request.facet_fields = {"site"};
  request.facet_size = kMaxFacetSize + 1;
  CHECK_THROWS_AS(generated_searcher().search(request), UsageError);
}

TEST_CASE("multi-select: a dimension is counted without the query's own filter on it", "[index][facets]") {
  const std::string w0 = kVocabulary[0], w1 = kVocabulary[1];
  auto has = [](const std::string& w) { return [w](const Article& a) { return mentions(a, w); }; };
  struct Case {
    std::string query;
    std::function<bool(const Article&)> matches;
    std::map<std::string, std::function<bool(const Article&)>> scope;  // field -> what its counts cover
  };
  const std::vector<Case> cases = {
      {w0 + " section:world",
       [&](const Article& a) { return mentions(a, w0) && a.section_key == "world"; },
       {{"section", has(w0)}, {"site", [&](const Article& a) { return mentions(a, w0) && a.section_key == "world"; }}}},
      {"section:world section:sports site:example.com " + w1,
       [&](const Article& a) {
         return (a.section_key == "world" || a.section_key == "sport") && a.site == "example.com" && mentions(a, w1);
       },
       {{"section", [&](const Article& a) { return a.site == "example.com" && mentions(a, w1); }},
        {"site", [&](const Article& a) {
           return (a.section_key == "world" || a.section_key == "sport") && mentions(a, w1);
         }},
        {"lang", [&](const Article& a) {
           return (a.section_key == "world" || a.section_key == "sport") && a.site == "example.com" && mentions(a, w1);
         }}}},
      {"lang:hi -" + w0,
       [&](const Article& a) { return a.language == "hi" && !mentions(a, w0); },
       {{"lang", [&](const Article& a) { return !mentions(a, w0); }}}},
  };
  // Counts only, every value of the three facets.
  const auto counts = [](const std::string& query, bool multi_select) {
    SearchRequest request;
    request.query = query;
    request.limit = 0;
    request.facet_size = 0;
    request.facet_fields = {"section", "site", "lang"};
    request.multi_select = multi_select;
    return generated_searcher().search(request);
  };
  for (const Case& c : cases) {
    const SearchResult r = counts(c.query, true);
    INFO("query: '" << c.query << "'");
    CHECK(r.total.value == oracle_ids(generated_archive().articles, c.matches).size());
    for (const auto& [field, scope] : c.scope) {
      const auto expected = oracle_facet(field, scope);
      const bool own_filter = c.query.find(field + ":") != std::string::npos;
      if (field == "section") {
        INFO("section: " << show(r.section_facet) << "\noracle: " << show(expected));
        CHECK(show(values_only(r.section_facet)) == show(expected));
        CHECK(r.section_multi_select == own_filter);
      } else {
        const Facet* f = find_facet(r, field);
        REQUIRE(f != nullptr);
        INFO(field << ": " << show(f->values) << "\noracle: " << show(expected));
        CHECK(show(values_only(f->values)) == show(expected));
        CHECK(f->multi_select == own_filter);
      }
    }
  }
  // Multi-select off: every facet counts the matches, own filter or not.
  for (const Case& c : cases) {
    const SearchResult r = counts(c.query, false);
    INFO("query without multi-select: '" << c.query << "'");
    CHECK_FALSE(r.section_multi_select);
    CHECK(show(values_only(r.section_facet)) == show(oracle_facet("section", c.matches)));
    for (const char* field : {"site", "lang"}) {
      const Facet* f = find_facet(r, field);
      REQUIRE(f != nullptr);
      CHECK_FALSE(f->multi_select);
      CHECK(show(values_only(f->values)) == show(oracle_facet(field, c.matches)));
    }
  }
  // A filter inside brackets or next to an operator is not removed: counts
  // are over the matches.
  SearchRequest request;
  request.query = "(section:world OR " + w0 + ")";
  request.limit = 0;
  request.facet_size = 0;
  const SearchResult r = generated_searcher().search(request);
  CHECK_FALSE(r.section_multi_select);
  CHECK(show(values_only(r.section_facet)) ==
        show(oracle_facet("section", [&](const Article& a) { return a.section_key == "world" || mentions(a, w0); })));
}

TEST_CASE("query_without_field removes only top-level filters it can remove safely", "[index][facets]") {
  CHECK(query_without_field("flood section:world", "section") == "flood");
  CHECK(query_without_field(R"(section:"India News" flood site:x.com)", "section") == "flood site:x.com");
  CHECK(query_without_field("section:a section:b", "section") == "");
  CHECK(query_without_field("section:world -flood", "section") == "NOT flood");
  CHECK(query_without_field("section:world NOT flood", "section") == "NOT flood");
  CHECK(query_without_field("(a OR b) section:world", "section") == "( a OR b )");
  CHECK_FALSE(query_without_field("flood", "section"));
  CHECK_FALSE(query_without_field("flood OR section:world", "section"));
  CHECK_FALSE(query_without_field("section:world OR flood", "section"));
  CHECK_FALSE(query_without_field("flood NOT section:world", "section"));
  CHECK_FALSE(query_without_field("flood -section:world", "section"));
  CHECK_FALSE(query_without_field("(flood section:world)", "section"));
  CHECK_FALSE(query_without_field("section:(a OR b)", "section"));
  CHECK_FALSE(query_without_field("flood section:world", ""));
}
