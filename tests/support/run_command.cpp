#include "support/run_command.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

namespace byline::test {

namespace fs = std::filesystem;

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string source_path(const std::string& relative) { return std::string(BYLINE_SOURCE_DIR) + "/" + relative; }

std::string shared_path(const std::string& relative) {
  const fs::path shared = fs::path(BYLINE_SOURCE_DIR).parent_path() / "shared";
  if (!fs::exists(shared)) return "";
  return (shared / relative).string();
}

namespace {

// ctest starts one process per test case, each with its own pid in its folder
// names, so folders left behind would pile up in the temporary folder run after
// run (the bad-input tests alone write 34 MB each time). They are removed when
// the process exits; BYLINE_KEEP_SCRATCH=1 keeps them to look at after a failure.
class ScratchFolders {
 public:
  void add(const fs::path& dir) {
    const std::lock_guard lock(mutex_);
    folders_.push_back(dir);
  }
  ~ScratchFolders() {
    if (std::getenv("BYLINE_KEEP_SCRATCH") != nullptr) return;
    for (const auto& dir : folders_) {
      std::error_code ignored;
      fs::remove_all(dir, ignored);
    }
  }

 private:
  std::mutex mutex_;
  std::vector<fs::path> folders_;
};

ScratchFolders& scratch_folders() {
  static ScratchFolders folders;
  return folders;
}

}  // namespace

std::string scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("byline-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  scratch_folders().add(dir);
  return dir.string();
}

CommandResult run_byline(const std::string& args) { return run_shell(shell_quote(BYLINE_BINARY) + " " + args); }

CommandResult run_shell(const std::string& command_line) {
  const std::string err_file = scratch_dir("stderr") + "/err.txt";
  const std::string command = "{ " + command_line + "; } 2>" + shell_quote(err_file);
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 65536> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  result.err = ss.str();
  return result;
}

}  // namespace byline::test
