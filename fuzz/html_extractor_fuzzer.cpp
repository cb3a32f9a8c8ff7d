// Fuzz target: HTML article extraction (gumbo DOM, metadata, JSON-LD, dates,
// body boilerplate removal). The page is given as is, invalid UTF-8 included:
// extract_html promises to replace invalid bytes and never to throw.
#include <cstdlib>
#include <string>

#include "common/text.h"
#include "fuzz/fuzz_support.h"
#include "indexer/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace byline;
  HtmlContext context;
  // A country TLD and a dated path, so URL-based hints and fallbacks run too.
  context.url = "https://www.example.in/world/2024/03/01/fuzz-story.html";
  context.crawled = fuzz::fixed_crawl_time();
  context.keep_non_articles = size % 2 == 1;  // both paths, decided by the input
  const HtmlExtraction result = extract_html(fuzz::as_view(data, size), context);
  if (result.article) {
    const Article& a = *result.article;
    if (!is_valid_utf8(a.title) || !is_valid_utf8(a.body)) std::abort();
  } else if (result.skip_reason.empty()) {
    std::abort();  // no article means a reason
  }
  return 0;
}
