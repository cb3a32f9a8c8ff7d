#include "support/run_command.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

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

std::string scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("byline-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

CommandResult run_byline(const std::string& args) {
  const std::string err_file = scratch_dir("stderr") + "/err.txt";
  const std::string command = shell_quote(BYLINE_BINARY) + " " + args + " 2>" + shell_quote(err_file);
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
