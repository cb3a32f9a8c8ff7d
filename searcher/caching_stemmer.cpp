#include "searcher/caching_stemmer.h"

namespace byline {

std::string CachingStemmer::operator()(const std::string& word) {
  if (const auto found = stems_.find(word); found != stems_.end()) return found->second;
  if (stems_.size() >= kMaxWords) stems_.clear();
  return stems_.emplace(word, inner_(word)).first->second;
}

}  // namespace byline
