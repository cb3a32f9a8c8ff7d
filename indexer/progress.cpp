#include "indexer/progress.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace byline {

void TerminalProgress::start(std::uint64_t total_bytes) {
  total_bytes_ = total_bytes;
  started_ = Clock::now();
  last_print_ = started_;
}

void TerminalProgress::update(std::uint64_t bytes_done, std::uint64_t records) {
  const Clock::time_point now = Clock::now();
  if (now - last_print_ < std::chrono::milliseconds(200)) return;
  last_print_ = now;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  std::string line = fmt::format("{} records  {:.0f}/s", records, elapsed > 0 ? records / elapsed : 0.0);
  if (total_bytes_ > 0 && bytes_done > 0) {
    const double fraction = std::min(1.0, static_cast<double>(bytes_done) / static_cast<double>(total_bytes_));
    line += fmt::format("  {:.1f}%", fraction * 100);
    if (fraction > 0.01) {
      const auto eta = static_cast<long>(elapsed / fraction - elapsed);
      line += fmt::format("  ETA {}m{:02}s", eta / 60, eta % 60);
    }
  }
  fmt::print(stderr, "\r{:<60}", line);
  std::fflush(stderr);
  printed_ = true;
}

void TerminalProgress::finish() {
  if (printed_) fmt::print(stderr, "\r{:<60}\r", "");
  printed_ = false;
}

std::unique_ptr<Progress> make_progress(bool quiet) {
  if (quiet || !::isatty(STDERR_FILENO)) return std::make_unique<SilentProgress>();
  return std::make_unique<TerminalProgress>();
}

}  // namespace byline
