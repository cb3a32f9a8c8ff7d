#pragma once
// JSON Lines exports (one article per line, as NewsAPI dumps, news-please,
// Reuters conversions and most scrapers write them) -> articles.

#include <string_view>

#include "common/date_time.h"
#include "common/input_stream.h"
#include "indexer/article_sink.h"
#include "indexer/field_mapping.h"

namespace byline {

struct JsonlOptions {
  FieldMapping mapping = FieldMapping::automatic();
  DateParseHints date_hints;
  std::size_t max_line_bytes = 16u << 20;  // longer lines are skipped as "line too long"
};

struct JsonArticle {
  std::optional<Article> article;
  std::string skip_reason;         // when !article: "malformed JSON", "not a JSON object", "no text"
  std::vector<std::string> notes;  // fields dropped or assumed: "date: unparseable", "date: missing"…
};

// Converts one JSON text (one line) into an article. Never throws on bad input.
JsonArticle article_from_json(std::string_view json_text, const JsonlOptions& options);

// Reads every line of `stream`; each becomes one accept() or one skip() on the
// sink (blank lines are ignored). Throws InputError only if the stream itself
// fails (I/O error, corrupt compression); what was delivered before stays.
// `start_offset` resumes a checkpointed run: that many decoded bytes (a line
// boundary reported earlier through record_boundary) are skipped unread.
void read_jsonl(InputStream& stream, const JsonlOptions& options, ArticleSink& sink, std::uint64_t start_offset = 0);

}  // namespace byline
