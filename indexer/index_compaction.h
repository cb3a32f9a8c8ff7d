#pragma once
// `byline compact`: rewrites an index with its B-trees fully packed. Indexing
// leaves them partly filled (a parallel run's passes after the merge, and
// every later run that adds or replaces articles, write into a compacted
// tree), so an archive that has been written to takes more room than it
// needs: a tenth more for the shared news archive just after indexing.
//
// The compacted copy is written beside the index (PATH.byline-compacting),
// gets its facet column, and is then swapped in with one atomic exchange of
// the two folders: a reader or a crash sees either the old index or the new
// one, whole. The index's write lock is held throughout, so no article added
// meanwhile can be lost with the old copy.

#include <cstdint>
#include <string>

namespace byline {

struct CompactionReport {
  std::uint64_t bytes_before = 0;  // the database files (tables and version file)
  std::uint64_t bytes_after = 0;
  std::uint32_t documents = 0;
  double seconds = 0;
};

// Throws IndexError when `path` holds no byline index, or one that an
// interrupted indexing run left unfinished (run the same `byline index`
// again first); IndexLockedError when another process writes it. A copy an
// interrupted compaction left beside the index is removed first.
CompactionReport compact_index(const std::string& path);

// Where compact_index() writes the copy of the index at `path`.
std::string compaction_folder(const std::string& path);

}  // namespace byline
