#pragma once
// Progress of a long run, on stderr. An interface so that tests and
// `--quiet` runs pass a silent one; the terminal one throttles itself and
// switches off when stderr is not a terminal.

#include <chrono>
#include <cstdint>
#include <memory>

namespace byline {

class Progress {
 public:
  virtual ~Progress() = default;
  // total_bytes: input size when known (0 if not), for percentage and ETA.
  virtual void start(std::uint64_t total_bytes) = 0;
  virtual void update(std::uint64_t bytes_done, std::uint64_t records) = 0;
  virtual void finish() = 0;
};

class SilentProgress final : public Progress {
 public:
  void start(std::uint64_t) override {}
  void update(std::uint64_t, std::uint64_t) override {}
  void finish() override {}
};

// Prints "12,345 articles  2,310/s  45.6%  ETA 1m20s" over itself at most
// five times a second.
class TerminalProgress final : public Progress {
 public:
  void start(std::uint64_t total_bytes) override;
  void update(std::uint64_t bytes_done, std::uint64_t records) override;
  void finish() override;

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point started_;
  Clock::time_point last_print_;
  std::uint64_t total_bytes_ = 0;
  bool printed_ = false;
};

// TerminalProgress when stderr is a terminal and !quiet, else SilentProgress.
std::unique_ptr<Progress> make_progress(bool quiet);

}  // namespace byline
