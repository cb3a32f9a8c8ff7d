#pragma once
// Render stage, terminal text: a search result or an archive description as
// people read it. Results to stdout is the caller's business; these only build
// the text (ending with a newline).

#include <string>

#include "searcher/archive_info.h"
#include "searcher/search_request.h"
#include "searcher/search_result.h"

namespace byline {

struct TextStyle {
  // ANSI colours for titles, dates and bars. Matched words are highlighted by
  // the markers chosen in the SearchRequest: see use_ansi_highlight().
  bool colour = false;
  unsigned width = 80;  // terminal columns, for the bars of the date histogram
};

// Sets the request's highlight markers to ANSI bold yellow / reset, for a
// colour terminal.
void use_ansi_highlight(SearchRequest& request);

// Header ("1,234 articles (exact), 3.2 ms"), then per hit: rank, highlighted
// title, local date and time with offset, section, site, URL and snippet; then
// the section counts and a date histogram with bars.
std::string render_text(const SearchResult& result, const TextStyle& style = {});
std::string render_text(const ArchiveInfo& info, const TextStyle& style = {});

// "12,345".
std::string group_thousands(std::uint64_t value);
// "1.5 GiB", "12.0 KiB", "512 bytes".
std::string human_size(std::uint64_t bytes);
// "2025-01-06T13:25:00+05:30" -> "2025-01-06 13:25 +05:30"; a date-only value is
// returned unchanged, "" gives "undated".
std::string format_local_time(const std::string& iso);

}  // namespace byline
