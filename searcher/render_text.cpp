#include "searcher/render_text.h"

#include <algorithm>

#include <fmt/format.h>

namespace byline {

namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kCyan = "\x1b[36m";

std::string paint(const TextStyle& style, const char* code, const std::string& text) {
  if (!style.colour || text.empty()) return text;
  return code + text + kReset;
}

// Display width in columns, counting UTF-8 code points (good enough for the
// labels and bucket names tables are made of).
std::size_t columns(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad_right(const std::string& text, std::size_t width) {
  const std::size_t used = columns(text);
  return used >= width ? text : text + std::string(width - used, ' ');
}

void append_table(std::string& out, const std::string& heading, const std::vector<FacetValue>& rows,
                  bool show_key, const TextStyle& style) {
  if (rows.empty()) return;
  out += paint(style, kBold, heading) + "\n";
  std::size_t label_width = 0;
  for (const FacetValue& row : rows) label_width = std::max(label_width, columns(row.label));
  for (const FacetValue& row : rows) {
    out += "  " + pad_right(row.label, label_width) + fmt::format("  {:>9}", group_thousands(row.count));
    if (show_key && row.value != row.label) out += paint(style, kDim, "  section:" + row.value);
    out += "\n";
  }
}

void append_histogram(std::string& out, const SearchResult& r, const TextStyle& style) {
  if (r.date_facet.empty()) return;
  out += paint(style, kBold, fmt::format("Dates by {}", r.date_granularity)) + "\n";
  std::uint64_t most = 0;
  std::size_t label_width = 0;
  for (const FacetValue& bucket : r.date_facet) {
    most = std::max(most, bucket.count);
    label_width = std::max(label_width, columns(bucket.value));
  }
  // label, count, two spaces between and two of indent.
  const std::size_t used = 2 + label_width + 2 + 9 + 2;
  const std::size_t bar_width = style.width > used + 10 ? std::min<std::size_t>(style.width - used, 40) : 10;
  for (const FacetValue& bucket : r.date_facet) {
    const std::size_t length =
        most == 0 ? 0 : static_cast<std::size_t>((bucket.count * bar_width + most - 1) / most);  // ceil: non-zero shows
    std::string bar;
    for (std::size_t i = 0; i < length; ++i) bar += style.colour ? "█" : "#";
    out += "  " + pad_right(bucket.value, label_width) + fmt::format("  {:>9}  ", group_thousands(bucket.count)) +
           paint(style, kGreen, bar) + "\n";
  }
}

}  // namespace

void use_ansi_highlight(SearchRequest& request) {
  request.highlight_start = "\x1b[1;33m";
  request.highlight_end = kReset;
}

std::string group_thousands(std::uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string human_size(std::uint64_t bytes) {
  static constexpr const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) value /= 1024, ++unit;
  return unit == 0 ? fmt::format("{} bytes", bytes) : fmt::format("{:.1f} {}", value, kUnits[unit]);
}

std::string format_local_time(const std::string& iso) {
  if (iso.empty()) return "undated";
  // "YYYY-MM-DDTHH:MM:SS+HH:MM" is 25 bytes; anything else is shown as it is.
  if (iso.size() != 25 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " " + iso.substr(19);
}

std::string render_text(const SearchResult& r, const TextStyle& style) {
  std::string out;
  const std::string total = (r.total.exact ? "" : "about ") + group_thousands(r.total.value);
  out += fmt::format("{} {}", total, r.total.value == 1 ? "article" : "articles");
  if (r.collapsed && r.stories.value != r.total.value)
    out += fmt::format(" in {}{} {}", r.stories.exact ? "" : "about ", group_thousands(r.stories.value),
                       r.stories.value == 1 ? "story" : "stories");
  if (r.like_id.empty()) out += fmt::format(" for '{}'", r.query);
  else if (r.query.empty()) out += fmt::format(" like {}", r.like_id);
  else out += fmt::format(" like {} matching '{}'", r.like_id, r.query);
  out += fmt::format(" ({:.1f} ms)", r.took_ms);
  if (!r.hits.empty())
    out += fmt::format(", showing {}-{}", r.hits.front().rank, r.hits.back().rank);
  out += "\n";
  for (const Hit& h : r.hits) {
    const std::string& title = h.title_highlighted.empty() ? h.title : h.title_highlighted;
    out += fmt::format("\n{:>3}. {}\n", h.rank, paint(style, kBold, title.empty() ? "(untitled)" : title));
    std::string meta = format_local_time(h.date);
    for (const std::string* field : {&h.section, &h.site})
      if (!field->empty()) meta += " · " + *field;
    if (!h.authors.empty()) {
      std::string names;
      for (const std::string& a : h.authors) names += (names.empty() ? "" : ", ") + a;
      meta += " · " + names;
    }
    if (!h.agency.empty()) meta += " · " + h.agency;
    out += "     " + paint(style, kDim, meta) + "\n";
    if (!h.url.empty()) out += "     " + paint(style, kCyan, h.url) + "\n";
    if (!h.snippet.empty()) out += "     " + h.snippet + "\n";
    if (h.similar > 0) {
      std::string sites;
      for (const Hit::Copy& c : h.copies)
        sites += (sites.empty() ? "" : ", ") + (c.site.empty() ? c.id : c.site) +
                 (c.date.empty() ? "" : " " + c.date.substr(0, 10));
      out += "     " + paint(style, kDim, fmt::format("+{} similar: {}", h.similar, sites)) + "\n";
    }
  }
  if (!r.did_you_mean.empty()) out += fmt::format("\nDid you mean: {}\n", r.did_you_mean);
  if (!r.date_granularity.empty()) {
    out += "\n";
    append_table(out, r.section_multi_select ? "Sections (without the query's section filter)" : "Sections",
                 r.section_facet, true, style);
    for (const Facet& f : r.facets) {
      std::string heading = f.field == "lang"     ? "Languages"
                            : f.field == "agency" ? "Agencies"
                            : f.field == "site"   ? "Sites"
                            : f.field == "author" ? "Authors"
                                                  : f.field;
      if (f.multi_select) heading += fmt::format(" (without the query's {} filter)", f.field);
      append_table(out, heading, f.values, false, style);
    }
    append_histogram(out, r, style);
    if (!r.facets_exact) out += "  (facet counts are estimates)\n";
  }
  return out;
}

std::string render_text(const ArchiveInfo& info, const TextStyle& style) {
  std::string out;
  const auto line = [&](const char* name, const std::string& value) {
    out += paint(style, kBold, fmt::format("{:<10}", name)) + value + "\n";
  };
  line("Archive", info.path.empty() ? "(in memory)" : info.path);
  line("Articles", fmt::format("{} ({} dated)", group_thousands(info.articles), group_thousands(info.dated_articles)));
  line("Dates", info.first_day.empty() ? "none" : info.first_day + " .. " + info.last_day);
  line("Schema", fmt::format("version {}, stemming {}{}", info.schema_version,
                             info.stem_language.empty() ? "none" : info.stem_language,
                             info.created_by.empty() ? "" : ", written by " + info.created_by));
  line("Size", info.path.empty() ? "(in memory)"
                                 : fmt::format("{} ({} bytes)", human_size(info.size_bytes),
                                               group_thousands(info.size_bytes)));
  out += "\n";
  append_table(out, "Sections", info.sections, true, style);
  append_table(out, "Languages", info.languages, false, style);
  append_table(out, "Sites", info.sites, false, style);
  return out;
}

}  // namespace byline
