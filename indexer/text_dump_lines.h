#pragma once
// Line classification for plain-text page dumps (used by text_dump_extractor).
// A saved news page is a column of lines: menus, banners, the headline, a date
// line, a byline, a caption, the paragraphs, then lists of other headlines and
// the footer. Each line gets one role here, from the line itself and from page-
// level patterns (runs of menu items, headline/section-label lists, lines that
// repeat in the head and the tail of the page). The extractor then only has to
// pick the body block and read the header around it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date_time.h"

namespace byline {

enum class LineRole {
  Blank,
  Text,         // a paragraph, a headline, a standfirst: anything not recognised below
  Ignorable,    // dropped without ending the body: "play-icon", "02:00", "Advertisement", "Also Read: …"
  Boilerplate,  // menus, headline lists, "Recommended", footers, app banners, cookie notes
  DateLine,     // "Published 13:25 IST, January 6th 2025", a bare date line
  Byline,       // "By Jane Doe", "Reported by: ANI", "Jane Doe, PTI", "Agency: PTI"
  Caption,      // "Headline | Image: AP", "Photo: Reuters"
  Breadcrumb,   // "Home > World > Asia", "Section: World"
};

// A date read from a date line. `modified` for "Updated …"/"Last modified …".
struct DumpDate {
  DateTime value;
  bool modified = false;
  bool zone_assumed = false;
  bool bare = false;  // a line that is only a date, without "Published"/"Updated"
};

struct DumpLine {
  std::string_view text;  // trimmed; points into the caller's text
  LineRole role = LineRole::Blank;
  std::size_t words = 0;
  bool sentence = false;  // ends like a sentence (. ! ? …, closing quotes allowed)
  bool prose = false;     // running text: a sentence of 8+ words, or 20+ words
  bool in_run = false;    // Boilerplate found as part of a multi-line menu or list
  bool bullet = false;    // "- item", "• item", "1. item": a list inside the article

  // Filled according to the role (a line "date | byline" fills both).
  std::vector<DumpDate> dates;
  bool unparseable_date = false;  // a "Published …" line whose date could not be read
  std::vector<std::string> authors;
  std::string agency;          // canonical agency name
  std::string section;         // from a breadcrumb or "Section:" line
  std::string caption_title;   // "Headline | Image: AP" -> "Headline"
};

// Splits `text` into lines (LF or CRLF) and classifies each. `hints` is passed
// to parse_datetime for date lines. Never throws on odd input.
std::vector<DumpLine> classify_dump_lines(std::string_view text, const DateParseHints& hints);

// True for a line of the page's chrome rather than its article: markers such as
// "Trending", "Recommended", "Read more", "Follow us", copyright and cookie
// lines. Exposed for tests.
bool is_boilerplate_marker(std::string_view line);

}  // namespace byline
