#pragma once
// Instants, civil dates and UTC offsets: how byline represents "when" an article
// was published. An article is filed under the calendar day printed on it (its
// local day), so every DateTime carries the publication's own UTC offset.

#include <cstdint>
#include <optional>
#include <string>

namespace byline {

// A proleptic Gregorian calendar date.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // "YYYYMMDD", the form stored in day terms and value slots.
  std::string yyyymmdd() const;
  // "YYYY-MM-DD".
  std::string iso() const;
  bool valid() const;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 and back (Howard Hinnant's algorithms via <chrono>).
std::int64_t days_from_civil(const CivilDate& date);
CivilDate civil_from_days(std::int64_t days);

// A publication instant together with the offset it was published in.
struct DateTime {
  std::int64_t epoch_seconds = 0;  // the instant, seconds since the Unix epoch, UTC
  int utc_offset_minutes = 0;      // e.g. +330 for IST; the local day uses it
  bool has_time = true;            // false when the source gave a date only
  bool zone_known = true;          // false when no offset or zone was given (taken as UTC)

  // The calendar day in the publication's own time zone.
  CivilDate local_date() const;
  // "2025-01-06T13:25:00+05:30" (or "2025-01-06" when has_time is false).
  std::string iso8601_local() const;
  // "2025-01-06T07:55:00Z".
  std::string iso8601_utc() const;
  // "+05:30".
  std::string offset_string() const;

  // Builds a DateTime from local wall-clock fields and an offset.
  static DateTime from_local(const CivilDate& date, int hour, int minute, int second,
                             int utc_offset_minutes);

  friend bool operator==(const DateTime&, const DateTime&) = default;
};

// How to read an all-numeric date such as 01/06/2025 when both fields could be
// the month. Unknown means: refuse rather than guess.
enum class DateOrder { Unknown, DayFirst, MonthFirst };

// Context that resolves what a date string alone cannot say.
struct DateParseHints {
  // ISO 3166 alpha-2 country of the publication ("IN", "US", "GB"…), empty if
  // unknown. Resolves ambiguous zone names: IST is +05:30 in India, +01:00 in
  // Ireland, +02:00 in Israel.
  std::string country;
  DateOrder numeric_order = DateOrder::Unknown;
  // Offset to assume when the text names no zone at all (minutes); when
  // absent the result is UTC with zone_known = false.
  std::optional<int> default_offset_minutes;
};

// Why a parse failed, for counted skips and error messages.
enum class DateParseError { Empty, NoDate, Ambiguous, OutOfRange, UnknownZone };
const char* to_string(DateParseError error);

struct DateParseResult {
  std::optional<DateTime> value;
  DateParseError error = DateParseError::NoDate;  // meaningful when !value
  // Set when a zone abbreviation had several meanings and a hint (or the
  // documented default) chose one; callers count it.
  bool zone_assumed = false;
  explicit operator bool() const { return value.has_value(); }
};

// Parses a date-time written in any of the forms news sites use:
//   ISO 8601 / RFC 3339 ("2025-01-06T07:55:00Z", "2025-01-06 13:25:00+0530"),
//   RFC 2822 ("Mon, 06 Jan 2025 07:55:00 GMT"),
//   prose ("13:25 IST, January 6th 2025", "Jan 6, 2025, 1:25 pm IST",
//   "6 January 2025", "January 6, 2025 at 13:25 (IST)"),
//   numeric ("06/01/2025", "2025/01/06", "06.01.2025") subject to hints.numeric_order.
// Surrounding words such as "Published", "Updated on" or "Last updated:" are
// ignored. Never throws.
DateParseResult parse_datetime(std::string_view text, const DateParseHints& hints = {});

// Offset in minutes of a zone abbreviation ("IST", "GMT", "EDT"…) resolved with
// the hints; nullopt if unknown. `assumed` is set when the name was ambiguous.
std::optional<int> zone_offset_minutes(std::string_view abbreviation,
                                       const DateParseHints& hints, bool* assumed = nullptr);

}  // namespace byline
