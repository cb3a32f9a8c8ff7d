#include "common/agency.h"

#include <algorithm>

#include "common/text.h"

namespace byline {

namespace {

struct KnownAgency {
  const char* key;
  const char* name;
  std::vector<const char*> spellings;  // normalised: lowercase, letters and spaces
};

const std::vector<KnownAgency>& known_agencies() {
  static const std::vector<KnownAgency> kAgencies = {
      {"ani", "Asian News International", {"ani", "asian news international"}},
      {"pti", "Press Trust of India", {"pti", "press trust of india"}},
      {"ians", "Indo-Asian News Service", {"ians", "indo asian news service"}},
      {"uni", "United News of India", {"uni", "united news of india"}},
      {"reuters", "Reuters", {"reuters", "thomson reuters", "reuter"}},
      {"ap", "Associated Press", {"ap", "associated press", "the associated press"}},
      {"afp", "Agence France-Presse", {"afp", "agence france presse", "agence france-presse"}},
      {"bloomberg", "Bloomberg", {"bloomberg", "bloomberg news"}},
      {"xinhua", "Xinhua", {"xinhua", "xinhua news agency"}},
      {"tass", "TASS", {"tass"}},
      {"ria", "RIA Novosti", {"ria novosti", "ria"}},
      {"yonhap", "Yonhap", {"yonhap", "yonhap news agency"}},
      {"kyodo", "Kyodo News", {"kyodo", "kyodo news"}},
      {"efe", "EFE", {"efe"}},
      {"dpa", "Deutsche Presse-Agentur", {"dpa", "deutsche presse agentur"}},
      {"ansa", "ANSA", {"ansa"}},
      {"aap", "Australian Associated Press", {"aap", "australian associated press"}},
      {"pa", "PA Media", {"pa media", "press association"}},
      {"cp", "The Canadian Press", {"canadian press", "the canadian press"}},
      {"bernama", "Bernama", {"bernama"}},
      {"ndtv-desk", "NDTV News Desk", {"ndtv news desk"}},
  };
  return kAgencies;
}

// Lowercase letters and single spaces only: "Press-Trust of India." -> "press trust of india".
std::string normalise(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view strip_prefix_ci(std::string_view text, std::string_view prefix) {
  if (istarts_with(text, prefix)) return trim(text.substr(prefix.size()));
  return text;
}

bool looks_like_person(std::string_view name) {
  if (name.empty() || name.size() > 80) return false;
  if (name.find("://") != std::string_view::npos || name.find('@') != std::string_view::npos ||
      name.find("www.") != std::string_view::npos)
    return false;
  const std::size_t words = count_words(name);
  return words >= 1 && words <= 6;
}

}  // namespace

std::optional<Agency> match_agency(std::string_view text) {
  const std::string norm = normalise(text);
  if (norm.empty()) return std::nullopt;
  for (const KnownAgency& agency : known_agencies())
    for (const char* spelling : agency.spellings)
      if (norm == spelling) return Agency{agency.name, agency.key};
  return std::nullopt;
}

Byline parse_byline(std::string_view raw) {
  Byline result;
  std::string text = collapse_whitespace(raw);
  std::string_view view = trim(text);
  // Some exports put a profile URL or an e-mail address where the byline goes.
  if (view.find("://") != std::string_view::npos || view.find("www.") == 0 ||
      (view.find('@') != std::string_view::npos && view.find(' ') == std::string_view::npos))
    return result;
  for (std::string_view lead : {"reported by:", "reported by", "written by:", "written by", "edited by:",
                                "edited by", "posted by:", "posted by", "by:", "by "})
    view = strip_prefix_ci(view, lead);

  // "with inputs from PTI", "(with agency inputs)": the agency is the tail.
  std::string work(view);
  for (std::string_view marker : {"with inputs from", "with input from", "inputs from", "with agency inputs"}) {
    const std::string lower = ascii_lower(work);
    const std::size_t pos = lower.find(marker);
    if (pos == std::string::npos) continue;
    std::string tail = work.substr(pos + marker.size());
    work.erase(pos);
    for (std::string_view piece : {std::string_view(tail)})
      if (auto agency = match_agency(piece)) result.agency = agency;
  }

  // Split on the separators bylines use between names.
  std::vector<std::string> pieces;
  std::string current;
  const auto flush = [&] {
    std::string piece(trim(current));
    while (!piece.empty() && (piece.back() == '(' || piece.back() == ')' || piece.back() == '.'))
      piece.pop_back();
    while (!piece.empty() && (piece.front() == '(' || piece.front() == ')')) piece.erase(0, 1);
    piece = std::string(trim(piece));
    if (!piece.empty()) pieces.push_back(piece);
    current.clear();
  };
  for (std::size_t i = 0; i < work.size(); ++i) {
    const char c = work[i];
    if (c == ',' || c == '|' || c == ';' || c == '&' || c == '(' || c == ')' ||
        (c == '/' && !(i > 0 && work[i - 1] == ':'))) {
      flush();
      continue;
    }
    if ((c == ' ') && istarts_with(std::string_view(work).substr(i), " and ")) {
      flush();
      i += 4;
      continue;
    }
    current += c;
  }
  flush();

  for (const std::string& piece : pieces) {
    std::string_view name = trim(piece);
    for (std::string_view lead : {"by ", "with "}) name = strip_prefix_ci(name, lead);
    if (auto agency = match_agency(name)) {
      if (!result.agency) result.agency = agency;
      continue;
    }
    if (!looks_like_person(name)) continue;
    const std::string person(name);
    if (std::find(result.authors.begin(), result.authors.end(), person) == result.authors.end())
      result.authors.push_back(person);
  }
  return result;
}

}  // namespace byline
