#pragma once
// The `date:` filter: a day, month, year or range of them, turned into the
// boolean D/M/Y terms the document builder writes (Omega's convention, see
// common/schema.h). A range becomes the OR of the fewest terms that cover it
// exactly: whole years as Y terms, whole months as M terms, the rest as D
// terms. Boolean terms are fast to match and, unlike a value range, the same
// filter a user would write by hand.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/date_time.h"
#include "searcher/column_filter.h"
#include "searcher/query_clock.h"

namespace byline {

// Inclusive span of local days.
struct DaySpan {
  CivilDate first;
  CivilDate last;
  friend bool operator==(const DaySpan&, const DaySpan&) = default;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into the span of days it names;
// nullopt if malformed or not a real date (2024-02-30, 2024-13).
std::optional<DaySpan> parse_date_period(std::string_view text);

// Parses a `date:` value: a period, or a range "A..B" of periods where either
// end may be missing ("2024-03..", "..2023"). A missing end is taken from
// `archive` (the first/last day in the index); with no archive span (an empty
// index) an open range yields nullopt, meaning "matches nothing".
// Throws Xapian::QueryParserError naming the value when it is not valid, or
// when the range ends before it starts. With a `clock`, a relative form
// (relative_day_span: "today", "last-7-days"…) is accepted wherever a period
// is, alone or as a range end ("2024-01..yesterday").
std::optional<DaySpan> parse_date_filter(std::string_view value, const std::optional<DaySpan>& archive,
                                         const QueryClock* clock = nullptr);

// The fewest Y<YYYY>, M<YYYYMM> and D<YYYYMMDD> terms whose union is exactly
// the days of `span`, in chronological order. Empty if last < first.
std::vector<std::string> date_cover_terms(const DaySpan& span);

// First and last publication day in `db` (from the value bounds of slot kDay,
// or the D terms when the backend keeps no bounds); nullopt if no article is
// dated.
std::optional<DaySpan> archive_day_span(const Xapian::Database& db);

// Parses "YYYYMMDD" as stored in slot kDay; nullopt if malformed.
std::optional<CivilDate> parse_yyyymmdd(std::string_view text);

// Field processor for `date:` (a boolean prefix: its query is a filter). Open
// ends are clamped to the archive's days when the query is parsed.
// Relative forms are read against `*clock`, which the owner may change
// between parses (it is shared, not copied). A span holding many articles is
// read from the facet column's days instead of the terms (column_filter.h).
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  DateFieldProcessor(Xapian::Database db, std::shared_ptr<const QueryClock> clock, ColumnLookup lookup = {})
      : db_(std::move(db)), clock_(std::move(clock)), lookup_(std::move(lookup)) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  Xapian::Database db_;
  std::shared_ptr<const QueryClock> clock_;
  ColumnLookup lookup_;
};

}  // namespace byline
