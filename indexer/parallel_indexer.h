#pragma once
// Builds a new index on several cores. The reading thread (the caller of
// accept) cuts the articles into blocks in input order; worker threads each
// write a block into a shard database of its own (term generation, inversion
// and the shard's commit all run in parallel); finish() merges the shards by
// Xapian's compaction, in block order (in groups first when there are more
// than indexer/shard_ranges.h's fan-in, so that its memory stays flat), adds the spelling data from the
// merged words (indexer/spelling_table.h) and moves the result into the
// target, then does once, on the merged database, what shards cannot do
// alone: an id indexed in two blocks keeps its last version
// (indexer/duplicate_ids.h), wire copies get the story key a single writer
// would have given them (indexer/story_resolution.h), and the facet column
// is built.
//
// Only for a target that holds no documents yet: merging into a populated
// index would mean rewriting it. `byline index` uses the single IndexWriter
// for those.
//
// Resumable by shard: a block is cut at a record boundary, and once blocks
// 0..k-1 are all committed the target records (in its metadata, key
// schema::metadata::kShardCheckpoint) that k shards cover the input up to
// that boundary. The same run started again keeps those shards and reads on
// from there; later shards are written again.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <optional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "indexer/article_sink.h"
#include "indexer/index_stats.h"
#include "indexer/index_writer.h"
#include "indexer/shard_ranges.h"

namespace byline {

struct ParallelIndexOptions {
  unsigned threads = 2;           // shard writers working at once
  std::size_t block_size = 2000;  // articles per shard (and per commit): bounds each writer's memory
  std::size_t merge_fan_in = kShardFanIn;  // the most databases one compaction opens
};

// What the passes after the merge found, for the run's report.
struct MergeReport {
  std::size_t shards = 0;
  std::size_t merge_inputs = 0;  // databases the last compaction merged (shards, or groups of them)
  double write_seconds = 0;    // from the start of the run to the last shard committed
  double merge_seconds = 0;    // compaction, spelling data and installing the result
  std::uint64_t spelling_words = 0;
  double resolve_seconds = 0;  // duplicate ids, story keys, facet column
  std::uint64_t stories_joined = 0;
};

// What the passes on a merged database did.
struct MergePasses {
  std::uint64_t duplicates_removed = 0;
  std::uint64_t stories_joined = 0;
};

// The passes on a merged database (duplicate ids, story keys on `threads`
// threads, facet column), and the end of its "merge pending" mark; `db` is
// the database at `path`. Commits.
MergePasses complete_merge(Xapian::WritableDatabase& db, const std::string& path, const AnalyzerSettings& analyzer,
                           unsigned threads);

// A parallel run cut short between installing the merged database and the
// end of its passes leaves the mark: this completes them (true) and deletes
// the run's shards. Call on opening a database for writing; a database that
// holds articles and no mark only loses a stale shard folder and checkpoint.
bool complete_interrupted_merge(Xapian::WritableDatabase& db, const std::string& path,
                                const AnalyzerSettings& analyzer);

// True when `db` is empty and holds the shard checkpoint of `run`: the run
// must go on through a ParallelIndexer (with any number of threads, one
// included) to keep the shards it committed.
bool holds_resumable_shards(const Xapian::Database& db, const std::optional<std::string>& run);

// Deletes the shard folder and the shard checkpoint of `db` at `path`, for a
// run that writes in place instead: they would otherwise stay, unreachable,
// and keep `byline compact` away. Commits when there was a checkpoint.
void discard_unfinished_parallel_run(Xapian::WritableDatabase& db, const std::string& path);

class ParallelIndexer final : public ArticleSink {
 public:
  // `target`: the open, locked, empty database at `path` (see
  // open_index_for_writing). Records the schema in it and starts the workers.
  // `run` identifies the run (as for IndexWriter::start_run); when the target
  // holds a shard checkpoint of the same run, its shards are kept and
  // resumed_from() says where reading must start. Without a run nothing is
  // resumed or checkpointed.
  ParallelIndexer(Xapian::WritableDatabase target, std::string path, const AnalyzerSettings& analyzer,
                  ParallelIndexOptions options, std::optional<std::string> run = std::nullopt);
  // Without finish() (an error, an interruption): the writers finish the
  // blocks handed to them; the shards and the checkpoint stay for the same
  // run to resume, and the target holds no articles.
  ~ParallelIndexer() override;
  ParallelIndexer(const ParallelIndexer&) = delete;
  ParallelIndexer& operator=(const ParallelIndexer&) = delete;

  // Rethrow a worker's error (a full disk, say) at the next call.
  void accept(Article article) override;
  void skip(std::string_view reason, std::string_view where) override;
  void note(std::string_view what, std::string_view where) override;
  void begin_file(std::size_t file_index) override;
  void record_boundary(std::uint64_t offset) override;
  void end_file(std::size_t file_index) override;

  // The checkpoint of the interrupted run this one resumes, if any.
  const std::optional<Checkpoint>& resumed_from() const { return resumed_from_; }

  // Waits for the shards, merges them into the target and runs the passes
  // above. Call once, from the reading thread.
  void finish();
  const IndexStats& stats() const { return stats_; }
  IndexStats& stats() { return stats_; }
  const MergeReport& merge_report() const { return report_; }

 private:
  struct Block {
    std::size_t number = 0;
    std::vector<Article> articles;
    std::optional<Checkpoint> end;  // where the input stands after it; unknown when cut between boundaries
  };

  void resume_or_clear(const std::optional<std::string>& run);
  void dispatch();  // hands the block being filled to the workers
  void work();      // a worker thread's loop
  IndexStats write_shard(Block& block);  // what the shard's writer counted
  void shard_done(const Block& block, const IndexStats& written);  // under mutex_
  void stop_workers();
  void rethrow_worker_error();
  std::string shard_path(std::size_t number) const;

  Xapian::WritableDatabase target_;
  std::string path_;
  std::string shard_folder_;
  AnalyzerSettings analyzer_;
  ParallelIndexOptions options_;
  std::chrono::steady_clock::time_point started_;
  IndexStats stats_;
  MergeReport report_;
  Block filling_;
  std::size_t blocks_ = 0;  // blocks dispatched (or kept from the run resumed)
  std::optional<Checkpoint> position_;      // set when the run has an identity
  std::optional<Checkpoint> resumed_from_;
  bool finished_ = false;

  std::mutex mutex_;
  std::condition_variable work_ready_;  // a block was queued, or the run is closing
  std::condition_variable room_ready_;  // a block was taken, or a worker failed
  std::deque<Block> queue_;
  bool closing_ = false;
  std::exception_ptr error_;
  std::size_t committed_prefix_ = 0;  // blocks 0..n-1 are all committed
  std::map<std::size_t, std::optional<Checkpoint>> committed_;  // committed beyond the prefix
  std::uint64_t shard_added_ = 0;
  std::uint64_t shard_replaced_ = 0;
  std::vector<std::thread> workers_;
};

}  // namespace byline
