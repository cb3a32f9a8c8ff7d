#pragma once
// Runs the real `byline` executable for end-to-end tests.

#include <string>

namespace byline::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `byline ARGS` through /bin/sh (ARGS is shell-quoted by the caller).
CommandResult run_byline(const std::string& args);
// Runs a /bin/sh command line (e.g. `ulimit -n 200 && byline ...`), stdout and
// stderr captured the same way.
CommandResult run_shell(const std::string& command_line);
// A fresh empty folder under the system's temporary folder, removed first if it
// exists and again when the test process exits.
std::string scratch_dir(const std::string& name);
// Single-quotes a string for /bin/sh.
std::string shell_quote(const std::string& text);
// Path of a file in the source tree.
std::string source_path(const std::string& relative);
// ../shared beside the repository, or "" when it is absent.
std::string shared_path(const std::string& relative);

}  // namespace byline::test
