#include "common/section.h"

#include <algorithm>
#include <vector>

#include "common/text.h"

namespace byline {

namespace {

bool ends_with_any(std::string_view word, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) { return word.ends_with(e); });
}

// The singular of an English plural, by its ending alone. Both forms of a
// word must fold to the same key, so an irregular case ("movies" -> "movy")
// may give a key that is not a word; what must not happen is two different
// sections meeting, hence the endings that are left alone: "ss" (business),
// "us" (campus), "is" (tennis, analysis), "ics" (politics, comics), and the
// words whose "s" is no plural.
std::string singular(std::string word) {
  if (word.size() < 4 || word == "news" || word == "series" || word == "species") return word;
  if (!std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return word;
  if (word.ends_with("ies")) return word.substr(0, word.size() - 3) + "y";       // cities -> city
  if (ends_with_any(word, {"sses", "shes", "ches", "xes"})) return word.substr(0, word.size() - 2);  // watches -> watch
  if (word.ends_with('s') && !ends_with_any(word, {"ss", "us", "is", "ics"})) word.pop_back();  // sports -> sport
  return word;
}

}  // namespace

std::string section_key(std::string_view label) {
  std::string key = label_key(label);
  // Only the last word: plurals name a section by its last word ("Short
  // Videos", "Food & Drinks"), and a word before it is often no noun.
  const std::size_t last = key.rfind('-') == std::string::npos ? 0 : key.rfind('-') + 1;
  return key.substr(0, last) + singular(key.substr(last));
}

std::string label_key(std::string_view label) {
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (char c : label) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) word += c;
    else if (c >= 'A' && c <= 'Z') word += static_cast<char>(c - 'A' + 'a');
    else if (c == '&') { flush(); words.emplace_back("and"); }
    else flush();
  }
  flush();
  if (words.size() > 1 && words.back() == "news") words.pop_back();
  if (words.size() > 1 && words.front() == "news") words.erase(words.begin());
  std::string key;
  for (const std::string& w : words) {
    if (!key.empty()) key += '-';
    key += w;
  }
  return key;
}

std::string section_label_from_slug(std::string_view slug) {
  std::string label;
  bool start = true;
  for (char c : trim(slug)) {
    if (c == '-' || c == '_' || c == '/' || c == ' ') {
      if (!label.empty() && label.back() != ' ') label += ' ';
      start = true;
      continue;
    }
    label += (start && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    start = false;
  }
  while (!label.empty() && label.back() == ' ') label.pop_back();
  return label;
}

}  // namespace byline
