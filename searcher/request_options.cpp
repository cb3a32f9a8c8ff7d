#include "searcher/request_options.h"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "common/errors.h"

namespace byline {

SortOrder parse_sort_order(std::string_view text, std::string_view option) {
  if (text == "relevance") return SortOrder::Relevance;
  if (text == "newest") return SortOrder::Newest;
  if (text == "oldest") return SortOrder::Oldest;
  if (text == "recency") return SortOrder::Recency;
  throw UsageError(fmt::format("{} '{}': expected relevance, newest, oldest or recency", option, text));
}

DateGranularity parse_date_granularity(std::string_view text, std::string_view option) {
  if (text == "auto") return DateGranularity::Auto;
  if (text == "year") return DateGranularity::Year;
  if (text == "month") return DateGranularity::Month;
  if (text == "day") return DateGranularity::Day;
  throw UsageError(fmt::format("{} '{}': expected auto, year, month or day", option, text));
}

double parse_half_life_days(std::string_view text, std::string_view option) {
  if (text == "inf" || text == "infinite" || text == "none") return std::numeric_limits<double>::infinity();
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  const double per = unit == "d" || unit.empty() ? 1 : unit == "h" ? 1.0 / 24 : unit == "w" ? 7 : unit == "y" ? 365.25 : -1;
  if (error != std::errc() || end == text.data() || per < 0 || !(value > 0) || !std::isfinite(value))
    throw UsageError(fmt::format("{} '{}': expected a positive number with a unit h, d, w or y (30d), or inf", option, text));
  return value * per;
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> parts;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

void set_facet_fields(SearchRequest& request, std::string_view list, std::string_view option) {
  request.facet_fields.clear();
  for (std::string field : split_commas(list)) {
    if (field.starts_with("date:")) {
      request.date_granularity = parse_date_granularity(std::string_view(field).substr(5), fmt::format("{} {}", option, field));
      field = "date";
    }
    request.facet_fields.push_back(field);
  }
}

}  // namespace byline
