#include "common/language.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/text.h"

namespace byline {

namespace {

enum Script { kLatin, kDevanagari, kBengali, kCyrillic, kArabic, kCjk, kTamil, kOther, kScriptCount };

Script script_of(std::uint32_t cp) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F)) return kLatin;
  if (cp >= 0x900 && cp <= 0x97F) return kDevanagari;
  if (cp >= 0x980 && cp <= 0x9FF) return kBengali;
  if (cp >= 0xB80 && cp <= 0xBFF) return kTamil;
  if (cp >= 0x400 && cp <= 0x4FF) return kCyrillic;
  if (cp >= 0x600 && cp <= 0x6FF) return kArabic;
  if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF))
    return kCjk;
  return kOther;
}

std::uint32_t decode(std::string_view text, std::size_t& i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (i + len > text.size()) len = 1;
  std::uint32_t cp = len == 1 ? c : (len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += len;
  return cp;
}

struct Profile {
  const char* code;
  std::array<std::string_view, 12> words;  // frequent function words
};
constexpr Profile kProfiles[] = {
    {"en", {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "said"}},
    {"fr", {"le", "la", "les", "des", "et", "est", "une", "dans", "pour", "que", "du", "sur"}},
    {"es", {"el", "los", "las", "del", "y", "en", "que", "una", "por", "con", "para", "se"}},
    {"de", {"der", "die", "und", "das", "ist", "nicht", "ein", "eine", "mit", "auf", "den", "zu"}},
    {"it", {"il", "della", "che", "di", "per", "una", "sono", "gli", "non", "con", "nel", "le"}},
    {"pt", {"o", "os", "da", "do", "que", "uma", "para", "com", "em", "não", "dos", "as"}},
};
constexpr std::size_t kLongestWord = 5;  // bytes: "della", "nicht"

// Each function word with the profiles that hold it (bit p: kProfiles[p]).
// One lookup per word of the text: comparing every word with every profile's
// words was more than half of the JSONL reader's time on the 321k archive.
const std::unordered_map<std::string_view, unsigned>& function_words() {
  static const auto table = [] {
    std::unordered_map<std::string_view, unsigned> words;
    for (std::size_t p = 0; p < std::size(kProfiles); ++p)
      for (std::string_view w : kProfiles[p].words) words[w] |= 1u << p;
    return words;
  }();
  return table;
}

std::string latin_language(std::string_view text) {
  const auto& words = function_words();
  std::array<int, std::size(kProfiles)> scores{};
  // The current word, lowercased; one longer than kLongestWord is no function word.
  char word[kLongestWord];
  std::size_t length = 0;
  const auto score_word = [&] {
    if (length > 0 && length <= kLongestWord)
      if (const auto it = words.find(std::string_view(word, length)); it != words.end())
        for (std::size_t p = 0; p < scores.size(); ++p)
          if (it->second & (1u << p)) ++scores[p];
    length = 0;
  };
  for (char c : text) {
    const bool upper = c >= 'A' && c <= 'Z';
    if (!upper && !(c >= 'a' && c <= 'z') && static_cast<unsigned char>(c) < 0x80) {
      score_word();
      continue;
    }
    if (length < kLongestWord) word[length] = upper ? static_cast<char>(c - 'A' + 'a') : c;
    ++length;
  }
  score_word();
  std::size_t best = 0;
  for (std::size_t p = 1; p < scores.size(); ++p)
    if (scores[p] > scores[best]) best = p;
  // Too few function words to tell: English is the corpus default for Latin script.
  return scores[best] >= 2 ? kProfiles[best].code : "en";
}

}  // namespace

std::string detect_language(std::string_view text) {
  std::array<std::size_t, kScriptCount> counts{};
  std::size_t letters = 0;
  // A sample is enough: the first 4 KiB decide.
  const std::string_view sample = text.substr(0, 4096);
  for (std::size_t i = 0; i < sample.size();) {
    const std::uint32_t cp = decode(sample, i);
    if (cp < 0x80 && !((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))) continue;
    ++counts[script_of(cp)];
    ++letters;
  }
  if (letters < 3) return "";
  std::size_t best = 0;
  for (std::size_t s = 1; s < kScriptCount; ++s)
    if (counts[s] > counts[best]) best = s;
  switch (static_cast<Script>(best)) {
    case kLatin: return latin_language(sample);
    case kDevanagari: return "hi";
    case kBengali: return "bn";
    case kTamil: return "ta";
    case kCyrillic: return "ru";
    case kArabic: return "ar";
    case kCjk: return counts[kCjk] > 0 ? "zh" : "";
    default: return "";
  }
}

std::string normalise_language_tag(std::string_view tag) {
  std::string lower = ascii_lower(trim(tag));
  static constexpr std::pair<const char*, const char*> kNames[] = {
      {"english", "en"}, {"hindi", "hi"},   {"french", "fr"},  {"russian", "ru"}, {"spanish", "es"},
      {"german", "de"},  {"bengali", "bn"}, {"italian", "it"}, {"portuguese", "pt"}, {"tamil", "ta"}};
  for (const auto& [name, code] : kNames)
    if (lower == name) return code;
  const std::size_t cut = lower.find_first_of("-_");
  if (cut != std::string::npos) lower.erase(cut);
  if (lower.size() == 2 && lower[0] >= 'a' && lower[0] <= 'z' && lower[1] >= 'a' && lower[1] <= 'z')
    return lower;
  return "";
}

}  // namespace byline
