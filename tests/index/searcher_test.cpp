// Searching the generated archive (tests/index/generated_archive.h): every
// operator and field of the query language checked against a brute-force scan
// of the articles, plus ranking, sorting, paging, snippets and the errors a
// caller can get.

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <utility>
#include <vector>

#include "common/errors.h"
#include "common/stored_fields.h"
#include "searcher/searcher.h"
#include "searcher/snippet.h"
#include "tests/index/generated_archive.h"
#include "tests/support/temp_dir.h"

using namespace byline;
using namespace byline::testing;
using byline::test::TempDir;

namespace {

SearchResult run(const std::string& query, SortOrder sort = SortOrder::Relevance, unsigned offset = 0,
                 unsigned limit = 1000) {
  SearchRequest request;
  request.query = query;
  request.sort = sort;
  request.offset = offset;
  request.limit = limit;
  return generated_searcher().search(request);
}

std::set<std::string> ids_of(const SearchResult& result) {
  std::set<std::string> ids;
  for (const Hit& h : result.hits) ids.insert(h.id);
  return ids;
}

// Runs `query` and compares the matching ids (and the exact total) with the oracle.
void check_against_oracle(const std::string& query, const std::function<bool(const Article&)>& match) {
  const std::set<std::string> expected = oracle_ids(generated_archive().articles, match);
  const SearchResult result = run(query);
  INFO("query: " << query << " (oracle " << expected.size() << " matches)");
  CHECK(ids_of(result) == expected);
  CHECK(result.total.value == expected.size());
  CHECK(result.total.exact);
}

const std::string& w(std::size_t i) { return kVocabulary[i]; }

// A request for `query` whose matches are marked <b>…</b>.
SearchRequest highlighted(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.highlight_start = "<b>";
  request.highlight_end = "</b>";
  return request;
}

// An on-disk index holding `articles` as they are (their section keys included).
void write_on_disk(const std::string& path, const std::vector<Article>& articles) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  const Analyzer analyzer{AnalyzerSettings{}};
  analyzer.record_in(db);
  DocumentBuilder builder(analyzer);
  for (const Article& a : articles) db.replace_document(id_term(a.id), builder.build(a));
  db.commit();
}

}  // namespace

TEST_CASE("the generated vocabulary is left alone by the stemmer", "[index][search]") {
  // The oracle compares words as strings: that only holds if stemming neither
  // changes them nor merges two of them.
  const Xapian::Stem stem("english");
  std::set<std::string> stems;
  for (const std::string& word : kVocabulary) {
    CHECK(stem(word) == word);
    stems.insert(stem(word));
  }
  CHECK(stems.size() == kVocabulary.size());
  CHECK(generated_archive().db.get_doccount() == generated_archive().articles.size());
}

TEST_CASE("default operator is AND, with OR, NOT, +/- and brackets", "[index][search]") {
  check_against_oracle(w(0), [](const Article& a) { return mentions(a, w(0)); });
  check_against_oracle(w(3) + " " + w(7), [](const Article& a) { return mentions(a, w(3)) && mentions(a, w(7)); });
  check_against_oracle(w(3) + " AND " + w(7), [](const Article& a) { return mentions(a, w(3)) && mentions(a, w(7)); });
  check_against_oracle(w(12) + " OR " + w(20),
                       [](const Article& a) { return mentions(a, w(12)) || mentions(a, w(20)); });
  check_against_oracle(w(2) + " NOT " + w(1), [](const Article& a) { return mentions(a, w(2)) && !mentions(a, w(1)); });
  check_against_oracle(w(2) + " -" + w(1), [](const Article& a) { return mentions(a, w(2)) && !mentions(a, w(1)); });
  check_against_oracle("NOT " + w(0), [](const Article& a) { return !mentions(a, w(0)); });
  check_against_oracle("(" + w(10) + " OR " + w(11) + ") " + w(4), [](const Article& a) {
    return (mentions(a, w(10)) || mentions(a, w(11))) && mentions(a, w(4));
  });
  // Sanity of the fixture itself: the queries above are not all trivial.
  CHECK(run(w(3) + " " + w(7)).total.value > 5);
  CHECK(run(w(3) + " " + w(7)).total.value < run(w(3)).total.value);
}

TEST_CASE("phrases match adjacent words within one field", "[index][search]") {
  for (const auto& [first, second] : {std::pair{w(0), w(1)}, std::pair{w(5), w(2)}}) {
    check_against_oracle('"' + first + " " + second + '"', [&](const Article& a) {
      return has_phrase(a.title, first, second) || has_phrase(a.description, first, second) ||
             has_phrase(a.body, first, second);
    });
  }
}

TEST_CASE("wildcards expand trailing *", "[index][search]") {
  // "dolmux" and "dextom" are the only words starting with "d"; "do*" only the first.
  check_against_oracle("do*", [](const Article& a) { return mentions(a, "dolmux"); });
  check_against_oracle("d*", [](const Article& a) { return mentions(a, "dolmux") || mentions(a, "dextom"); });
}

TEST_CASE("field prefixes", "[index][search]") {
  check_against_oracle("title:" + w(1), [](const Article& a) { return has_word(a.title, w(1)); });
  check_against_oracle("author:rao", [](const Article& a) {
    return std::find(a.authors.begin(), a.authors.end(), "Asha Rao") != a.authors.end();
  });
  check_against_oracle(R"(author:"lin chow")", [](const Article& a) {
    return std::find(a.authors.begin(), a.authors.end(), "Lin Chow") != a.authors.end();
  });
  check_against_oracle("agency:reuters", [](const Article& a) { return a.agency == "Reuters"; });
  check_against_oracle("agency:trust", [](const Article& a) { return a.agency == "Press Trust of India"; });
  // The key the agency facet lists.
  check_against_oracle("agency:pti", [](const Article& a) { return a.agency == "Press Trust of India"; });
  check_against_oracle("agency:ani", [](const Article& a) { return a.agency == "Asian News International"; });
  check_against_oracle("lang:hi", [](const Article& a) { return a.language == "hi"; });
  check_against_oracle("lang:English", [](const Article& a) { return a.language == "en"; });
  for (const std::string query : {"site:dailyplanet.in", "site:www.DailyPlanet.in", "site:https://dailyplanet.in/"})
    check_against_oracle(query, [](const Article& a) { return a.site == "dailyplanet.in"; });
  check_against_oracle("site:example.com " + w(0),
                       [](const Article& a) { return a.site == "example.com" && mentions(a, w(0)); });
}

TEST_CASE("section filter by label or key", "[index][search]") {
  const auto india = [](const Article& a) { return a.section == "India News"; };
  for (const std::string query : {R"(section:"India News")", "section:india", "section:INDIA", "section:india-news"})
    check_against_oracle(query, india);
  check_against_oracle("section:World", [](const Article& a) { return a.section == "World"; });
  check_against_oracle(R"(section:"Science & Tech")", [](const Article& a) { return a.section == "Science & Tech"; });
  check_against_oracle("section:india section:world",
                       [](const Article& a) { return a.section == "India News" || a.section == "World"; });
  check_against_oracle("section:world -" + w(0),
                       [](const Article& a) { return a.section == "World" && !mentions(a, w(0)); });
}

TEST_CASE("date filters use the publication's local day", "[index][search][date]") {
  const auto on = [](int y, int m, int d) {
    return [=](const Article& a) { return local_day(a) == CivilDate{y, m, d}; };
  };
  const auto within = [](CivilDate first, CivilDate last) {
    return [=](const Article& a) { return local_day(a) && *local_day(a) >= first && *local_day(a) <= last; };
  };
  check_against_oracle("date:2024-01-07", on(2024, 1, 7));
  check_against_oracle("date:2023-08-15", on(2023, 8, 15));
  check_against_oracle("date:2024-03", within({2024, 3, 1}, {2024, 3, 31}));
  check_against_oracle("date:2023", within({2023, 1, 1}, {2023, 12, 31}));
  check_against_oracle("date:2023-02-20..2023-05-03", within({2023, 2, 20}, {2023, 5, 3}));
  check_against_oracle("date:2023-02..2023", within({2023, 2, 1}, {2023, 12, 31}));
  check_against_oracle("date:2024-03..", within({2024, 3, 1}, {9999, 12, 31}));
  check_against_oracle("date:..2023", within({1, 1, 1}, {2023, 12, 31}));
  check_against_oracle("date:..", [](const Article& a) { return a.published.has_value(); });
  check_against_oracle("date:2030..", [](const Article&) { return false; });
  check_against_oracle("date:2023 date:2024-02",
                       [&](const Article& a) { return within({2023, 1, 1}, {2023, 12, 31})(a) ||
                                                      within({2024, 2, 1}, {2024, 2, 29})(a); });
  check_against_oracle("date:2024-01 section:world " + w(0), [&](const Article& a) {
    return within({2024, 1, 1}, {2024, 1, 31})(a) && a.section == "World" && mentions(a, w(0));
  });

  // 00:30 IST on 7 January is still 6 January in UTC: filed on the 7th.
  const auto nightjar = run("nightjar date:2024-01-07");
  REQUIRE(nightjar.hits.size() == 1);
  CHECK(nightjar.hits[0].date == "2024-01-07T00:30:00+05:30");
  CHECK(run("nightjar date:2024-01-06").total.value == 0);
  CHECK(run("nightjar date:2024-01-05..2024-01-06").total.value == 0);
}

TEST_CASE("a title match ranks above a body match", "[index][search]") {
  const SearchResult result = run("kestrel");
  REQUIRE(result.hits.size() == 2);
  CHECK_THAT(result.hits[0].url, Catch::EndsWith("kestrel-title"));
  CHECK_THAT(result.hits[1].url, Catch::EndsWith("kestrel-body"));
  CHECK(result.hits[0].score > result.hits[1].score);
  CHECK(result.hits[0].rank == 1);
  CHECK(result.hits[1].rank == 2);
  // In general: hits come by descending score, and those with the word in
  // the title rank higher on average than those with it only elsewhere.
  const SearchResult common = run(w(14));
  REQUIRE(common.hits.size() > 10);
  double title_ranks = 0, other_ranks = 0;
  std::size_t in_title = 0, elsewhere = 0;
  for (std::size_t i = 0; i < common.hits.size(); ++i) {
    if (i > 0) CHECK(common.hits[i - 1].score >= common.hits[i].score);
    if (has_word(common.hits[i].title, w(14))) title_ranks += common.hits[i].rank, ++in_title;
    else other_ranks += common.hits[i].rank, ++elsewhere;
  }
  REQUIRE(in_title > 0);
  REQUIRE(elsewhere > 0);
  CHECK(title_ranks / static_cast<double>(in_title) < other_ranks / static_cast<double>(elsewhere));
}

TEST_CASE("a description the body already opens with is posted once", "[index][search]") {
  const Analyzer analyzer{AnalyzerSettings{}};
  DocumentBuilder builder(analyzer);
  const auto wdf_of = [](const Xapian::Document& doc, const std::string& term) -> Xapian::termcount {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
  };
  Article repeated = handmade("Harbour report", "", "World", std::nullopt, "harbour");
  repeated.description = "The ferry quilmad sailed at dawn.";
  repeated.body = "LISBON: The ferry quilmad sailed at dawn. It reached the island by noon.";
  Article distinct = repeated;
  distinct.body = "It reached the island by noon, and the ferry quilmad turned back.";
  CHECK(body_repeats(repeated.body, repeated.description));
  CHECK_FALSE(body_repeats(distinct.body, distinct.description));
  CHECK(wdf_of(builder.build(repeated), "quilmad") == 1);  // from the body only
  CHECK(wdf_of(builder.build(distinct), "quilmad") == 2);  // description and body
  // A description further into the body than a dateline's length is its own text.
  CHECK_FALSE(body_repeats(std::string(400, 'x') + repeated.description, repeated.description));
  // Only whole words repeat a description.
  CHECK_FALSE(body_repeats("Two years on, the bridge reopened.", "year"));
  CHECK_FALSE(body_repeats("The ferries sailed.", "The ferr"));
  CHECK(body_repeats("Two years on, the bridge reopened.", "Two years on,"));
  CHECK(body_repeats("Year one: the bridge reopened.", "Year one:"));
  CHECK_FALSE(body_repeats("Anything at all.", ""));
}

TEST_CASE("sort newest and oldest, undated articles last", "[index][search]") {
  const auto& articles = generated_archive().articles;
  const auto epoch_of = [&](const Hit& h) {
    for (const Article& a : articles)
      if (a.id == h.id) return a.published ? std::optional(a.published->epoch_seconds) : std::nullopt;
    FAIL("hit not in the archive: " << h.id);
    return std::optional<std::int64_t>();
  };
  for (const SortOrder sort : {SortOrder::Newest, SortOrder::Oldest}) {
    INFO(to_string(sort));
    for (const std::string& query : {std::string(), w(1)}) {
      const SearchResult r = run(query, sort);
      REQUIRE(r.hits.size() > 20);
      bool seen_undated = false;
      std::size_t undated = 0;
      for (std::size_t i = 0; i < r.hits.size(); ++i) {
        const auto epoch = epoch_of(r.hits[i]);
        if (!epoch) {
          seen_undated = true;
          ++undated;
          continue;
        }
        CHECK_FALSE(seen_undated);  // a dated hit after an undated one
        if (i > 0 && !seen_undated) {
          const auto previous = *epoch_of(r.hits[i - 1]);
          if (sort == SortOrder::Newest) CHECK(previous >= *epoch);
          else CHECK(previous <= *epoch);
        }
      }
      if (query.empty()) {
        CHECK(undated == static_cast<std::size_t>(std::count_if(articles.begin(), articles.end(),
                                                                [](const Article& a) { return !a.published; })));
        CHECK(undated > 0);
      }
    }
  }
  // The newest and oldest articles of the oracle come first.
  const auto dated = [&] {
    std::vector<const Article*> v;
    for (const Article& a : articles)
      if (a.published) v.push_back(&a);
    return v;
  }();
  const auto [oldest, newest] = std::minmax_element(dated.begin(), dated.end(), [](auto* a, auto* b) {
    return a->published->epoch_seconds < b->published->epoch_seconds;
  });
  CHECK(run("", SortOrder::Newest, 0, 1).hits.at(0).id == (*newest)->id);
  CHECK(run("", SortOrder::Oldest, 0, 1).hits.at(0).id == (*oldest)->id);
}

TEST_CASE("offset and limit page through the same ordering", "[index][search]") {
  for (const SortOrder sort : {SortOrder::Relevance, SortOrder::Newest}) {
    const SearchResult all = run(w(0), sort);
    REQUIRE(all.hits.size() > 25);
    std::vector<std::string> paged;
    for (unsigned offset = 0; offset < all.hits.size(); offset += 7) {
      const SearchResult page = run(w(0), sort, offset, 7);
      CHECK(page.total.value == all.total.value);
      CHECK(page.hits.size() == std::min<std::size_t>(7, all.hits.size() - offset));
      for (const Hit& h : page.hits) {
        paged.push_back(h.id);
        CHECK(h.rank == paged.size());
      }
    }
    std::vector<std::string> expected;
    for (const Hit& h : all.hits) expected.push_back(h.id);
    CHECK(paged == expected);
  }
  CHECK(run(w(0), SortOrder::Relevance, 100000, 10).hits.empty());
  const SearchResult none = run(w(0), SortOrder::Relevance, 0, 0);
  CHECK(none.hits.empty());
  CHECK(none.total.value == run(w(0)).total.value);
}

TEST_CASE("hits carry the stored fields, a highlighted snippet and title", "[index][search]") {
  SearchRequest request = highlighted("kestrel");
  const SearchResult r = generated_searcher().search(request);
  REQUIRE(r.hits.size() == 2);
  const Hit& title_hit = r.hits[0];
  CHECK(title_hit.title == "Kestrel wins the regional prize");
  CHECK(title_hit.title_highlighted == "<b>Kestrel</b> wins the regional prize");
  CHECK(title_hit.section == "Sports");
  CHECK(title_hit.section_key == "sport");
  CHECK(title_hit.site == "example.com");
  CHECK(title_hit.url == "https://www.example.com/special/kestrel-title");
  CHECK(title_hit.date == "2023-05-02T10:00:00+05:30");
  CHECK(title_hit.language == "en");
  const Hit& body_hit = r.hits[1];
  CHECK(body_hit.title_highlighted == body_hit.title);
  CHECK(body_hit.snippet == "Judges praised the <b>kestrel</b> and its colours.");

  // Generated articles: the snippet holds the query word, highlighted, and
  // stays near the requested length; an article without a body falls back to
  // its description.
  request.query = w(25);
  request.snippet_chars = 80;
  request.limit = 1000;
  const SearchResult many = generated_searcher().search(request);
  REQUIRE(many.hits.size() > 3);
  std::size_t found_elsewhere = 0;
  for (const Hit& h : many.hits) {
    const Article& a = *std::find_if(generated_archive().articles.begin(), generated_archive().articles.end(),
                                     [&](const Article& x) { return x.id == h.id; });
    const std::string& text = a.body.empty() ? a.description : a.body;
    if (mentions(Article{.body = text}, w(25))) {
      CHECK_THAT(h.snippet, Catch::Contains("<b>" + w(25) + "</b>"));
    } else {
      ++found_elsewhere;  // in the title or description: the body's lead stands for it
      CHECK(h.snippet == lead_snippet(text, 80, "…"));
    }
    CHECK(h.snippet.size() <= 80 + 2 * std::string("…").size() + 7 * 10);
    CHECK(h.authors == a.authors);
    CHECK(h.agency == a.agency);
  }
  CHECK(found_elsewhere > 0);
  // The title match's body does not hold the word: its lead, whole (it is short).
  CHECK(title_hit.snippet == "Judges praised the entry and its colours.");
}

TEST_CASE("snippets highlight a word's stemmed forms, and a phrase's words as written", "[index][search]") {
  // "praise" is stemmed: the text's "praised" is its form.
  SearchRequest request = highlighted("praise kestrel");
  const SearchResult stemmed = generated_searcher().search(request);
  REQUIRE(stemmed.hits.size() == 2);
  for (const Hit& h : stemmed.hits) CHECK_THAT(h.snippet, Catch::StartsWith("Judges <b>praised</b> the"));
  // A phrase has no stemmed terms (its snippets are made without stemming).
  request.query = "\"regional prize\"";
  const SearchResult phrase = generated_searcher().search(request);
  REQUIRE(phrase.hits.size() == 2);
  std::set<std::string> titles;
  for (const Hit& h : phrase.hits) titles.insert(h.title_highlighted);
  CHECK(titles == std::set<std::string>{"Kestrel wins the <b>regional prize</b>",
                                        "<b>Regional prize</b> goes to a painter"});
}

TEST_CASE("an empty query matches every article, a query with no terms none", "[index][search]") {
  CHECK(run("").total.value == generated_archive().articles.size());
  CHECK(run(" \t").total.value == generated_archive().articles.size());
  CHECK(run("...").total.value == 0);
}

TEST_CASE("a database of another schema, or none, is refused", "[index][search]") {
  Xapian::WritableDatabase other(std::string(), Xapian::DB_BACKEND_INMEMORY);
  other.set_metadata(std::string(schema::metadata::kSchemaVersion), std::to_string(schema::kSchemaVersion + 1));
  CHECK_THROWS_AS(Searcher(other), IndexError);
  CHECK_THROWS_WITH(Searcher(other), Catch::Contains("schema version"));

  Xapian::WritableDatabase plain(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK_THROWS_WITH(Searcher(plain), Catch::Contains("not a byline index"));

  const std::string missing = (std::filesystem::temp_directory_path() / "byline-no-such-index").string();
  try {
    Searcher s(missing);
    FAIL("opened a missing index");
  } catch (const IndexError& e) {
    CHECK_THAT(e.what(), Catch::Contains(missing));
    CHECK(e.code() == ExitCode::kIncompatibleIndex);
  }
}

TEST_CASE("an on-disk index is opened by path and searched", "[index][search]") {
  const TempDir dir("searcher");
  write_on_disk(dir.str(), {handmade("Harbour lights restored", "The old lamps shine again.", "India News",
                                     DateTime::from_local({2024, 6, 1}, 8, 0, 0, kIst), "harbour")});
  const Searcher s(dir.str());
  SearchRequest request;
  request.query = "lamps section:india";
  CHECK(s.search(request).total.value == 1);
}

TEST_CASE("a section named in the singular and the plural is one section (old indexes too)", "[index][search]") {
  const TempDir dir("section-plurals");
  const DateTime when = DateTime::from_local({2024, 6, 1}, 8, 0, 0, kIst);
  std::vector<Article> articles;
  for (const auto& [section, slug] : std::vector<std::pair<std::string, std::string>>{
           {"Opinion", "one"}, {"Opinions", "two"}, {"Opinion", "three"}, {"Sport", "four"}})
    articles.push_back(handmade("Harbour lights restored", "The old lamps shine again on pier " + slug + ".", section,
                                when, slug));
  // Written as an index before plural folding would have it.
  articles.push_back(handmade("Harbour lights dimmed", "The old lamps shine again.", "Opinions", when, "five"));
  articles.back().section_key = "opinions";
  write_on_disk(dir.str(), articles);
  const Searcher s(dir.str());
  SearchRequest request;
  request.query = "lamps";
  const SearchResult all = s.search(request);
  REQUIRE(all.section_facet.size() == 3);
  CHECK(all.section_facet[0].value == "opinion");
  CHECK(all.section_facet[0].count == 3);
  // The plural, as the old index's facet lists it, finds the old article too;
  // the singular finds what it found before plurals were folded.
  for (const std::string query : {"lamps section:Opinions", R"(lamps section:"opinions news")"}) {
    request.query = query;
    INFO(query);
    CHECK(s.search(request).total.value == 4);
  }
  request.query = "lamps section:opinion";
  CHECK(s.search(request).total.value == 3);
  request.query = "lamps section:sports";
  CHECK(s.search(request).total.value == 1);
}
