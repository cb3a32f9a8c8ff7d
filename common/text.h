#pragma once
// Small text helpers shared by every reader. Strings are UTF-8 throughout.

#include <string>
#include <string_view>
#include <vector>

namespace byline {

// True if `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);
// Replaces each invalid UTF-8 sequence with U+FFFD, and removes NUL and other
// C0 control characters except tab and newline.
std::string sanitize_utf8(std::string_view text);
// Decodes bytes as Windows-1252 (a superset of Latin-1) into UTF-8: the usual
// fallback for text that is not valid UTF-8.
std::string cp1252_to_utf8(std::string_view bytes);

// Trims ASCII and Unicode spaces (U+00A0, U+2000..U+200B, U+3000) at both ends.
std::string_view trim(std::string_view text);
// Collapses runs of white space to one space and trims.
std::string collapse_whitespace(std::string_view text);
// ASCII lowercase (non-ASCII bytes untouched).
std::string ascii_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);
// Counts whitespace-separated words.
std::size_t count_words(std::string_view text);
// Splits on a single character, keeping empty pieces.
std::vector<std::string_view> split(std::string_view text, char separator);
// Decodes HTML character references (&amp; &#39; &#x2019; &nbsp; …).
std::string decode_html_entities(std::string_view text);

}  // namespace byline
