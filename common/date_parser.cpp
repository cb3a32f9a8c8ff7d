// parse_datetime and zone_offset_minutes (contract in common/date_time.h).
//
// How it works: the text is cut into tokens (digit runs, ASCII letter runs,
// punctuation; Unicode spaces are spaces, en/em dashes are '-', a middle dot or
// a bullet is '|'). Then, from every token that could open a date (a number, a month or a
// weekday name), a small scanner collects date components — a numeric date,
// year, month, day, time, am/pm, zone — over the following tokens, allowing
// only the connectors dates are written with (", | - / ( ) . at on of the T").
// The first window that yields a complete date (year, month and day) wins.
// Requiring all three is what keeps arbitrary numbers ("1,100 kilometres",
// "January 4-9", "2025-26 budget") from being read as dates. No std::regex: the
// scan is linear in the text with a bounded window, and indexes only within the
// token vector, so it is safe to fuzz.

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/date_time.h"

namespace byline {

namespace {

// ---------------------------------------------------------------- zones

struct ZoneEntry {
  std::string_view name;
  int offset;  // minutes east of UTC
};

// Unambiguous abbreviations. The ambiguous ones (IST, BST, CST) and the US
// generic names (ET, CT, MT, PT) are resolved in code below.
constexpr std::array<ZoneEntry, 45> kZones{{
    {"UTC", 0},      {"GMT", 0},      {"Z", 0},        {"UT", 0},
    {"EST", -300},   {"EDT", -240},   {"CDT", -300},   {"MST", -420},
    {"MDT", -360},   {"PST", -480},   {"PDT", -420},   {"AKST", -540},
    {"AKDT", -480},  {"HST", -600},   {"CET", 60},     {"CEST", 120},
    {"EET", 120},    {"EEST", 180},   {"WET", 0},      {"WEST", 60},
    {"MSK", 180},    {"JST", 540},    {"KST", 540},    {"HKT", 480},
    {"SGT", 480},    {"PKT", 300},    {"NPT", 345},    {"AEST", 600},
    {"AEDT", 660},   {"ACST", 570},   {"ACDT", 630},   {"AWST", 480},
    {"NZST", 720},   {"NZDT", 780},   {"SAST", 120},   {"WAT", 60},
    {"EAT", 180},    {"GST", 240},    {"ICT", 420},    {"WIB", 420},
    {"PHT", 480},    {"IRST", 210},   {"AST", -240},   {"ADT", -180},
    {"NST", -210},
}};

// US generic zone names ("1:25 p.m. ET"): standard offsets; daylight time is
// decided by the date in parse_datetime (see us_daylight_time).
constexpr std::array<ZoneEntry, 4> kUsGenericZones{{{"ET", -300}, {"CT", -360}, {"MT", -420}, {"PT", -480}}};

bool ascii_upper_equals(std::string_view text, std::string_view upper) {
  if (text.size() != upper.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

// Resolves a zone abbreviation (ASCII case-insensitive). `generic` is set for
// the US generic names, whose offset here is the standard-time one.
std::optional<int> lookup_zone(std::string_view name, const DateParseHints& hints, bool* assumed,
                               bool* generic) {
  if (assumed) *assumed = false;
  if (generic) *generic = false;
  const std::string_view country = hints.country;
  const auto is_country = [&](std::string_view code) { return ascii_upper_equals(country, code); };
  // IST means three things. India is by far the most common on news pages, so
  // it is the documented default when no country hint decides; the caller is
  // told (assumed = true) so it can count the guess.
  if (ascii_upper_equals(name, "IST")) {
    if (is_country("IN")) return 330;
    if (is_country("IE")) return 60;
    if (is_country("IL")) return 120;
    if (assumed) *assumed = true;
    return 330;
  }
  // BST: British Summer Time unless the publication is in Bangladesh.
  if (ascii_upper_equals(name, "BST")) {
    if (is_country("BD")) return 360;
    if (is_country("GB") || is_country("UK")) return 60;
    if (assumed) *assumed = true;
    return 60;
  }
  // CST: US Central Standard Time unless the publication is in China.
  if (ascii_upper_equals(name, "CST")) {
    if (is_country("CN")) return 480;
    if (is_country("US")) return -360;
    if (assumed) *assumed = true;
    return -360;
  }
  for (const ZoneEntry& zone : kZones)
    if (ascii_upper_equals(name, zone.name)) return zone.offset;
  for (const ZoneEntry& zone : kUsGenericZones)
    if (ascii_upper_equals(name, zone.name)) {
      if (generic) *generic = true;
      return zone.offset;
    }
  return std::nullopt;
}

// 0 = Sunday.
int weekday(const CivilDate& date) {
  const std::int64_t days = days_from_civil(date);
  return static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
}

// US daylight saving time (since 2007): from the second Sunday of March to the
// first Sunday of November. Decided by the date alone; the 02:00 switch-over
// hour is below what a news timestamp needs.
bool us_daylight_time(const CivilDate& date) {
  if (date.month < 3 || date.month > 11) return false;
  if (date.month > 3 && date.month < 11) return true;
  const int first_weekday = weekday(CivilDate{date.year, date.month, 1});
  const int first_sunday = 1 + (7 - first_weekday) % 7;
  if (date.month == 3) return date.day >= first_sunday + 7;
  return date.day < first_sunday;  // November
}

// ---------------------------------------------------------------- tokens

struct Token {
  enum Kind : std::uint8_t { Number, Word, Punct } kind;
  std::string_view text;
  bool space_before = false;
  char punct = 0;     // for Punct: the (normalised) character
  std::int64_t value = 0;  // for Number: the value, capped
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  bool space = true;
  std::size_t i = 0;
  const std::size_t n = text.size();
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < n) {
    const unsigned char c = byte(i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < n && byte(i + 1) == 0xA0) {  // no-break space
      space = true;
      i += 2;
      continue;
    }
    if (c == 0xE2 && i + 2 < n && byte(i + 1) == 0x80) {
      const unsigned char d = byte(i + 2);
      if (d <= 0x8B || d == 0xAF) {  // U+2000..U+200B, U+202F
        space = true;
        i += 3;
        continue;
      }
      if (d == 0x93 || d == 0x94 || d == 0xA2) {  // en dash, em dash, bullet
        tokens.push_back({Token::Punct, text.substr(i, 3), space, d == 0xA2 ? '|' : '-', 0});
        space = false;
        i += 3;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < n && byte(i + 1) == 0xB7) {  // middle dot
      tokens.push_back({Token::Punct, text.substr(i, 2), space, '|', 0});
      space = false;
      i += 2;
      continue;
    }
    const std::size_t start = i;
    if (is_digit(static_cast<char>(c))) {
      std::int64_t value = 0;
      while (i < n && is_digit(text[i])) {
        if (value < 1'000'000'000) value = value * 10 + (text[i] - '0');
        ++i;
      }
      tokens.push_back({Token::Number, text.substr(start, i - start), space, 0, value});
    } else if (is_alpha(static_cast<char>(c))) {
      while (i < n && is_alpha(text[i])) ++i;
      tokens.push_back({Token::Word, text.substr(start, i - start), space, 0, 0});
    } else if (c >= 0x80) {
      // Any other non-ASCII run is a word that no date contains: it ends a window.
      while (i < n && byte(i) >= 0x80) ++i;
      tokens.push_back({Token::Word, text.substr(start, i - start), space, 0, 0});
    } else {
      ++i;
      tokens.push_back({Token::Punct, text.substr(start, 1), space, static_cast<char>(c), 0});
    }
    space = false;
  }
  return tokens;
}

// ---------------------------------------------------------------- words

constexpr std::array<std::string_view, 12> kMonths{"january", "february", "march",     "april",
                                                   "may",     "june",     "july",      "august",
                                                   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays{"sunday",   "monday", "tuesday", "wednesday",
                                                    "thursday", "friday", "saturday"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// 1..12 for "January", "Jan", "Sept"; 0 otherwise.
int month_number(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return 0;
  const std::string w = lower(word);
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    const std::string_view full = kMonths[m];
    if (w == full) return static_cast<int>(m) + 1;
    if (w.size() == 3 && full.substr(0, 3) == w) return static_cast<int>(m) + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

bool is_weekday(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return false;
  const std::string w = lower(word);
  for (std::string_view full : kWeekdays) {
    if (w == full) return true;
    if (w.size() == 3 && full.substr(0, 3) == w) return true;
  }
  return w == "tues" || w == "thur" || w == "thurs" || w == "weds";
}

bool is_ordinal_suffix(std::string_view word) {
  const std::string w = lower(word);
  return w == "st" || w == "nd" || w == "rd" || w == "th";
}

bool is_connector_word(std::string_view word) {
  const std::string w = lower(word);
  return w == "at" || w == "on" || w == "of" || w == "the" || word == "T";
}

bool is_connector_punct(char c) {
  return c == ',' || c == '|' || c == '-' || c == '/' || c == '(' || c == ')' || c == '.' || c == '@' ||
         c == '[' || c == ']';
}

// An abbreviation that looks like a zone but is not in the table: all caps,
// 3..5 letters, ending in 'T' (EST, AKDT, ChST aside, nearly all do).
bool looks_like_zone(std::string_view word) {
  if (word.size() < 3 || word.size() > 5 || word.back() != 'T') return false;
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool all_upper(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// ---------------------------------------------------------------- scanner

// What one window found. -1 means "not seen".
struct Fields {
  int year = -1, month = -1, day = -1;
  int hour = -1, minute = 0, second = 0;
  int meridiem = 0;  // 0 none, 1 am, 2 pm
  std::optional<int> offset;
  bool zone_assumed = false;
  bool zone_generic = false;
  bool unknown_zone = false;
};

class WindowScanner {
 public:
  WindowScanner(const std::vector<Token>& tokens, const DateParseHints& hints) : t_(tokens), hints_(hints) {}

  // Scans from token `start`; returns the index just past the window. Fills
  // `error` when the window holds a date that cannot be accepted as written.
  std::size_t scan(std::size_t start, Fields& f, std::optional<DateParseError>& error) {
    std::size_t j = start;
    const std::size_t limit = std::min(t_.size(), start + kMaxWindowTokens);
    while (j < limit) {
      const Token& tok = t_[j];
      std::size_t next = j;
      if (tok.kind == Token::Number) {
        if (auto err = number(j, f, next)) {
          error = err;
          return next == j ? j + 1 : next;
        }
      } else if (tok.kind == Token::Word) {
        word(j, f, next);
      } else {
        punct(j, f, next);
      }
      if (next == j) break;  // the token does not belong to a date
      j = next;
    }
    if (f.unknown_zone && f.year >= 0 && f.month >= 0 && f.day >= 0) error = DateParseError::UnknownZone;
    return j;
  }

 private:
  static constexpr std::size_t kMaxWindowTokens = 48;

  const Token* at(std::size_t k) const { return k < t_.size() ? &t_[k] : nullptr; }
  bool is_punct(std::size_t k, char c, bool no_space) const {
    const Token* tok = at(k);
    return tok && tok->kind == Token::Punct && tok->punct == c && (!no_space || !tok->space_before);
  }
  bool is_number(std::size_t k, bool no_space, std::size_t max_len = 9) const {
    const Token* tok = at(k);
    return tok && tok->kind == Token::Number && (!no_space || !tok->space_before) && tok->text.size() <= max_len;
  }

  // "am", "PM", "a.m.", "p.m" at k: returns the number of tokens and sets meridiem.
  std::size_t meridiem_at(std::size_t k, int& meridiem) const {
    const Token* tok = at(k);
    if (!tok || tok->kind != Token::Word) return 0;
    const std::string w = lower(tok->text);
    if (w == "am" || w == "pm") {
      meridiem = w == "am" ? 1 : 2;
      return 1;
    }
    if ((w == "a" || w == "p") && is_punct(k + 1, '.', true)) {
      const Token* m = at(k + 2);
      if (m && m->kind == Token::Word && !m->space_before && lower(m->text) == "m") {
        meridiem = w == "a" ? 1 : 2;
        return is_punct(k + 3, '.', true) ? 4 : 3;
      }
    }
    return 0;
  }

  // A numeric offset at k: "+05:30", "+0530", "-05", "+5:30". Returns tokens used.
  std::size_t offset_at(std::size_t k, std::optional<int>& offset) const {
    const Token* sign = at(k);
    if (!sign || sign->kind != Token::Punct || (sign->punct != '+' && sign->punct != '-')) return 0;
    // "+0530" or " -0400" (RFC 2822 puts a space before the sign); the digits
    // must follow the sign directly, so " - 05" in running text is a dash.
    if (!is_number(k + 1, true, 4)) return 0;
    const Token& num = t_[k + 1];
    int hours = 0, minutes = 0;
    std::size_t used = 2;
    if (num.text.size() == 4) {
      hours = static_cast<int>(num.value / 100);
      minutes = static_cast<int>(num.value % 100);
    } else if (num.text.size() <= 2) {
      hours = static_cast<int>(num.value);
      if (is_punct(k + 2, ':', true) && is_number(k + 3, true, 2) && t_[k + 3].text.size() == 2) {
        minutes = static_cast<int>(t_[k + 3].value);
        used = 4;
      }
    } else {
      return 0;
    }
    if (hours > 14 || minutes > 59) return 0;
    const int total = hours * 60 + minutes;
    offset = sign->punct == '-' ? -total : total;
    return used;
  }

  std::optional<DateParseError> number(std::size_t j, Fields& f, std::size_t& next) {
    const Token& tok = t_[j];
    const std::size_t len = tok.text.size();

    // Numeric date: 2025-01-06, 2025/01/06, 06.01.2025, 01/06/2025.
    if (f.year < 0 && f.month < 0 && f.day < 0 && len <= 4) {
      const Token* s1 = at(j + 1);
      if (s1 && s1->kind == Token::Punct && !s1->space_before &&
          (s1->punct == '-' || s1->punct == '/' || s1->punct == '.') && is_number(j + 2, true, 2) &&
          is_punct(j + 3, s1->punct, true) && is_number(j + 4, true, 4)) {
        const Token& b = t_[j + 2];
        const Token& c = t_[j + 4];
        if (len == 4 && c.text.size() <= 2) {
          f.year = static_cast<int>(tok.value);
          f.month = static_cast<int>(b.value);
          f.day = static_cast<int>(c.value);
          next = j + 5;
          return std::nullopt;
        }
        if (len <= 2 && c.text.size() == 4) {
          next = j + 5;
          const int a = static_cast<int>(tok.value);
          const int m = static_cast<int>(b.value);
          f.year = static_cast<int>(c.value);
          if (a > 12 && m > 12) return DateParseError::OutOfRange;
          if (a > 12 || a == m) {
            f.day = a;
            f.month = m;
          } else if (m > 12) {
            f.month = a;
            f.day = m;
          } else if (hints_.numeric_order == DateOrder::DayFirst) {
            f.day = a;
            f.month = m;
          } else if (hints_.numeric_order == DateOrder::MonthFirst) {
            f.month = a;
            f.day = m;
          } else {
            return DateParseError::Ambiguous;
          }
          return std::nullopt;
        }
      }
    }

    // Time: 13:25, 13:25:00, 07:55:00.123, then am/pm and an attached offset.
    if (f.hour < 0 && len <= 2 && is_punct(j + 1, ':', true) && is_number(j + 2, true, 2) &&
        t_[j + 2].text.size() == 2) {
      f.hour = static_cast<int>(tok.value);
      f.minute = static_cast<int>(t_[j + 2].value);
      std::size_t k = j + 3;
      if (is_punct(k, ':', true) && is_number(k + 1, true, 2) && t_[k + 1].text.size() == 2) {
        f.second = static_cast<int>(t_[k + 1].value);
        k += 2;
        if ((is_punct(k, '.', true) || is_punct(k, ',', true)) && is_number(k + 1, true)) k += 2;  // fraction
      }
      next = time_suffix(k, f);
      return std::nullopt;
    }
    // British "1.25pm": only with am/pm, or it would read "3.5 per cent".
    if (f.hour < 0 && len <= 2 && is_punct(j + 1, '.', true) && is_number(j + 2, true, 2) &&
        t_[j + 2].text.size() == 2) {
      int meridiem = 0;
      if (meridiem_at(j + 3, meridiem) > 0) {
        f.hour = static_cast<int>(tok.value);
        f.minute = static_cast<int>(t_[j + 2].value);
        next = time_suffix(j + 3, f);
        return std::nullopt;
      }
    }
    // "1 pm", "1pm".
    if (f.hour < 0 && len <= 2) {
      int meridiem = 0;
      if (meridiem_at(j + 1, meridiem) > 0) {
        f.hour = static_cast<int>(tok.value);
        next = time_suffix(j + 1, f);
        return std::nullopt;
      }
    }
    if (len == 4 && f.year < 0) {
      f.year = static_cast<int>(tok.value);
      next = j + 1;
      return std::nullopt;
    }
    if (len <= 2 && f.day < 0) {
      f.day = static_cast<int>(tok.value);
      next = j + 1;
      const Token* suffix = at(next);
      if (suffix && suffix->kind == Token::Word && !suffix->space_before && is_ordinal_suffix(suffix->text)) ++next;
      return std::nullopt;
    }
    return std::nullopt;  // next == j: the window ends here
  }

  // After the clock digits at k: am/pm, then a zone written as an offset.
  std::size_t time_suffix(std::size_t k, Fields& f) {
    k += meridiem_at(k, f.meridiem);
    if (!f.offset) {
      std::optional<int> offset;
      if (const std::size_t used = offset_at(k, offset)) {
        f.offset = offset;
        k += used;
      }
    }
    return k;
  }

  void word(std::size_t j, Fields& f, std::size_t& next) {
    const Token& tok = t_[j];
    if (const int m = month_number(tok.text)) {
      if (f.month >= 0) return;
      f.month = m;
      next = j + 1;
      if (is_punct(next, '.', true)) ++next;  // "Jan."
      return;
    }
    if (is_weekday(tok.text)) {
      next = j + 1;
      if (is_punct(next, '.', true)) ++next;
      return;
    }
    if (f.hour >= 0) {
      if (f.meridiem == 0) {
        if (const std::size_t used = meridiem_at(j, f.meridiem)) {
          next = j + used;
          return;
        }
      }
      const std::string w = lower(tok.text);
      if (w == "hrs" || w == "hours" || w == "h") {
        next = j + 1;
        return;
      }
      // Zones only after a time: without one the zone changes nothing, and all-caps
      // words next to a bare date ("WEST BENGAL") are not worth the risk.
      if (!f.offset && (all_upper(tok.text) || tok.text == "Z")) {
        bool assumed = false, generic = false;
        if (auto offset = lookup_zone(tok.text, hints_, &assumed, &generic)) {
          f.offset = offset;
          f.zone_assumed = assumed;
          f.zone_generic = generic;
          next = j + 1;
          // "GMT+5:30", "UTC -05:00"
          if ((*offset == 0) && tok.text != "Z") {
            std::optional<int> extra;
            if (const std::size_t used = offset_at(next, extra)) {
              f.offset = extra;
              next += used;
            }
          }
          return;
        }
        if (looks_like_zone(tok.text)) {
          f.unknown_zone = true;
          next = j + 1;
          return;
        }
      }
    }
    if (is_connector_word(tok.text)) next = j + 1;
  }

  void punct(std::size_t j, Fields& f, std::size_t& next) {
    const Token& tok = t_[j];
    if (f.hour >= 0 && !f.offset && (tok.punct == '+' || tok.punct == '-')) {
      std::optional<int> offset;
      if (const std::size_t used = offset_at(j, offset)) {
        f.offset = offset;
        next = j + used;
        return;
      }
    }
    if (is_connector_punct(tok.punct)) next = j + 1;
  }

  const std::vector<Token>& t_;
  const DateParseHints& hints_;
};

bool opens_window(const Token& tok) {
  if (tok.kind == Token::Number) return tok.text.size() <= 4;
  if (tok.kind == Token::Word) return month_number(tok.text) != 0 || is_weekday(tok.text);
  return false;
}

// Turns complete fields into a DateTime, or says why not.
DateParseResult finish(const Fields& f, const DateParseHints& hints) {
  DateParseResult result;
  if (f.year < 1900 || f.year > 2100 || f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31) {
    result.error = DateParseError::OutOfRange;
    return result;
  }
  const CivilDate date{f.year, f.month, f.day};
  if (!date.valid()) {
    result.error = DateParseError::OutOfRange;
    return result;
  }
  int hour = f.hour < 0 ? 0 : f.hour;
  if (f.hour >= 0) {
    if (f.meridiem != 0) {
      if (hour > 12 && f.meridiem == 1) {
        result.error = DateParseError::OutOfRange;
        return result;
      }
      if (hour == 12) hour = f.meridiem == 1 ? 0 : 12;  // 12 am is midnight, 12 pm noon
      else if (f.meridiem == 2 && hour < 12) hour += 12;
    }
    if (hour > 23 || f.minute > 59 || f.second > 60) {
      result.error = DateParseError::OutOfRange;
      return result;
    }
  }
  const int second = std::min(f.second, 59);  // a leap second is filed under :59

  int offset = 0;
  bool zone_known = true;
  if (f.offset) {
    offset = *f.offset;
    if (f.zone_generic && us_daylight_time(date)) offset += 60;
  } else if (hints.default_offset_minutes) {
    offset = *hints.default_offset_minutes;
  } else {
    zone_known = false;
  }
  DateTime value = DateTime::from_local(date, hour, f.hour < 0 ? 0 : f.minute, f.hour < 0 ? 0 : second, offset);
  value.has_time = f.hour >= 0;
  value.zone_known = zone_known;
  result.value = value;
  result.zone_assumed = f.offset.has_value() && f.zone_assumed;
  return result;
}

int severity(DateParseError error) {
  switch (error) {
    case DateParseError::Ambiguous: return 3;
    case DateParseError::OutOfRange: return 2;
    case DateParseError::UnknownZone: return 1;
    default: return 0;
  }
}

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

}  // namespace

std::optional<int> zone_offset_minutes(std::string_view abbreviation, const DateParseHints& hints, bool* assumed) {
  while (!abbreviation.empty() && (abbreviation.front() == '(' || abbreviation.front() == ' '))
    abbreviation.remove_prefix(1);
  while (!abbreviation.empty() && (abbreviation.back() == ')' || abbreviation.back() == ' '))
    abbreviation.remove_suffix(1);
  return lookup_zone(abbreviation, hints, assumed, nullptr);
}

DateParseResult parse_datetime(std::string_view text, const DateParseHints& hints) {
  DateParseResult result;
  if (blank(text)) {
    result.error = DateParseError::Empty;
    return result;
  }
  const std::vector<Token> tokens = tokenize(text);
  if (tokens.empty()) {
    result.error = DateParseError::Empty;
    return result;
  }
  WindowScanner scanner(tokens, hints);
  DateParseError worst = DateParseError::NoDate;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!opens_window(tokens[i])) continue;
    Fields fields;
    std::optional<DateParseError> error;
    const std::size_t end = scanner.scan(i, fields, error);
    const bool complete = fields.year >= 0 && fields.month >= 0 && fields.day >= 0;
    if (!error && !complete) continue;  // not a date: try the next token
    if (!error) {
      DateParseResult found = finish(fields, hints);
      if (found) return found;
      error = found.error;
    }
    if (severity(*error) > severity(worst)) worst = *error;
    // The window did hold a date, just not a usable one: its own numbers must not
    // open new windows ("06/01/2025" is not "1/2025").
    if (end > i + 1) i = end - 1;
  }
  result.error = worst;
  return result;
}

}  // namespace byline
