// Golden table for parse_datetime: each row is an input, the hints, and what
// must come out (UTC instant, offset, has_time, zone flags) or the error.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/date_time.h"

using namespace byline;

namespace {

struct Row {
  std::string input;
  DateParseHints hints;
  // Expected on success (utc empty means: an error is expected).
  std::string utc;
  std::string offset;
  bool has_time = true;
  bool zone_known = true;
  bool zone_assumed = false;
  DateParseError error = DateParseError::NoDate;
};

DateParseHints country(const char* code) {
  DateParseHints h;
  h.country = code;
  return h;
}
DateParseHints order(DateOrder o) {
  DateParseHints h;
  h.numeric_order = o;
  return h;
}
DateParseHints default_offset(int minutes) {
  DateParseHints h;
  h.default_offset_minutes = minutes;
  return h;
}

Row ok(std::string input, std::string utc, std::string offset, DateParseHints hints = {}) {
  Row r;
  r.input = std::move(input);
  r.utc = std::move(utc);
  r.offset = std::move(offset);
  r.hints = std::move(hints);
  return r;
}
Row assumed(Row r) {
  r.zone_assumed = true;
  return r;
}
Row date_only(Row r) {
  r.has_time = false;
  return r;
}
Row no_zone(Row r) {
  r.zone_known = false;
  return r;
}
Row fails(std::string input, DateParseError error, DateParseHints hints = {}) {
  Row r;
  r.input = std::move(input);
  r.error = error;
  r.hints = std::move(hints);
  return r;
}

void check_row(const Row& row) {
  INFO("input: \"" << row.input << "\"");
  const DateParseResult result = parse_datetime(row.input, row.hints);
  if (row.utc.empty()) {
    CHECK_FALSE(result);
    CHECK(to_string(result.error) == std::string(to_string(row.error)));
    return;
  }
  REQUIRE(result);
  CHECK(result.value->iso8601_utc() == row.utc);
  CHECK(result.value->offset_string() == row.offset);
  CHECK(result.value->has_time == row.has_time);
  CHECK(result.value->zone_known == row.zone_known);
  CHECK(result.zone_assumed == row.zone_assumed);
}

}  // namespace

TEST_CASE("parse_datetime: ISO 8601 and RFC 3339", "[unit][date]") {
  const std::vector<Row> rows = {
      ok("2025-01-06T07:55:00Z", "2025-01-06T07:55:00Z", "+00:00"),
      ok("2025-01-06T13:25:00+05:30", "2025-01-06T07:55:00Z", "+05:30"),
      ok("2025-01-06T13:25:00+0530", "2025-01-06T07:55:00Z", "+05:30"),
      ok("2025-01-06 13:25:00+0530", "2025-01-06T07:55:00Z", "+05:30"),
      ok("2025-01-06T02:55:00.123-05:00", "2025-01-06T07:55:00Z", "-05:00"),
      ok("2025-01-06T07:55:00.5Z", "2025-01-06T07:55:00Z", "+00:00"),
      ok("2025-01-06T07:55Z", "2025-01-06T07:55:00Z", "+00:00"),
      ok("2025-01-06 23:30:00 +01:00", "2025-01-06T22:30:00Z", "+01:00"),
      date_only(no_zone(ok("2025-01-06", "2025-01-06T00:00:00Z", "+00:00"))),
      no_zone(ok("2025-01-06T07:55:00", "2025-01-06T07:55:00Z", "+00:00")),
      // No zone, but the caller knows the publication's offset.
      ok("2025-01-06 13:25", "2025-01-06T07:55:00Z", "+05:30", default_offset(330)),
      date_only(ok("2025-01-06", "2025-01-05T18:30:00Z", "+05:30", default_offset(330))),
  };
  for (const Row& row : rows) check_row(row);
}

TEST_CASE("parse_datetime: RFC 2822", "[unit][date]") {
  const std::vector<Row> rows = {
      ok("Mon, 06 Jan 2025 07:55:00 GMT", "2025-01-06T07:55:00Z", "+00:00"),
      ok("Mon, 06 Jan 2025 07:55:00 +0000", "2025-01-06T07:55:00Z", "+00:00"),
      ok("Mon, 6 Jan 2025 13:25:00 +0530", "2025-01-06T07:55:00Z", "+05:30"),
      ok("Tue, 15 Jul 2025 09:00:00 -0400", "2025-07-15T13:00:00Z", "-04:00"),
      ok("Mon, 06 Jan 2025 07:55 UTC", "2025-01-06T07:55:00Z", "+00:00"),
  };
  for (const Row& row : rows) check_row(row);
}

TEST_CASE("parse_datetime: prose forms news pages print", "[unit][date]") {
  const std::vector<Row> rows = {
      assumed(ok("13:25 IST, January 6th 2025", "2025-01-06T07:55:00Z", "+05:30")),
      assumed(ok("Published 13:25 IST, January 6th 2025", "2025-01-06T07:55:00Z", "+05:30")),
      assumed(ok("Updated: Jan 6, 2025, 01:25 PM IST", "2025-01-06T07:55:00Z", "+05:30")),
      date_only(no_zone(ok("6 January 2025", "2025-01-06T00:00:00Z", "+00:00"))),
      // ET in January is EST.
      ok("January 6, 2025 at 1:25 p.m. ET", "2025-01-06T18:25:00Z", "-05:00"),
      no_zone(ok("Monday, 6 January 2025 13:25", "2025-01-06T13:25:00Z", "+00:00")),
      date_only(no_zone(ok("Jan. 6, 2025", "2025-01-06T00:00:00Z", "+00:00"))),
      assumed(ok("6th Jan 2025 | 13:25 IST", "2025-01-06T07:55:00Z", "+05:30")),
      date_only(no_zone(ok("2025/01/06", "2025-01-06T00:00:00Z", "+00:00"))),
      date_only(no_zone(ok("06.01.2025", "2025-01-06T00:00:00Z", "+00:00", order(DateOrder::DayFirst)))),
      assumed(ok("Last Updated: January 06, 2025 / 01:25 PM (IST)", "2025-01-06T07:55:00Z", "+05:30")),
      ok("First published on Sept. 3, 2024, 9:05 am EDT", "2024-09-03T13:05:00Z", "-04:00"),
      ok("Updated on 6th of January, 2025 at 1.25pm GMT", "2025-01-06T13:25:00Z", "+00:00"),
      ok("6 Jan 2025, 13:25 IST | Agency: PTI", "2025-01-06T07:55:00Z", "+05:30", country("IN")),
      ok("Posted: 06 Jan 2025 13:25 GMT+5:30", "2025-01-06T07:55:00Z", "+05:30"),
      ok("January 6, 2025 13:25:40 UTC", "2025-01-06T13:25:40Z", "+00:00"),
      ok("Wed 12 Mar 2025 \xE2\x80\x93 08:00 JST", "2025-03-11T23:00:00Z", "+09:00"),
      ok("12 March 2025\xC2\xA0\xC2\xB7 10:45 CET", "2025-03-12T09:45:00Z", "+01:00"),
  };
  for (const Row& row : rows) check_row(row);
}

TEST_CASE("parse_datetime: ordinals, 12-hour clock, seconds optional", "[unit][date]") {
  const std::vector<Row> rows = {
      date_only(no_zone(ok("1st March 2025", "2025-03-01T00:00:00Z", "+00:00"))),
      date_only(no_zone(ok("March 2nd, 2025", "2025-03-02T00:00:00Z", "+00:00"))),
      date_only(no_zone(ok("3rd March 2025", "2025-03-03T00:00:00Z", "+00:00"))),
      date_only(no_zone(ok("4th March 2025", "2025-03-04T00:00:00Z", "+00:00"))),
      date_only(no_zone(ok("21st March 2025", "2025-03-21T00:00:00Z", "+00:00"))),
      date_only(no_zone(ok("March 22nd 2025", "2025-03-22T00:00:00Z", "+00:00"))),
      // 12 am is midnight, 12 pm is noon.
      ok("March 1, 2025 12:10 am GMT", "2025-03-01T00:10:00Z", "+00:00"),
      ok("March 1, 2025 12:10 pm GMT", "2025-03-01T12:10:00Z", "+00:00"),
      ok("March 1, 2025 12 AM GMT", "2025-03-01T00:00:00Z", "+00:00"),
      ok("March 1, 2025 7pm GMT", "2025-03-01T19:00:00Z", "+00:00"),
      ok("March 1, 2025 07:05:09 GMT", "2025-03-01T07:05:09Z", "+00:00"),
      ok("March 1, 2025 23:59 GMT", "2025-03-01T23:59:00Z", "+00:00"),
  };
  for (const Row& row : rows) check_row(row);
}

TEST_CASE("parse_datetime: zone table and country hints", "[unit][date]") {
  const std::vector<Row> rows = {
      ok("January 6, 2025 13:25 IST", "2025-01-06T07:55:00Z", "+05:30", country("IN")),
      ok("January 6, 2025 13:25 IST", "2025-01-06T12:25:00Z", "+01:00", country("IE")),
      ok("January 6, 2025 13:25 IST", "2025-01-06T11:25:00Z", "+02:00", country("IL")),
      assumed(ok("January 6, 2025 13:25 IST", "2025-01-06T07:55:00Z", "+05:30", country("US"))),
      ok("June 6, 2025 13:25 BST", "2025-06-06T12:25:00Z", "+01:00", country("GB")),
      ok("June 6, 2025 13:25 BST", "2025-06-06T07:25:00Z", "+06:00", country("BD")),
      assumed(ok("June 6, 2025 13:25 BST", "2025-06-06T12:25:00Z", "+01:00")),
      ok("June 6, 2025 13:25 CST", "2025-06-06T19:25:00Z", "-06:00", country("US")),
      ok("June 6, 2025 13:25 CST", "2025-06-06T05:25:00Z", "+08:00", country("CN")),
      ok("June 6, 2025 13:25 EST", "2025-06-06T18:25:00Z", "-05:00"),
      ok("June 6, 2025 13:25 PDT", "2025-06-06T20:25:00Z", "-07:00"),
      ok("June 6, 2025 13:25 NPT", "2025-06-06T07:40:00Z", "+05:45"),
      ok("June 6, 2025 13:25 AEST", "2025-06-06T03:25:00Z", "+10:00"),
      ok("June 6, 2025 13:25 NZDT", "2025-06-06T00:25:00Z", "+13:00"),
      ok("June 6, 2025 13:25 GST", "2025-06-06T09:25:00Z", "+04:00"),
      ok("June 6, 2025 13:25 (SGT)", "2025-06-06T05:25:00Z", "+08:00"),
      ok("June 6, 2025 13:25 PKT", "2025-06-06T08:25:00Z", "+05:00"),
      ok("June 6, 2025 13:25 WIB", "2025-06-06T06:25:00Z", "+07:00"),
      ok("June 6, 2025 13:25 MSK", "2025-06-06T10:25:00Z", "+03:00"),
      ok("June 6, 2025 13:25 SAST", "2025-06-06T11:25:00Z", "+02:00"),
      // US generic names follow daylight time: second Sunday of March to first
      // Sunday of November (2025: March 9 and November 2).
      ok("March 8, 2025 10:00 ET", "2025-03-08T15:00:00Z", "-05:00"),
      ok("March 9, 2025 10:00 ET", "2025-03-09T14:00:00Z", "-04:00"),
      ok("November 1, 2025 10:00 PT", "2025-11-01T17:00:00Z", "-07:00"),
      ok("November 2, 2025 10:00 PT", "2025-11-02T18:00:00Z", "-08:00"),
      ok("July 4, 2025 10:00 a.m. CT", "2025-07-04T15:00:00Z", "-05:00"),
  };
  for (const Row& row : rows) check_row(row);

  bool was_assumed = false;
  CHECK(zone_offset_minutes("IST", {}, &was_assumed) == 330);
  CHECK(was_assumed);
  CHECK(zone_offset_minutes("(IST)", country("IE"), &was_assumed) == 60);
  CHECK_FALSE(was_assumed);
  CHECK(zone_offset_minutes("npt", {}) == 345);
  CHECK(zone_offset_minutes("ET", {}) == -300);  // standard time: no date to decide by
  CHECK_FALSE(zone_offset_minutes("XYZ", {}).has_value());
  CHECK_FALSE(zone_offset_minutes("", {}).has_value());
}

TEST_CASE("parse_datetime: numeric dates are never guessed", "[unit][date]") {
  const std::vector<Row> rows = {
      fails("06/01/2025", DateParseError::Ambiguous),
      fails("06.01.2025", DateParseError::Ambiguous),
      fails("Published 06-01-2025 13:25 IST", DateParseError::Ambiguous),
      date_only(no_zone(ok("06/01/2025", "2025-06-01T00:00:00Z", "+00:00", order(DateOrder::MonthFirst)))),
      date_only(no_zone(ok("06/01/2025", "2025-01-06T00:00:00Z", "+00:00", order(DateOrder::DayFirst)))),
      // One field above 12 settles the order whatever the hint says.
      date_only(no_zone(ok("13/01/2025", "2025-01-13T00:00:00Z", "+00:00"))),
      date_only(no_zone(ok("01/13/2025", "2025-01-13T00:00:00Z", "+00:00"))),
      date_only(no_zone(ok("01/13/2025", "2025-01-13T00:00:00Z", "+00:00", order(DateOrder::DayFirst)))),
      date_only(no_zone(ok("05/05/2025", "2025-05-05T00:00:00Z", "+00:00"))),
      fails("31/13/2025", DateParseError::OutOfRange),
  };
  for (const Row& row : rows) check_row(row);
}

TEST_CASE("parse_datetime: errors and things that are not dates", "[unit][date]") {
  const std::vector<Row> rows = {
      fails("", DateParseError::Empty),
      fails("   \n\t ", DateParseError::Empty),
      fails("no date here", DateParseError::NoDate),
      fails("The missile travelled approximately 1,100 kilometres.", DateParseError::NoDate),
      fails("Blinken is on a visit from January 4-9.", DateParseError::NoDate),
      fails("ahead of the inauguration on January 20, Yonhap reported", DateParseError::NoDate),
      fails("the 2025-26 budget grew 3.5 per cent to 12,400 crore", DateParseError::NoDate),
      fails("Putin may be close to reversing a policy", DateParseError::NoDate),
      fails("version 1.2.3 at 10:30", DateParseError::NoDate),
      fails("February 30, 2025", DateParseError::OutOfRange),
      fails("2025-13-06", DateParseError::OutOfRange),
      fails("January 6, 1850", DateParseError::OutOfRange),
      fails("January 6, 2125", DateParseError::OutOfRange),
      fails("January 6, 2025 24:10", DateParseError::OutOfRange),
      fails("January 6, 2025 13:75", DateParseError::OutOfRange),
      fails("January 6, 2025 13:25 am", DateParseError::OutOfRange),
      fails("January 6, 2025 13:25 XYZT", DateParseError::UnknownZone),
  };
  for (const Row& row : rows) check_row(row);
}

TEST_CASE("parse_datetime: finds the date inside running text", "[unit][date]") {
  const std::vector<Row> rows = {
      assumed(ok("Blinken spoke in Seoul. Updated on 6 Jan 2025, 13:25 IST. More to follow.",
                 "2025-01-06T07:55:00Z", "+05:30")),
      // An impossible date before a real one does not hide it.
      date_only(no_zone(ok("Vol 45 January 2025, first published January 6, 2025", "2025-01-06T00:00:00Z",
                           "+00:00"))),
      // "12 people" is not a time: the date stands alone.
      date_only(no_zone(ok("On 5 March 2024, 12 people were hurt", "2024-03-05T00:00:00Z", "+00:00"))),
  };
  for (const Row& row : rows) check_row(row);
}

TEST_CASE("parse_datetime never reads out of bounds on truncated input", "[unit][date]") {
  const std::string full = "Mon, 06 Jan 2025 07:55:00.123 +05:30 (IST) p.m. 6th";
  // Every prefix and suffix: must not crash; nothing else is asserted but the
  // full string, which must still parse.
  for (std::size_t i = 0; i <= full.size(); ++i) {
    (void)parse_datetime(std::string_view(full).substr(0, i));
    (void)parse_datetime(std::string_view(full).substr(i));
  }
  CHECK(parse_datetime(full));
  (void)parse_datetime(std::string("\xE2\x80", 2));
  (void)parse_datetime(std::string("2025-01-\xC2", 10));
  CHECK_FALSE(parse_datetime(std::string(5000, '9')));
}
