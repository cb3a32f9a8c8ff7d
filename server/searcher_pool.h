#pragma once
// Searchers for a server's concurrent requests. A Searcher (a Xapian database
// handle and a query parser) may serve one thread at a time, and opening one
// costs a few milliseconds, so the pool keeps those that requests returned
// and makes another only when every one is out: as many as requests ever ran
// at once, which the server's thread count bounds.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "searcher/searcher.h"

namespace byline {

class SearcherPool {
 public:
  // Opens one searcher at once, so that a missing or incompatible index is
  // an IndexError here rather than on the first request.
  explicit SearcherPool(std::string db_path);

  // A searcher lent to one request, returned when the lease ends. It has
  // been moved to the newest committed revision (an indexer may be adding
  // to the archive while the server runs).
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher) : pool_(&pool), searcher_(std::move(searcher)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    const Searcher& operator*() const { return *searcher_; }
    const Searcher* operator->() const { return searcher_.get(); }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };
  Lease lease();

  const std::string& path() const { return path_; }
  // Searchers made so far (for tests and the server's log).
  std::size_t opened() const;

 private:
  void give_back(std::unique_ptr<Searcher> searcher);

  std::string path_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> idle_;
  std::size_t opened_ = 0;
};

}  // namespace byline
