#pragma once
// Byte streams over input files. Compression is detected from the content (gzip
// and zstd magic numbers), not the name, and decoded while streaming, so memory
// stays flat however large the input. "-" is standard input.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/errors.h"

namespace byline {

class InputStream {
 public:
  virtual ~InputStream() = default;
  // Reads up to `size` decoded bytes; returns 0 at the end. Throws InputError
  // (with the path) on an I/O error or corrupt compressed data.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
  // Raw (compressed) bytes consumed so far, for progress.
  virtual std::uint64_t raw_position() const = 0;
  // Raw size when known (regular files), for progress and ETA.
  virtual std::optional<std::uint64_t> raw_size() const = 0;
  const std::string& name() const { return name_; }

 protected:
  explicit InputStream(std::string name) : name_(std::move(name)) {}

 private:
  std::string name_;
};

enum class Compression { None, Gzip, Zstd };

// Bounds on decoding a compressed input, so that a decompression bomb costs
// neither memory nor hours: a gzip member or zstd frame whose output passes
// `ratio_floor` bytes and is more than `max_ratio` times the compressed bytes
// it came from makes read() throw DecompressionLimitError. 0: no bound.
struct DecompressionLimits {
  std::uint64_t max_ratio = 0;
  std::uint64_t ratio_floor = 1u << 20;
};
// Thrown by read() when DecompressionLimits are exceeded; an InputError, so
// callers that only know InputError still stop reading that input.
struct DecompressionLimitError : InputError {
  using InputError::InputError;
};

// Opens `path` ("-" for stdin). Throws InputError if it cannot be opened.
std::unique_ptr<InputStream> open_input(const std::string& path);
std::unique_ptr<InputStream> open_input(const std::string& path, const DecompressionLimits& limits);
// Wraps an in-memory buffer (tests, payloads): compression still detected.
std::unique_ptr<InputStream> open_memory(std::string bytes, std::string name = "<memory>");
std::unique_ptr<InputStream> open_memory(std::string bytes, std::string name, const DecompressionLimits& limits);
// The same without decoding: the raw bytes as stored, for readers that handle
// compression themselves (the WARC reader decodes gzip member by member to
// report seekable record offsets and to resynchronise after a corrupt member).
std::unique_ptr<InputStream> open_raw_input(const std::string& path);
std::unique_ptr<InputStream> open_raw_memory(std::string bytes, std::string name = "<memory>");

// Reads lines ('\n'-terminated, a trailing '\r' removed) from a stream. Lines
// longer than max_line_bytes are returned truncated with `truncated` set,
// and the rest of the line is skipped, so a hostile input cannot exhaust memory.
class LineReader {
 public:
  // `start_offset`: decoded bytes the caller already consumed from `stream`,
  // so that position() is an offset into the whole decoded input.
  explicit LineReader(InputStream& stream, std::size_t max_line_bytes = 64 << 20, std::uint64_t start_offset = 0);
  // False at the end of input.
  bool next(std::string& line);
  // Decoded offset just past the last line returned: where reading would
  // resume (a line boundary), for checkpoints.
  std::uint64_t position() const { return base_ + pos_; }
  bool truncated() const { return truncated_; }
  std::uint64_t line_number() const { return line_number_; }

 private:
  bool fill();
  InputStream& stream_;
  std::size_t max_line_bytes_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  bool truncated_ = false;
  std::uint64_t line_number_ = 0;
  std::uint64_t base_ = 0;  // decoded offset of buffer_[0]
};

// Reads and discards `count` decoded bytes; returns how many there were.
std::uint64_t skip_bytes(InputStream& stream, std::uint64_t count);

// Reads a whole stream into memory, up to `limit` bytes; sets *truncated when
// more was there. Used for single pages (text dumps, HTML).
std::string read_all(InputStream& stream, std::size_t limit, bool* truncated = nullptr);

}  // namespace byline
