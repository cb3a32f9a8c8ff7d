#pragma once
// Decodes a raw byte stream that is either plain or gzip (any number of
// members), and says which gzip member each decoded byte came from.
//
// Why not common/input_stream.h's transparent gzip decoding: a WARC reader needs
// (1) the raw offset of the member a record starts in — with one member per
// record that is the offset to seek to — and (2) to carry on after a corrupt
// member, by scanning the raw bytes for the next gzip header, instead of
// stopping at the first bad byte. Both need to see member boundaries.
//
// Reading is in segments: read() returns 0 at the end of input, and also at a
// break (a corrupt member was abandoned). At a break, at_break() is true and
// resume() continues with the next member; the caller decides what to do with
// a record cut by the break. Problems are reported through the callback with the
// raw offset of the member concerned. Memory: one 64 KiB input buffer plus one
// entry per member not yet released with release_before().

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <zlib.h>

#include "common/input_stream.h"

namespace byline {

class GzipMemberReader {
 public:
  // (raw offset, fixed reason, detail)
  using ProblemCallback = std::function<void(std::uint64_t, std::string_view, std::string_view)>;

  // `raw` must yield the bytes as stored (open_raw_input / open_raw_memory). A
  // stream that was already decoded is read as plain bytes, which also works.
  // `limits`: a member that inflates past them is abandoned like a corrupt one
  // (a break), reported as "gzip: decompression limit".
  GzipMemberReader(InputStream& raw, ProblemCallback on_problem, DecompressionLimits limits = {});
  ~GzipMemberReader();
  GzipMemberReader(const GzipMemberReader&) = delete;
  GzipMemberReader& operator=(const GzipMemberReader&) = delete;

  // Up to `size` decoded bytes; 0 at the end of input or at a break.
  std::size_t read(char* out, std::size_t size);
  bool at_break() const { return broken_; }
  // Continues after a break with the next gzip member (if any).
  void resume() { broken_ = false; }

  bool compressed() const { return gzip_; }
  // Decoded bytes delivered so far.
  std::uint64_t decoded_position() const { return decoded_pos_; }
  // Raw offset to seek to for the decoded byte at `decoded_offset`: the start
  // of its gzip member, or the offset itself when the input is plain.
  std::uint64_t raw_offset_of(std::uint64_t decoded_offset) const;
  // Forgets members that end before `decoded_offset` (bounded memory).
  void release_before(std::uint64_t decoded_offset);
  std::uint64_t members() const { return member_count_; }

 private:
  bool ensure_input(std::size_t n);
  std::uint64_t raw_offset_here() const { return raw_read_ - (in_len_ - in_pos_); }
  bool find_member_header();
  std::size_t read_gzip(char* out, std::size_t size);

  InputStream& raw_;
  ProblemCallback on_problem_;
  DecompressionLimits limits_;
  std::vector<char> in_;
  std::size_t in_pos_ = 0, in_len_ = 0;
  std::uint64_t raw_read_ = 0;
  bool raw_eof_ = false;
  bool gzip_ = false;
  bool in_member_ = false;
  bool finished_ = false;
  bool broken_ = false;
  bool after_break_ = false;  // the rest of a corrupt member is not "garbage"
  std::uint64_t decoded_pos_ = 0;
  std::uint64_t member_raw_start_ = 0;
  std::uint64_t member_count_ = 0;
  struct Member {
    std::uint64_t decoded_start;
    std::uint64_t raw_start;
  };
  std::deque<Member> members_;
  z_stream z_{};
};

}  // namespace byline
