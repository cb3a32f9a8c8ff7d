#pragma once
// The clock relative dates are read against: `date:today`, `date:yesterday`,
// `date:last-7-days`, `date:last-month`, `date:this-year`… name local days of a
// stated time zone at a stated instant. The CLI fills it from `--tz` and
// `--now` (so tests and reproducible runs fix it); by default it is the
// system's clock and local offset.

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/date_time.h"

namespace byline {

struct QueryClock {
  std::int64_t now_epoch_seconds = 0;  // the instant, UTC
  int utc_offset_minutes = 0;          // the zone "today" is read in

  // The system clock and the system's current local offset.
  static QueryClock system();
  // The local calendar day of `now` in the zone.
  CivilDate today() const;
};

// Parses `--tz`: "+05:30", "-0800", "+05", "Z", "UTC" or a zone abbreviation
// byline knows ("IST" is India's, "EST", "CET"…). Throws UsageError naming
// `option` (the flag or parameter it came from) and the value otherwise.
int parse_utc_offset(std::string_view text, std::string_view option = "--tz");

// Builds the clock from `--tz` and `--now` (either may be empty: system
// offset, system time). `now` is any date-time parse_datetime reads; without a
// zone of its own it is read in `tz`. Throws UsageError for a bad value,
// naming it as `tz_option` or `now_option` (a server's parameters).
QueryClock make_query_clock(std::string_view tz, std::string_view now, std::string_view tz_option = "--tz",
                            std::string_view now_option = "--now");

// The span of days a relative form names in `clock`'s zone, nullopt when
// `text` is not one: today, yesterday, this-week (Monday to today),
// last-week (the Monday-to-Sunday before), this-month, last-month,
// this-year, last-year, last-N-days (N from 1 to 36600, ending today).
struct DaySpan;
std::optional<DaySpan> relative_day_span(std::string_view text, const QueryClock& clock);

}  // namespace byline
