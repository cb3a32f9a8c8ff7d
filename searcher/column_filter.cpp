#include "searcher/column_filter.h"

#include <algorithm>

#include <fmt/format.h>

namespace byline {

ColumnFilterSource::ColumnFilterSource(std::shared_ptr<const FacetColumn> column,
                                       std::shared_ptr<const std::vector<char>> accepted, Xapian::doccount matches,
                                       Xapian::docid first, Xapian::docid last, std::string description)
    : column_(std::move(column)),
      accepted_(std::move(accepted)),
      matches_(matches),
      first_(first),
      last_(last),
      description_(std::move(description)) {}

void ColumnFilterSource::init(const Xapian::Database& /*db*/) {
  // The column is only handed out for the one database it describes
  // (FacetColumnCache), so document ids are that database's. Nothing is
  // accepted past last_.
  end_ = std::min(static_cast<Xapian::docid>(column_->codes.size()), last_ + 1);
  did_ = 0;
}

bool ColumnFilterSource::accepts(Xapian::docid did) const {
  const std::uint32_t code = column_->codes[did];
  return code < accepted_->size() && (*accepted_)[code] != 0;
}

void ColumnFilterSource::scan_from(Xapian::docid from) {
  did_ = std::max(from, first_);
  while (did_ < end_ && !accepts(did_)) ++did_;
}

void ColumnFilterSource::next(double /*min_wt*/) { scan_from(did_ + 1); }

void ColumnFilterSource::skip_to(Xapian::docid did, double /*min_wt*/) {
  // After a rejected check() did_ is not a match, but every document before
  // it has been passed, so skipping to it or before it means the next one.
  if (did <= did_) {
    if (did_ < end_ && !accepts(did_)) scan_from(did_ + 1);
    return;
  }
  scan_from(did);
}

bool ColumnFilterSource::check(Xapian::docid did, double /*min_wt*/) {
  if (did >= end_) {
    did_ = end_;
    return true;  // at the end, as skip_to would be
  }
  if (did < first_) {
    did_ = first_;  // accepted: the first docid that holds an accepted code
    return true;
  }
  did_ = did;
  return accepts(did);  // false: did_ is the rejected docid, and next() moves past it
}

ColumnFilterSource* ColumnFilterSource::clone() const {
  return new ColumnFilterSource(column_, accepted_, matches_, first_, last_, description_);
}

namespace {

// The column of `slot` when it can filter (a dictionary dimension), else null.
std::shared_ptr<const FacetColumn> filter_column(const ColumnLookup& lookup, unsigned slot) {
  if (!lookup) return nullptr;
  std::shared_ptr<const FacetColumn> column = lookup(slot);
  if (!column || column->values.empty() || column->code_counts.size() != column->values.size() ||
      column->code_first.size() != column->values.size() || column->code_last.size() != column->values.size())
    return nullptr;
  return column;
}

std::optional<Xapian::Query> make_filter(std::shared_ptr<const FacetColumn> column,
                                         std::shared_ptr<std::vector<char>> accepted, Xapian::doccount matches,
                                         const std::string& description) {
  // codes holds docids 0 .. last docid: its size is a bound on the documents.
  if (matches == 0 || std::uint64_t{matches} * kMinColumnShare < column->codes.size()) return std::nullopt;
  Xapian::docid first = 0, last = 0;
  for (std::size_t code = 1; code < accepted->size(); ++code)
    if ((*accepted)[code] != 0 && column->code_counts[code] != 0) {
      if (first == 0 || column->code_first[code] < first) first = column->code_first[code];
      last = std::max(last, column->code_last[code]);
    }
  auto* source = new ColumnFilterSource(std::move(column), std::move(accepted), matches, first, last,
                                        fmt::format("ColumnFilter({}, {} articles)", description, matches));
  return Xapian::Query(source->release());
}

}  // namespace

std::optional<Xapian::Query> column_filter(const ColumnLookup& lookup, unsigned slot,
                                           const std::function<bool(const std::string& value)>& accept,
                                           const std::string& description) {
  auto column = filter_column(lookup, slot);
  if (!column) return std::nullopt;
  auto accepted = std::make_shared<std::vector<char>>(column->values.size(), 0);
  Xapian::doccount matches = 0;
  for (std::size_t code = 1; code < column->values.size(); ++code)
    if (accept(column->values[code])) {
      (*accepted)[code] = 1;
      matches += column->code_counts[code];
    }
  return make_filter(std::move(column), std::move(accepted), matches, description);
}

std::optional<Xapian::Query> column_filter(const ColumnLookup& lookup, unsigned slot, const std::string& value,
                                           const std::string& description) {
  auto column = filter_column(lookup, slot);
  if (!column) return std::nullopt;
  const auto found = column->code_of.find(value);
  if (found == column->code_of.end()) return std::nullopt;
  auto accepted = std::make_shared<std::vector<char>>(found->second + 1, 0);
  accepted->back() = 1;
  const Xapian::doccount matches = column->code_counts[found->second];
  return make_filter(std::move(column), std::move(accepted), matches, description);
}

}  // namespace byline
