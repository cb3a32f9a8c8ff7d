// Placeholder until the extractor lands.
#include "indexer/text_dump_extractor.h"

namespace byline {
TextDumpResult extract_text_dump(std::string_view, const TextDumpContext&) {
  TextDumpResult r;
  r.skip_reason = "not implemented";
  return r;
}
}  // namespace byline
