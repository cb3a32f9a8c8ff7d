#include "common/section.h"

#include <vector>

#include "common/text.h"

namespace byline {

std::string section_key(std::string_view label) {
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
