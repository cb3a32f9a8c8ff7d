#include "indexer/parallel_indexer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/schema.h"
#include "indexer/duplicate_ids.h"
#include "indexer/index_writer.h"
#include "indexer/shard_merge.h"
#include "indexer/shard_ranges.h"
#include "indexer/spelling_table.h"
#include "indexer/story_resolution.h"

namespace byline {

namespace fs = std::filesystem;

namespace {

// Shards go beside the target's tables (schema::files::kShardFolder), so that
// moving the merged tables in is a rename.
using schema::files::kShardFolder;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

ParallelIndexer::ParallelIndexer(Xapian::WritableDatabase target, std::string path, const AnalyzerSettings& analyzer,
                                 ParallelIndexOptions options, std::optional<std::string> run)
    : target_(std::move(target)),
      path_(std::move(path)),
      shard_folder_((fs::path(path_) / kShardFolder).string()),
      analyzer_(analyzer),
      options_(options),
      started_(std::chrono::steady_clock::now()) {
  if (options_.threads == 0) options_.threads = 1;
  if (options_.block_size == 0) options_.block_size = 1;
  Analyzer(analyzer_).record_in(target_);  // throws for an index of another schema or language
  target_.commit();
  resume_or_clear(run);
  filling_.articles.reserve(options_.block_size);
  for (unsigned i = 0; i < options_.threads; ++i) workers_.emplace_back([this] { work(); });
}

void ParallelIndexer::resume_or_clear(const std::optional<std::string>& run) {
  const std::string key(schema::metadata::kShardCheckpoint);
  if (run) position_ = Checkpoint{*run, 0, 0};
  const nlohmann::json saved = nlohmann::json::parse(target_.get_metadata(key), nullptr, false);
  std::size_t kept = 0;
  if (run && saved.is_object() && saved.value("run", "") == *run) kept = saved.value("shards", std::size_t{0});
  // Databases past the checkpoint were written by the interrupted run but
  // are not covered by it: tiling removes them, and they are written again.
  if (kept > 0 && (!fs::is_directory(shard_folder_) || !tile_shard_ranges(shard_folder_, kept)))
    kept = 0;  // a shard went missing: start afresh
  if (kept > 0) {
    resumed_from_ = Checkpoint{*run, saved.value("file", std::size_t{0}), saved.value("offset", std::uint64_t{0})};
    position_ = resumed_from_;
    blocks_ = committed_prefix_ = kept;
  } else {
    fs::remove_all(shard_folder_);
    fs::create_directories(shard_folder_);
    target_.set_metadata(key, "");
    target_.commit();
  }
}

ParallelIndexer::~ParallelIndexer() {
  // Blocks already handed to the writers are committed; the shards stay for
  // the run to resume.
  stop_workers();
}

void ParallelIndexer::accept(Article article) {
  filling_.articles.push_back(std::move(article));
  // Blocks are cut at record boundaries (so that the checkpoint after them is
  // exact); a reader that gives none (a long WARC file) or a run without an
  // identity gets blocks cut here, at twice the size when boundaries may come.
  const std::size_t limit = position_ ? 2 * options_.block_size : options_.block_size;
  if (filling_.articles.size() >= limit) dispatch();
}

void ParallelIndexer::begin_file(std::size_t file_index) {
  if (position_) *position_ = Checkpoint{position_->run, file_index, 0};
}

void ParallelIndexer::record_boundary(std::uint64_t offset) {
  if (!position_) return;
  position_->offset = offset;
  if (filling_.articles.size() >= options_.block_size) {
    filling_.end = position_;
    dispatch();
  }
}

void ParallelIndexer::end_file(std::size_t file_index) {
  if (!position_) return;
  *position_ = Checkpoint{position_->run, file_index + 1, 0};
  if (filling_.articles.size() >= options_.block_size) {
    filling_.end = position_;
    dispatch();
  }
}

void ParallelIndexer::skip(std::string_view reason, std::string_view /*where*/) {
  ++stats_.skipped[std::string(reason)];
}

void ParallelIndexer::note(std::string_view what, std::string_view /*where*/) { ++stats_.notes[std::string(what)]; }

void ParallelIndexer::dispatch() {
  if (filling_.articles.empty()) return;
  filling_.number = blocks_++;
  std::unique_lock lock(mutex_);
  // One block waits at most: the reader stays a block ahead of the writers,
  // and memory is bounded by (threads + 2) blocks.
  room_ready_.wait(lock, [this] { return queue_.empty() || error_; });
  if (error_) {
    lock.unlock();
    rethrow_worker_error();
  }
  queue_.push_back(std::move(filling_));
  lock.unlock();
  work_ready_.notify_one();
  filling_ = Block{};
  filling_.articles.reserve(options_.block_size);
}

void ParallelIndexer::work() {
  while (true) {
    Block block;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [this] { return !queue_.empty() || closing_; });
      if (queue_.empty() || error_) return;
      block = std::move(queue_.front());
      queue_.pop_front();
    }
    room_ready_.notify_one();
    try {
      const IndexStats written = write_shard(block);
      std::lock_guard lock(mutex_);
      shard_done(block, written);
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
      room_ready_.notify_all();
      return;
    }
  }
}

IndexStats ParallelIndexer::write_shard(Block& block) {
  IndexWriterOptions options;
  options.batch_size = block.articles.size() + 1;  // one commit, at finish()
  options.find_stories = false;                    // resolved on the merged database
  options.facet_column = false;                    // built once, on the merged database
  options.replace_in_place = false;                // docids in the order of each article's last version
  options.spelling = false;                        // built once from the merged database's words
  const std::string path = shard_path(block.number);
  fs::remove_all(path);  // a shard the interrupted run left half-written
  IndexWriter writer(path, analyzer_, options);
  for (Article& article : block.articles) writer.accept(std::move(article));
  writer.finish();
  block.articles = {};
  return writer.stats();
}

void ParallelIndexer::shard_done(const Block& block, const IndexStats& written) {
  shard_added_ += written.added;
  shard_replaced_ += written.replaced;
  committed_[block.number] = block.end;
  std::optional<Checkpoint> covered;
  while (!committed_.empty() && committed_.begin()->first == committed_prefix_) {
    if (committed_.begin()->second) covered = committed_.begin()->second;
    else covered.reset();  // the prefix now ends inside a record run: no exact position for it
    committed_.erase(committed_.begin());
    ++committed_prefix_;
  }
  if (!covered) return;
  const nlohmann::json checkpoint = {
      {"run", covered->run}, {"file", covered->file}, {"offset", covered->offset}, {"shards", committed_prefix_}};
  target_.set_metadata(std::string(schema::metadata::kShardCheckpoint), checkpoint.dump());
  target_.commit();
}

void ParallelIndexer::stop_workers() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_)
    if (worker.joinable()) worker.join();
  workers_.clear();
}

void ParallelIndexer::rethrow_worker_error() {
  stop_workers();
  std::rethrow_exception(error_);
}

std::string ParallelIndexer::shard_path(std::size_t number) const {
  return (fs::path(shard_folder_) / shard_range_name(number, number)).string();
}

void ParallelIndexer::finish() {
  if (finished_) return;
  filling_.end = position_;  // the end of the input
  dispatch();
  stop_workers();  // the queue drains first: workers leave only once it is empty
  if (error_) std::rethrow_exception(error_);
  stats_.added += shard_added_;
  stats_.replaced += shard_replaced_;
  report_.shards = blocks_;
  report_.write_seconds = seconds_since(started_);

  if (blocks_ > 0) {
    const auto merging = std::chrono::steady_clock::now();
    // Tiling also clears what an interrupted merge left (a `merged` folder, partial groups).
    const auto tiles = tile_shard_ranges(shard_folder_, blocks_);
    if (!tiles) throw std::runtime_error(fmt::format("shards of {} are missing in {}", path_, shard_folder_));
    // Two group merges at most at once: each opens up to merge_fan_in
    // databases (five files each), lowered to fit the limit on open files.
    const std::vector<ShardRange> ranges =
        reduce_shard_fan_in(*tiles, shard_folder_, options_.merge_fan_in, std::min(options_.threads, 2u));
    report_.merge_inputs = ranges.size();
    std::vector<std::string> shards;
    for (const ShardRange& range : ranges) shards.push_back(range.path);
    const std::string merged = (fs::path(shard_folder_) / "merged").string();
    compact_shards(shards, merged);
    {
      Xapian::WritableDatabase built(merged, Xapian::DB_OPEN);
      report_.spelling_words = add_spelling_from_terms(built);
      // Marked before it replaces the target: if the passes below are cut
      // short, the next writer on the target completes them. (Spelling is
      // done before: adding it twice would double its frequencies.)
      built.set_metadata(std::string(schema::metadata::kMergePending), "1");
      built.commit();
    }
    target_.close();  // released only now: the lock was held for the whole run
    install_database(merged, path_);
    target_ = open_index_for_writing(path_);
    report_.merge_seconds = seconds_since(merging);

    const auto resolving = std::chrono::steady_clock::now();
    const MergePasses passes = complete_merge(target_, path_, analyzer_, options_.threads);
    stats_.added -= std::min(stats_.added, passes.duplicates_removed);
    stats_.replaced += passes.duplicates_removed;
    report_.stories_joined = passes.stories_joined;
    report_.resolve_seconds = seconds_since(resolving);
  }
  fs::remove_all(shard_folder_);
  finished_ = true;
}

MergePasses complete_merge(Xapian::WritableDatabase& db, const std::string& path, const AnalyzerSettings& analyzer,
                           unsigned threads) {
  MergePasses passes;
  passes.duplicates_removed = remove_duplicate_ids(db);
  db.commit();  // the story pass reads the database through read-only handles too
  passes.stories_joined = resolve_stories(db, path, threads).joined;
  db.set_metadata(std::string(schema::metadata::kMergePending), "");
  db.commit();
  // The writer's facet column finds a database it does not describe and
  // builds itself from the value slots; finish() commits it.
  IndexWriter column_builder(db, analyzer);
  column_builder.finish();
  return passes;
}

bool holds_resumable_shards(const Xapian::Database& db, const std::optional<std::string>& run) {
  if (!run || db.get_doccount() > 0) return false;
  const nlohmann::json saved =
      nlohmann::json::parse(db.get_metadata(std::string(schema::metadata::kShardCheckpoint)), nullptr, false);
  return saved.is_object() && saved.value("run", "") == *run && saved.value("shards", std::size_t{0}) > 0;
}

void discard_unfinished_parallel_run(Xapian::WritableDatabase& db, const std::string& path) {
  std::error_code ignored;
  fs::remove_all(fs::path(path) / kShardFolder, ignored);
  const std::string key(schema::metadata::kShardCheckpoint);
  if (db.get_metadata(key).empty()) return;
  db.set_metadata(key, "");
  db.commit();
}

bool complete_interrupted_merge(Xapian::WritableDatabase& db, const std::string& path,
                                const AnalyzerSettings& analyzer) {
  std::error_code ignored;
  if (db.get_metadata(std::string(schema::metadata::kMergePending)).empty()) {
    // A parallel run writes to an empty target only: next to articles, its
    // shards and checkpoint are left from a run that another one replaced.
    if (db.get_doccount() > 0) discard_unfinished_parallel_run(db, path);
    return false;
  }
  complete_merge(db, path, analyzer, std::max(1u, std::thread::hardware_concurrency()));
  fs::remove_all(fs::path(path) / kShardFolder, ignored);
  return true;
}

}  // namespace byline
