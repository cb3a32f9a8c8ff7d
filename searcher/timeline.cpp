#include "searcher/timeline.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/errors.h"

namespace byline {

namespace {

std::vector<std::uint64_t> counts_in(const std::vector<FacetValue>& facet, const std::vector<std::string>& buckets) {
  std::map<std::string, std::uint64_t> by_bucket;
  for (const FacetValue& b : facet) by_bucket[b.value] = b.count;
  std::vector<std::uint64_t> counts;
  for (const std::string& b : buckets) counts.push_back(by_bucket.count(b) ? by_bucket.at(b) : 0);
  return counts;
}

}  // namespace

Timeline build_timeline(const Searcher& searcher, const TimelineRequest& request) {
  if (!request.by.empty() && request.by != "section" && request.by != "site")
    throw UsageError(fmt::format("timeline by '{}': expected section or site", request.by));
  SearchRequest search;
  search.query = request.query;
  search.limit = 0;
  search.collapse = false;  // a timeline counts articles
  search.clock = request.clock;
  search.limits = request.limits;
  search.facet_fields = {"date"};
  if (!request.by.empty()) search.facet_fields.push_back(request.by);
  search.facet_size = request.series;
  search.date_granularity = request.granularity;
  const SearchResult all = searcher.search(search);

  Timeline timeline;
  timeline.query = request.query;
  timeline.granularity = all.date_granularity;
  timeline.total = all.total.value;
  for (const FacetValue& b : all.date_facet) timeline.buckets.push_back(b.value);
  if (request.by.empty()) {
    timeline.series.push_back({"all", counts_in(all.date_facet, timeline.buckets)});
    return timeline;
  }
  static const std::vector<FacetValue> kNone;
  const std::vector<FacetValue>& values = request.by == "section" ? all.section_facet
                                          : all.facets.empty()    ? kNone
                                                                  : all.facets.front().values;
  SearchRequest one = search;
  one.facet_fields = {"date"};
  // The whole result's granularity, so that every series has its buckets.
  one.date_granularity = all.date_granularity == "day"    ? DateGranularity::Day
                         : all.date_granularity == "year" ? DateGranularity::Year
                                                          : DateGranularity::Month;
  for (const FacetValue& v : values) {
    one.query = fmt::format("{}:\"{}\" {}", request.by, v.value, request.query);
    timeline.series.push_back({v.value, counts_in(searcher.search(one).date_facet, timeline.buckets)});
  }
  return timeline;
}

std::string render_timeline_json(const Timeline& timeline) {
  nlohmann::json j = {{"query", timeline.query},
                      {"granularity", timeline.granularity},
                      {"total", timeline.total},
                      {"buckets", timeline.buckets}};
  nlohmann::json list = nlohmann::json::array();
  for (const Timeline::Series& s : timeline.series) list.push_back({{"name", s.name}, {"counts", s.counts}});
  j["series"] = std::move(list);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace byline
