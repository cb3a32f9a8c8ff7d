// Fuzz target: the plain-text page dump extractor. Its input must be valid
// UTF-8, so the bytes are sanitised first, as every caller does.
#include <cstdlib>
#include <string>

#include "common/text.h"
#include "fuzz/fuzz_support.h"
#include "indexer/text_dump_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace byline;
  const std::string text = sanitize_utf8(fuzz::as_view(data, size));
  TextDumpContext context;
  context.section_hint = "world";
  context.date_hints.country = size % 2 ? "IN" : "";
  const TextDumpResult result = extract_text_dump(text, context);
  if (result.article) {
    if (!is_valid_utf8(result.article->title) || !is_valid_utf8(result.article->body)) std::abort();
  } else if (result.skip_reason.empty()) {
    std::abort();
  }
  return 0;
}
