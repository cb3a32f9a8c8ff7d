#pragma once
// Errors in tiers (as Omega does): a bad record is a counted skip and never an
// exception; an unusable input or output is one of the exceptions below, which
// `main` maps to a documented exit code; anything else is a bug.

#include <stdexcept>
#include <string>

namespace byline {

// Exit codes of the `byline` command. Documented in `byline --help`.
enum class ExitCode : int {
  kOk = 0,
  kFailure = 1,            // an unexpected failure (I/O error while running, bug)
  kUsage = 2,              // bad command line
  kBadInput = 3,           // an input path that does not exist or cannot be read
  kIncompatibleIndex = 4,  // the database is missing, of another schema version or analyzer
  kQuerySyntax = 5,        // the query could not be parsed
  kIndexLocked = 6,        // another process is writing the database
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

// An input path is missing or unreadable. The message names the path.
struct InputError : Error {
  explicit InputError(const std::string& message) : Error(ExitCode::kBadInput, message) {}
};
// The database cannot be used with this build (schema version, analyzer, missing).
struct IndexError : Error {
  explicit IndexError(const std::string& message) : Error(ExitCode::kIncompatibleIndex, message) {}
};
struct IndexLockedError : Error {
  explicit IndexLockedError(const std::string& message) : Error(ExitCode::kIndexLocked, message) {}
};
struct QuerySyntaxError : Error {
  explicit QuerySyntaxError(const std::string& message) : Error(ExitCode::kQuerySyntax, message) {}
};
struct UsageError : Error {
  explicit UsageError(const std::string& message) : Error(ExitCode::kUsage, message) {}
};

}  // namespace byline
