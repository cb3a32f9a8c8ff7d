#pragma once
// A folder under the system's temporary directory for one test, removed
// before use and when the test ends.

#include <unistd.h>

#include <filesystem>
#include <string>

#include <fmt/format.h>

namespace byline::test {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name) {
    path = std::filesystem::temp_directory_path() / fmt::format("byline-test-{}-{}", ::getpid(), name);
    std::filesystem::remove_all(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string str() const { return path.string(); }
};

}  // namespace byline::test
