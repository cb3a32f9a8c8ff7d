#include "searcher/render_json.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace byline {

namespace {

using nlohmann::json;

json counted(const std::vector<FacetValue>& values, bool with_label) {
  json list = json::array();
  for (const FacetValue& v : values) {
    json item = {{"value", v.value}};
    if (with_label) item["label"] = v.label;
    item["count"] = v.count;
    list.push_back(std::move(item));
  }
  return list;
}

json copies_json(const Hit& h) {
  json list = json::array();
  for (const Hit::Copy& c : h.copies)
    list.push_back({{"id", c.id}, {"site", c.site}, {"date", c.date.empty() ? json(nullptr) : json(c.date)},
                    {"url", c.url}});
  return list;
}

json hit_json(const Hit& h) {
  return {{"rank", h.rank},
          {"id", h.id},
          {"url", h.url},
          {"title", h.title},
          {"title_highlighted", h.title_highlighted},
          {"date", h.date.empty() ? json(nullptr) : json(h.date)},
          {"section", h.section},
          {"section_key", h.section_key},
          {"authors", h.authors},
          {"agency", h.agency},
          {"site", h.site},
          {"lang", h.language},
          {"score", std::isfinite(h.score) ? h.score : 0.0},
          {"snippet", h.snippet},
          {"similar", h.similar},
          {"copies", copies_json(h)}};
}

std::string dump(const json& j, int indent) {
  // Stored text is sanitised UTF-8, but a renderer must never throw on output.
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string render_json(const SearchResult& r, int indent) {
  json hits = json::array();
  for (const Hit& h : r.hits) hits.push_back(hit_json(h));
  json j = {{"query", r.query},
            {"like", r.like_id.empty() ? json(nullptr) : json(r.like_id)},
            {"total", {{"value", r.total.value}, {"exact", r.total.exact}}},
            {"offset", r.offset},
            {"limit", r.limit},
            {"hits", std::move(hits)}};
  j["stories"] = {{"value", r.stories.value}, {"exact", r.stories.exact}, {"collapsed", r.collapsed}};
  j["facets"] = nullptr;  // facets were not asked for
  if (!r.date_granularity.empty()) {
    json multi = json::array();
    if (r.section_multi_select) multi.push_back("section");
    j["facets"] = {{"section", counted(r.section_facet, true)},
                   {"date", counted(r.date_facet, false)},
                   {"date_granularity", r.date_granularity},
                   {"exact", r.facets_exact}};
    for (const Facet& f : r.facets) {
      j["facets"][f.field] = counted(f.values, false);
      if (f.multi_select) multi.push_back(f.field);
    }
    j["facets"]["multi_select"] = std::move(multi);
  }
  j["did_you_mean"] = r.did_you_mean.empty() ? json(nullptr) : json(r.did_you_mean);
  j["took_ms"] = std::round(r.took_ms * 1000) / 1000;
  return dump(j, indent);
}

std::string render_json(const ArchiveInfo& info, int indent) {
  json j = {{"path", info.path},
            {"articles", info.articles},
            {"dated_articles", info.dated_articles},
            {"dates",
             {{"first", info.first_day.empty() ? json(nullptr) : json(info.first_day)},
              {"last", info.last_day.empty() ? json(nullptr) : json(info.last_day)}}},
            {"sections", counted(info.sections, true)},
            {"languages", counted(info.languages, false)},
            {"sites", counted(info.sites, false)},
            {"schema_version", info.schema_version},
            {"stem_language", info.stem_language},
            {"created_by", info.created_by},
            {"size_bytes", info.size_bytes}};
  return dump(j, indent);
}

}  // namespace byline
