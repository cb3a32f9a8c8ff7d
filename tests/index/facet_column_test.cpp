// The facet column (issue 6, item 5): counts by document id must equal the
// value slots' counts and a brute-force count over the articles, through the
// real index writer (several commits, documents replaced in place), and the
// searcher must fall back to the value slots whenever the column does not
// describe the database it reads (an index without one, a commit made
// without it, several shards).

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "common/agency.h"
#include "common/facet_column_format.h"
#include "indexer/index_writer.h"
#include "searcher/facet_column.h"
#include "searcher/facet_column_spy.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"
#include "tests/support/column_off_searcher.h"
#include "tests/support/temp_dir.h"

using namespace byline;
using namespace byline::testing;
namespace fc = byline::facet_column;

namespace {

using byline::test::searcher_without_column;
using byline::test::TempDir;

// More than one chunk of documents, written in batches that do not line up
// with the chunks.
constexpr std::size_t kArticles = fc::kChunkDocs + 500;
constexpr std::size_t kBatch = 777;

// Current articles by id, as the index should hold them.
using ArticlesById = std::map<std::string, Article>;

void write(const std::string& path, const std::vector<Article>& articles, ArticlesById& archive) {
  IndexWriter writer(path, AnalyzerSettings{}, IndexWriterOptions{kBatch});
  for (const Article& a : articles) {
    writer.accept(a);
    writer.record_boundary(0);  // commits every kBatch articles, as a reader's records do
    archive[a.id] = a;
  }
  writer.finish();
}

// The value the document builder puts in `slot` for `a` ("" for none).
std::string expected_value(const Article& a, unsigned slot) {
  namespace slot_ = schema::slot;
  if (slot == slot_::kSection) return a.section_key;
  if (slot == slot_::kDay) return a.published ? a.published->local_date().yyyymmdd() : "";
  if (slot == slot_::kSite) return a.site;
  if (slot == slot_::kLanguage) return a.language;
  if (slot == slot_::kAgency) {
    if (a.agency.empty()) return "";
    if (auto known = match_agency(a.agency)) return known->key;
    return label_key(a.agency);
  }
  FAIL("no expected value for slot " << slot);
  return "";
}

ValueCounts oracle_counts(const ArticlesById& archive, const std::function<bool(const Article&)>& match, unsigned slot) {
  ValueCounts counts;
  for (const auto& [id, a] : archive)
    if (match(a))
      if (std::string v = expected_value(a, slot); !v.empty()) ++counts[v];
  return counts;
}

ValueCounts value_counts(const Xapian::Database& db, const Xapian::Query& query, unsigned slot) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  Xapian::ValueCountMatchSpy spy(slot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  ValueCounts counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
  return counts;
}

// Every column dimension counted by one FacetColumnSpy, as the searcher does.
std::map<unsigned, ValueCounts> column_counts(const Xapian::Database& db, const Xapian::Query& query,
                                              const std::map<unsigned, const FacetColumn*>& columns) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  FacetColumnSpy spy;
  std::map<unsigned, std::size_t> index;
  for (const auto& [slot, column] : columns) index[slot] = spy.add(*column);
  enquire.add_matchspy(&spy);
  const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
  CHECK(spy.total() == mset.get_matches_estimated());
  std::map<unsigned, ValueCounts> out;
  for (const auto& [slot, k] : index) out[slot] = spy.counts(k);
  return out;
}

// Story codes against the story slot, brute force: one code per story key
// and one key per code, over every document.
void check_story_codes(const Xapian::Database& db, const FacetColumn& stories) {
  std::map<std::string, std::set<std::uint32_t>> codes_of;
  std::map<std::uint32_t, std::set<std::string>> keys_of;
  std::size_t shared = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const std::string key = db.get_document(*it).get_value(schema::slot::kStory);
    const std::uint32_t code = *it < stories.codes.size() ? stories.codes[*it] : 0;
    REQUIRE(!key.empty());
    CHECK(code != 0);
    CHECK(code < stories.code_count);
    if (!codes_of[key].insert(code).second) ++shared;
    keys_of[code].insert(key);
  }
  for (const auto& [key, codes] : codes_of) CHECK(codes.size() == 1);
  for (const auto& [code, keys] : keys_of) CHECK(keys.size() == 1);
  CHECK(codes_of.size() < db.get_doccount());  // some stories have several articles
}

// Distinct stories among the matches: from the column, and from the slot
// (an article without a key is a story of its own).
Xapian::doccount column_stories(const Xapian::Database& db, const Xapian::Query& query, const FacetColumn& stories) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  FacetColumnSpy spy;
  spy.count_stories(stories);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  return spy.stories();
}

Xapian::doccount value_stories(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  Xapian::ValueCountMatchSpy spy(schema::slot::kStory);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  Xapian::doccount keyed = 0, distinct = 0;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) ++distinct, keyed += it.get_termfreq();
  return distinct + (spy.get_total() - keyed);
}

std::string show(const ValueCounts& counts) {
  std::string out;
  for (const auto& [v, n] : counts) out += fmt::format("{}={} ", v, n);
  return out;
}

struct Case {
  std::string query;
  std::function<bool(const Article&)> match;
};

std::vector<Case> cases() {
  const std::string w0 = kVocabulary[0], w3 = kVocabulary[3], w9 = kVocabulary[9], w20 = kVocabulary[20];
  return {
      {"", [](const Article&) { return true; }},
      {w0, [=](const Article& a) { return mentions(a, w0); }},
      {w3 + " OR " + w9, [=](const Article& a) { return mentions(a, w3) || mentions(a, w9); }},
      {w0 + " AND " + w20, [=](const Article& a) { return mentions(a, w0) && mentions(a, w20); }},
  };
}

// The column, counting through the spy, equals the value slots and the oracle
// for every dimension and case.
void check_column_counts(const std::string& path, const ArticlesById& archive) {
  const Searcher searcher(path);
  const Xapian::Database& db = searcher.database();
  FacetColumnCache cache(true);
  std::map<unsigned, const FacetColumn*> columns;
  for (const fc::Dimension& d : fc::kDimensions) {
    const FacetColumn* column = cache.get(db, d.slot);
    REQUIRE(column != nullptr);
    if (d.dictionary) columns[d.slot] = column;
  }
  check_story_codes(db, *cache.get(db, schema::slot::kStory));
  for (const Case& c : cases()) {
    SearchRequest request;
    request.query = c.query;
    const Xapian::Query query = searcher.matching_query(request);
    const auto by_column = column_counts(db, query, columns);
    CHECK(column_stories(db, query, *cache.get(db, schema::slot::kStory)) == value_stories(db, query));
    for (const fc::Dimension& d : fc::kDimensions) {
      if (!d.dictionary) continue;
      INFO("query '" << c.query << "', dimension " << d.name);
      const ValueCounts oracle = oracle_counts(archive, c.match, d.slot);
      const ValueCounts values = value_counts(db, query, d.slot);
      INFO("oracle " << show(oracle));
      INFO("column " << show(by_column.at(d.slot)));
      CHECK(!oracle.empty());
      CHECK(values == oracle);
      CHECK(by_column.at(d.slot) == oracle);
    }
  }
}

bool same(const std::vector<FacetValue>& a, const std::vector<FacetValue>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].value != b[i].value || a[i].label != b[i].label || a[i].count != b[i].count) return false;
  return true;
}

// Whole search results, column against value slots: every facet field,
// multi-select included, and the exact totals.
void check_same_results(const std::string& path) {
  const Searcher with_column(path);
  const auto with_values = searcher_without_column(path);
  REQUIRE(FacetColumnCache(true).get(with_column.database(), schema::slot::kSection) != nullptr);
  std::vector<std::string> queries;
  for (const Case& c : cases()) queries.push_back(c.query);
  queries.push_back("section:world " + kVocabulary[1]);
  queries.push_back("site:example.com");
  for (const std::string& q : queries)
    for (bool collapse : {false, true}) {
      INFO("query '" << q << "' collapse " << collapse);
      SearchRequest request;
      request.query = q;
      request.collapse = collapse;
      request.facet_size = 0;
      request.facet_fields = {"section", "date", "site", "agency", "author", "lang"};
      const SearchResult a = with_column.search(request);
      const SearchResult b = with_values->search(request);
      CHECK(a.total.value == b.total.value);
      CHECK(a.total.exact == b.total.exact);
      CHECK(a.stories.value == b.stories.value);
      CHECK(a.facets_exact == b.facets_exact);
      CHECK(a.section_multi_select == b.section_multi_select);
      CHECK(same(a.section_facet, b.section_facet));
      CHECK(a.date_granularity == b.date_granularity);
      CHECK(same(a.date_facet, b.date_facet));
      REQUIRE(a.facets.size() == b.facets.size());
      for (std::size_t i = 0; i < a.facets.size(); ++i) {
        CHECK(a.facets[i].field == b.facets[i].field);
        CHECK(a.facets[i].multi_select == b.facets[i].multi_select);
        CHECK(same(a.facets[i].values, b.facets[i].values));
      }
      CHECK(!a.section_facet.empty());
    }
}

// Writes documents into `path` without the column, as an older byline or
// another tool would.
void write_without_column(const std::string& path, const std::vector<Article>& articles, ArticlesById& archive) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  const Analyzer analyzer{AnalyzerSettings{}};
  if (db.get_metadata(std::string(schema::metadata::kSchemaVersion)).empty()) analyzer.record_in(db);
  DocumentBuilder builder(analyzer);
  builder.attach(db);  // wire copies found, as the index writer finds them
  for (const Article& a : articles) {
    db.replace_document(id_term(a.id), builder.build(a));
    archive[a.id] = a;
  }
  db.commit();
}

}  // namespace

TEST_CASE("facet column format round-trips and refuses what it did not write", "[index][facet_column]") {
  for (std::uint32_t largest : {0u, 200u, 255u, 256u, 65535u, 65536u, 4000000000u}) {
    const std::vector<std::uint32_t> codes = {0, 1, largest, 7, largest / 2};
    const std::string bytes = fc::encode_chunk(codes);
    CHECK(bytes.size() == 1 + codes.size() * (largest <= 0xff ? 1 : largest <= 0xffff ? 2 : 4));
    CHECK(fc::decode_chunk(bytes) == codes);
  }
  CHECK(fc::decode_chunk(fc::encode_chunk({})) == std::vector<std::uint32_t>{});
  CHECK_FALSE(fc::decode_chunk(""));
  CHECK_FALSE(fc::decode_chunk(std::string("\x03\x01\x02\x03", 4)));  // width 3
  CHECK_FALSE(fc::decode_chunk(std::string("\x02\x01\x02\x03", 4)));  // half a code
  CHECK_FALSE(fc::decode_chunk(fc::encode_chunk(std::vector<std::uint32_t>(fc::kChunkDocs + 1, 1))));

  const std::vector<std::string> values = {"india", "", std::string(300, 'x'), "20240107", "a\nb", "मुंबई"};
  std::string dictionary;
  for (const std::string& v : values) fc::append_dictionary_entry(dictionary, v);
  CHECK(fc::decode_dictionary(dictionary) == values);
  CHECK(fc::decode_dictionary("") == std::vector<std::string>{});
  CHECK_FALSE(fc::decode_dictionary(dictionary.substr(0, dictionary.size() - 1)));  // cut short
  CHECK_FALSE(fc::decode_dictionary("\x80"));                                          // unfinished length

  const fc::Header header{fc::kFormat, fc::kChunkDocs, 4596, 4590, 12, 4001};
  CHECK(fc::encode_header(header) == fmt::format("{} {} 4596 4590 12 4001", fc::kFormat, fc::kChunkDocs));
  CHECK(fc::decode_header(fc::encode_header(header)) == header);
  CHECK_FALSE(fc::decode_header(""));
  CHECK_FALSE(fc::decode_header(fmt::format("{} {} 4596 4590 12", fc::kFormat, fc::kChunkDocs)));
  CHECK_FALSE(fc::decode_header(fmt::format("{} 1024 4596 4590 12 4001", fc::kFormat)));
  CHECK_FALSE(fc::decode_header(fmt::format("{} {} 4596 x 12 4001", fc::kFormat, fc::kChunkDocs)));
  CHECK_FALSE(fc::decode_header(fmt::format("{} {} 4596 4590 12 4001", fc::kFormat + 1, fc::kChunkDocs)));
}

TEST_CASE("facet column counts equal value slots and a brute-force count, across commits and replacements",
          "[index][facet_column]") {
  TempDir dir("writer");
  ArticlesById archive;
  write(dir.str(), with_wire_copies(0, kArticles, 20240107), archive);
  check_column_counts(dir.str(), archive);
  check_same_results(dir.str());

  // A second run replaces every seventh article in place (same id, so the
  // same docid) with other facet values, and adds new ones.
  std::vector<Article> second;
  Generator gen(99);
  std::size_t i = 0;
  for (const auto& [id, a] : archive)
    if (i++ % 7 == 0) {
      Article changed = a;
      changed.section = kSectionLabels[gen.pick(kSectionLabels.size())] + " Desk";
      changed.language = changed.language == "en" ? "hi" : "en";
      changed.agency = a.agency.empty() ? "Reuters" : "";
      changed.published = DateTime::from_local({2021, 3, 1 + static_cast<int>(gen.pick(28))}, 9, 0, 0, kIst);
      finalize_article(changed);
      REQUIRE(changed.id == a.id);
      second.push_back(changed);
    }
  for (Article& a : with_wire_copies(kArticles, 300, 555)) second.push_back(a);
  const Xapian::docid last_before = Xapian::Database(dir.str()).get_lastdocid();
  write(dir.str(), second, archive);
  const Xapian::Database db(dir.str());
  CHECK(db.get_lastdocid() == last_before + 300);  // replacements kept their docids
  CHECK(db.get_doccount() == archive.size());
  check_column_counts(dir.str(), archive);
  check_same_results(dir.str());
}

TEST_CASE("an index without the column is counted from values, and the next writer builds the column",
          "[index][facet_column]") {
  TempDir dir("upgrade");
  ArticlesById archive;
  write_without_column(dir.str(), with_wire_copies(0, 1200, 7), archive);
  {
    const Searcher searcher(dir.str());
    CHECK(FacetColumnCache(true).get(searcher.database(), schema::slot::kSection) == nullptr);
  }
  {
    IndexWriter writer(dir.str(), AnalyzerSettings{}, IndexWriterOptions{kBatch});
    writer.finish();
  }
  check_column_counts(dir.str(), archive);
  check_same_results(dir.str());
}

TEST_CASE("a commit made without the column makes the searcher fall back until a writer rebuilds it",
          "[index][facet_column]") {
  TempDir dir("foreign");
  ArticlesById archive;
  write(dir.str(), with_wire_copies(0, 900, 11), archive);
  REQUIRE(FacetColumnCache(true).get(Xapian::Database(dir.str()), schema::slot::kSite) != nullptr);

  // Another tool replaces an article and adds one, values only.
  std::vector<Article> foreign = with_wire_copies(900, 1, 12);
  Article moved = archive.begin()->second;
  moved.section = "Foreign Desk";
  finalize_article(moved);
  foreign.push_back(moved);
  write_without_column(dir.str(), foreign, archive);

  const Searcher searcher(dir.str());
  CHECK(FacetColumnCache(true).get(searcher.database(), schema::slot::kSite) == nullptr);
  SearchRequest request;
  request.facet_size = 0;
  const SearchResult result = searcher.search(request);
  const ValueCounts oracle = oracle_counts(archive, [](const Article&) { return true; }, schema::slot::kSection);
  ValueCounts shown;
  for (const FacetValue& v : result.section_facet) shown[v.value] = v.count;
  CHECK(shown == oracle);
  CHECK(oracle.count("foreign-desk") == 1);

  {
    IndexWriter writer(dir.str(), AnalyzerSettings{}, IndexWriterOptions{kBatch});
    writer.finish();
  }
  check_column_counts(dir.str(), archive);
}

TEST_CASE("stale column entries of deleted documents are never counted", "[index][facet_column]") {
  TempDir dir("deleted");
  ArticlesById archive;
  write(dir.str(), with_wire_copies(0, 600, 13), archive);
  {
    Xapian::WritableDatabase db(dir.str(), Xapian::DB_OPEN);
    for (Xapian::docid id = 1; id <= 600; id += 5) db.delete_document(id);
    db.commit();
  }
  // The header no longer matches, so a searcher would not use the column;
  // read it regardless: the matcher never shows the spy a deleted document.
  const Xapian::Database db(dir.str());
  std::map<unsigned, std::unique_ptr<FacetColumn>> loaded;
  std::map<unsigned, const FacetColumn*> columns;
  const auto header = fc::decode_header(db.get_metadata(std::string(schema::metadata::kFacetColumn)));
  REQUIRE(header);
  for (const fc::Dimension& d : fc::kDimensions) {
    loaded[d.slot] = load_facet_column(db, d.slot, db.get_lastdocid(), header->story_codes);
    REQUIRE(loaded[d.slot] != nullptr);
    if (d.dictionary) columns[d.slot] = loaded[d.slot].get();
  }
  CHECK(FacetColumnCache(true).get(db, schema::slot::kDay) == nullptr);
  for (const Case& c : cases()) {
    Searcher searcher(dir.str());
    SearchRequest request;
    request.query = c.query;
    const Xapian::Query query = searcher.matching_query(request);
    const auto by_column = column_counts(db, query, columns);
    CHECK(column_stories(db, query, *loaded.at(schema::slot::kStory)) == value_stories(db, query));
    for (const fc::Dimension& d : fc::kDimensions) {
      if (!d.dictionary) continue;
      INFO("query '" << c.query << "', dimension " << d.name);
      CHECK(by_column.at(d.slot) == value_counts(db, query, d.slot));
    }
  }
}

TEST_CASE("several shards together are counted from values", "[index][facet_column]") {
  TempDir one("shard1"), two("shard2");
  ArticlesById first, second;
  write(one.str(), with_wire_copies(0, 300, 21), first);
  write(two.str(), with_wire_copies(300, 200, 22), second);
  Xapian::Database combined(one.str());
  combined.add_database(Xapian::Database(two.str()));
  REQUIRE(FacetColumnCache(true).get(Xapian::Database(one.str()), schema::slot::kSection) != nullptr);
  CHECK(FacetColumnCache(true).get(combined, schema::slot::kSection) == nullptr);

  const Searcher searcher(combined);
  SearchRequest request;
  request.facet_size = 0;
  const SearchResult result = searcher.search(request);
  ArticlesById both = first;
  both.insert(second.begin(), second.end());
  ValueCounts shown;
  for (const FacetValue& v : result.section_facet) shown[v.value] = v.count;
  CHECK(shown == oracle_counts(both, [](const Article&) { return true; }, schema::slot::kSection));
}

TEST_CASE("an in-memory database gets no column and is counted from values", "[index][facet_column]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  {
    IndexWriter writer(db, AnalyzerSettings{});
    for (const Article& a : with_wire_copies(0, 50, 31)) writer.accept(a);
    writer.finish();
  }
  CHECK(db.get_metadata(std::string(schema::metadata::kFacetColumn)).empty());
  CHECK(FacetColumnCache(true).get(db, schema::slot::kSection) == nullptr);
}
