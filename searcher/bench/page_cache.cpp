#include "searcher/bench/page_cache.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace byline {

EvictionResult evict_from_page_cache(const std::string& dir) {
  namespace fs = std::filesystem;
  EvictionResult result;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    const std::string path = it->path().string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      result.errors.push_back(fmt::format("{}: {}", path, std::strerror(errno)));
      continue;
    }
    // posix_fadvise returns the error number rather than setting errno.
    if (const int rc = ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED); rc != 0)
      result.errors.push_back(fmt::format("{}: {}", path, std::strerror(rc)));
    else
      ++result.files;
    ::close(fd);
  }
  if (ec) result.errors.push_back(fmt::format("{}: {}", dir, ec.message()));
  return result;
}

}  // namespace byline
