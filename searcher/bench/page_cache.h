#pragma once
// Cold-cache runs: asks the kernel to drop an index's files from the page
// cache, so that the next queries read from disk as after a reboot.
//
// posix_fadvise(POSIX_FADV_DONTNEED) drops only clean pages: pages not yet
// written back (a database being written, or just written and not synced) stay
// cached, so the eviction is complete only for files that are not dirty. This
// needs no privileges, unlike /proc/sys/vm/drop_caches, and touches nothing
// but the index.

#include <cstddef>
#include <string>
#include <vector>

namespace byline {

struct EvictionResult {
  std::size_t files = 0;            // regular files advised
  std::vector<std::string> errors;  // "path: reason" for files that could not be opened or advised
};

// Advises every regular file in `dir` (and its subfolders). Never throws.
EvictionResult evict_from_page_cache(const std::string& dir);

}  // namespace byline
