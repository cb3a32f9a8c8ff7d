#include "common/date_time.h"

#include <chrono>

#include <fmt/format.h>

namespace byline {

namespace {
constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
}  // namespace

std::string CivilDate::yyyymmdd() const { return fmt::format("{:04}{:02}{:02}", year, month, day); }
std::string CivilDate::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

bool CivilDate::valid() const {
  using namespace std::chrono;
  return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                        std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

std::int64_t days_from_civil(const CivilDate& date) {
  using namespace std::chrono;
  const sys_days days{year_month_day{std::chrono::year{date.year},
                                     std::chrono::month{static_cast<unsigned>(date.month)},
                                     std::chrono::day{static_cast<unsigned>(date.day)}}};
  return days.time_since_epoch().count();
}

CivilDate civil_from_days(std::int64_t days) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

CivilDate DateTime::local_date() const {
  return civil_from_days(floor_div(epoch_seconds + utc_offset_minutes * 60LL, kSecondsPerDay));
}

std::string DateTime::offset_string() const {
  const int total = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  return fmt::format("{}{:02}:{:02}", utc_offset_minutes < 0 ? '-' : '+', total / 60, total % 60);
}

std::string DateTime::iso8601_local() const {
  const std::int64_t local = epoch_seconds + utc_offset_minutes * 60LL;
  const CivilDate date = civil_from_days(floor_div(local, kSecondsPerDay));
  if (!has_time) return date.iso();
  const std::int64_t secs = local - floor_div(local, kSecondsPerDay) * kSecondsPerDay;
  return fmt::format("{}T{:02}:{:02}:{:02}{}", date.iso(), secs / 3600, secs / 60 % 60, secs % 60,
                     offset_string());
}

std::string DateTime::iso8601_utc() const {
  const CivilDate date = civil_from_days(floor_div(epoch_seconds, kSecondsPerDay));
  const std::int64_t secs = epoch_seconds - floor_div(epoch_seconds, kSecondsPerDay) * kSecondsPerDay;
  return fmt::format("{}T{:02}:{:02}:{:02}Z", date.iso(), secs / 3600, secs / 60 % 60, secs % 60);
}

DateTime DateTime::from_local(const CivilDate& date, int hour, int minute, int second,
                              int utc_offset_minutes) {
  DateTime result;
  result.epoch_seconds = days_from_civil(date) * kSecondsPerDay + hour * 3600LL + minute * 60LL +
                         second - utc_offset_minutes * 60LL;
  result.utc_offset_minutes = utc_offset_minutes;
  return result;
}

const char* to_string(DateParseError error) {
  switch (error) {
    case DateParseError::Empty: return "empty date";
    case DateParseError::NoDate: return "unparseable date";
    case DateParseError::Ambiguous: return "ambiguous date";
    case DateParseError::OutOfRange: return "date out of range";
    case DateParseError::UnknownZone: return "unknown time zone";
  }
  return "unparseable date";
}

}  // namespace byline
