#pragma once
// Streaming WARC reader: one record at a time, in bounded memory.
//
// Reads WARC/1.0, WARC/1.1 and ClueWeb's WARC/0.18, from plain `.warc`, from
// `.warc.gz` with one gzip member per record, and from a file gzipped whole.
// Give it the stream as stored (open_raw_input): it decodes gzip itself (see
// gzip_member_reader.h for why), so that `WarcRecord::offset` is the offset to
// seek to and a corrupt member costs only the records it holds.
//
// Bad input is never an exception and never unbounded memory. Each defect is
// reported through the problem callback with the record's offset and a fixed
// reason phrase (WarcProblem), and the reader resynchronises on the next line
// that starts with "WARC/". Reasons:
//   "warc: garbage between records"  bytes that are not a record (counted)
//   "warc: header line too long"     a header line over WarcLimits::max_header_line
//   "warc: header too long"          a header over WarcLimits::max_header_bytes
//   "warc: truncated header"         the input ends inside a header
//   "warc: missing Content-Length" / "warc: bad Content-Length"
//   "warc: record over size limit"   Content-Length over WarcLimits::max_record_bytes
//   "warc: truncated record"         the input (or a gzip member) ends inside the
//                                    block; the record is still delivered, with
//                                    `truncated` set
//   "warc: Content-Length too long"  the block ran into the next record; it is cut
//                                    at the record separator and delivered
//   "warc: Content-Length too short" bytes follow the block before the separator;
//                                    the block is delivered as declared
//   "gzip: corrupt member", "gzip: truncated member", "gzip: garbage between members"
//   "gzip: decompression limit"      a member inflates past WarcLimits::decompression
//                                    (a bomb); abandoned like a corrupt member
// `record_lost` tells whether the problem cost a record (no record delivered).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/date_time.h"
#include "common/input_stream.h"

namespace byline {

class GzipMemberReader;

struct WarcLimits {
  std::size_t max_header_line = 64 << 10;   // one WARC header line
  std::size_t max_header_bytes = 1 << 20;   // the whole WARC header
  std::uint64_t max_record_bytes = 64 << 20;  // Content-Length (the block)
  DecompressionLimits decompression;          // per gzip member; none by default
};

struct WarcRecord {
  std::string version;  // "WARC/1.1"
  std::string type;     // WARC-Type as written ("response", "request"…)
  std::string target_uri;  // WARC-Target-URI, wget's <angle brackets> removed
  std::string date;        // WARC-Date as written
  std::optional<DateTime> crawled;  // WARC-Date parsed; nullopt when invalid
  std::string record_id, refers_to, refers_to_target_uri, refers_to_date, profile;
  std::string content_type, payload_digest;
  std::vector<std::pair<std::string, std::string>> headers;  // all, in order
  std::uint64_t offset = 0;          // raw offset to seek to (start of its gzip member)
  std::uint64_t decoded_offset = 0;  // offset of "WARC/" in the decoded stream
  bool truncated = false;            // the block is shorter than Content-Length
  std::string block;

  // First header of that name (case-insensitive), "" if absent.
  std::string_view header(std::string_view name) const;
};

struct WarcProblem {
  std::uint64_t offset = 0;  // raw offset, as WarcRecord::offset
  std::string reason;        // a fixed phrase from the list above
  std::string detail;        // free text for the log
  bool record_lost = false;
};

struct WarcReaderStats {
  std::uint64_t records = 0;
  std::uint64_t problems = 0;
  std::uint64_t garbage_bytes = 0;  // skipped outside records
};

class WarcReader {
 public:
  using ProblemCallback = std::function<void(const WarcProblem&)>;
  // `input` must outlive the reader. Without a callback problems are only counted.
  explicit WarcReader(InputStream& input, WarcLimits limits = {}, ProblemCallback on_problem = {});
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Reads the next record into `record`; false at the end of input.
  bool next(WarcRecord& record);
  const WarcReaderStats& stats() const { return stats_; }
  bool compressed() const;

 private:
  enum class Line { Ok, TooLong, End };
  bool fill();
  Line peek_line(std::size_t from, std::size_t limit, std::size_t& end, std::size_t& next);
  bool find_record_start();
  void drop_consumed();
  void report(std::uint64_t decoded_offset, std::string_view reason, std::string detail, bool lost);
  void report_raw(std::uint64_t raw_offset, std::string_view reason, std::string_view detail);
  bool at_segment_end() const { return segment_end_; }
  void next_segment();
  std::uint64_t decoded_at(std::size_t pos) const { return buffer_start_ + pos; }

  InputStream& input_;
  WarcLimits limits_;
  ProblemCallback on_problem_;
  std::unique_ptr<GzipMemberReader> source_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::uint64_t buffer_start_ = 0;  // decoded offset of buf_[0]
  bool segment_end_ = false;
  WarcReaderStats stats_;
  std::uint64_t pending_garbage_ = 0;
  std::uint64_t garbage_start_ = 0;
  bool quiet_garbage_ = false;  // skipped bytes already explained by a problem
};

// Parses a WARC-Date (ISO 8601 / W3C-DTF: "2026-08-20T10:11:12Z", with optional
// fraction, "+hh:mm"/"+hhmm" offset, or lower precision "2026-08-20"). Strict:
// out-of-range fields (ClueWeb's "2008-10-294T…") give nullopt.
std::optional<DateTime> parse_warc_date(std::string_view text);

}  // namespace byline
