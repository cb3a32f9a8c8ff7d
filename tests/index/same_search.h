#pragma once
// Two indexes of the same articles searched side by side: the same
// suggestions, totals, facets and per-article weights. For indexes written
// differently (one writer, shards merged, compacted) that must answer alike.

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>

#include <fmt/format.h>

#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"

namespace byline::testing {

inline std::string show_facets(const SearchResult& r) {
  std::string out = fmt::format("total={} stories={} |", r.total.value, r.stories.value);
  for (const FacetValue& v : r.section_facet) out += fmt::format(" {}({})={}", v.value, v.label, v.count);
  out += " |";
  for (const FacetValue& v : r.date_facet) out += fmt::format(" {}={}", v.value, v.count);
  for (const Facet& f : r.facets) {
    out += " | " + f.field;
    for (const FacetValue& v : f.values) out += fmt::format(" {}={}", v.value, v.count);
  }
  return out;
}

// Every match with its weight (collapsing off, so no tie decides a representative).
inline std::map<std::string, double> weights(const Searcher& searcher, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.collapse = false;
  request.facets = false;
  request.limit = 5000;
  std::map<std::string, double> out;
  for (const Hit& hit : searcher.search(request).hits) out[hit.id] = hit.score;
  return out;
}

// `expected_path` and `got_path` are databases of the generated vocabulary
// (generated_archive.h).
inline void check_same_search(const std::string& expected_path, const std::string& got_path) {
  const Searcher one(expected_path), many(got_path);
  // Spelling data: added word by word by one writer, from the merged term
  // list in parallel; the same suggestions for misspelt archive words.
  for (const std::string& word : {kVocabulary[1], kVocabulary[7], kVocabulary[12], kVocabulary[25]}) {
    SearchRequest misspelt;
    misspelt.query = word.substr(0, 2) + word[3] + word[2] + word.substr(4);  // two letters swapped
    INFO("misspelt: " << misspelt.query);
    const std::string suggested = one.search(misspelt).did_you_mean;
    CHECK(suggested == word);
    CHECK(many.search(misspelt).did_you_mean == suggested);
  }
  for (const std::string& query : {std::string(), kVocabulary[0], kVocabulary[2] + " " + kVocabulary[5],
                                   "\"" + kVocabulary[0] + " " + kVocabulary[1] + "\"", std::string("section:world")}) {
    INFO("query: " << query);
    SearchRequest request;
    request.query = query;
    request.limit = 0;
    request.facet_size = 0;
    request.facet_fields = {"section", "date", "site", "agency", "lang"};
    CHECK(show_facets(one.search(request)) == show_facets(many.search(request)));
    const auto expected = weights(one, query), got = weights(many, query);
    REQUIRE(expected.size() == got.size());
    for (const auto& [id, weight] : expected) {
      REQUIRE(got.count(id) == 1);
      CHECK(std::abs(got.at(id) - weight) < 1e-9);
    }
  }
}

}  // namespace byline::testing
