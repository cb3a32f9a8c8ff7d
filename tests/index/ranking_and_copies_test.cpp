// Recency ranking (a posting source inside the matcher) checked against a
// brute-force blend of BM25 and the decay; wire copies found at index time
// and collapsed at search time; "did you mean" and "more like this".
// Every text here is made up for the test.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "common/errors.h"

#include "common/schema.h"
#include "indexer/index_writer.h"
#include "indexer/near_duplicates.h"
#include "searcher/recency_source.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"

using namespace byline;
using namespace byline::testing;

namespace {

std::vector<std::string> ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.id);
  return out;
}

const std::string kCyclone =
    "Fishing boats returned to the harbour at Velmora on Tuesday as the coast guard warned of a cyclone forming in "
    "the bay. Officials said shelters in twelve villages had been stocked with rice, water and lanterns, and that "
    "schools would close for two days. The district collector asked families living near the estuary to move "
    "inland before nightfall and promised buses for anyone without transport. Fishermen said the warning came "
    "early enough to haul nets and secure the smaller boats on the sand.";

Article copy(const std::string& title, const std::string& body, const std::string& site, int day, int hour,
             const std::string& slug) {
  Article a;
  a.title = title;
  a.body = body;
  a.section = "India News";
  a.url = "https://www." + site + "/india/" + slug;
  a.language = "en";
  a.agency = "Press Trust of India";
  a.published = DateTime::from_local({2024, 5, day}, hour, 0, 0, kIst);
  finalize_article(a);
  return a;
}

// Three outlets carry the agency's cyclone story (a dateline tweak, an
// appended line); one writes its own cyclone article; one article is unrelated.
// On disk (glass): the in-memory backend has no spelling table.
struct CopiesArchive {
  std::string path = (std::filesystem::temp_directory_path() /
                      fmt::format("byline-copies-test-{}", static_cast<long>(::getpid())))
                         .string();
  Xapian::WritableDatabase db;
  std::vector<Article> articles;
};

const CopiesArchive& copies_archive() {
  static const CopiesArchive archive = [] {
    CopiesArchive a;
    std::filesystem::remove_all(a.path);
    a.db = Xapian::WritableDatabase(a.path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    a.articles = {
        copy("Cyclone warning for Velmora coast", "VELMORA (PTI): " + kCyclone, "coastnews.example", 14, 9, "c1"),
        copy("Boats return as cyclone nears", kCyclone, "dailyharbour.example", 14, 8, "c2"),
        copy("Velmora braces for cyclone", "Velmora, May 14: " + kCyclone + " More updates will follow.",
             "eastpost.example", 15, 7, "c3"),
        copy("Our reporter on the cyclone shelters",
             "Our correspondent visited the cyclone shelters near Velmora, where volunteers counted sacks of rice and "
             "tested lanterns while the wind rose over the estuary and the harbour emptied of boats.",
             "eastpost.example", 15, 12, "own"),
        copy("Chess club opens in the old library",
             "The old library on Mill Road now hosts a chess club on Saturday mornings, with boards donated by a "
             "retired teacher and a tournament planned for the autumn term.",
             "coastnews.example", 16, 10, "chess"),
    };
    IndexWriter writer(a.db, AnalyzerSettings{});
    for (const Article& article : a.articles) writer.accept(article);
    // Filler, so that the cyclone story's words are rare as in a real archive.
    Generator filler(7);
    for (std::size_t i = 0; i < 200; ++i) writer.accept(filler.article(i));
    writer.finish();
    return a;
  }();
  // Removes the folder when the tests end (the database may still be open:
  // fine on POSIX).
  static const struct Cleanup {
    std::string path;
    ~Cleanup() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  } cleanup{archive.path};
  return archive;
}

const Searcher& copies() {
  static const Searcher s(copies_archive().db);
  return s;
}

}  // namespace

TEST_CASE("recency: the matcher's order is BM25 plus the decay, computed by brute force", "[index][ranking]") {
  const auto& articles = generated_archive().articles;
  std::map<std::string, double> published;
  for (const Article& a : articles)
    if (a.published) published[a.id] = static_cast<double>(a.published->epoch_seconds);
  const double reference = newest_publication(generated_archive().db);
  double newest = 0;
  for (const auto& [id, t] : published) newest = std::max(newest, t);
  CHECK(reference == newest);

  for (const std::string& query : {kVocabulary[0], kVocabulary[4] + " OR " + kVocabulary[7], kVocabulary[2] + " " + kVocabulary[1]}) {
    for (const double half_life : {3.0, 60.0, 400.0}) {
      INFO("query " << query << ", half-life " << half_life << " days");
      SearchRequest plain;
      plain.query = query;
      plain.limit = 1000;
      plain.facets = false;
      const SearchResult all = generated_searcher().search(plain);
      REQUIRE(all.hits.size() > 20);
      std::vector<std::pair<double, std::string>> expected;
      const RecencySource decay(reference, half_life * 86400, 2.0);
      for (const Hit& h : all.hits) {
        const auto t = published.find(h.id);
        expected.push_back({h.score + (t == published.end() ? 0.0 : decay.weight_at(t->second)), h.id});
      }
      std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first > b.first; });

      SearchRequest recency = plain;
      recency.sort = SortOrder::Recency;
      recency.half_life_days = half_life;
      recency.limit = 10;  // the matcher may skip: its max weight must be right
      const SearchResult top = generated_searcher().search(recency);
      REQUIRE(top.hits.size() == 10);
      for (std::size_t i = 0; i < 10; ++i) {
        INFO("rank " << i + 1);
        CHECK(top.hits[i].score == Approx(expected[i].first).epsilon(1e-9));
        CHECK(top.hits[i].id == expected[i].second);
      }
    }
  }
}

TEST_CASE("recency with an infinite half-life is the plain relevance order", "[index][ranking]") {
  SearchRequest request;
  request.query = kVocabulary[3] + " OR " + kVocabulary[6];
  request.limit = 50;
  const SearchResult plain = generated_searcher().search(request);
  request.sort = SortOrder::Recency;
  request.half_life_days = std::numeric_limits<double>::infinity();
  CHECK(ids(generated_searcher().search(request)) == ids(plain));
  // A very short half-life puts the newest matches first.
  request.half_life_days = 0.01;
  request.recency_weight = 1000;
  const SearchResult fresh = generated_searcher().search(request);
  REQUIRE(fresh.hits.size() >= 3);
  CHECK(fresh.hits[0].date >= fresh.hits[1].date.substr(0, 0));
  std::string newest;
  for (const Hit& h : plain.hits) newest = std::max(newest, h.date.substr(0, 10));
  CHECK(fresh.hits[0].date.substr(0, 10) == newest);
}

TEST_CASE("wire copies share a story key found at index time", "[index][copies]") {
  const auto& a = copies_archive();
  std::map<std::string, std::string> story;
  for (auto it = a.db.postlist_begin(""); it != a.db.postlist_end(""); ++it) {
    const Xapian::Document doc = a.db.get_document(*it);
    const std::string data = doc.get_data();
    for (const Article& article : a.articles)
      if (doc.termlist_begin() != doc.termlist_end() && a.db.term_exists(schema::boolean_term(schema::prefix::kId, article.id))) {
        auto t = doc.termlist_begin();
        t.skip_to(schema::boolean_term(schema::prefix::kId, article.id));
        if (t != doc.termlist_end() && *t == schema::boolean_term(schema::prefix::kId, article.id))
          story[article.url.substr(article.url.rfind('/') + 1)] = doc.get_value(schema::slot::kStory);
      }
  }
  REQUIRE(story.size() == 5);  // the five handmade articles
  CHECK(story["c1"] == a.articles[0].id);  // the first indexed copy names the story
  CHECK(story["c2"] == story["c1"]);
  CHECK(story["c3"] == story["c1"]);
  CHECK(story["own"] == a.articles[3].id);
  CHECK(story["chess"] == a.articles[4].id);
  // The signatures agree with what the bodies are.
  const auto s1 = *minhash_signature(a.articles[0].body);
  CHECK(estimated_jaccard(s1, *minhash_signature(a.articles[2].body)) >= kSameStoryJaccard);
  CHECK(estimated_jaccard(s1, *minhash_signature(a.articles[3].body)) < 0.2);
  CHECK_FALSE(minhash_signature("too short to tell"));
  CHECK(decode_signature(encode_signature(s1)) == s1);
}

TEST_CASE("copies collapse into one hit with +N similar, earliest copy first", "[index][copies]") {
  SearchRequest request;
  request.query = "cyclone";
  const SearchResult r = copies().search(request);
  CHECK(r.total.value == 4);  // articles
  CHECK(r.total.exact);
  CHECK(r.stories.value == 2);
  CHECK(r.stories.exact);
  CHECK(r.collapsed);
  REQUIRE(r.hits.size() == 2);
  const Hit& wire = r.hits[0].similar ? r.hits[0] : r.hits[1];
  CHECK(wire.similar == 2);
  REQUIRE(wire.copies.size() == 3);
  CHECK(wire.copies[0].site == "dailyharbour.example");  // 08:00 on the 14th
  CHECK(wire.copies[1].site == "coastnews.example");
  CHECK(wire.copies[2].site == "eastpost.example");
  CHECK(wire.copies[0].date < wire.copies[1].date);
  // Facets count articles.
  REQUIRE(r.section_facet.size() == 1);
  CHECK(r.section_facet[0].count == 4);

  // Only matching copies are counted: "updates" is in one copy alone.
  request.query = "cyclone updates";
  const SearchResult one = copies().search(request);
  REQUIRE(one.hits.size() == 1);
  CHECK(one.hits[0].similar == 0);

  request.query = "cyclone";
  request.collapse = false;
  const SearchResult all = copies().search(request);
  CHECK(all.hits.size() == 4);
  CHECK(all.stories.value == 4);
  for (const Hit& h : all.hits) CHECK(h.copies.empty());
}

TEST_CASE("with no copies, stories equal articles on the generated archive", "[index][copies]") {
  SearchRequest request;
  request.query = kVocabulary[0];
  request.limit = 1000;
  const SearchResult r = generated_searcher().search(request);
  CHECK(r.stories.value == r.total.value);
  for (const Hit& h : r.hits) CHECK(h.similar == 0);
}

TEST_CASE("did you mean: a suggestion from the archive's own words", "[index][spelling]") {
  SearchRequest request;
  request.query = "cyclnoe shelters";
  const SearchResult r = copies().search(request);
  CHECK(r.total.value == 0);
  CHECK(r.did_you_mean == "cyclone shelters");
  request.query = "cyclone";
  CHECK(copies().search(request).did_you_mean.empty());
}

TEST_CASE("more like this: --like finds the same subject, not the article's own copies", "[index][like]") {
  const auto& a = copies_archive();
  SearchRequest request;
  request.like_id = a.articles[1].id;  // a copy of the wire story
  request.collapse = false;
  const SearchResult r = copies().search(request);
  REQUIRE(!r.hits.empty());
  CHECK(r.hits[0].id == a.articles[3].id);  // the outlet's own cyclone article
  for (const Hit& h : r.hits) {
    CHECK(h.id != a.articles[0].id);
    CHECK(h.id != a.articles[1].id);
    CHECK(h.id != a.articles[2].id);
  }
  request.like_id = "no-such-id";
  CHECK_THROWS_AS(copies().search(request), UsageError);
}
