// Parallel indexing (issue 6, item 4): shards written on several threads and
// merged must give the database one writer gives — the same articles, the
// same story keys for wire copies, the same ranking and facets, a facet
// column the searcher uses — and a run cut short must resume from its
// committed shards to the same result.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "common/schema.h"
#include "common/stored_fields.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/parallel_indexer.h"
#include "searcher/facet_column.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"
#include "tests/index/same_search.h"
#include "tests/support/temp_dir.h"

using namespace byline;
using namespace byline::testing;
using byline::test::TempDir;

namespace {

// Wire copies throughout, and some articles sent a second time at the end
// with a new title (the same URL, so the same id), as a crawl that fetched a
// page twice would. Only articles nobody copied are re-sent: a single writer
// keeps the first docid of a replaced article and the merge the last, and
// with it which copy of a story comes first.
std::vector<Article> input_articles() {
  std::vector<Article> articles = with_wire_copies(0, 1500, 4242);
  // Past the first block, "World" is spelt "world": the label of a section is
  // the first the input gave it, whichever shard merges first.
  for (std::size_t i = 100; i < articles.size(); ++i)
    if (articles[i].section == "World") articles[i].section = "world";
  std::map<std::string, int> bodies;
  for (const Article& a : articles) ++bodies[a.body];
  std::vector<Article> resent;
  for (std::size_t i = 0; i < 1000; i += 37)
    if (bodies[articles[i].body] == 1) {
      Article again = articles[i];
      again.title = "Revised: " + again.title;
      resent.push_back(again);
    }
  REQUIRE(resent.size() > 10);
  articles.insert(articles.end(), resent.begin(), resent.end());
  return articles;
}

IndexStats write_serially(const std::string& path, const std::vector<Article>& articles) {
  IndexWriter writer(path, AnalyzerSettings{}, IndexWriterOptions{97});
  for (const Article& a : articles) writer.accept(a);
  writer.finish();
  return writer.stats();
}

// Each article is one record; the boundary after it is its index + 1.
void feed(ParallelIndexer& indexer, const std::vector<Article>& articles, std::size_t from, std::size_t to) {
  indexer.begin_file(0);
  for (std::size_t i = from; i < to; ++i) {
    indexer.accept(articles[i]);
    indexer.record_boundary(i + 1);
  }
}

struct Stored {
  std::string title;
  std::string story;
  bool operator==(const Stored&) const = default;
};

std::map<std::string, Stored> stored_by_id(const std::string& path) {
  Xapian::Database db(path);
  std::map<std::string, Stored> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    const Article a = decode_stored_fields(doc.get_data());
    CHECK(out.emplace(a.id, Stored{a.title, doc.get_value(schema::slot::kStory)}).second);  // each id once
  }
  return out;
}

}  // namespace

TEST_CASE("shards written in parallel and merged hold what one writer writes", "[index][parallel]") {
  const std::vector<Article> articles = input_articles();
  TempDir serial("parallel-serial"), parallel("parallel-merged");
  const IndexStats expected = write_serially(serial.str(), articles);

  ParallelIndexer indexer(open_index_for_writing(parallel.str()), parallel.str(), AnalyzerSettings{},
                          ParallelIndexOptions{3, 64});
  for (const Article& a : articles) indexer.accept(a);
  indexer.finish();

  CHECK(indexer.stats().added == expected.added);
  CHECK(indexer.stats().replaced == expected.replaced);
  CHECK(expected.replaced > 10);
  CHECK(indexer.merge_report().shards == (articles.size() + 63) / 64);
  CHECK(indexer.merge_report().stories_joined > 0);
  CHECK_FALSE(std::filesystem::exists(parallel.path / "byline-shards"));

  // The same articles (the last version of a re-sent one), the same story keys.
  const auto want = stored_by_id(serial.str()), got = stored_by_id(parallel.str());
  CHECK(got == want);
  std::set<std::string> stories;
  for (const auto& [id, stored] : got) stories.insert(stored.story);
  CHECK(stories.size() < got.size());  // wire copies share a key

  // Docids follow the input: the order of each id's last version.
  std::map<std::string, std::size_t> last_seen;
  for (std::size_t i = 0; i < articles.size(); ++i) last_seen[articles[i].id] = i;
  std::vector<std::pair<std::size_t, std::string>> order;
  for (const auto& [id, position] : last_seen) order.emplace_back(position, id);
  std::sort(order.begin(), order.end());
  Xapian::Database db(parallel.str());
  std::vector<std::string> by_docid;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    by_docid.push_back(decode_stored_fields(db.get_document(*it).get_data()).id);
  REQUIRE(by_docid.size() == order.size());
  for (std::size_t i = 0; i < order.size(); ++i) CHECK(by_docid[i] == order[i].second);

  // The merged database carries a facet column the searcher uses.
  CHECK(FacetColumnCache(true).get(db, schema::slot::kSection) != nullptr);
  CHECK(FacetColumnCache(true).get(db, schema::slot::kStory) != nullptr);
  CHECK(db.get_metadata(std::string(schema::metadata::kShardCheckpoint)).empty());
  check_same_search(serial.str(), parallel.str());
}

TEST_CASE("shards merged in groups hold what one writer writes", "[index][parallel]") {
  // 24 shards, at most 4 databases per compaction: groups of 4 shards, then
  // groups of those, then the final merge.
  const std::vector<Article> articles = input_articles();
  TempDir serial("grouped-serial"), parallel("grouped-merged");
  write_serially(serial.str(), articles);
  ParallelIndexOptions options{2, 64};
  options.merge_fan_in = 4;
  ParallelIndexer indexer(open_index_for_writing(parallel.str()), parallel.str(), AnalyzerSettings{}, options);
  for (const Article& a : articles) indexer.accept(a);
  indexer.finish();
  REQUIRE(indexer.merge_report().shards == 24);
  CHECK(indexer.merge_report().merge_inputs == 2);  // 24 -> 6 -> 2
  CHECK_FALSE(std::filesystem::exists(parallel.path / "byline-shards"));
  CHECK(stored_by_id(parallel.str()) == stored_by_id(serial.str()));
  check_same_search(serial.str(), parallel.str());  // section labels as the input gave them first, too
}

TEST_CASE("the shard folder keeps the widest complete databases that cover the blocks", "[index][parallel]") {
  TempDir dir("tiling");
  const auto make = [&](const std::string& name, bool complete = true) {
    std::filesystem::create_directories(dir.path / name);
    if (complete) std::ofstream(dir.path / name / "iamglass") << "";
  };
  make("blocks-000000-000003");
  make("block-000000");  // merged into the range above, not yet removed
  make("block-000003");
  make("block-000004", false);  // a writer's half-made shard: no version file
  make("blocks-000004-000005");
  make("block-000006");
  make("block-000007");               // past the checkpoint
  make("blocks-000006-000009.partial");  // a group merge cut short
  make("merged");
  make("notes");
  const auto tiles = tile_shard_ranges(dir.str(), 7);
  REQUIRE(tiles);
  std::vector<std::string> names;
  for (const ShardRange& r : *tiles) names.push_back(std::filesystem::path(r.path).filename().string());
  CHECK(names == std::vector<std::string>{"blocks-000000-000003", "blocks-000004-000005", "block-000006"});
  CHECK((*tiles)[1].first == 4);
  CHECK((*tiles)[1].last == 5);
  std::set<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path)) left.insert(entry.path().filename().string());
  CHECK(left == std::set<std::string>(names.begin(), names.end()));

  // A block no database holds: nothing can be kept.
  CHECK_FALSE(tile_shard_ranges(dir.str(), 9));
  CHECK(std::filesystem::is_empty(dir.path));
  CHECK(shard_range_name(7, 7) == "block-000007");
  CHECK(shard_range_name(64, 127) == "blocks-000064-000127");
}

TEST_CASE("an interrupted parallel run resumes from its committed shards", "[index][parallel]") {
  const std::vector<Article> articles = input_articles();
  TempDir serial("resume-serial"), parallel("resume-parallel");
  write_serially(serial.str(), articles);
  const std::string run = "run-1";
  const ParallelIndexOptions options{2, 50};

  std::size_t resume_at = 0;
  {
    ParallelIndexer first(open_index_for_writing(parallel.str()), parallel.str(), AnalyzerSettings{}, options, run);
    CHECK_FALSE(first.resumed_from());
    feed(first, articles, 0, 777);
    // Destroyed without finish(): the blocks handed to the writers are
    // committed, the block being filled is lost, as in a crash.
  }
  {
    Xapian::Database db(parallel.str());
    CHECK(db.get_doccount() == 0);  // nothing reaches the target before the merge
    const nlohmann::json checkpoint = nlohmann::json::parse(db.get_metadata(std::string(schema::metadata::kShardCheckpoint)));
    CHECK(checkpoint["shards"] == 15);  // 777 records: 15 full blocks of 50 (one block is cut per boundary past 50)
    resume_at = checkpoint["offset"];
    CHECK(resume_at == 750);
  }
  // Another run's checkpoint is not this run's: a different run starts afresh.
  {
    ParallelIndexer other(open_index_for_writing(parallel.str()), parallel.str(), AnalyzerSettings{}, options,
                          std::string("another-run"));
    CHECK_FALSE(other.resumed_from());
  }
  // ... so the first run is repeated; this time it is cut short right after
  // shards 8 and 9 were committed, before the checkpoint said so.
  {
    ParallelIndexer again(open_index_for_writing(parallel.str()), parallel.str(), AnalyzerSettings{}, options, run);
    feed(again, articles, 0, 500);
  }
  {
    Xapian::WritableDatabase db = open_index_for_writing(parallel.str());
    const nlohmann::json older = {{"run", run}, {"file", 0}, {"offset", 400}, {"shards", 8}};
    db.set_metadata(std::string(schema::metadata::kShardCheckpoint), older.dump());
    db.commit();
  }
  REQUIRE(std::filesystem::exists(parallel.path / "byline-shards" / "block-000009"));
  ParallelIndexer resumed(open_index_for_writing(parallel.str()), parallel.str(), AnalyzerSettings{}, options, run);
  REQUIRE(resumed.resumed_from());
  CHECK(resumed.resumed_from()->offset == 400);
  // Shards past the checkpoint are not kept: they are written again.
  CHECK(std::filesystem::exists(parallel.path / "byline-shards" / "block-000007"));
  CHECK_FALSE(std::filesystem::exists(parallel.path / "byline-shards" / "block-000008"));
  feed(resumed, articles, resumed.resumed_from()->offset, articles.size());
  resumed.finish();
  CHECK(resumed.stats().added + resumed.stats().replaced == articles.size() - 400);
  CHECK(stored_by_id(parallel.str()) == stored_by_id(serial.str()));
  check_same_search(serial.str(), parallel.str());
}

TEST_CASE("a run killed while merging groups resumes with the groups it made", "[index][parallel]") {
  const std::vector<Article> articles = input_articles();
  TempDir serial("group-resume-serial"), parallel("group-resume-parallel");
  write_serially(serial.str(), articles);
  const std::string run = "run-1";
  ParallelIndexOptions options{2, 50};
  options.merge_fan_in = 4;
  {
    ParallelIndexer first(open_index_for_writing(parallel.str()), parallel.str(), AnalyzerSettings{}, options, run);
    feed(first, articles, 0, 777);  // 15 shards committed, then the run stops
  }
  // The first level of finish()'s merge got through: 15 shards in 4 groups
  // (with its own fan-in, 4). The kill came after a group's rename, before
  // its inputs were removed: one of them is still there.
  const auto shards = parallel.path / "byline-shards";
  const auto tiles = tile_shard_ranges(shards.string(), 15);
  REQUIRE(tiles);
  REQUIRE(tiles->size() == 15);
  std::filesystem::copy(shards / "block-000005", shards / "spare", std::filesystem::copy_options::recursive);
  const auto groups = reduce_shard_fan_in(*tiles, shards.string(), 4, 2);
  REQUIRE(groups.size() == 4);
  CHECK(std::filesystem::exists(shards / "blocks-000004-000007"));
  std::filesystem::rename(shards / "spare", shards / "block-000005");

  ParallelIndexer resumed(open_index_for_writing(parallel.str()), parallel.str(), AnalyzerSettings{}, options, run);
  REQUIRE(resumed.resumed_from());
  CHECK(resumed.resumed_from()->offset == 750);
  CHECK_FALSE(std::filesystem::exists(shards / "block-000005"));  // inside a wider range
  CHECK(std::filesystem::exists(shards / "blocks-000004-000007"));
  feed(resumed, articles, 750, articles.size());
  resumed.finish();
  CHECK(resumed.merge_report().shards == 15 + (articles.size() - 750 + 49) / 50);
  CHECK(stored_by_id(parallel.str()) == stored_by_id(serial.str()));
  check_same_search(serial.str(), parallel.str());
}

TEST_CASE("a shard writer's failure reaches the reading thread and leaves the target empty", "[index][parallel]") {
  const std::vector<Article> articles = with_wire_copies(0, 400, 9);
  TempDir dir("parallel-failure");
  {
    ParallelIndexer indexer(open_index_for_writing(dir.str()), dir.str(), AnalyzerSettings{}, ParallelIndexOptions{2, 20});
    // The shard folder becomes a file: no shard can be created in it.
    std::filesystem::remove_all(dir.path / "byline-shards");
    std::ofstream(dir.path / "byline-shards") << "not a folder";
    CHECK_THROWS([&] {
      for (const Article& a : articles) indexer.accept(a);
      indexer.finish();
    }());
  }
  CHECK(Xapian::Database(dir.str()).get_doccount() == 0);
}

TEST_CASE("a merge cut short before its passes is completed by the next writer", "[index][parallel]") {
  const std::vector<Article> articles = with_wire_copies(0, 300, 17);
  TempDir dir("parallel-pending");
  {
    ParallelIndexer indexer(open_index_for_writing(dir.str()), dir.str(), AnalyzerSettings{},
                            ParallelIndexOptions{2, 40});
    for (const Article& a : articles) indexer.accept(a);
    indexer.finish();
  }
  const auto complete = stored_by_id(dir.str());
  {
    // The state a kill between the install and the passes leaves: an id in
    // two shards, stories not joined, no facet column, the mark set.
    Xapian::WritableDatabase db = open_index_for_writing(dir.str());
    DocumentBuilder builder{Analyzer(AnalyzerSettings{})};
    db.add_document(builder.build(articles[5]));
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      const Article a = decode_stored_fields(doc.get_data());
      doc.remove_term(schema::boolean_term(schema::prefix::kStory, doc.get_value(schema::slot::kStory)));
      doc.add_boolean_term(schema::boolean_term(schema::prefix::kStory, a.id));
      doc.add_value(schema::slot::kStory, a.id);
      db.replace_document(*it, doc);
    }
    db.set_metadata(std::string(schema::metadata::kMergePending), "1");
    db.commit();
    std::filesystem::create_directories(dir.path / "byline-shards" / "block-000000");
    CHECK(FacetColumnCache(true).get(Xapian::Database(dir.str()), schema::slot::kSection) == nullptr);
  }
  Xapian::WritableDatabase db = open_index_for_writing(dir.str());
  CHECK(complete_interrupted_merge(db, dir.str(), AnalyzerSettings{}));
  CHECK_FALSE(complete_interrupted_merge(db, dir.str(), AnalyzerSettings{}));  // done once
  db.close();
  CHECK(stored_by_id(dir.str()) == complete);
  CHECK_FALSE(std::filesystem::exists(dir.path / "byline-shards"));
  const Xapian::Database reader(dir.str());
  CHECK(reader.get_metadata(std::string(schema::metadata::kMergePending)).empty());
  CHECK(FacetColumnCache(true).get(reader, schema::slot::kSection) != nullptr);
}
