#pragma once
// Sections as outlets print them ("India News", "World", "/world-news/") and the
// normalised key byline filters and counts them by ("india", "world").

#include <string>
#include <string_view>

namespace byline {

// Lowercase ASCII words joined by '-', with "&" read as "and" and a leading or
// trailing "news" dropped when other words remain: "World News" -> "world",
// "India News" -> "india", "Science & Tech" -> "science-and-tech",
// "/world-news/" -> "world", "News" -> "news". Non-ASCII letters are kept.
std::string section_key(std::string_view label);

// A readable label for a section found only as a URL segment: "india-news" ->
// "India News".
std::string section_label_from_slug(std::string_view slug);

}  // namespace byline
