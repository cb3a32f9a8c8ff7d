#include "common/input_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>
#include <zlib.h>
#include <zstd.h>

#include "common/errors.h"

namespace byline {

namespace {

constexpr std::size_t kChunk = 1 << 16;

// True when `decoded` bytes from `encoded` compressed bytes break the limits.
bool over_ratio(std::uint64_t decoded, std::uint64_t encoded, const DecompressionLimits& limits) {
  return limits.max_ratio != 0 && decoded > limits.ratio_floor &&
         decoded / std::max<std::uint64_t>(encoded, 1) > limits.max_ratio;
}

[[noreturn]] void throw_ratio(const std::string& name, const char* unit, std::uint64_t decoded, std::uint64_t encoded,
                              const DecompressionLimits& limits) {
  throw DecompressionLimitError(fmt::format("'{}': decompression limit: a {} inflates {} bytes to over {} (ratio over {})",
                                            name, unit, encoded, decoded, limits.max_ratio));
}

// Raw bytes: a file descriptor or a memory buffer, with a one-chunk look-ahead
// so the compression can be sniffed before any decoder is chosen.
class RawSource {
 public:
  virtual ~RawSource() = default;
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
  virtual std::optional<std::uint64_t> size() const = 0;
};

class FdSource final : public RawSource {
 public:
  FdSource(int fd, std::string name, bool owned) : fd_(fd), name_(std::move(name)), owned_(owned) {
    struct stat st{};
    if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) size_ = static_cast<std::uint64_t>(st.st_size);
  }
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  std::size_t read(char* buffer, std::size_t size) override {
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno == EINTR) continue;
      throw InputError(fmt::format("cannot read '{}': {}", name_, std::strerror(errno)));
    }
  }
  std::optional<std::uint64_t> size() const override { return size_; }

 private:
  int fd_;
  std::string name_;
  bool owned_;
  std::optional<std::uint64_t> size_;
};

class MemorySource final : public RawSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    const std::size_t n = std::min(size, bytes_.size() - pos_);
    std::memcpy(buffer, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  std::optional<std::uint64_t> size() const override { return bytes_.size(); }

 private:
  std::string bytes_;
  std::size_t pos_ = 0;
};

// Base for the decoders: owns the raw source and counts raw bytes consumed.
class StreamBase : public InputStream {
 public:
  StreamBase(std::unique_ptr<RawSource> raw, std::string name, std::string head)
      : InputStream(std::move(name)), raw_(std::move(raw)), head_(std::move(head)) {}
  std::uint64_t raw_position() const override { return consumed_; }
  std::optional<std::uint64_t> raw_size() const override { return raw_->size(); }

 protected:
  // Raw bytes, the sniffed head first.
  std::size_t read_raw(char* buffer, std::size_t size) {
    std::size_t n;
    if (head_pos_ < head_.size()) {
      n = std::min(size, head_.size() - head_pos_);
      std::memcpy(buffer, head_.data() + head_pos_, n);
      head_pos_ += n;
    } else {
      n = raw_->read(buffer, size);
    }
    consumed_ += n;
    return n;
  }

 private:
  std::unique_ptr<RawSource> raw_;
  std::string head_;
  std::size_t head_pos_ = 0;
  std::uint64_t consumed_ = 0;
};

class PlainStream final : public StreamBase {
 public:
  using StreamBase::StreamBase;
  std::size_t read(char* buffer, std::size_t size) override { return read_raw(buffer, size); }
};

// Gzip with any number of members one after another (as .warc.gz files are).
class GzipStream final : public StreamBase {
 public:
  GzipStream(std::unique_ptr<RawSource> raw, std::string name, std::string head, DecompressionLimits limits)
      : StreamBase(std::move(raw), std::move(name), std::move(head)), in_(kChunk), limits_(limits) {
    std::memset(&z_, 0, sizeof z_);
    if (inflateInit2(&z_, 15 + 32) != Z_OK) throw InputError(fmt::format("'{}': zlib init failed", this->name()));
  }
  ~GzipStream() override { inflateEnd(&z_); }

  std::size_t read(char* buffer, std::size_t size) override {
    if (done_) return 0;
    z_.next_out = reinterpret_cast<Bytef*>(buffer);
    z_.avail_out = static_cast<uInt>(size);
    while (z_.avail_out == size) {
      if (z_.avail_in == 0) {
        const std::size_t n = read_raw(in_.data(), in_.size());
        if (n == 0) {
          done_ = true;
          if (in_member_) throw InputError(fmt::format("'{}': truncated gzip data", name()));
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(in_.data());
        z_.avail_in = static_cast<uInt>(n);
      }
      if (!in_member_) {
        // Between members: skip zero padding, then expect another gzip header.
        while (z_.avail_in > 0 && *z_.next_in == 0) { ++z_.next_in; --z_.avail_in; }
        if (z_.avail_in == 0) continue;
        in_member_ = true;
      }
      const int rc = inflate(&z_, Z_NO_FLUSH);
      // total_in/total_out count this member only (inflateReset clears them).
      if (over_ratio(z_.total_out, z_.total_in, limits_)) {
        done_ = true;
        throw_ratio(name(), "gzip member", z_.total_out, z_.total_in, limits_);
      }
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        done_ = true;
        throw InputError(fmt::format("'{}': corrupt gzip data ({})", name(), z_.msg ? z_.msg : "inflate error"));
      }
    }
    return size - z_.avail_out;
  }

 private:
  z_stream z_;
  std::vector<char> in_;
  DecompressionLimits limits_;
  bool in_member_ = false;
  bool done_ = false;
};

class ZstdStream final : public StreamBase {
 public:
  ZstdStream(std::unique_ptr<RawSource> raw, std::string name, std::string head, DecompressionLimits limits)
      : StreamBase(std::move(raw), std::move(name), std::move(head)), dctx_(ZSTD_createDCtx()),
        in_(ZSTD_DStreamInSize()), limits_(limits) {
    if (dctx_ == nullptr) throw InputError(fmt::format("'{}': zstd init failed", this->name()));
  }
  ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }

  std::size_t read(char* buffer, std::size_t size) override {
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0 && !done_) {
      if (input_.pos == input_.size) {
        const std::size_t n = read_raw(in_.data(), in_.size());
        if (n == 0) {
          done_ = true;
          if (last_hint_ != 0) throw InputError(fmt::format("'{}': truncated zstd data", name()));
          break;
        }
        input_ = ZSTD_inBuffer{in_.data(), n, 0};
      }
      const std::size_t in_before = input_.pos, out_before = out.pos;
      const std::size_t hint = ZSTD_decompressStream(dctx_, &out, &input_);
      if (ZSTD_isError(hint)) {
        done_ = true;
        throw InputError(fmt::format("'{}': corrupt zstd data ({})", name(), ZSTD_getErrorName(hint)));
      }
      frame_in_ += input_.pos - in_before;
      frame_out_ += out.pos - out_before;
      if (over_ratio(frame_out_, frame_in_, limits_)) {
        done_ = true;
        throw_ratio(name(), "zstd frame", frame_out_, frame_in_, limits_);
      }
      if (hint == 0) frame_in_ = frame_out_ = 0;  // a frame ended: the next one is measured afresh
      last_hint_ = hint;
    }
    return out.pos;
  }

 private:
  ZSTD_DCtx* dctx_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  DecompressionLimits limits_;
  std::uint64_t frame_in_ = 0, frame_out_ = 0;
  std::size_t last_hint_ = 0;
  bool done_ = false;
};

std::unique_ptr<InputStream> make_stream(std::unique_ptr<RawSource> raw, std::string name,
                                         const DecompressionLimits& limits = {}) {
  std::string head(4, '\0');
  std::size_t got = 0;
  while (got < head.size()) {
    const std::size_t n = raw->read(head.data() + got, head.size() - got);
    if (n == 0) break;
    got += n;
  }
  head.resize(got);
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
  if (got >= 2 && byte(0) == 0x1f && byte(1) == 0x8b)
    return std::make_unique<GzipStream>(std::move(raw), std::move(name), std::move(head), limits);
  if (got >= 4 && byte(0) == 0x28 && byte(1) == 0xb5 && byte(2) == 0x2f && byte(3) == 0xfd)
    return std::make_unique<ZstdStream>(std::move(raw), std::move(name), std::move(head), limits);
  return std::make_unique<PlainStream>(std::move(raw), std::move(name), std::move(head));
}

// The raw bytes of `path` ("-": stdin). Throws InputError naming the path.
std::unique_ptr<RawSource> open_source(const std::string& path) {
  if (path == "-") return std::make_unique<FdSource>(0, "<stdin>", false);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  struct stat st{};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw InputError(fmt::format("'{}' is a directory", path));
  }
  return std::make_unique<FdSource>(fd, path, true);
}

std::string source_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

}  // namespace

std::unique_ptr<InputStream> open_input(const std::string& path) {
  return make_stream(open_source(path), source_name(path));
}

std::unique_ptr<InputStream> open_memory(std::string bytes, std::string name) {
  return make_stream(std::make_unique<MemorySource>(std::move(bytes)), std::move(name));
}

std::unique_ptr<InputStream> open_input(const std::string& path, const DecompressionLimits& limits) {
  return make_stream(open_source(path), source_name(path), limits);
}

std::unique_ptr<InputStream> open_memory(std::string bytes, std::string name, const DecompressionLimits& limits) {
  return make_stream(std::make_unique<MemorySource>(std::move(bytes)), std::move(name), limits);
}

std::unique_ptr<InputStream> open_raw_input(const std::string& path) {
  return std::make_unique<PlainStream>(open_source(path), source_name(path), "");
}

std::unique_ptr<InputStream> open_raw_memory(std::string bytes, std::string name) {
  return std::make_unique<PlainStream>(std::make_unique<MemorySource>(std::move(bytes)), std::move(name), "");
}

LineReader::LineReader(InputStream& stream, std::size_t max_line_bytes, std::uint64_t start_offset)
    : stream_(stream), max_line_bytes_(max_line_bytes), base_(start_offset) {}

std::uint64_t skip_bytes(InputStream& stream, std::uint64_t count) {
  char buffer[kChunk];
  std::uint64_t skipped = 0;
  while (skipped < count) {
    const std::size_t n = stream.read(buffer, static_cast<std::size_t>(std::min<std::uint64_t>(sizeof buffer, count - skipped)));
    if (n == 0) break;
    skipped += n;
  }
  return skipped;
}

bool LineReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    base_ += pos_;
    pos_ = 0;
  }
  const std::size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  const std::size_t n = stream_.read(buffer_.data() + old, kChunk);
  buffer_.resize(old + n);
  if (n == 0) eof_ = true;
  return n > 0;
}

bool LineReader::next(std::string& line) {
  truncated_ = false;
  line.clear();
  for (;;) {
    const std::size_t nl = buffer_.find('\n', pos_);
    if (nl != std::string::npos) {
      if (!truncated_) {
        const std::size_t take = std::min(nl - pos_, max_line_bytes_ - line.size());
        line.append(buffer_, pos_, take);
        if (take < nl - pos_) truncated_ = true;
      }
      pos_ = nl + 1;
      break;
    }
    // No newline in the buffer: move what we have into the line (bounded).
    if (!truncated_) {
      const std::size_t avail = buffer_.size() - pos_;
      const std::size_t take = std::min(avail, max_line_bytes_ - line.size());
      line.append(buffer_, pos_, take);
      if (take < avail) truncated_ = true;
    }
    pos_ = buffer_.size();
    if (!fill()) {
      if (line.empty() && !truncated_) return false;
      break;
    }
  }
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

std::string read_all(InputStream& stream, std::size_t limit, bool* truncated) {
  std::string out;
  char buffer[kChunk];
  if (truncated) *truncated = false;
  for (;;) {
    const std::size_t n = stream.read(buffer, sizeof buffer);
    if (n == 0) break;
    const std::size_t take = std::min(n, limit - out.size());
    out.append(buffer, take);
    if (take < n) {
      if (truncated) *truncated = true;
      break;
    }
  }
  return out;
}

}  // namespace byline
