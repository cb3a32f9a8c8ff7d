#include "indexer/warc_reader.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "common/text.h"
#include "indexer/gzip_member_reader.h"

namespace byline {

namespace {

constexpr std::size_t kReadChunk = 1 << 16;
constexpr std::string_view kSeparatorThenRecord = "\r\n\r\nWARC/";

// "WARC/1.0", "WARC/1.1", "WARC/0.18": the version line, nothing else on it.
bool is_version_line(std::string_view line) {
  line = trim(line);
  if (line.size() < 8 || line.substr(0, 5) != "WARC/") return false;
  const std::string_view number = line.substr(5);
  const std::size_t dot = number.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot + 1 == number.size()) return false;
  return std::all_of(number.begin(), number.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
}

std::optional<std::uint64_t> parse_length(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

std::string strip_angle_brackets(std::string_view uri) {
  uri = trim(uri);
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = trim(uri.substr(1, uri.size() - 2));
  return std::string(uri);
}

// Fixed-width decimal field; false if any character is not a digit.
bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<DateTime> parse_warc_date(std::string_view text) {
  text = trim(text);
  CivilDate date;
  int hour = 0, minute = 0, second = 0;
  if (!digits(text, 0, 4, date.year)) return std::nullopt;
  std::size_t i = 4;
  bool has_time = false;
  date.month = date.day = 1;
  if (i < text.size()) {
    if (text[i] != '-' || !digits(text, i + 1, 2, date.month)) return std::nullopt;
    i += 3;
    if (i < text.size()) {
      if (text[i] != '-' || !digits(text, i + 1, 2, date.day)) return std::nullopt;
      i += 3;
    }
  }
  if (!date.valid()) return std::nullopt;
  int offset = 0;
  bool zone_known = false;
  if (i < text.size()) {
    if ((text[i] != 'T' && text[i] != 't') || !digits(text, i + 1, 2, hour) || text.size() < i + 6 ||
        text[i + 3] != ':' || !digits(text, i + 4, 2, minute))
      return std::nullopt;
    has_time = true;
    i += 6;
    if (i < text.size() && text[i] == ':') {
      if (!digits(text, i + 1, 2, second)) return std::nullopt;
      i += 3;
      if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        ++i;
        const std::size_t fraction = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        if (i == fraction) return std::nullopt;
      }
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    if (i < text.size()) {
      if (text[i] == 'Z' || text[i] == 'z') {
        ++i;
      } else if (text[i] == '+' || text[i] == '-') {
        int oh = 0, om = 0;
        const int sign = text[i] == '-' ? -1 : 1;
        if (!digits(text, i + 1, 2, oh)) return std::nullopt;
        i += 3;
        if (i < text.size() && text[i] == ':') ++i;
        if (!digits(text, i, 2, om)) return std::nullopt;
        i += 2;
        if (oh > 23 || om > 59) return std::nullopt;
        offset = sign * (oh * 60 + om);
      } else {
        return std::nullopt;
      }
      zone_known = true;
    }
  }
  if (i != text.size()) return std::nullopt;
  DateTime result = DateTime::from_local(date, hour, minute, second == 60 ? 59 : second, offset);
  result.has_time = has_time;
  result.zone_known = zone_known || !has_time;
  return result;
}

std::string_view WarcRecord::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (iequals(key, name)) return value;
  return {};
}

WarcReader::WarcReader(InputStream& input, WarcLimits limits, ProblemCallback on_problem)
    : input_(input), limits_(limits), on_problem_(std::move(on_problem)) {
  source_ = std::make_unique<GzipMemberReader>(
      input_, [this](std::uint64_t raw, std::string_view reason, std::string_view detail) {
        report_raw(raw, reason, detail);
      },
      limits_.decompression);
}

WarcReader::~WarcReader() = default;

bool WarcReader::compressed() const { return source_->compressed(); }

bool WarcReader::fill() {
  if (segment_end_) return false;
  const std::size_t old = buf_.size();
  buf_.resize(old + kReadChunk);
  const std::size_t n = source_->read(buf_.data() + old, kReadChunk);
  buf_.resize(old + n);
  if (n == 0) segment_end_ = true;
  return n > 0;
}

// Bytes before pos_ are done with. Erasing is amortised: only when they are
// at least half the buffer or over a megabyte.
void WarcReader::drop_consumed() {
  if (pos_ == 0) return;
  if (pos_ * 2 < buf_.size() && pos_ < (1u << 20)) return;
  buf_.erase(0, pos_);
  buffer_start_ += pos_;
  pos_ = 0;
  source_->release_before(buffer_start_);
}

void WarcReader::next_segment() {
  if (segment_end_ && source_->at_break()) {
    source_->resume();
    segment_end_ = false;
  }
}

// Finds the line starting at `from`: `end` is where its text ends (before
// "\r\n" or "\n"), `next` where the following line starts. Reads more input as
// needed but never more than `limit` bytes for the line.
WarcReader::Line WarcReader::peek_line(std::size_t from, std::size_t limit, std::size_t& end,
                                       std::size_t& next) {
  std::size_t scanned = from;
  for (;;) {
    const std::size_t stop = std::min(buf_.size(), from + limit);
    if (stop > scanned) {
      const void* nl = std::memchr(buf_.data() + scanned, '\n', stop - scanned);
      if (nl != nullptr) {
        end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data());
        next = end + 1;
        if (end > from && buf_[end - 1] == '\r') --end;
        return Line::Ok;
      }
      scanned = stop;
    }
    if (stop == from + limit) return Line::TooLong;
    if (!fill()) return Line::End;
  }
}

void WarcReader::report_raw(std::uint64_t raw_offset, std::string_view reason, std::string_view detail) {
  ++stats_.problems;
  if (on_problem_) on_problem_(WarcProblem{raw_offset, std::string(reason), std::string(detail), false});
}

void WarcReader::report(std::uint64_t decoded_offset, std::string_view reason, std::string detail, bool lost) {
  ++stats_.problems;
  if (on_problem_)
    on_problem_(WarcProblem{source_->raw_offset_of(decoded_offset), std::string(reason), std::move(detail), lost});
}

// Skips to the next line that starts a record, counting what it skips. Blank
// lines (record separators) are not garbage.
bool WarcReader::find_record_start() {
  const auto add_garbage = [this](std::size_t at, std::size_t count) {
    if (count == 0) return;
    if (pending_garbage_ == 0) garbage_start_ = decoded_at(at);
    pending_garbage_ += count;
    stats_.garbage_bytes += count;
  };
  const auto flush_garbage = [this] {
    if (pending_garbage_ > 0 && !quiet_garbage_)
      report(garbage_start_, "warc: garbage between records", fmt::format("{} bytes skipped", pending_garbage_),
             false);
    pending_garbage_ = 0;
    quiet_garbage_ = false;
  };
  for (;;) {
    std::size_t end = 0, next = 0;
    const Line kind = peek_line(pos_, limits_.max_header_line, end, next);
    if (kind == Line::End) {
      const std::size_t rest = buf_.size() - pos_;
      if (!trim(std::string_view(buf_).substr(pos_)).empty()) add_garbage(pos_, rest);
      pos_ = buf_.size();
      drop_consumed();
      if (source_->at_break()) {
        next_segment();
        continue;
      }
      flush_garbage();
      return false;
    }
    if (kind == Line::TooLong) {
      add_garbage(pos_, limits_.max_header_line);
      pos_ += limits_.max_header_line;
      drop_consumed();
      continue;
    }
    const std::string_view line(buf_.data() + pos_, end - pos_);
    if (is_version_line(line)) {
      flush_garbage();
      return true;
    }
    // A version line glued to the end of garbage (no newline before it).
    if (const std::size_t at = line.find("WARC/"); at != std::string_view::npos && at > 0 &&
                                                    is_version_line(line.substr(at))) {
      add_garbage(pos_, at);
      pos_ += at;
      flush_garbage();
      return true;
    }
    if (!trim(line).empty()) add_garbage(pos_, next - pos_);
    pos_ = next;
    drop_consumed();
  }
}

bool WarcReader::next(WarcRecord& record) {
  for (;;) {
    drop_consumed();
    if (!find_record_start()) return false;
    const std::size_t start = pos_;
    const std::uint64_t decoded_start = decoded_at(start);

    // The reused block keeps its capacity across records.
    std::string block = std::move(record.block);
    record = WarcRecord{};
    record.block = std::move(block);
    record.block.clear();

    std::size_t cur = start, after_version = start;
    std::string_view problem;
    for (bool first = true;; first = false) {
      std::size_t end = 0, next = 0;
      if (cur - start > limits_.max_header_bytes) {
        problem = "warc: header too long";
        break;
      }
      const Line kind = peek_line(cur, limits_.max_header_line, end, next);
      if (kind == Line::TooLong) {
        problem = "warc: header line too long";
        break;
      }
      if (kind == Line::End) {
        problem = "warc: truncated header";
        break;
      }
      const std::string_view line(buf_.data() + cur, end - cur);
      cur = next;
      if (first) {
        record.version = std::string(trim(line));
        after_version = next;
        continue;
      }
      if (line.empty()) break;
      if ((line[0] == ' ' || line[0] == '\t') && !record.headers.empty()) {
        record.headers.back().second += ' ';
        record.headers.back().second += trim(line);
        continue;
      }
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;  // tolerated, as other readers do
      record.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
    }
    if (!problem.empty()) {
      report(decoded_start, problem, {}, true);
      pos_ = after_version;
      quiet_garbage_ = true;
      continue;
    }

    record.type = std::string(record.header("WARC-Type"));
    record.target_uri = strip_angle_brackets(record.header("WARC-Target-URI"));
    record.date = std::string(record.header("WARC-Date"));
    record.crawled = parse_warc_date(record.date);
    record.record_id = std::string(record.header("WARC-Record-ID"));
    record.refers_to = std::string(record.header("WARC-Refers-To"));
    record.refers_to_target_uri = strip_angle_brackets(record.header("WARC-Refers-To-Target-URI"));
    record.refers_to_date = std::string(record.header("WARC-Refers-To-Date"));
    record.profile = std::string(record.header("WARC-Profile"));
    record.content_type = std::string(record.header("Content-Type"));
    record.payload_digest = std::string(record.header("WARC-Payload-Digest"));
    record.decoded_offset = decoded_start;
    record.offset = source_->raw_offset_of(decoded_start);

    const std::string_view length_text = record.header("Content-Length");
    const std::optional<std::uint64_t> length = parse_length(length_text);
    if (!length) {
      report(decoded_start, length_text.empty() ? "warc: missing Content-Length" : "warc: bad Content-Length",
             std::string(length_text.substr(0, 40)), true);
      pos_ = cur;
      quiet_garbage_ = true;
      continue;
    }
    if (*length > limits_.max_record_bytes) {
      // Not read into memory; the resynchronising scan skips it line by line,
      // which also copes with a Content-Length that is simply a lie.
      report(decoded_start, "warc: record over size limit",
             fmt::format("{} bytes > {}", *length, limits_.max_record_bytes), true);
      pos_ = cur;
      quiet_garbage_ = true;
      continue;
    }

    const std::size_t body = cur;
    const std::size_t len = static_cast<std::size_t>(*length);
    while (buf_.size() - body < len + 16 && fill()) {
    }
    const std::size_t avail = buf_.size() - body;
    const std::string_view data(buf_.data() + body, avail);
    std::size_t block_size = len;
    if (avail < len) {
      const std::size_t sep = data.find(kSeparatorThenRecord);
      if (sep != std::string_view::npos) {
        block_size = sep;
        pos_ = body + sep + 4;
        report(decoded_start, "warc: Content-Length too long",
               fmt::format("declared {}, next record after {}", len, sep), false);
      } else {
        block_size = avail;
        record.truncated = true;
        pos_ = buf_.size();
        report(decoded_start, "warc: truncated record", fmt::format("{} of {} bytes", avail, len), false);
      }
    } else {
      // The separator should be "\r\n\r\n"; some writers use fewer or more
      // line breaks (warcio's example-wrong-chunks has one extra "\n"), which
      // is harmless when the next record (or the end) follows them.
      std::size_t k = len;
      while (k < avail && k < len + 8 && (data[k] == '\r' || data[k] == '\n')) ++k;
      const bool exact = data.substr(len, 4) == "\r\n\r\n";
      const bool lenient = k > len && (k == avail || data.substr(k, 5) == "WARC/");
      pos_ = body + len;
      if (!exact && !lenient && !(len == avail)) {
        const std::size_t sep = data.substr(0, std::min(avail, len + kSeparatorThenRecord.size() - 1))
                                    .find(kSeparatorThenRecord);
        if (sep != std::string_view::npos && sep < len) {
          block_size = sep;
          pos_ = body + sep + 4;
          report(decoded_start, "warc: Content-Length too long",
                 fmt::format("declared {}, next record after {}", len, sep), false);
        } else {
          report(decoded_start, "warc: Content-Length too short",
                 fmt::format("declared {}, no record separator after it", len), false);
          quiet_garbage_ = true;
        }
      }
    }
    record.block.assign(buf_.data() + body, block_size);
    ++stats_.records;
    return true;
  }
}

}  // namespace byline
