#pragma once
// The per-article bounds of IndexLimits (common/limits.h): field lengths,
// author count, body length and words per article. Applied to every article
// every reader delivers, so no reader has to remember them.
//
// Over-long fields are cut, not refused: a news article with a runaway
// description is still worth finding by its title. Each cut is a counted note
// with a fixed phrase ("limit: title truncated", "limit: body truncated",
// "limit: too many terms, body truncated"…). The one refusal is a URL over
// max_field_bytes: it is the article's identity and cannot be cut, so the
// record is skipped "limit: url too long".

#include <optional>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/limits.h"
#include "indexer/article_sink.h"

namespace byline {

struct ArticleLimitResult {
  std::vector<std::string> notes;  // one fixed phrase per field cut
  std::string skip_reason;         // set when the article must not be indexed
};

// Cuts `article` to `limits` in place. Never throws.
ArticleLimitResult apply_article_limits(Article& article, const IndexLimits& limits);

// Cuts `text` to at most `max_bytes` at a UTF-8 character boundary; true if it
// was cut. Exposed for tests.
bool truncate_utf8(std::string& text, std::size_t max_bytes);

// A sink decorator that applies apply_article_limits to each accepted article
// and reports its notes (or its skip) to the inner sink.
class ArticleLimitSink final : public ForwardingSink {
 public:
  ArticleLimitSink(ArticleSink& inner, const IndexLimits& limits) : ForwardingSink(inner), limits_(limits) {}
  void accept(Article article) override;

 private:
  IndexLimits limits_;
};

}  // namespace byline
