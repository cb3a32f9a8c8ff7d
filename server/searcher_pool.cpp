#include "server/searcher_pool.h"

namespace byline {

SearcherPool::SearcherPool(std::string db_path) : path_(std::move(db_path)) {
  idle_.push_back(std::make_unique<Searcher>(path_));
  opened_ = 1;
}

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->give_back(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::lease() {
  std::unique_ptr<Searcher> searcher;
  {
    const std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  // Opening and refreshing read the disk: outside the lock.
  if (searcher) {
    searcher->refresh();
  } else {
    searcher = std::make_unique<Searcher>(path_);
    const std::lock_guard lock(mutex_);
    ++opened_;
  }
  return Lease(*this, std::move(searcher));
}

std::size_t SearcherPool::opened() const {
  const std::lock_guard lock(mutex_);
  return opened_;
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
  const std::lock_guard lock(mutex_);
  idle_.push_back(std::move(searcher));
}

}  // namespace byline
