#include "searcher/query_clock.h"

#include <charconv>
#include <chrono>
#include <ctime>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/text.h"
#include "searcher/date_filter.h"

namespace byline {

namespace {

std::optional<int> digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "+05:30", "-0800", "+05" → minutes; nullopt if not of that shape.
std::optional<int> numeric_offset(std::string_view text) {
  if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  const int sign = text[0] == '-' ? -1 : 1;
  std::string_view rest = text.substr(1);
  std::optional<int> hours, minutes = 0;
  if (rest.size() == 2) hours = digits(rest);
  else if (rest.size() == 4) hours = digits(rest.substr(0, 2)), minutes = digits(rest.substr(2));
  else if (rest.size() == 5 && rest[2] == ':') hours = digits(rest.substr(0, 2)), minutes = digits(rest.substr(3));
  if (!hours || !minutes || *hours > 14 || *minutes > 59) return std::nullopt;
  return sign * (*hours * 60 + *minutes);
}

CivilDate add_days(const CivilDate& d, std::int64_t n) { return civil_from_days(days_from_civil(d) + n); }

}  // namespace

QueryClock QueryClock::system() {
  QueryClock clock;
  clock.now_epoch_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count();
  const std::time_t t = static_cast<std::time_t>(clock.now_epoch_seconds);
  std::tm local{};
  if (::localtime_r(&t, &local) != nullptr) clock.utc_offset_minutes = static_cast<int>(local.tm_gmtoff / 60);
  return clock;
}

CivilDate QueryClock::today() const {
  const std::int64_t local = now_epoch_seconds + std::int64_t{utc_offset_minutes} * 60;
  // Floor division: instants before 1970 still give the right day.
  const std::int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  return civil_from_days(days);
}

int parse_utc_offset(std::string_view text, std::string_view option) {
  const std::string value(trim(text));
  if (value == "Z" || value == "z") return 0;
  if (auto minutes = numeric_offset(value)) return *minutes;
  DateParseHints hints;
  hints.country = "IN";  // byline's home archives: IST is India's
  if (auto minutes = zone_offset_minutes(value, hints)) return *minutes;
  throw UsageError(fmt::format("{} '{}': expected an offset such as +05:30 or -08:00, or a zone abbreviation "
                               "such as UTC or IST",
                               option, value));
}

QueryClock make_query_clock(std::string_view tz, std::string_view now, std::string_view tz_option,
                            std::string_view now_option) {
  QueryClock clock = QueryClock::system();
  if (!trim(tz).empty()) clock.utc_offset_minutes = parse_utc_offset(tz, tz_option);
  if (!trim(now).empty()) {
    DateParseHints hints;
    hints.country = "IN";
    hints.numeric_order = DateOrder::Unknown;
    hints.default_offset_minutes = clock.utc_offset_minutes;
    const DateParseResult parsed = parse_datetime(now, hints);
    if (!parsed)
      throw UsageError(fmt::format("{} '{}': not a date-time ({}); write e.g. 2024-01-07T09:00:00+05:30",
                                   now_option, trim(now), to_string(parsed.error)));
    clock.now_epoch_seconds = parsed.value->epoch_seconds;
  }
  return clock;
}

std::optional<DaySpan> relative_day_span(std::string_view text, const QueryClock& clock) {
  const CivilDate today = clock.today();
  const std::string value = ascii_lower(trim(text));
  if (value == "today") return DaySpan{today, today};
  if (value == "yesterday") return DaySpan{add_days(today, -1), add_days(today, -1)};
  // days_from_civil(1970-01-01) = 0 was a Thursday: Monday is 0 in this count.
  const std::int64_t weekday = ((days_from_civil(today) + 3) % 7 + 7) % 7;
  if (value == "this-week") return DaySpan{add_days(today, -weekday), today};
  if (value == "last-week") return DaySpan{add_days(today, -weekday - 7), add_days(today, -weekday - 1)};
  if (value == "this-month") return DaySpan{{today.year, today.month, 1}, today};
  if (value == "last-month") {
    const CivilDate first = today.month == 1 ? CivilDate{today.year - 1, 12, 1} : CivilDate{today.year, today.month - 1, 1};
    return DaySpan{first, add_days({today.year, today.month, 1}, -1)};
  }
  if (value == "this-year") return DaySpan{{today.year, 1, 1}, today};
  if (value == "last-year") return DaySpan{{today.year - 1, 1, 1}, {today.year - 1, 12, 31}};
  if (value.starts_with("last-") && value.ends_with("-days")) {
    const auto n = digits(std::string_view(value).substr(5, value.size() - 10));
    if (n && *n >= 1 && *n <= 36600) return DaySpan{add_days(today, -(*n - 1)), today};
  }
  return std::nullopt;
}

}  // namespace byline
