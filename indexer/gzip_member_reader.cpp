#include "indexer/gzip_member_reader.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace byline {

namespace {
constexpr std::size_t kInputChunk = 1 << 16;
bool is_gzip_magic(const char* p) {
  return static_cast<unsigned char>(p[0]) == 0x1f && static_cast<unsigned char>(p[1]) == 0x8b &&
         static_cast<unsigned char>(p[2]) == 0x08;
}
}  // namespace

GzipMemberReader::GzipMemberReader(InputStream& raw, ProblemCallback on_problem, DecompressionLimits limits)
    : raw_(raw), on_problem_(std::move(on_problem)), limits_(limits), in_(kInputChunk) {
  // 15 + 16: gzip wrapper only, so a member boundary is always a gzip header.
  if (inflateInit2(&z_, 15 + 16) != Z_OK) throw std::bad_alloc();
  ensure_input(3);
  gzip_ = in_len_ - in_pos_ >= 3 && is_gzip_magic(in_.data() + in_pos_);
  if (!gzip_) members_.push_back({0, 0});
}

GzipMemberReader::~GzipMemberReader() { inflateEnd(&z_); }

// Makes at least `n` unread bytes available unless the input ends first.
bool GzipMemberReader::ensure_input(std::size_t n) {
  while (in_len_ - in_pos_ < n && !raw_eof_) {
    if (in_pos_ > 0) {
      std::memmove(in_.data(), in_.data() + in_pos_, in_len_ - in_pos_);
      in_len_ -= in_pos_;
      in_pos_ = 0;
    }
    if (in_len_ == in_.size()) break;
    const std::size_t got = raw_.read(in_.data() + in_len_, in_.size() - in_len_);
    if (got == 0) raw_eof_ = true;
    in_len_ += got;
    raw_read_ += got;
  }
  return in_len_ - in_pos_ >= n;
}

// Positions the input on the next gzip header. Zero padding between members is
// normal; anything else is reported as garbage.
bool GzipMemberReader::find_member_header() {
  std::uint64_t skipped = 0, nonzero = 0;
  const std::uint64_t start = raw_offset_here();
  bool found = false;
  for (;;) {
    if (!ensure_input(3)) {
      // Fewer than 3 bytes left: they cannot start a member.
      for (std::size_t i = in_pos_; i < in_len_; ++i) nonzero += in_[i] != 0;
      skipped += in_len_ - in_pos_;
      in_pos_ = in_len_;
      break;
    }
    if (is_gzip_magic(in_.data() + in_pos_)) {
      found = true;
      break;
    }
    nonzero += in_[in_pos_] != 0;
    ++in_pos_;
    ++skipped;
  }
  if (nonzero > 0 && !after_break_)
    on_problem_(start, "gzip: garbage between members", fmt::format("{} bytes skipped", skipped));
  after_break_ = false;
  return found;
}

std::size_t GzipMemberReader::read(char* out, std::size_t size) {
  if (broken_ || finished_ || size == 0) return 0;
  std::size_t n;
  if (!gzip_) {
    ensure_input(1);
    n = std::min(size, in_len_ - in_pos_);
    std::memcpy(out, in_.data() + in_pos_, n);
    in_pos_ += n;
    if (n == 0) finished_ = true;
  } else {
    n = read_gzip(out, size);
  }
  decoded_pos_ += n;
  return n;
}

std::size_t GzipMemberReader::read_gzip(char* out, std::size_t size) {
  std::size_t produced = 0;
  while (produced == 0) {
    if (!in_member_) {
      if (!find_member_header()) {
        finished_ = true;
        break;
      }
      member_raw_start_ = raw_offset_here();
      members_.push_back({decoded_pos_ + produced, member_raw_start_});
      ++member_count_;
      in_member_ = true;
    }
    if (in_pos_ == in_len_ && !ensure_input(1)) {
      on_problem_(member_raw_start_, "gzip: truncated member", "the input ends inside a gzip member");
      in_member_ = false;
      finished_ = true;
      break;
    }
    z_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    z_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
    z_.next_out = reinterpret_cast<Bytef*>(out + produced);
    z_.avail_out = static_cast<uInt>(size - produced);
    const int rc = inflate(&z_, Z_NO_FLUSH);
    in_pos_ = in_len_ - z_.avail_in;
    produced = size - z_.avail_out;
    // total_in/total_out count this member only (inflateReset clears them).
    if (limits_.max_ratio != 0 && z_.total_out > limits_.ratio_floor &&
        z_.total_out / std::max<uLong>(z_.total_in, 1) > limits_.max_ratio) {
      on_problem_(member_raw_start_, "gzip: decompression limit",
                  fmt::format("{} bytes inflated to over {}", z_.total_in, z_.total_out));
      inflateReset(&z_);
      in_member_ = false;
      broken_ = after_break_ = true;
      break;
    }
    if (rc == Z_STREAM_END) {
      in_member_ = false;
      inflateReset(&z_);
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      on_problem_(member_raw_start_, "gzip: corrupt member", z_.msg ? z_.msg : "inflate error");
      inflateReset(&z_);
      in_member_ = false;
      broken_ = after_break_ = true;
      break;
    } else if (rc == Z_BUF_ERROR && z_.avail_in > 0 && z_.avail_out > 0) {
      // No progress possible with input and output space: treat as corrupt.
      on_problem_(member_raw_start_, "gzip: corrupt member", "inflate made no progress");
      inflateReset(&z_);
      in_member_ = false;
      broken_ = after_break_ = true;
      break;
    }
  }
  return produced;
}

std::uint64_t GzipMemberReader::raw_offset_of(std::uint64_t decoded_offset) const {
  if (!gzip_) return decoded_offset;
  // Members are in decoded order; take the last one starting at or before it.
  // A member that produced no bytes shares its start with the next one, and the
  // later (the one that holds the byte) wins.
  auto it = std::upper_bound(members_.begin(), members_.end(), decoded_offset,
                             [](std::uint64_t d, const Member& m) { return d < m.decoded_start; });
  if (it == members_.begin()) return members_.empty() ? 0 : members_.front().raw_start;
  return std::prev(it)->raw_start;
}

void GzipMemberReader::release_before(std::uint64_t decoded_offset) {
  if (!gzip_) return;
  while (members_.size() > 1 && members_[1].decoded_start <= decoded_offset) members_.pop_front();
}

}  // namespace byline
