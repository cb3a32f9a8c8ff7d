// Fuzz target: parse_datetime with every kind of hint, and the formatting of
// whatever it accepts. The first byte picks the hints; the rest is the text.
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace byline;
  DateParseHints hints;
  std::string_view text = fuzz::as_view(data, size);
  if (!text.empty()) {
    const auto pick = static_cast<unsigned char>(text.front());
    text.remove_prefix(1);
    static const char* const kCountries[] = {"", "IN", "US", "GB", "IE", "IL", "AU"};
    hints.country = kCountries[pick % 7];
    hints.numeric_order = static_cast<DateOrder>((pick / 7) % 3);
    if (pick & 0x80) hints.default_offset_minutes = (pick & 1) ? 330 : -300;
  }
  const DateParseResult result = parse_datetime(text, hints);
  if (result.value) {
    const DateTime& value = *result.value;
    if (!value.local_date().valid()) std::abort();  // an accepted date is a real day
    (void)value.iso8601_local();
    (void)value.iso8601_utc();
    (void)value.offset_string();
    (void)value.local_date().yyyymmdd();
  } else {
    (void)to_string(result.error);
  }
  bool assumed = false;
  (void)zone_offset_minutes(text.substr(0, 8), hints, &assumed);
  return 0;
}
