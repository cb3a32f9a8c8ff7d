// Fuzz target: the WARC reader and page classification, over the raw bytes as
// stored (so the gzip member reader is fuzzed too). Each page delivered must
// be valid UTF-8, as WarcPageReader promises the extractor.
#include <cstdlib>
#include <string>

#include "common/input_stream.h"
#include "common/text.h"
#include "fuzz/fuzz_support.h"
#include "indexer/warc_page_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace byline;
  PageReaderOptions options;
  // Small limits keep each run fast and exercise the over-limit paths.
  options.warc.max_header_line = 4 << 10;
  options.warc.max_header_bytes = 16 << 10;
  options.warc.max_record_bytes = 1 << 20;
  options.decode.max_output = 1 << 20;
  options.decode.ratio_floor = 64 << 10;
  WarcPageReader reader(options);
  auto stream = open_raw_memory(std::string(fuzz::as_view(data, size)), "fuzz.warc");
  WarcPageReader::Callbacks callbacks;
  callbacks.page = [](FetchedPage& page) {
    if (!is_valid_utf8(page.html)) std::abort();  // the reader's contract
  };
  callbacks.skip = [](std::string_view reason, std::string_view) {
    if (reason.empty()) std::abort();  // a skip always has a reason
  };
  callbacks.note = [](std::string_view, std::string_view) {};
  reader.read(*stream, callbacks);
  return 0;
}
