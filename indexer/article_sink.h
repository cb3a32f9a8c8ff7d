#pragma once
// Where readers deliver what they find. Every reader (JSONL, text dump, HTML,
// WARC) reports each record exactly once: as an article, or as a counted skip
// with a short reason ("malformed JSON", "no title"…) and where it was.

#include <cstdint>
#include <string_view>

#include "common/article.h"

namespace byline {

class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  // An extracted article; finalize_article() has been called on it.
  virtual void accept(Article article) = 0;
  // A record that was not indexed. `reason` is a short fixed phrase used as the
  // counting key; `where` names the file and line/offset for the log.
  virtual void skip(std::string_view reason, std::string_view where) = 0;
  // Indexed, but something was dropped or assumed (e.g. "date: zone assumed",
  // "date: unparseable"). Counted like skips, reported separately.
  virtual void note(std::string_view what, std::string_view where) = 0;

  // Resumable runs. A reader that can resume part-way through a file calls
  // record_boundary after each record with the decoded offset where reading
  // would resume; the pipeline brackets each file with begin_file/end_file
  // (its index in the run's file list). Sinks that do not checkpoint ignore them.
  virtual void begin_file(std::size_t /*file_index*/) {}
  virtual void record_boundary(std::uint64_t /*offset*/) {}
  virtual void end_file(std::size_t /*file_index*/) {}
};

// A sink that passes everything on to another; decorators (progress,
// logging) derive from it and override only what they add to.
class ForwardingSink : public ArticleSink {
 public:
  explicit ForwardingSink(ArticleSink& inner) : inner_(inner) {}
  void accept(Article article) override { inner_.accept(std::move(article)); }
  void skip(std::string_view reason, std::string_view where) override { inner_.skip(reason, where); }
  void note(std::string_view what, std::string_view where) override { inner_.note(what, where); }
  void begin_file(std::size_t file_index) override { inner_.begin_file(file_index); }
  void record_boundary(std::uint64_t offset) override { inner_.record_boundary(offset); }
  void end_file(std::size_t file_index) override { inner_.end_file(file_index); }

 protected:
  ArticleSink& inner_;
};

}  // namespace byline
