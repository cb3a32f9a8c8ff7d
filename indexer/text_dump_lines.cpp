#include "indexer/text_dump_lines.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "common/agency.h"
#include "common/text.h"

namespace byline {

namespace {

// ------------------------------------------------------------ small helpers

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}
bool contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

// Lowercase, single spaces, without trailing ':' '-' '»' and the like: the form
// marker lines are compared in ("Recommended:" == "recommended").
std::string marker_form(std::string_view line) {
  std::string out = ascii_lower(collapse_whitespace(line));
  for (;;) {
    if (!out.empty() && (out.back() == ':' || out.back() == ' ' || out.back() == '-' || out.back() == '>' ||
                         out.back() == '|')) {
      out.pop_back();
    } else if (ends_with(out, "\xC2\xBB") || ends_with(out, "\xE2\x80\xBA")) {  // » ›
      out.erase(out.size() - (ends_with(out, "\xC2\xBB") ? 2 : 3));
    } else {
      break;
    }
  }
  return out;
}

// Ends like a sentence: . ! ? or … possibly followed by closing quotes/brackets.
bool ends_like_sentence(std::string_view text) {
  for (;;) {
    if (text.empty()) return false;
    const char c = text.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
      text.remove_suffix(1);
    } else if (ends_with(text, "\xE2\x80\x9D") || ends_with(text, "\xE2\x80\x99")) {  // ” ’
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  if (ends_with(text, "\xE2\x80\xA6")) return true;  // …
  const char c = text.back();
  return c == '.' || c == '!' || c == '?';
}

// "02:00", "1:02:33": video durations next to headline lists.
bool is_duration(std::string_view text) {
  int groups = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    if (digits == 0 || digits > 2) return false;
    ++groups;
    if (i == text.size()) break;
    if (text[i] != ':') return false;
    ++i;
    if (i == text.size()) return false;
  }
  return groups >= 2 && groups <= 3;
}

// "- item", "* item", "• item", "1. item", "2) item". Menus in text dumps are
// bare words; a bulleted run of lines is a list inside the article.
bool starts_like_list_item(std::string_view text) {
  if (starts_with(text, "- ") || starts_with(text, "* ") || starts_with(text, "\xE2\x80\xA2 ") ||
      starts_with(text, "\xE2\x80\x93 ") || starts_with(text, "\xC2\xB7 "))
    return true;
  std::size_t i = 0;
  while (i < text.size() && i < 3 && is_digit(text[i])) ++i;
  return i > 0 && i + 1 < text.size() && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ';
}

// ------------------------------------------------------------ markers

constexpr std::array<std::string_view, 30> kIgnorableLines{
    "play-icon", "play icon", "play", "pause", "advertisement", "advertisment", "ad", "ads", "sponsored",
    "story continues below advertisement", "continue reading below", "article continues below",
    "listen to this article", "listen", "also read", "read also", "read more", "also watch", "must read",
    "watch video", "watch", "loading", "loading...", "scroll to continue", "video", "image", "photo",
    "gallery", "see also", "continue reading"};

// Prefixes of single lines that interrupt an article without ending it.
constexpr std::array<std::string_view, 12> kIgnorablePrefixes{
    "also read", "read also", "read more:", "read more |", "read more -", "also see", "see also",
    "also watch", "must read", "click here", "read:", "watch:"};

constexpr std::array<std::string_view, 62> kBoilerplateLines{
    "trending", "trending now", "trending news", "trending stories", "trending topics", "recommended",
    "recommended for you", "recommended stories", "recommended videos", "related", "related news",
    "related stories", "related articles", "related posts", "related topics", "most popular", "most read",
    "most viewed", "most shared", "popular", "popular stories", "top stories", "latest stories",
    "latest news", "you may also like", "you might also like", "you may like", "don't miss",
    "editor's picks", "editors' picks", "follow us", "follow us on", "share", "share this",
    "share this article", "share on", "comments", "leave a comment", "live tv", "watch live", "subscribe",
    "newsletter", "sign up", "sign in", "log in", "login", "register", "search", "search icon", "menu",
    "skip to content", "skip to main content", "tags", "topics", "more stories", "next story",
    "previous story", "back to top", "home", "close", "open in app", "in other news"};

constexpr std::array<std::string_view, 36> kBoilerplatePrefixes{
    "more from ", "more in ", "more on ", "more news", "more stories", "download the", "download our",
    "download app", "get the app", "get the latest", "open in app", "follow us", "subscribe to",
    "sign up for", "sign up to", "join our", "tags:", "tags -", "topics:", "copyright", "\xC2\xA9",
    "(c) ", "terms of use", "privacy policy", "about us", "contact us", "trending:", "thanks for signing up",
    "thank you for registering", "thank you for subscribing", "add to your saved stories", "show more sharing",
    "copy link", "share on facebook", "share on twitter", "share on whatsapp"};

bool in_list(std::string_view form, const auto& list) {
  return std::find(list.begin(), list.end(), form) != list.end();
}
bool has_prefix_in(std::string_view form, const auto& list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view p) { return starts_with(form, p); });
}

bool is_ignorable_line(std::string_view text, std::size_t words) {
  if (is_duration(text)) return true;
  const std::string form = marker_form(text);
  if (in_list(form, kIgnorableLines)) return true;
  return words <= 25 && has_prefix_in(form, kIgnorablePrefixes);
}

// ------------------------------------------------------------ captions

constexpr std::array<std::string_view, 10> kCaptionPipes{
    "| image", "| photo", "| picture", "| pic:", "| credit", "| representational", "| file photo",
    "| file image", "| representative", "| video"};
constexpr std::array<std::string_view, 14> kCaptionPrefixes{
    "image:", "photo:", "picture:", "pic:", "image credit", "photo credit", "image source", "photo source",
    "file photo", "representational image", "representative image", "(image:", "(photo:", "image courtesy"};
// Credits inside a line; only for lines that do not end like a sentence, so a
// paragraph that mentions "a photo by" stays text.
constexpr std::array<std::string_view, 11> kCaptionInner{
    "(photo:", "(image:", "(photo credit", "photograph:", "(representational", "(photos by", "(photo by",
    "(picture:", "getty images", "shutterstock", "credit:"};

// Returns true for an image caption; `title` gets the text before " | Image…".
bool is_caption(std::string_view text, std::size_t words, std::string& title) {
  if (words > 45) return false;
  const std::string lower = ascii_lower(text);
  for (std::string_view pipe : kCaptionPipes) {
    const std::size_t pos = lower.find(pipe);
    if (pos == std::string::npos) continue;
    title = std::string(trim(text.substr(0, pos)));
    return true;
  }
  if (has_prefix_in(lower, kCaptionPrefixes)) return true;
  if (ends_like_sentence(text)) return false;
  return std::any_of(kCaptionInner.begin(), kCaptionInner.end(), [&](std::string_view m) { return contains(lower, m); });
}

// ------------------------------------------------------------ breadcrumbs

// Splits "Home > World > Asia" on the separators breadcrumbs use.
std::vector<std::string> split_crumbs(std::string_view text) {
  std::vector<std::string> crumbs;
  std::string current;
  const auto flush = [&] {
    std::string crumb(trim(current));
    if (!crumb.empty()) crumbs.push_back(std::move(crumb));
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (text[i] == '>' || text[i] == '/' || text[i] == '|' || text[i] == '\\') {
      flush();
    } else if (starts_with(rest, "\xC2\xBB")) {  // »
      flush();
      i += 1;
    } else if (starts_with(rest, "\xE2\x80\xBA") || starts_with(rest, "\xE2\x86\x92")) {  // › →
      flush();
      i += 2;
    } else {
      current += text[i];
    }
  }
  flush();
  return crumbs;
}

bool good_section_label(std::string_view label) {
  const std::size_t words = count_words(label);
  return words >= 1 && words <= 5 && !ends_like_sentence(label);
}

// "Home > World > Asia" -> "World"; "Section: Business" -> "Business". The top
// level after Home is kept: it is the outlet's section, the rest are subsections
// (or, on some sites, the headline itself).
bool read_breadcrumb(std::string_view text, std::string& section) {
  std::string lower = ascii_lower(text);
  std::string_view view = text;
  if (starts_with(lower, "you are here:")) {
    view = trim(view.substr(13));
    lower = ascii_lower(view);
  }
  for (std::string_view label : {"section:", "category:", "categories:", "filed under:", "filed in:"}) {
    if (!starts_with(lower, label)) continue;
    std::string_view rest = trim(view.substr(label.size()));
    const std::size_t cut = rest.find_first_of(",|/");
    if (cut != std::string_view::npos) rest = trim(rest.substr(0, cut));
    if (!good_section_label(rest)) return false;
    section = std::string(rest);
    return true;
  }
  if (!starts_with(lower, "home")) return false;
  std::string_view after = trim(view.substr(4));
  if (after.empty()) return false;
  const bool separator = after[0] == '>' || after[0] == '/' || after[0] == '|' || after[0] == '\\' ||
                         starts_with(after, "\xC2\xBB") || starts_with(after, "\xE2\x80\xBA") ||
                         starts_with(after, "\xE2\x86\x92");
  if (!separator) return false;
  const std::vector<std::string> crumbs = split_crumbs(view);
  if (crumbs.size() < 2) return false;
  if (good_section_label(crumbs[1])) section = crumbs[1];
  return true;
}

// ------------------------------------------------------------ dates

struct DateKeyword {
  std::string_view prefix;
  bool modified;
};
// Longest first, so "last updated on" wins over "last updated".
constexpr std::array<DateKeyword, 22> kDateKeywords{{
    {"last updated on", true},     {"last updated", true},      {"last modified on", true},
    {"last modified", true},       {"updated on", true},        {"updated at", true},
    {"updated", true},             {"modified on", true},       {"modified", true},
    {"first published on", false}, {"first published", false},  {"originally published", false},
    {"published on", false},       {"published at", false},     {"published", false},
    {"posted on", false},          {"posted at", false},        {"posted", false},
    {"created on", false},         {"date", false},             {"dated", false},
    {"released", false},
}};

// Words a date may contain besides numbers (lowercase).
constexpr std::array<std::string_view, 47> kDateVocabulary{
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "st", "nd", "rd", "th",
    "am", "pm"};
constexpr std::array<std::string_view, 9> kDateGlue{"a", "p", "m", "at", "on", "of", "the", "hrs", "t"};

// True when `text` is a date and nothing else: it has a digit, and every word
// is a month, weekday, ordinal suffix, am/pm, a connector or an all-caps zone.
bool only_date_words(std::string_view text) {
  bool digit = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_digit(c)) {
      digit = true;
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      // Dashes, dots and spaces are fine; any other non-ASCII text is not a date.
      const std::string_view rest = text.substr(i);
      if (starts_with(rest, "\xE2\x80\x93") || starts_with(rest, "\xE2\x80\x94") ||
          starts_with(rest, "\xE2\x80\xAF") || starts_with(rest, "\xE2\x80\x89") ||
          starts_with(rest, "\xE2\x80\xA2")) {
        i += 3;
        continue;
      }
      if (starts_with(rest, "\xC2\xB7") || starts_with(rest, "\xC2\xA0")) {
        i += 2;
        continue;
      }
      return false;
    }
    if (!is_ascii_letter(c)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && is_ascii_letter(text[i])) ++i;
    const std::string_view word = text.substr(start, i - start);
    const std::string lower = ascii_lower(word);
    if (in_list(lower, kDateVocabulary) || in_list(lower, kDateGlue)) continue;
    const bool caps = std::all_of(word.begin(), word.end(), is_upper);
    if (caps && word.size() <= 5) continue;  // a zone: IST, GMT, AEDT
    return false;
  }
  return digit;
}

// Reads one segment as a date line. Returns true if it is one (parsed or not).
bool read_date_segment(std::string_view segment, const DateParseHints& hints, DumpLine& line) {
  const std::string lower = ascii_lower(segment);
  bool modified = false;
  bool keyword = false;
  std::string_view rest = segment;
  for (const DateKeyword& k : kDateKeywords) {
    if (!starts_with(lower, k.prefix)) continue;
    const std::size_t n = k.prefix.size();
    if (lower.size() > n && is_ascii_letter(lower[n])) continue;  // "Updates", "Dateline"
    keyword = true;
    modified = k.modified;
    rest = segment.substr(n);
    break;
  }
  if (keyword) {
    // "Updated: ", "Published - ", "Posted on: "
    for (;;) {
      rest = trim(rest);
      if (!rest.empty() && (rest[0] == ':' || rest[0] == '-' || rest[0] == ',')) rest.remove_prefix(1);
      else if (starts_with(rest, "\xE2\x80\x93") || starts_with(rest, "\xE2\x80\x94")) rest.remove_prefix(3);
      else break;
    }
  }
  if (count_words(rest) > 12 || !only_date_words(rest)) {
    // "Updated 3 hours ago": a date line we cannot read, worth a note.
    const std::string rest_lower = ascii_lower(rest);
    if (keyword && count_words(rest) <= 5 &&
        (contains(rest_lower, " ago") || contains(rest_lower, "yesterday") || contains(rest_lower, "today") ||
         contains(rest_lower, "just now"))) {
      line.unparseable_date = true;
      return true;
    }
    return false;
  }
  const DateParseResult parsed = parse_datetime(rest, hints);
  if (!parsed) {
    if (!keyword) return false;
    line.unparseable_date = true;
    return true;
  }
  line.dates.push_back(DumpDate{*parsed.value, modified, parsed.zone_assumed, !keyword});
  return true;
}

// Splits "Published … Updated …" (one line, no separator) at the second keyword.
std::vector<std::string_view> split_at_date_keywords(std::string_view segment) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 1; i + 1 < segment.size(); ++i) {
    // "… 2025 Updated …", "…2026Updated …", "1:55 am(Updated 4:30 am)"
    const char before = segment[i - 1];
    if (before != ' ' && before != '(' && !is_digit(before)) continue;
    const std::string_view rest = segment.substr(i);
    if (starts_with(rest, "Updated") || starts_with(rest, "Last Updated") || starts_with(rest, "Last updated") ||
        starts_with(rest, "Modified") || starts_with(rest, "Published") || starts_with(rest, "UPDATED") ||
        starts_with(rest, "PUBLISHED")) {
      std::string_view part = trim(segment.substr(start, i - start));
      if (!part.empty() && part.back() == '(') part = trim(part.substr(0, part.size() - 1));
      parts.push_back(part);
      start = i;
    }
  }
  parts.push_back(trim(segment.substr(start)));
  return parts;
}

// ------------------------------------------------------------ bylines

bool capitalised_words(std::string_view text, std::size_t max_words) {
  std::size_t words = 0;
  bool at_word_start = true;
  for (char c : text) {
    if (c == ' ') {
      at_word_start = true;
      continue;
    }
    if (at_word_start) {
      ++words;
      if (is_ascii_letter(c) && !is_upper(c)) return false;
    }
    at_word_start = false;
  }
  return words >= 1 && words <= max_words;
}

// Reads one segment as a byline. `editor` is set for "Edited by …" segments.
bool read_byline_segment(std::string_view segment, std::vector<std::string>& authors, std::string& agency,
                         bool& editor) {
  const std::size_t words = count_words(segment);
  if (words == 0 || words > 14) return false;
  std::string lower = ascii_lower(segment);
  if (ends_with(lower, ".") && !ends_with(lower, " jr.")) {
    // "By then, it was over." is a sentence; agencies ("PTI.") are the exception.
    if (!match_agency(segment)) return false;
  }
  std::string_view text = segment;
  if (starts_with(lower, "(") && ends_with(lower, ")")) {
    text = trim(text.substr(1, text.size() - 2));
    lower = ascii_lower(text);
  }
  editor = starts_with(lower, "edited by");
  bool byline = false;
  for (std::string_view lead : {"reported by", "written by", "edited by", "posted by", "story by", "words by",
                                "compiled by", "with inputs from", "inputs from", "with agency inputs"}) {
    if (starts_with(lower, lead)) byline = true;
  }
  for (std::string_view label : {"authors:", "author:", "agency:", "agencies:", "source:", "byline:"}) {
    if (!starts_with(lower, label)) continue;
    text = trim(text.substr(label.size()));
    if (label == "source:" && !match_agency(text)) return false;
    byline = true;
    break;
  }
  if (!byline && (starts_with(lower, "by ") || starts_with(lower, "by:"))) {
    std::string_view name = trim(text.substr(3));
    if (!name.empty() && name[0] == ':') name = trim(name.substr(1));
    byline = count_words(name) <= 10 && !name.empty() && (is_upper(name[0]) || static_cast<unsigned char>(name[0]) >= 0x80);
  }
  if (!byline) {
    // "Jane Doe, PTI" and a bare "PTI".
    if (match_agency(text)) {
      byline = true;
    } else {
      const std::size_t comma = text.rfind(',');
      if (comma != std::string_view::npos && words <= 8 && match_agency(trim(text.substr(comma + 1))) &&
          capitalised_words(trim(text.substr(0, comma)), 6))
        byline = true;
    }
  }
  if (!byline) return false;
  const Byline parsed = parse_byline(text);
  if (parsed.authors.empty() && !parsed.agency) return false;
  authors = parsed.authors;
  if (parsed.agency) agency = parsed.agency->name;
  return true;
}

// Length of a segment separator at text[i], or 0: '|', a bullet '•', a middle
// dot '·', or a dash with spaces around it (" - ", " – ", " — ").
std::size_t separator_at(std::string_view text, std::size_t i) {
  const std::string_view rest = text.substr(i);
  if (rest[0] == '|') return 1;
  if (starts_with(rest, "\xE2\x80\xA2")) return 3;
  if (starts_with(rest, "\xC2\xB7")) return 2;
  if (starts_with(rest, " - ")) return 3;
  if (starts_with(rest, " \xE2\x80\x93 ") || starts_with(rest, " \xE2\x80\x94 ")) return 5;
  return 0;
}

// Splits a line into the pieces pages print side by side: a date, a byline, a
// reading time ("Published Jun 5, 2026 • 3 minute read", "By X - AP - May 1, 2025").
std::vector<std::string_view> split_segments(std::string_view text) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i <= text.size()) {
    const std::size_t sep = i < text.size() ? separator_at(text, i) : 1;
    if (sep == 0) {
      ++i;
      continue;
    }
    const std::string_view piece = trim(text.substr(start, i - start));
    if (!piece.empty()) segments.push_back(piece);
    i += sep;
    start = i;
  }
  return segments;
}

// ------------------------------------------------------------ one line

void classify_line(DumpLine& line, const DateParseHints& hints) {
  const std::string_view text = line.text;
  if (text.empty()) {
    line.role = LineRole::Blank;
    return;
  }
  line.words = count_words(text);
  line.bullet = starts_like_list_item(text);
  line.sentence = ends_like_sentence(text);
  line.prose = (line.sentence && line.words >= 8) || line.words >= 20;

  if (!line.prose && is_ignorable_line(text, line.words)) {
    line.role = LineRole::Ignorable;
    return;
  }
  if (is_boilerplate_marker(text)) {
    line.role = LineRole::Boilerplate;
    return;
  }
  if (line.words <= 20 && read_breadcrumb(text, line.section)) {
    line.role = LineRole::Breadcrumb;
    return;
  }
  if (is_caption(text, line.words, line.caption_title)) {
    line.role = LineRole::Caption;
    return;
  }
  if (line.words > 30) {
    line.role = LineRole::Text;
    return;
  }
  // The whole line first: "30 August 2023 • 4:45pm" is one date, not two pieces.
  if (read_date_segment(text, hints, line)) {
    line.role = LineRole::DateLine;
    return;
  }
  bool any_date = false;
  bool any_byline = false;
  std::vector<std::string> editors;
  for (std::string_view segment : split_segments(text)) {
    for (std::string_view part : split_at_date_keywords(segment)) {
      if (read_date_segment(part, hints, line)) {
        any_date = true;
        continue;
      }
      std::vector<std::string> authors;
      std::string agency;
      bool editor = false;
      if (!read_byline_segment(part, authors, agency, editor)) continue;
      any_byline = true;
      for (std::string& person : authors) (editor ? editors : line.authors).push_back(std::move(person));
      if (line.agency.empty()) line.agency = agency;
    }
  }
  // An editor is credited as author only when nobody else is.
  if (line.authors.empty()) line.authors = std::move(editors);
  if (any_date) line.role = LineRole::DateLine;
  else if (any_byline) line.role = LineRole::Byline;
  else line.role = LineRole::Text;
}

// ------------------------------------------------------------ page patterns

bool menu_like(const DumpLine& line) {
  if (line.role == LineRole::Boilerplate || line.role == LineRole::Ignorable) return true;
  return line.role == LineRole::Text && !line.sentence && !line.bullet && line.words <= 15;
}

// Runs of consecutive non-blank short lines are menus: three or more items of up
// to six words, or four or more lines of up to fifteen (lists of headlines).
void mark_menu_runs(std::vector<DumpLine>& lines) {
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].role == LineRole::Blank || !menu_like(lines[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::size_t members = 0;
    bool all_short = true;
    while (j < lines.size() && lines[j].role != LineRole::Blank && menu_like(lines[j])) {
      if (lines[j].role != LineRole::Ignorable) {
        ++members;
        if (lines[j].role == LineRole::Text && lines[j].words > 6) all_short = false;
      }
      ++j;
    }
    if ((members >= 3 && all_short) || members >= 4) {
      for (std::size_t k = i; k < j; ++k) {
        if (lines[k].role == LineRole::Ignorable) continue;
        lines[k].role = LineRole::Boilerplate;
        lines[k].in_run = true;
      }
    }
    i = j;
  }
}

// Lists of other stories, each headline followed by its section label ("India
// News"), with or without blank lines between. Two pairs in a row make a list.
void mark_headline_lists(std::vector<DumpLine>& lines) {
  std::unordered_map<std::string_view, int> counts;
  for (const DumpLine& line : lines)
    if (line.role != LineRole::Blank) ++counts[line.text];
  std::vector<std::size_t> content;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].role != LineRole::Blank && lines[i].role != LineRole::Ignorable) content.push_back(i);

  const auto label_like = [&](std::size_t c) {
    const DumpLine& l = lines[content[c]];
    return (l.role == LineRole::Text || l.role == LineRole::Boilerplate) && l.words <= 3 && !l.sentence;
  };
  const auto repeated_label = [&](std::size_t c) { return label_like(c) && counts[lines[content[c]].text] >= 2; };
  const auto headline_like = [&](std::size_t c) {
    const DumpLine& l = lines[content[c]];
    return (l.role == LineRole::Text || l.role == LineRole::Boilerplate) && l.words >= 3 && l.words <= 25 &&
           !(l.sentence && l.text.back() == '.');
  };
  std::size_t p = 0;
  while (p + 1 < content.size()) {
    if (!(headline_like(p) && repeated_label(p + 1))) {
      ++p;
      continue;
    }
    std::size_t q = p + 2;
    std::size_t pairs = 1;
    while (q + 1 < content.size() && headline_like(q) && label_like(q + 1)) {
      ++pairs;
      q += 2;
    }
    if (pairs >= 2) {
      for (std::size_t c = p; c < q; ++c) {
        lines[content[c]].role = LineRole::Boilerplate;
        lines[content[c]].in_run = true;
      }
      p = q;
    } else {
      ++p;
    }
  }
}

// Site chrome is printed above and below the article: a short line found both
// in the first 40% and the last 40% of the page is not part of it.
void mark_head_tail_repeats(std::vector<DumpLine>& lines) {
  std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> span;  // first, last index
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const DumpLine& l = lines[i];
    if ((l.role != LineRole::Text && l.role != LineRole::Boilerplate) || l.prose || l.words > 12) continue;
    auto [it, inserted] = span.try_emplace(l.text, i, i);
    if (!inserted) it->second.second = i;
  }
  const double n = static_cast<double>(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    DumpLine& l = lines[i];
    const auto it = span.find(l.text);
    if (it == span.end() || it->second.first == it->second.second) continue;
    if (it->second.first < 0.4 * n && it->second.second > 0.6 * n &&
        (l.role == LineRole::Text || l.role == LineRole::Boilerplate)) {
      l.role = LineRole::Boilerplate;
      l.in_run = true;
    }
  }
}

// After a lone "Also Read" / "Read more" marker the next line is the headline it
// points to, not a subheading of the article.
void mark_pointed_headlines(std::vector<DumpLine>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].role != LineRole::Ignorable) continue;
    const std::string form = marker_form(lines[i].text);
    if (form != "also read" && form != "read also" && form != "read more" && form != "must read" &&
        form != "see also" && form != "also watch")
      continue;
    std::size_t j = i + 1;
    while (j < lines.size() && lines[j].role == LineRole::Blank) ++j;
    if (j < lines.size() && lines[j].role == LineRole::Text && !lines[j].prose) lines[j].role = LineRole::Ignorable;
  }
}

}  // namespace

bool is_boilerplate_marker(std::string_view line) {
  const std::string form = marker_form(line);
  if (form.empty()) return false;
  if (in_list(form, kBoilerplateLines)) return true;
  const std::size_t words = count_words(form);
  // A sentence that merely starts like a marker ("More from the minister was
  // expected.") is text; copyright lines end with a period and are not.
  const bool sentence = ends_like_sentence(line);
  if (words <= 12 && has_prefix_in(form, kBoilerplatePrefixes) &&
      (!sentence || starts_with(form, "copyright") || starts_with(form, "\xC2\xA9") || starts_with(form, "(c) ")))
    return true;
  if (words <= 40) {
    if (contains(form, "all rights reserved")) return true;
    if (contains(form, "cookie") && (contains(form, "we use") || contains(form, "accept") ||
                                     contains(form, "cookie policy") || contains(form, "consent")))
      return true;
  }
  return false;
}

std::vector<DumpLine> classify_dump_lines(std::string_view text, const DateParseHints& hints) {
  std::vector<DumpLine> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    DumpLine line;
    line.text = trim(text.substr(start, end - start));  // trim also drops the '\r' of CRLF
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  for (DumpLine& line : lines) classify_line(line, hints);
  mark_pointed_headlines(lines);
  mark_menu_runs(lines);
  mark_headline_lists(lines);
  mark_head_tail_repeats(lines);
  return lines;
}

}  // namespace byline
