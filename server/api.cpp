#include "server/api.h"

#include <charconv>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/errors.h"
#include "common/schema.h"
#include "common/stored_fields.h"
#include "searcher/archive_info.h"
#include "searcher/query_clock.h"
#include "searcher/render_export.h"
#include "searcher/render_json.h"
#include "searcher/request_options.h"
#include "searcher/timeline.h"

namespace byline {

namespace {

// A route's answer to a request it cannot serve, other than a bad request.
struct NotFound : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parameters of /api/search. A name outside this list is refused, so that a
// typo ("sotr=newest") is an error rather than silently ignored.
const std::set<std::string, std::less<>> kSearchParameters = {
    "q",          "sort",          "offset",   "limit",        "facets", "date_facet",
    "facet_size", "snippet_chars", "collapse", "multi_select", "like",   "tz",
    "now",        "half_life",     "recency_weight", "suggest_below", "hl_start", "hl_end"};

void check_names(const ApiParams& params, const std::set<std::string, std::less<>>& known) {
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    if (!known.contains(it->first)) throw UsageError(fmt::format("unknown parameter '{}'", it->first));
    if (params.count(it->first) > 1) throw UsageError(fmt::format("parameter '{}' given more than once", it->first));
  }
}

const std::string* find(const ApiParams& params, std::string_view name) {
  const auto it = params.find(std::string(name));
  return it == params.end() ? nullptr : &it->second;
}

// The value of parameter `name` in [low, high], or `fallback` when it is
// absent; `what` names the kind of number in the error.
template <typename Number>
Number in_range(const ApiParams& params, std::string_view name, Number fallback, Number low, Number high,
                std::string_view what) {
  const std::string* text = find(params, name);
  if (text == nullptr) return fallback;
  Number value{};
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || !(value >= low && value <= high))
    throw UsageError(fmt::format("parameter '{}': expected {} from {} to {}, not '{}'", name, what, low, high, *text));
  return value;
}

unsigned whole_number(const ApiParams& params, std::string_view name, unsigned fallback, unsigned low, unsigned high) {
  return in_range(params, name, fallback, low, high, "a whole number");
}

double number(const ApiParams& params, std::string_view name, double fallback, double low, double high) {
  return in_range(params, name, fallback, low, high, "a number");
}

bool flag(const ApiParams& params, std::string_view name, bool fallback) {
  const std::string* text = find(params, name);
  if (text == nullptr) return fallback;
  if (*text == "1" || *text == "true" || *text == "yes") return true;
  if (*text == "0" || *text == "false" || *text == "no") return false;
  throw UsageError(fmt::format("parameter '{}': expected 1 or 0 (true or false), not '{}'", name, *text));
}

std::string text(const ApiParams& params, std::string_view name, std::string fallback) {
  const std::string* value = find(params, name);
  return value == nullptr ? std::move(fallback) : *value;
}

ApiResponse search(const Searcher& searcher, const ApiParams& params, const ApiOptions& options) {
  return {200, render_json(searcher.search(search_request_from(params, options)))};
}

ApiResponse timeline(const Searcher& searcher, const ApiParams& params, const ApiOptions& options) {
  check_names(params, {"q", "period", "by", "series", "tz", "now"});
  TimelineRequest request;
  request.query = text(params, "q", "");
  request.granularity = parse_date_granularity(text(params, "period", "auto"), "parameter 'period'");
  request.by = text(params, "by", "");
  request.series = whole_number(params, "series", request.series, 1, 50);
  request.clock = make_query_clock(text(params, "tz", ""), text(params, "now", ""), "parameter 'tz'", "parameter 'now'");
  request.limits = options.limits;
  return {200, render_timeline_json(build_timeline(searcher, request))};
}

ApiResponse info(const Searcher& searcher, const std::string& path, const ApiParams& params) {
  check_names(params, {});
  return {200, render_json(describe_archive(searcher.database(), path))};
}

ApiResponse article(const Searcher& searcher, const ApiParams& params) {
  check_names(params, {"id"});
  const std::string id = text(params, "id", "");
  if (id.empty()) throw UsageError("parameter 'id' is required: an article id, as search results give it");
  const Xapian::Database& db = searcher.database();
  const std::string term = schema::boolean_term(schema::prefix::kId, id);
  const auto posting = db.postlist_begin(term);
  if (posting == db.postlist_end(term)) throw NotFound(fmt::format("no article with id '{}'", id));
  const Xapian::Document doc = db.get_document(*posting);
  ExportRow row;
  row.story = doc.get_value(schema::slot::kStory);
  row.article = decode_stored_fields(doc.get_data());
  // Every stored field, without the rank and score an export gives a row.
  std::vector<std::string> fields;
  for (const std::string& field : export_fields())
    if (field != "rank" && field != "score") fields.push_back(field);
  return {200, ExportWriter(nullptr, ExportFormat::Jsonl, std::move(fields)).format_row(row)};
}

ApiResponse health(const Searcher& searcher, const ApiParams& params) {
  check_names(params, {});
  return {200, nlohmann::json{{"status", "ok"}, {"articles", searcher.database().get_doccount()}}.dump()};
}

}  // namespace

std::string error_body(std::string_view message, std::string_view kind) {
  // A message may quote the client's bytes (a parameter's name or value):
  // invalid UTF-8 there is replaced rather than thrown on.
  return nlohmann::json{{"error", {{"message", message}, {"kind", kind}}}}.dump(-1, ' ', false,
                                                                               nlohmann::json::error_handler_t::replace);
}

SearchRequest search_request_from(const ApiParams& params, const ApiOptions& options) {
  check_names(params, kSearchParameters);
  SearchRequest request;
  request.limits = options.limits;
  request.query = text(params, "q", "");
  request.like_id = text(params, "like", "");
  request.sort = parse_sort_order(text(params, "sort", "relevance"), "parameter 'sort'");
  request.offset = whole_number(params, "offset", 0, 0, options.limits.max_result_window);
  request.limit = whole_number(params, "limit", 10, 0, options.max_limit);
  if (const std::string* facets = find(params, "facets")) {
    // An empty list asks for no facets (and saves their pass over the matches).
    set_facet_fields(request, *facets, "parameter 'facets'");
    request.facets = !request.facet_fields.empty();
  }
  // As in the CLI: date_facet, when not auto, wins over a date:month in facets.
  if (const std::string* granularity = find(params, "date_facet"); granularity != nullptr && *granularity != "auto")
    request.date_granularity = parse_date_granularity(*granularity, "parameter 'date_facet'");
  request.facet_size = whole_number(params, "facet_size", request.facet_size, 1, options.limits.max_facet_size);
  request.snippet_chars = whole_number(params, "snippet_chars", request.snippet_chars, 20, 5000);
  request.collapse = flag(params, "collapse", true);
  request.multi_select = flag(params, "multi_select", true);
  request.clock = make_query_clock(text(params, "tz", ""), text(params, "now", ""), "parameter 'tz'", "parameter 'now'");
  if (const std::string* half_life = find(params, "half_life"))
    request.half_life_days = parse_half_life_days(*half_life, "parameter 'half_life'");
  request.recency_weight = number(params, "recency_weight", request.recency_weight, 0, 1000);
  request.suggest_below = whole_number(params, "suggest_below", request.suggest_below, 0, 1000000);
  // As `search --json` marks them; a page that builds its DOM from text asks
  // for characters that cannot occur in stored text (hl_start=%02).
  request.highlight_start = text(params, "hl_start", "<b>");
  request.highlight_end = text(params, "hl_end", "</b>");
  if (request.highlight_start.size() > 64 || request.highlight_end.size() > 64)
    throw UsageError("parameters 'hl_start' and 'hl_end': at most 64 bytes each");
  return request;
}

Api::Api(SearcherPool& pool, ApiOptions options, std::function<void(std::string_view)> log)
    : pool_(pool), options_(options), log_(std::move(log)) {}

ApiResponse Api::get(std::string_view path, const ApiParams& params) const {
  try {
    return route(path, params);
  } catch (const QuerySyntaxError& e) {
    return {400, error_body(e.what(), "query syntax")};
  } catch (const UsageError& e) {
    return {400, error_body(e.what(), "usage")};
  } catch (const NotFound& e) {
    return {404, error_body(e.what(), "not found")};
  } catch (const IndexError& e) {
    return {503, error_body(e.what(), "index")};
  } catch (const Xapian::DatabaseError& e) {
    log_(fmt::format("{} {}: {}", path, e.get_type(), e.get_msg()));
    return {503, error_body("the index cannot be read: " + e.get_msg(), "index")};
  } catch (const Xapian::Error& e) {
    log_(fmt::format("{} {}: {}", path, e.get_type(), e.get_msg()));
    return {500, error_body("internal error", "internal")};
  } catch (const std::exception& e) {
    log_(fmt::format("{}: {}", path, e.what()));
    return {500, error_body("internal error", "internal")};
  }
}

ApiResponse Api::route(std::string_view path, const ApiParams& params) const {
  if (path == "/api/search") return search(*pool_.lease(), params, options_);
  if (path == "/api/timeline") return timeline(*pool_.lease(), params, options_);
  if (path == "/api/info") return info(*pool_.lease(), pool_.path(), params);
  if (path == "/api/article") return article(*pool_.lease(), params);
  if (path == "/api/health") return health(*pool_.lease(), params);
  throw NotFound(fmt::format("no route {}", path));
}

}  // namespace byline
