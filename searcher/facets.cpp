#include "searcher/facets.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "searcher/date_filter.h"
#include "searcher/section_labels.h"

namespace byline {

namespace {

constexpr std::int64_t kMaxDayBuckets = 62;
constexpr int kMaxMonthBuckets = 36;

int month_index(const CivilDate& d) { return d.year * 12 + (d.month - 1); }

std::string bucket_name(const CivilDate& d, DateGranularity granularity) {
  switch (granularity) {
    case DateGranularity::Year: return fmt::format("{:04}", d.year);
    case DateGranularity::Month: return fmt::format("{:04}-{:02}", d.year, d.month);
    default: return d.iso();
  }
}

// First day of the bucket after the one holding `d`.
CivilDate next_bucket(const CivilDate& d, DateGranularity granularity) {
  switch (granularity) {
    case DateGranularity::Year: return {d.year + 1, 1, 1};
    case DateGranularity::Month: return d.month == 12 ? CivilDate{d.year + 1, 1, 1} : CivilDate{d.year, d.month + 1, 1};
    default: return civil_from_days(days_from_civil(d) + 1);
  }
}

}  // namespace

std::vector<FacetValue> section_facet(const ValueCounts& sections, unsigned size, SectionLabels& labels) {
  std::vector<std::pair<std::string, std::uint64_t>> sorted(sections.begin(), sections.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (size != 0 && sorted.size() > size) sorted.resize(size);
  std::vector<FacetValue> facet;
  facet.reserve(sorted.size());
  for (const auto& [key, count] : sorted) facet.push_back({key, labels.label(key), count});
  return facet;
}

DateGranularity resolve_granularity(const ValueCounts& days, DateGranularity requested) {
  if (requested != DateGranularity::Auto) return requested;
  std::optional<CivilDate> first, last;
  for (const auto& [key, count] : days) {  // keys sort chronologically
    const auto date = parse_yyyymmdd(key);
    if (!date) continue;
    if (!first) first = date;
    last = date;
  }
  if (!first) return DateGranularity::Month;
  if (days_from_civil(*last) - days_from_civil(*first) + 1 <= kMaxDayBuckets) return DateGranularity::Day;
  if (month_index(*last) - month_index(*first) + 1 <= kMaxMonthBuckets) return DateGranularity::Month;
  return DateGranularity::Year;
}

std::vector<FacetValue> date_histogram(const ValueCounts& days, DateGranularity granularity) {
  std::map<std::string, std::uint64_t> buckets;
  std::optional<CivilDate> first, last;
  for (const auto& [key, count] : days) {
    const auto date = parse_yyyymmdd(key);
    if (!date) continue;
    if (!first) first = date;
    last = date;
    buckets[bucket_name(*date, granularity)] += count;
  }
  std::vector<FacetValue> histogram;
  if (!first) return histogram;
  const std::string end = bucket_name(*last, granularity);
  for (CivilDate d = *first;; d = next_bucket(d, granularity)) {
    const std::string name = bucket_name(d, granularity);
    const auto it = buckets.find(name);
    histogram.push_back({name, name, it == buckets.end() ? 0 : it->second});
    if (name == end) break;
  }
  return histogram;
}

}  // namespace byline
