#pragma once
// The index writer: the ArticleSink that posts articles into a Xapian
// database. Each article is written with replace_document on its unique Q term,
// so re-indexing replaces; commits are explicit, every `batch_size` articles
// and at finish(). Not thread-safe.

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "common/analyzer.h"
#include "indexer/article_sink.h"
#include "indexer/document_builder.h"
#include "indexer/facet_column_writer.h"
#include "indexer/index_stats.h"

namespace byline {

struct IndexWriterOptions {
  std::size_t batch_size = 10000;  // articles per commit
  // A shard of a parallel run (indexer/parallel_indexer.h) turns the next
  // three off: the merged database gets its story keys, facet column and
  // spelling data once, after the merge.
  bool find_stories = true;   // story keys from near-duplicates already in the database
  bool facet_column = true;   // keep the facet column in step with the documents
  bool spelling = true;       // spelling data for "did you mean", word by word
  // A replaced article keeps its docid (true), or moves to the end, where its
  // new version came in the input (a shard, whose docids must follow the
  // input for the story pass after the merge).
  bool replace_in_place = true;
};

// Where a run stands: the file (index in the run's sorted file list) and the
// decoded byte offset of the next record in it (a record boundary).
struct Checkpoint {
  std::string run;          // identity of the run: a hash of its file list
  std::size_t file = 0;
  std::uint64_t offset = 0;
};

// Opens (or creates) the database at `path` for writing, leaving this
// process's id beside Xapian's lock. Throws IndexLockedError (naming the
// process that holds the lock), IndexError for a database of another format,
// InputError if the path cannot be used.
Xapian::WritableDatabase open_index_for_writing(const std::string& path);

class IndexWriter final : public ArticleSink {
 public:
  // Opens (or creates) the database at `path`. Throws IndexLockedError if
  // another process writes it, IndexError if it holds another schema or
  // analyzer, InputError if the path cannot be used.
  IndexWriter(const std::string& path, const AnalyzerSettings& analyzer, IndexWriterOptions options = {});
  // For tests: writes into an existing (e.g. in-memory) database.
  IndexWriter(Xapian::WritableDatabase db, const AnalyzerSettings& analyzer, IndexWriterOptions options = {});
  // Commits what is pending; errors are swallowed here (call finish() to see them).
  ~IndexWriter() override;

  void accept(Article article) override;
  void skip(std::string_view reason, std::string_view where) override;
  void note(std::string_view what, std::string_view where) override;

  // Resumable runs: every commit also records where the run stands (the last
  // record boundary), in the same transaction as the articles it covers, so a
  // crash at any moment leaves a checkpoint that matches the committed
  // articles. Returns the checkpoint an interrupted run of `run` left, if any.
  std::optional<Checkpoint> start_run(const std::string& run);
  void begin_file(std::size_t file_index) override;
  void record_boundary(std::uint64_t offset) override;
  void end_file(std::size_t file_index) override;

  // Commits, records per-database metadata (section labels) and removes the
  // run's checkpoint: the run is complete. Call once.
  void finish();
  const IndexStats& stats() const { return stats_; }
  IndexStats& stats() { return stats_; }

 private:
  void commit();
  void commit_if_batch_full();

  Xapian::WritableDatabase db_;
  Analyzer analyzer_;
  DocumentBuilder builder_;
  IndexWriterOptions options_;
  IndexStats stats_;
  std::size_t pending_ = 0;
  bool finished_ = false;
  std::optional<Checkpoint> position_;  // set once a run started: written with each commit
  std::unordered_map<std::string, std::string> new_section_labels_;  // key -> first label seen this run
  FacetColumnWriter column_;  // flushed into every commit, with the documents it describes
};

}  // namespace byline
