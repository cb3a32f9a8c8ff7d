#pragma once
// A stemmer that remembers the words it has stemmed. Snippets stem every word
// of each hit's text (to find the matched ones); news text repeats its
// vocabulary, so most words were stemmed a query or two ago. Like the
// stemmer it wraps, not for use from two threads at once (a Searcher and all
// it holds belong to one thread at a time).

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace byline {

class CachingStemmer final : public Xapian::StemImplementation {
 public:
  explicit CachingStemmer(Xapian::Stem inner) : inner_(std::move(inner)) {}
  std::string operator()(const std::string& word) override;
  std::string get_description() const override { return "cached " + inner_.get_description(); }

 private:
  // Forgotten all at once when full: a bound on memory, not an LRU (the
  // words that matter come back at once).
  static constexpr std::size_t kMaxWords = 100000;
  Xapian::Stem inner_;
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace byline
