#include "searcher/date_filter.h"

#include <charconv>

#include <fmt/format.h>

#include "common/schema.h"

namespace byline {

namespace {

// Parses exactly `digits` ASCII digits.
std::optional<int> parse_digits(std::string_view text, std::size_t digits) {
  if (text.size() != digits) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

CivilDate next_day(const CivilDate& d) { return civil_from_days(days_from_civil(d) + 1); }

[[noreturn]] void reject(std::string_view value, std::string_view why) {
  throw Xapian::QueryParserError(fmt::format("invalid date filter 'date:{}': {}", value, why));
}

constexpr std::string_view kForms =
    "expected YYYY, YYYY-MM or YYYY-MM-DD, today, yesterday, this-week, last-week, this-month, last-month, "
    "this-year, last-year or last-N-days, or a range A..B of them";

// True when `text` has the shape of a period (digits and dashes where they
// belong), so that a failed parse means "no such date" rather than "not a date".
bool looks_like_period(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((i == 4 || i == 7) ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
  return true;
}

// Why `text` is not a period, for the error message.
std::string period_problem(std::string_view text) {
  if (looks_like_period(text)) return fmt::format("'{}' is not a calendar date", text);
  return fmt::format("'{}' is not a date ({})", text, kForms);
}

}  // namespace

std::optional<DaySpan> parse_date_period(std::string_view text) {
  const auto year = parse_digits(text.substr(0, 4), 4);
  if (!year || *year < 1) return std::nullopt;
  if (text.size() == 4) return DaySpan{{*year, 1, 1}, {*year, 12, 31}};
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  const auto month = parse_digits(text.substr(5, 2), 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (text.size() == 7) return DaySpan{{*year, *month, 1}, {*year, *month, days_in_month(*year, *month)}};
  if (text[7] != '-') return std::nullopt;
  const auto day = parse_digits(text.substr(8), 2);
  if (!day) return std::nullopt;
  const CivilDate date{*year, *month, *day};
  if (!date.valid()) return std::nullopt;
  return DaySpan{date, date};
}

std::optional<DaySpan> parse_date_filter(std::string_view value, const std::optional<DaySpan>& archive,
                                         const QueryClock* clock) {
  const auto period_or_relative = [clock](std::string_view text) {
    auto span = parse_date_period(text);
    if (!span && clock) span = relative_day_span(text, *clock);
    return span;
  };
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    const auto period = period_or_relative(value);
    if (!period) reject(value, period_problem(value));
    return period;
  }
  const std::string_view from_text = value.substr(0, dots);
  const std::string_view to_text = value.substr(dots + 2);
  std::optional<DaySpan> from, to;
  if (!from_text.empty() && !(from = period_or_relative(from_text)))
    reject(value, period_problem(from_text));
  if (!to_text.empty() && !(to = period_or_relative(to_text)))
    reject(value, period_problem(to_text));
  if (from && to && to->last < from->first) reject(value, "the range ends before it starts");
  if ((!from || !to) && !archive) return std::nullopt;  // open range over an archive with no dates
  DaySpan span{from ? from->first : archive->first, to ? to->last : archive->last};
  if (span.last < span.first) return std::nullopt;  // open range beyond the archive
  return span;
}

std::vector<std::string> date_cover_terms(const DaySpan& span) {
  namespace prefix = schema::prefix;
  std::vector<std::string> terms;
  const auto term = [](std::string_view prefix, std::string_view digits) {
    std::string t(prefix);
    t.append(digits);
    return t;
  };
  CivilDate day = span.first;
  while (day <= span.last) {
    const std::string ymd = day.yyyymmdd();
    if (day.month == 1 && day.day == 1 && CivilDate{day.year, 12, 31} <= span.last) {
      terms.push_back(term(prefix::kYear, std::string_view(ymd).substr(0, 4)));
      day = {day.year + 1, 1, 1};
    } else if (day.day == 1 && CivilDate{day.year, day.month, days_in_month(day.year, day.month)} <= span.last) {
      terms.push_back(term(prefix::kMonth, std::string_view(ymd).substr(0, 6)));
      day = day.month == 12 ? CivilDate{day.year + 1, 1, 1} : CivilDate{day.year, day.month + 1, 1};
    } else {
      terms.push_back(term(prefix::kDay, ymd));
      day = next_day(day);
    }
  }
  return terms;
}

std::optional<CivilDate> parse_yyyymmdd(std::string_view text) {
  if (text.size() != 8) return std::nullopt;
  const auto year = parse_digits(text.substr(0, 4), 4);
  const auto month = parse_digits(text.substr(4, 2), 2);
  const auto day = parse_digits(text.substr(6, 2), 2);
  if (!year || !month || !day) return std::nullopt;
  const CivilDate date{*year, *month, *day};
  if (!date.valid()) return std::nullopt;
  return date;
}

std::optional<DaySpan> archive_day_span(const Xapian::Database& db) {
  const auto lower = parse_yyyymmdd(db.get_value_lower_bound(schema::slot::kDay));
  const auto upper = parse_yyyymmdd(db.get_value_upper_bound(schema::slot::kDay));
  if (lower && upper) return DaySpan{*lower, *upper};
  // Some backends keep no value bounds: the D terms are sorted, so the first
  // and last of them are the span.
  const std::string prefix(schema::prefix::kDay);
  std::optional<CivilDate> first, last;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const auto date = parse_yyyymmdd(std::string_view(*it).substr(prefix.size()));
    if (!date) continue;
    if (!first) first = date;
    last = date;
  }
  if (!first) return std::nullopt;
  return DaySpan{*first, *last};
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  const auto span = parse_date_filter(value, archive_day_span(db_), clock_.get());
  if (!span) return Xapian::Query::MatchNothing;
  // Slot kDay holds the same local day as the terms, as "YYYYMMDD", which
  // sorts as the days do.
  const std::string first = span->first.yyyymmdd(), last = span->last.yyyymmdd();
  const auto in_span = [&first, &last](const std::string& day) { return day >= first && day <= last; };
  if (auto by_column = column_filter(lookup_, schema::slot::kDay, in_span, fmt::format("date {}..{}", first, last)))
    return *by_column;
  const std::vector<std::string> terms = date_cover_terms(*span);
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace byline
