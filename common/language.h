#pragma once
// Language of an article, when the source does not say: the dominant script
// decides (Devanagari -> hi, Bengali -> bn, Cyrillic -> ru, …); for Latin script,
// counts of very common function words pick among en, fr, es, de, it, pt.

#include <string>
#include <string_view>

namespace byline {

// ISO 639-1 code, or "" when there is too little text to tell.
std::string detect_language(std::string_view text);

// Normalises a language tag from a source ("en-US", "English", "hi_IN") to an
// ISO 639-1 code; "" if unrecognised.
std::string normalise_language_tag(std::string_view tag);

}  // namespace byline
