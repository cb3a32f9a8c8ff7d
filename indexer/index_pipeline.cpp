#include "indexer/index_pipeline.h"

#include <exception>
#include <utility>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/text.h"
#include "indexer/article_limits.h"
#include "indexer/charset.h"
#include "indexer/html_extractor.h"
#include "indexer/site_boilerplate.h"
#include "indexer/text_dump_extractor.h"
#include "indexer/warc_page_reader.h"

namespace byline {

namespace {

// Counts records as they pass and reports progress over all inputs.
class ProgressSink final : public ForwardingSink {
 public:
  ProgressSink(ArticleSink& inner, Progress& progress) : ForwardingSink(inner), progress_(progress) {}
  void accept(Article article) override {
    inner_.accept(std::move(article));
    tick();
  }
  void skip(std::string_view reason, std::string_view where) override {
    inner_.skip(reason, where);
    tick();
  }

  void set_stream(const InputStream* stream) { stream_ = stream; }
  void file_done(std::uint64_t size) {
    done_bytes_ += size;
    stream_ = nullptr;
  }

 private:
  void tick() {
    ++records_;
    progress_.update(done_bytes_ + (stream_ ? stream_->raw_position() : 0), records_);
  }
  Progress& progress_;
  const InputStream* stream_ = nullptr;
  std::uint64_t done_bytes_ = 0;
  std::uint64_t records_ = 0;
};

// Bytes still to read for a page of which `head` was already read.
std::size_t page_budget(const IndexRunOptions& options, const std::string& head) {
  const std::uint64_t max = options.limits.max_page_bytes;
  return static_cast<std::size_t>(max - std::min<std::uint64_t>(max, head.size()));
}

DecompressionLimits decompression_limits(const IndexLimits& limits) {
  return DecompressionLimits{limits.max_decode_ratio, limits.decode_ratio_floor};
}

PageReaderOptions page_reader_options(const IndexLimits& limits) {
  PageReaderOptions options;
  options.warc.max_record_bytes = limits.max_record_bytes;
  options.warc.decompression = decompression_limits(limits);
  options.decode.max_output = static_cast<std::size_t>(limits.max_decoded_bytes);
  options.decode.max_ratio = limits.max_decode_ratio;
  options.decode.ratio_floor = static_cast<std::size_t>(limits.decode_ratio_floor);
  return options;
}

bool looks_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192);
  return head.find('\0') != std::string_view::npos;
}

// Text pages are UTF-8 when they are valid UTF-8; otherwise they are read as
// Windows-1252, the usual encoding of older saved pages.
std::string page_text_as_utf8(std::string bytes, ArticleSink& sink, std::string_view where) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.erase(0, 3);
  if (is_valid_utf8(bytes)) return sanitize_utf8(bytes);
  sink.note("encoding: windows-1252 assumed", where);
  return sanitize_utf8(cp1252_to_utf8(bytes));
}

void read_text_dump(InputStream& stream, const InputFile& file, const IndexRunOptions& options, ArticleSink& sink,
                    std::string head) {
  bool truncated = false;
  std::string bytes = std::move(head);
  bytes += read_all(stream, page_budget(options, bytes), &truncated);
  const std::string& where = file.path;
  if (truncated) return sink.skip("file too large", where);
  if (trim(bytes).empty()) return sink.skip("empty file", where);
  if (looks_binary(bytes)) return sink.skip("binary file", where);
  TextDumpContext context;
  context.section_hint = file.section_hint;
  context.url = options.page_url;
  context.date_hints = options.date_hints;
  TextDumpResult result = extract_text_dump(page_text_as_utf8(std::move(bytes), sink, where), context);
  for (const std::string& note : result.notes) sink.note(note, where);
  if (result.article) sink.accept(std::move(*result.article));
  else sink.skip(result.skip_reason, where);
}

// State that lives for a whole run, across files.
struct RunState {
  explicit RunState(const IndexLimits& limits) : warc(page_reader_options(limits)) {}
  WarcPageReader warc;            // captures are deduplicated across the files of a crawl
  SiteBoilerplate site_model;     // blocks that repeat across a site's pages are furniture
};

// Extracts one HTML page and delivers the article or the reason it is not one.
void deliver_html(std::string_view utf8_html, const HtmlContext& context, const IndexRunOptions& options,
                  RunState& state, ArticleSink& sink, std::string_view where) {
  HtmlContext html_context = context;
  html_context.keep_non_articles = options.keep_non_articles;
  html_context.site_model = &state.site_model;
  html_context.max_html_bytes = static_cast<std::size_t>(options.limits.max_page_bytes);
  html_context.max_html_depth = options.limits.max_html_depth;
  HtmlExtraction result = extract_html(utf8_html, html_context);
  for (const std::string& note : result.notes) sink.note(note, where);
  if (result.article) {
    if (context.crawled && !result.article->crawled) result.article->crawled = context.crawled;
    sink.accept(std::move(*result.article));
  } else {
    sink.skip(result.skip_reason, where);
  }
}

void read_html_file(InputStream& stream, const InputFile& file, const IndexRunOptions& options, RunState& state,
                    ArticleSink& sink, std::string head) {
  bool truncated = false;
  std::string bytes = std::move(head);
  bytes += read_all(stream, page_budget(options, bytes), &truncated);
  if (truncated) return sink.skip("file too large", file.path);
  if (trim(bytes).empty()) return sink.skip("empty file", file.path);
  const DecodedHtml decoded = decode_html(bytes, "");
  HtmlContext context;
  context.url = options.page_url;
  deliver_html(decoded.utf8, context, options, state, sink, file.path);
}

// Reads up to `size` bytes for format sniffing; they are handed on to the
// reader. A stream that fails inside them (a small truncated .gz) keeps what
// it decoded: the error is stored in `failure`, to be raised once the reader
// has taken the records before it.
std::string read_head(InputStream& stream, std::size_t size, std::exception_ptr& failure) {
  std::string head(size, '\0');
  std::size_t got = 0;
  try {
    while (got < size) {
      const std::size_t n = stream.read(head.data() + got, size - got);
      if (n == 0) break;
      got += n;
    }
  } catch (const InputError&) {
    failure = std::current_exception();
  }
  head.resize(got);
  return head;
}

// A stream that first returns bytes already read (the sniffed head).
class PrefixedStream final : public InputStream {
 public:
  // `failure`: the error that ended the head, raised when the head is used up.
  PrefixedStream(std::string head, InputStream& rest, std::exception_ptr failure = nullptr)
      : InputStream(rest.name()), head_(std::move(head)), rest_(rest), failure_(std::move(failure)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    if (pos_ < head_.size()) {
      const std::size_t n = std::min(size, head_.size() - pos_);
      std::copy_n(head_.data() + pos_, n, buffer);
      pos_ += n;
      return n;
    }
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    return rest_.read(buffer, size);
  }
  std::uint64_t raw_position() const override { return rest_.raw_position(); }
  std::optional<std::uint64_t> raw_size() const override { return rest_.raw_size(); }

 private:
  std::string head_;
  std::size_t pos_ = 0;
  InputStream& rest_;
  std::exception_ptr failure_;
};

// Reads one WARC (or a WARC on stdin, already decompressed) page by page.
void read_warc(InputStream* stdin_stream, const InputFile& file, const IndexRunOptions& options, RunState& state,
               ProgressSink& sink) {
  WarcPageReader::Callbacks callbacks;
  callbacks.page = [&](FetchedPage& page) {
    HtmlContext context;
    context.url = page.url;
    context.crawled = page.crawled;
    deliver_html(page.html, context, options, state, sink, fmt::format("{}@{}", file.path, page.warc_offset));
  };
  callbacks.skip = [&](std::string_view reason, std::string_view where) { sink.skip(reason, where); };
  callbacks.note = [&](std::string_view what, std::string_view where) { sink.note(what, where); };
  if (stdin_stream != nullptr) state.warc.read(*stdin_stream, callbacks);
  else state.warc.read_file(file.path, callbacks);
}

void read_one(const InputFile& file, const IndexRunOptions& options, RunState& state, ProgressSink& sink,
              std::uint64_t start_offset) {
  // WARC files are read raw: the WARC reader decodes gzip member by member so
  // that it can report record offsets and resynchronise after corruption.
  if (file.format == InputFormat::Warc && file.path != "-") return read_warc(nullptr, file, options, state, sink);
  std::unique_ptr<InputStream> stream = open_input(file.path, decompression_limits(options.limits));
  sink.set_stream(stream.get());
  std::exception_ptr failure;
  std::string head = read_head(*stream, 4096, failure);
  const InputFormat format = file.format == InputFormat::Auto ? sniff_format(head) : file.format;
  switch (format) {
    case InputFormat::Jsonl: {
      PrefixedStream whole(std::move(head), *stream, failure);
      JsonlOptions jsonl = options.jsonl;
      jsonl.max_line_bytes = static_cast<std::size_t>(options.limits.max_record_bytes);
      read_jsonl(whole, jsonl, sink, start_offset);
      break;
    }
    case InputFormat::TextDump:
    case InputFormat::Auto:
      if (failure) std::rethrow_exception(failure);  // a page cut short is not a page
      read_text_dump(*stream, file, options, sink, std::move(head));
      break;
    case InputFormat::Html:
      if (failure) std::rethrow_exception(failure);
      read_html_file(*stream, file, options, state, sink, std::move(head));
      break;
    case InputFormat::Warc: {
      PrefixedStream whole(std::move(head), *stream, failure);
      read_warc(file.path == "-" ? &whole : nullptr, file, options, state, sink);
      break;
    }
  }
}

}  // namespace

void read_inputs(const std::vector<InputFile>& files, const IndexRunOptions& options, ArticleSink& sink,
                 Progress& progress, StartPoint start) {
  std::uint64_t total = 0;
  for (const InputFile& file : files) total += file.size;
  progress.start(total);
  ArticleLimitSink limited(sink, options.limits);
  ProgressSink counting(limited, progress);
  RunState state(options.limits);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const InputFile& file = files[i];
    if (i < start.file) {  // read by the run this one resumes
      counting.file_done(file.size);
      continue;
    }
    counting.begin_file(i);
    try {
      read_one(file, options, state, counting, i == start.file ? start.offset : 0);
    } catch (const DecompressionLimitError& error) {
      // A decompression bomb: what was read before it stays indexed; the rest
      // of the file cannot be reached without inflating it, so it is one skip.
      counting.set_stream(nullptr);  // the stream died with read_one's frame
      counting.skip("input: decompression limit", fmt::format("{}: {}", file.path, error.what()));
    } catch (const InputError& error) {
      // The file failed part-way (corrupt compression, I/O error): what was
      // read stays indexed, the rest of this file is counted as one skip.
      counting.set_stream(nullptr);  // the stream died with read_one's frame
      counting.skip("unreadable input", fmt::format("{}: {}", file.path, error.what()));
    }
    counting.end_file(i);
    counting.file_done(file.size);
  }
  progress.finish();
}

}  // namespace byline
