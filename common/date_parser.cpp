// Placeholder: the full parser lands with the text-dump extractor.
#include "common/date_time.h"

namespace byline {

DateParseResult parse_datetime(std::string_view, const DateParseHints&) { return {}; }
std::optional<int> zone_offset_minutes(std::string_view, const DateParseHints&, bool*) { return std::nullopt; }

}  // namespace byline
