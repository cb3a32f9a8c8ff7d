// `byline compact` (indexer/index_compaction.h): the compacted index answers
// every search as before, takes less room, keeps its facet column and the
// other files of its folder, can still be written; and what compaction must
// not touch is refused with the index left as it was.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "common/errors.h"
#include "common/schema.h"
#include "indexer/index_compaction.h"
#include "indexer/index_writer.h"
#include "searcher/facet_column.h"
#include "tests/index/generated_archive.h"
#include "tests/index/same_search.h"
#include "tests/support/temp_dir.h"

using namespace byline;
using namespace byline::testing;
using byline::test::TempDir;
namespace fs = std::filesystem;

namespace {

// One writer committing every 97 articles, then every tenth article sent
// again with a new title (replaced in place): B-trees written piecemeal.
void write_piecemeal(const std::string& path) {
  std::vector<Article> articles = with_wire_copies(0, 1200, 917);
  IndexWriter writer(path, AnalyzerSettings{}, IndexWriterOptions{97});
  for (const Article& a : articles) writer.accept(a);
  for (std::size_t i = 0; i < articles.size(); i += 10) {
    Article again = articles[i];
    again.title = "Revised: " + again.title;
    writer.accept(again);
  }
  writer.finish();
}

std::uint64_t table_bytes(const fs::path& folder) {
  std::uint64_t total = 0;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".glass" || entry.path().filename() == "iamglass") total += entry.file_size();
  return total;
}

// Each article's id with its docid.
std::map<std::string, Xapian::docid> docids(const std::string& path) {
  const Xapian::Database db(path);
  std::map<std::string, Xapian::docid> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    for (auto term = db.termlist_begin(*it); term != db.termlist_end(*it); ++term)
      if ((*term).rfind(schema::prefix::kId, 0) == 0) out[*term] = *it;
  return out;
}

}  // namespace

TEST_CASE("a compacted index answers as before, smaller, with its facet column and its other files",
          "[index][compact]") {
  TempDir original("compact-original"), compacted("compact-copy");
  write_piecemeal(original.str());
  {
    // A gap at the start of the numbering: docids are kept as they are.
    Xapian::WritableDatabase db(original.str(), Xapian::DB_OPEN);
    db.delete_document(1);
    db.delete_document(2);
    db.commit();
  }
  fs::copy(original.path, compacted.path, fs::copy_options::recursive);
  fs::create_directories(compacted.path / "notes");
  std::ofstream(compacted.path / "notes" / "provenance.txt") << "crawl of 2025-01\n";
  const std::uint64_t before = table_bytes(compacted.path);

  // A trailing separator names the same index.
  const CompactionReport report = compact_index(compacted.str() + "/");
  CHECK(report.documents == Xapian::Database(original.str()).get_doccount());
  CHECK(report.bytes_before == before);
  CHECK(report.bytes_after == table_bytes(compacted.path));
  CHECK(report.bytes_after < report.bytes_before);
  CHECK_FALSE(fs::exists(compaction_folder(compacted.str())));
  CHECK(compaction_folder(compacted.str()) == compaction_folder(compacted.str() + "/"));
  std::ifstream notes(compacted.path / "notes" / "provenance.txt");
  std::string line;
  CHECK((std::getline(notes, line) && line == "crawl of 2025-01"));

  check_same_search(original.str(), compacted.str());
  const auto numbering = docids(original.str());
  CHECK(numbering.size() == report.documents);
  CHECK(docids(compacted.str()) == numbering);
  {
    const Xapian::Database db(compacted.str());
    CHECK(FacetColumnCache(true).get(db, schema::slot::kSection) != nullptr);
    CHECK(FacetColumnCache(true).get(db, schema::slot::kStory) != nullptr);
  }

  // Still an index like any other: a writer adds to it and keeps the column.
  {
    IndexWriter writer(compacted.str(), AnalyzerSettings{});
    writer.accept(with_wire_copies(5000, 1, 3)[0]);
    writer.finish();
  }
  const Xapian::Database db(compacted.str());
  CHECK(db.get_doccount() == report.documents + 1);
  CHECK(FacetColumnCache(true).get(db, schema::slot::kSection) != nullptr);
}

TEST_CASE("compaction refuses what it must not touch and leaves the index as it was", "[index][compact]") {
  TempDir dir("compact-refused");
  CHECK_THROWS_AS(compact_index(dir.str()), IndexError);  // nothing there
  CHECK_FALSE(fs::exists(dir.path / "iamglass"));          // and nothing created

  write_piecemeal(dir.str());
  const std::uint64_t bytes = table_bytes(dir.path);
  const Xapian::doccount count = Xapian::Database(dir.str()).get_doccount();
  {
    // Another writer holds the lock.
    Xapian::WritableDatabase writer(dir.str(), Xapian::DB_OPEN);
    CHECK_THROWS_AS(compact_index(dir.str()), IndexLockedError);
  }
  {
    // An interrupted parallel run still has its merge passes to do.
    Xapian::WritableDatabase writer(dir.str(), Xapian::DB_OPEN);
    writer.set_metadata(std::string(schema::metadata::kMergePending), "1");
    writer.commit();
  }
  CHECK_THROWS_WITH(compact_index(dir.str()), Catch::Contains("run the same `byline index` command again"));
  CHECK_FALSE(fs::exists(compaction_folder(dir.str())));
  CHECK(Xapian::Database(dir.str()).get_doccount() == count);
  {
    Xapian::WritableDatabase writer(dir.str(), Xapian::DB_OPEN);
    writer.set_metadata(std::string(schema::metadata::kMergePending), "");
    writer.commit();
  }
  CHECK(table_bytes(dir.path) >= bytes);  // grown by the two commits above, never replaced

  // A Xapian database that byline did not write.
  TempDir other("compact-not-byline");
  {
    Xapian::WritableDatabase foreign(other.str(), Xapian::DB_CREATE);
    foreign.add_document(Xapian::Document());
    foreign.commit();
  }
  CHECK_THROWS_AS(compact_index(other.str()), IndexError);
  CHECK_FALSE(fs::exists(other.path / schema::files::kWriterPid));  // refused before writing anything there
}

TEST_CASE("a shard checkpoint stops compaction only while its shards hold the articles", "[index][compact]") {
  const auto set_checkpoint = [](const std::string& path) {
    Xapian::WritableDatabase writer(path, Xapian::DB_OPEN);
    writer.set_metadata(std::string(schema::metadata::kShardCheckpoint), R"({"run":"r","file":0,"offset":9,"shards":1})");
    writer.commit();
  };
  // An empty index: the run's articles are in its shards, not merged yet.
  TempDir empty("compact-shards-pending");
  IndexWriter(empty.str(), AnalyzerSettings{}).finish();
  set_checkpoint(empty.str());
  CHECK_THROWS_WITH(compact_index(empty.str()), Catch::Contains("run the same `byline index` command again"));

  // Beside articles, a checkpoint was left by a run that another replaced
  // (parallel runs start on empty indexes only): it goes with the compaction.
  TempDir full("compact-stale-checkpoint");
  write_piecemeal(full.str());
  set_checkpoint(full.str());
  CHECK(compact_index(full.str()).documents == Xapian::Database(full.str()).get_doccount());
  CHECK(Xapian::Database(full.str()).get_metadata(std::string(schema::metadata::kShardCheckpoint)).empty());
}

TEST_CASE("a copy left by an interrupted compaction is cleared and the compaction done", "[index][compact]") {
  TempDir dir("compact-leftover");
  write_piecemeal(dir.str());
  const fs::path leftover = compaction_folder(dir.str());
  fs::create_directories(leftover);
  std::ofstream(leftover / "postlist.glass") << "half-written";
  std::ofstream(leftover / "left-behind.txt") << "a file of the interrupted copy";
  const CompactionReport report = compact_index(dir.str());
  CHECK(report.documents == Xapian::Database(dir.str()).get_doccount());
  CHECK_FALSE(fs::exists(leftover));
  CHECK_FALSE(fs::exists(dir.path / "left-behind.txt"));  // nothing of it came into the index
  CHECK(FacetColumnCache(true).get(Xapian::Database(dir.str()), schema::slot::kSection) != nullptr);
}
