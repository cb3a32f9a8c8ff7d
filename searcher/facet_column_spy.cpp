#include "searcher/facet_column_spy.h"

#include <algorithm>

namespace byline {

std::size_t FacetColumnSpy::add(const FacetColumn& column) {
  counted_.push_back({&column, std::vector<Xapian::doccount>(column.code_count, 0)});
  return counted_.size() - 1;
}

void FacetColumnSpy::count_stories(const FacetColumn& stories) {
  stories_ = &stories;
  seen_.assign(stories.code_count / 64 + 1, 0);
}

void FacetColumnSpy::reset() {
  for (Counted& c : counted_) std::fill(c.counts.begin(), c.counts.end(), 0);
  std::fill(seen_.begin(), seen_.end(), 0);
  total_ = distinct_ = unkeyed_ = 0;
}

void FacetColumnSpy::operator()(const Xapian::Document& doc, double /*wt*/) {
  ++total_;
  const Xapian::docid id = doc.get_docid();  // known to the matcher: reads nothing
  for (Counted& c : counted_) {
    const std::vector<std::uint32_t>& codes = c.column->codes;
    if (id < codes.size()) ++c.counts[codes[id]];
  }
  if (stories_) {
    const std::uint32_t code = id < stories_->codes.size() ? stories_->codes[id] : 0;
    if (code == 0) {
      ++unkeyed_;
      return;
    }
    std::uint64_t& word = seen_[code / 64];
    const std::uint64_t bit = std::uint64_t{1} << (code % 64);
    if (!(word & bit)) word |= bit, ++distinct_;
  }
}

ValueCounts FacetColumnSpy::counts(std::size_t k) const {
  const Counted& c = counted_.at(k);
  ValueCounts counts;
  if (c.column->values.size() != c.counts.size()) return counts;  // codes only: no values to count
  for (std::size_t code = 1; code < c.counts.size(); ++code)
    if (c.counts[code] != 0) counts[c.column->values[code]] += c.counts[code];
  return counts;
}

}  // namespace byline
