// Fuzz target: one JSON Lines record to an article (field mapping, dates,
// wrong types, huge numbers). article_from_json never throws on bad input.
#include <cstdlib>
#include <string>

#include "common/text.h"
#include "fuzz/fuzz_support.h"
#include "indexer/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace byline;
  static const JsonlOptions options;
  const JsonArticle result = article_from_json(fuzz::as_view(data, size), options);
  if (result.article) {
    if (!is_valid_utf8(result.article->title) || !is_valid_utf8(result.article->body)) std::abort();
  } else if (result.skip_reason.empty()) {
    std::abort();
  }
  return 0;
}
