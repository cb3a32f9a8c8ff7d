#pragma once
// Where readers deliver what they find. Every reader (JSONL, text dump, HTML,
// WARC) reports each record exactly once: as an article, or as a counted skip
// with a short reason ("malformed JSON", "no title"…) and where it was.

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
};

}  // namespace byline
