#include "searcher/search_request.h"

namespace byline {

const char* to_string(SortOrder sort) {
  switch (sort) {
    case SortOrder::Relevance: return "relevance";
    case SortOrder::Newest: return "newest";
    case SortOrder::Oldest: return "oldest";
    case SortOrder::Recency: return "recency";
  }
  return "relevance";
}

const char* to_string(DateGranularity granularity) {
  switch (granularity) {
    case DateGranularity::Auto: return "auto";
    case DateGranularity::Year: return "year";
    case DateGranularity::Month: return "month";
    case DateGranularity::Day: return "day";
  }
  return "auto";
}

}  // namespace byline
