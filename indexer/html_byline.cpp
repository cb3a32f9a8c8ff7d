#include "indexer/html_byline.h"

#include <algorithm>
#include <vector>

#include "common/text.h"

namespace byline {

namespace {

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Month names and abbreviations that start a date after a name.
bool month_at(std::string_view lower, std::size_t at) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march", "april",  "may",  "june",
                                                 "july",    "august",   "september", "october", "november",
                                                 "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                                 "sep", "sept", "oct", "nov", "dec"};
  if (at > 0 && is_alpha_ascii(lower[at - 1])) return false;
  for (std::string_view m : kMonths) {
    if (lower.compare(at, m.size(), m) != 0) continue;
    std::size_t end = at + m.size();
    if (end < lower.size() && lower[end] == '.') ++end;
    // A month is a date only when a number follows ("Dec 12", "March 5").
    while (end < lower.size() && lower[end] == ' ') ++end;
    if (end < lower.size() && lower[end] >= '0' && lower[end] <= '9') return true;
  }
  return false;
}

bool weekday_at(std::string_view lower, std::size_t at) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                               "sunday"};
  if (at > 0 && is_alpha_ascii(lower[at - 1])) return false;
  for (std::string_view d : kDays)
    if (lower.compare(at, d.size(), d) == 0) return true;
  return false;
}

std::string strip_leading_by(std::string text) {
  static constexpr std::string_view kLeads[] = {"by", "von", "par", "por", "door", "av", "di"};
  for (bool again = true; again;) {
    again = false;
    text = std::string(trim(text));
    const std::string lower = ascii_lower(text);
    for (std::string_view lead : kLeads) {
      if (lower.compare(0, lead.size(), lead) != 0 || text.size() <= lead.size()) continue;
      const char next = text[lead.size()];
      // "By Jane", "By: Jane", "ByJane" (glued: the name's capital follows).
      if (next == ' ' || next == ':' || (lead == "by" && is_upper_ascii(next)) ||
          (lead == "by" && lower.compare(0, 4, "byby") == 0)) {
        text.erase(0, lead.size());
        while (!text.empty() && (text[0] == ':' || text[0] == ' ')) text.erase(0, 1);
        again = true;
        break;
      }
    }
  }
  return text;
}

}  // namespace

std::string join_conjunctions(std::string_view text) {
  static constexpr std::string_view kAnd[] = {" und ", " og ", " och ", " et ", " y ", " e ", " en ", " avec ",
                                              " i "};
  std::string out(text);
  for (std::string_view word : kAnd) {
    for (std::size_t pos = out.find(word); pos != std::string::npos; pos = out.find(word, pos + 2))
      out.replace(pos, word.size(), ", ");
  }
  std::string_view view = trim(out);
  for (std::string_view lead : {"avec ", "with "})
    if (istarts_with(view, lead)) view.remove_prefix(lead.size());
  return std::string(view);
}

std::string clean_visible_byline(std::string_view text) {
  std::string s = strip_leading_by(collapse_whitespace(text));
  const std::string lower = ascii_lower(s);
  std::size_t cut = s.size();
  static constexpr std::string_view kNoise[] = {" - ",     " \xE2\x80\x94", " \xE2\x80\x93 ", "\xE2\x80\xA2",
                                                "\xC2\xB7", "updated",     "published",        "posted",
                                                " ago",     "link copied", "twitter",          "facebook",
                                                "e-mail",   "email",       "follow",           "tags ",
                                                "edited by", "additional reporting", "last modified"};
  for (std::string_view noise : kNoise) {
    const std::size_t pos = lower.find(noise);
    if (pos != std::string::npos && pos > 0) cut = std::min(cut, pos);
  }
  for (std::size_t i = 0; i < lower.size() && i < cut; ++i) {
    if ((lower[i] >= '0' && lower[i] <= '9') || month_at(lower, i) || weekday_at(lower, i)) {
      cut = i;
      break;
    }
  }
  s.erase(cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '|' || s.back() == '-' || s.back() == ':'))
    s.pop_back();
  return join_conjunctions(s);
}

std::string strip_author_role(std::string_view name) {
  static constexpr std::string_view kRoles[] = {
      "writer",   "editor",  "correspondent", "reporter", "columnist", "contributor", "contributing", "producer",
      "analyst",  "journalist", "photographer", "critic", "senior",    "chief",       "deputy",       "associate",
      "executive", "managing", "special",     "staff",    "redakteur",   "redakteurin",  "korrespondent",
      "korrespondentin"};
  static constexpr std::string_view kParticles[] = {"de", "la", "van", "von", "der", "del", "da", "di", "le", "du", "den"};
  // Split a role glued to the name ("BlumeStaff Writer").
  std::string text(name);
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (!(text[i - 1] >= 'a' && text[i - 1] <= 'z') || !is_upper_ascii(text[i])) continue;
    const std::string rest = ascii_lower(std::string_view(text).substr(i));
    for (std::string_view role : kRoles)
      if (rest.compare(0, role.size(), role) == 0) {
        text.insert(i, 1, ' ');
        break;
      }
  }
  std::vector<std::string> tokens;
  const std::string collapsed = collapse_whitespace(text);
  for (std::string_view t : split(collapsed, ' '))
    if (!t.empty()) tokens.emplace_back(t);
  std::size_t role = tokens.size();
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    std::string lower = ascii_lower(tokens[k]);
    while (!lower.empty() && !is_alpha_ascii(lower.back())) lower.pop_back();
    if (std::find(std::begin(kRoles), std::end(kRoles), lower) != std::end(kRoles)) {
      role = k;
      break;
    }
  }
  if (role == tokens.size()) return std::string(trim(name));
  // "TMZ Staff", "AOL Staff": a collective byline, kept whole.
  if (role + 1 == tokens.size() && role > 0 && iequals(tokens[role], "staff")) return collapse_whitespace(text);
  if (role == 0) return {};
  // Title words before the role ("Ben Silverman Games Editor"): a name is two
  // words, longer with initials ("Laura E. Adkins") or particles ("de la").
  std::size_t keep = std::min<std::size_t>(role, 2);
  while (keep < role) {
    const std::string& last = tokens[keep - 1];
    const std::string lower = ascii_lower(tokens[keep - 1]);
    const bool initial = last.size() <= 2 && last.back() == '.';
    const bool particle = std::find(std::begin(kParticles), std::end(kParticles), lower) != std::end(kParticles);
    if (!initial && !particle) break;
    ++keep;
  }
  std::string out;
  for (std::size_t k = 0; k < keep; ++k) {
    if (!out.empty()) out += ' ';
    out += tokens[k];
  }
  return out;
}

}  // namespace byline
