#pragma once
// A Searcher that ignores the facet column: it counts facets from the value
// slots and filters through the terms. It is made with the environment switch
// the benchmark uses (BYLINE_FACET_COLUMN=off), restored afterwards, so that
// tests can compare the two paths on one index.

#include <cstdlib>
#include <memory>
#include <string>

#include "searcher/facet_column.h"
#include "searcher/searcher.h"

namespace byline::test {

inline std::unique_ptr<Searcher> searcher_without_column(const std::string& path) {
  const char* before = std::getenv(kFacetColumnEnv);
  const std::string saved = before ? before : "";
  ::setenv(kFacetColumnEnv, "off", 1);
  auto searcher = std::make_unique<Searcher>(path);
  if (before) ::setenv(kFacetColumnEnv, saved.c_str(), 1);
  else ::unsetenv(kFacetColumnEnv);
  return searcher;
}

}  // namespace byline::test
