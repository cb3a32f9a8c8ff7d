#pragma once
// A match spy that counts facet values from the facet column
// (searcher/facet_column.h) by document id alone: no document, no value
// stream is read, so a match costs an array lookup and an increment per
// dimension. Gives the same counts as Xapian::ValueCountMatchSpy over the
// same slots (documents without a value are not counted).

#include <cstddef>
#include <vector>

#include <xapian.h>

#include "searcher/facet_column.h"
#include "searcher/facets.h"

namespace byline {

class FacetColumnSpy : public Xapian::MatchSpy {
 public:
  // Counts `column` too; returns the index to pass to counts(). The column
  // must outlive the spy. Add every column before the match starts.
  std::size_t add(const FacetColumn& column);
  std::size_t size() const { return counted_.size(); }
  // Also counts distinct stories from the story column (codes only).
  void count_stories(const FacetColumn& stories);

  void operator()(const Xapian::Document& doc, double wt) override;
  // Forgets every document shown so far; the columns stay.
  void reset();

  // Column `k`'s counts: value -> matching documents with it.
  ValueCounts counts(std::size_t k) const;
  // Documents the spy was shown.
  Xapian::doccount total() const { return total_; }
  // Distinct stories among them; a document without a story key is a story
  // of its own (as with the value slot).
  Xapian::doccount stories() const { return distinct_ + unkeyed_; }

 private:
  struct Counted {
    const FacetColumn* column;
    std::vector<Xapian::doccount> counts;  // by code
  };
  std::vector<Counted> counted_;
  Xapian::doccount total_ = 0;
  const FacetColumn* stories_ = nullptr;
  std::vector<std::uint64_t> seen_;  // bit per story code
  Xapian::doccount distinct_ = 0;
  Xapian::doccount unkeyed_ = 0;
};

}  // namespace byline
