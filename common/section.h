#pragma once
// Sections as outlets print them ("India News", "World", "/world-news/") and the
// normalised key byline filters and counts them by ("india", "world").

#include <string>
#include <string_view>

namespace byline {

// The key of a label: lowercase ASCII words joined by '-', with "&" read as
// "and" and a leading or trailing "news" dropped when other words remain:
// "World News" -> "world", "India News" -> "india", "Science & Tech" ->
// "science-and-tech", "/world-news/" -> "world", "News" -> "news". Non-ASCII
// letters are kept. Agencies without a known key are keyed by it; so were
// sections in indexes written before section_key folded plurals.
std::string label_key(std::string_view label);

// A section's key: label_key with an English plural in the last word made
// singular, so that one outlet's "Opinions" and another's "Opinion" are one
// section: "Sports" -> "sport", "Cities" -> "city", "Food & Drinks" ->
// "food-and-drink"; "Business", "Politics" and "Tennis" stay as they are.
std::string section_key(std::string_view label);

// A readable label for a section found only as a URL segment: "india-news" ->
// "India News".
std::string section_label_from_slug(std::string_view slug);

}  // namespace byline
