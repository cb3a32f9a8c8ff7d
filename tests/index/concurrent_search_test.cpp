// Searching while an indexer commits (issue 5, concurrency): a Searcher opened
// on an on-disk database must keep answering while a writer commits batch
// after batch, and move to the newest revision when the one it reads is
// overwritten (Xapian::DatabaseModifiedError) or when refresh() is called.

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <thread>

#include "indexer/index_writer.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"
#include "tests/support/temp_dir.h"

using namespace byline;
using namespace byline::testing;

namespace {

using byline::test::TempDir;

std::uint64_t count_all(const Searcher& searcher) {
  SearchRequest request;
  request.limit = 0;
  request.facets = true;  // exact total: every document is checked
  return searcher.search(request).total.value;
}

// Writes `count` generated articles whose ids start at `first`, committing
// every `batch` articles.
void write_articles(const std::string& path, std::size_t first, std::size_t count, std::size_t batch,
                    std::uint32_t seed) {
  IndexWriter writer(path, AnalyzerSettings{}, IndexWriterOptions{batch});
  Generator gen(seed);
  for (std::size_t i = first; i < first + count; ++i) writer.accept(gen.article(i));
  writer.finish();
}

}  // namespace

TEST_CASE("a searcher follows an archive that grows under it", "[index][concurrency]") {
  TempDir dir("concurrent");
  const std::string path = dir.path.string();
  write_articles(path, 0, 50, 50, 1);
  const Searcher searcher(path);
  REQUIRE(count_all(searcher) == 50);

  write_articles(path, 50, 40, 10, 2);
  // Still the revision it opened (unless that one was overwritten meanwhile).
  const std::uint64_t before = count_all(searcher);
  CHECK((before == 50 || before == 90));
  CHECK(searcher.refresh() == (before == 50));
  CHECK(count_all(searcher) == 90);
  CHECK_FALSE(searcher.refresh());
}

TEST_CASE("searches keep answering while a writer commits many batches", "[index][concurrency]") {
  TempDir dir("concurrent");
  const std::string path = dir.path.string();
  write_articles(path, 0, 20, 20, 3);
  const Searcher searcher(path);

  std::atomic<bool> done{false};
  std::string writer_failure;
  std::thread writer([&] {
    // Batches of 10: 40 commits, each rewriting the tables' root blocks, so
    // the revision a reader holds is soon overwritten (an indexer's default
    // is 10,000 articles per commit).
    try {
      write_articles(path, 20, 400, 10, 4);
    } catch (const std::exception& e) {
      writer_failure = e.what();
    } catch (const Xapian::Error& e) {
      writer_failure = e.get_description();
    }
    done = true;
  });
  std::uint64_t searches = 0, last = 0;
  bool monotonic = true;
  std::string failure;
  while (!done || searches < 20) {
    try {
      SearchRequest request;
      request.query = kVocabulary[searches % kVocabulary.size()];
      request.limit = 5;
      (void)searcher.search(request);
      const std::uint64_t now = count_all(searcher);
      if (now < last) monotonic = false;
      last = now;
      if (searches % 4 == 0) searcher.refresh();
    } catch (const std::exception& e) {
      failure = e.what();
      break;
    } catch (const Xapian::Error& e) {
      failure = e.get_description();
      break;
    }
    ++searches;
  }
  writer.join();
  CHECK(writer_failure == "");
  INFO("searches run: " << searches);
  CHECK(failure == "");
  CHECK(monotonic);
  searcher.refresh();
  CHECK(count_all(searcher) == 420);
}
