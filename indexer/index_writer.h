#pragma once
// The index writer: the ArticleSink that posts articles into a Xapian
// database. Each article is written with replace_document on its unique Q term,
// so re-indexing replaces; commits are explicit, every `batch_size` articles
// and at finish(). Not thread-safe.

#include <memory>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "common/analyzer.h"
#include "indexer/article_sink.h"
#include "indexer/document_builder.h"
#include "indexer/index_stats.h"

namespace byline {

struct IndexWriterOptions {
  std::size_t batch_size = 10000;  // articles per commit
};

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

  // Commits and records per-database metadata (section labels). Call once.
  void finish();
  const IndexStats& stats() const { return stats_; }
  IndexStats& stats() { return stats_; }

 private:
  void commit();

  Xapian::WritableDatabase db_;
  Analyzer analyzer_;
  DocumentBuilder builder_;
  IndexWriterOptions options_;
  IndexStats stats_;
  std::size_t pending_ = 0;
  bool finished_ = false;
  std::unordered_map<std::string, std::string> new_section_labels_;  // key -> first label seen this run
};

}  // namespace byline
