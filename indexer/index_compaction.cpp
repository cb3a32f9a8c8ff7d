#include "indexer/index_compaction.h"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>
#include <xapian.h>

#include "common/analyzer.h"
#include "common/errors.h"
#include "common/schema.h"
#include "indexer/facet_column_writer.h"
#include "indexer/index_writer.h"
#include "indexer/shard_merge.h"

namespace byline {

namespace fs = std::filesystem;

namespace {

std::uint64_t database_bytes(const fs::path& folder) {
  std::uint64_t total = 0;
  for (const auto& entry : fs::directory_iterator(folder))
    if (is_database_file(entry.path())) total += entry.file_size();
  return total;
}

// Anything else kept in the index's folder goes into the copy too (copied,
// not moved: until the exchange the old folder is the index). Xapian's lock
// file and the writer's pid file belong to the open handles; shards left by
// a parallel run that is over (check_compactable refuses one that is not)
// are removed by the next `byline index`.
void copy_other_files(const fs::path& from, const fs::path& to) {
  for (const auto& entry : fs::directory_iterator(from)) {
    const fs::path name = entry.path().filename();
    if (is_database_file(entry.path()) || name == "flintlock" || name == schema::files::kWriterPid ||
        name == schema::files::kShardFolder)
      continue;
    fs::copy(entry.path(), to / name, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
}

// Swaps two folders in one step (Linux's renameat2 RENAME_EXCHANGE): there
// is no moment at which `a` does not exist. A file system that cannot do it
// (few can't) leaves the index as it was, with an error.
void exchange_folders(const fs::path& a, const fs::path& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0)
    throw std::runtime_error(fmt::format("cannot swap {} with its compacted copy {}: {}; the index is unchanged",
                                         a.string(), b.string(), std::strerror(errno)));
}

// Refuses an index that an interrupted indexing run will still write to. A
// shard checkpoint beside articles is not one: parallel runs start on empty
// indexes only, so it was left by a run that another one replaced.
void check_compactable(const Xapian::Database& db, const std::string& path) {
  if (!db.get_metadata(std::string(schema::metadata::kMergePending)).empty() ||
      (db.get_doccount() == 0 && !db.get_metadata(std::string(schema::metadata::kShardCheckpoint)).empty()))
    throw IndexError(fmt::format(
        "index '{}' holds an interrupted parallel indexing run; run the same `byline index` command again to "
        "finish it before compacting",
        path));
}

}  // namespace

std::string compaction_folder(const std::string& path) {
  // lexically_normal() keeps a trailing separator as an empty last part: drop it.
  fs::path folder = fs::absolute(path).lexically_normal();
  if (folder.filename().empty()) folder = folder.parent_path();
  return folder.string() + ".byline-compacting";
}

CompactionReport compact_index(const std::string& path) {
  const auto started = std::chrono::steady_clock::now();
  if (!fs::exists(fs::path(path) / "iamglass"))
    throw IndexError(fmt::format("no byline index at '{}' (made by `byline index --db`)", path));
  const fs::path copy = compaction_folder(path);
  // Whatever an interrupted compaction left there is not the index: before
  // the exchange it is an unfinished copy, after it the old index.
  fs::remove_all(copy);

  // A database byline did not write is refused before anything is written
  // beside it (the lock leaves byline's pid file).
  Analyzer::from_database(Xapian::Database(path));
  // Held until the copy is in place: a writer that came in between would add
  // articles to the index about to be replaced.
  Xapian::WritableDatabase lock = open_index_for_writing(path);
  CompactionReport report;
  try {
    {
      Xapian::Database source(path);
      check_compactable(source, path);
      report.bytes_before = database_bytes(path);
      report.documents = source.get_doccount();
      // Docids are kept, gaps included: by default the compaction would
      // number from 1 again when the first documents were deleted, and an
      // index's numbering should not move under the programs that read it.
      source.compact(copy.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    }
    {
      // The facet column names the revision it describes; the copy has a new
      // one, so the column is built again for it (common/facet_column_format.h).
      Xapian::WritableDatabase compacted(copy.string(), Xapian::DB_OPEN);
      compacted.set_metadata(std::string(schema::metadata::kShardCheckpoint), "");  // stale, if any (above)
      FacetColumnWriter column;
      column.attach(compacted);
      column.flush();
      compacted.commit();
    }
    report.bytes_after = database_bytes(copy);
    copy_other_files(path, copy);
    exchange_folders(path, copy);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(copy, ignored);  // the index is untouched
    throw;
  }
  lock.close();
  fs::remove_all(copy);  // the old index
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace byline
