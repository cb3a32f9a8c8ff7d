#pragma once
// News agencies and bylines. A byline such as "Reported by: Asian News
// International" or "Jane Doe with inputs from PTI" names people, an agency, or
// both; byline keeps them apart so the agency can be counted and filtered.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

struct Agency {
  std::string name;  // canonical name, "Asian News International"
  std::string key;   // short key for terms and facets, "ani"
};

// Recognises a whole string as an agency ("ANI", "Press Trust of India",
// "Reuters", "AP", "IANS"…), case-insensitively and ignoring punctuation.
std::optional<Agency> match_agency(std::string_view text);

struct Byline {
  std::vector<std::string> authors;
  std::optional<Agency> agency;
};

// Splits a byline into people and an agency. Handles leading "By", "Reported
// by:", "Written by", "Edited by"; separators ",", "&", " and ", "|", "/", ";";
// "with inputs from X" and "(with X)"; a trailing "Reuters" or "| PTI". Strings
// that are URLs or e-mail addresses are dropped. Order of authors is kept.
Byline parse_byline(std::string_view text);

}  // namespace byline
