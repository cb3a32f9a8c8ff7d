#pragma once
// Filters read from the facet column (searcher/facet_column.h) instead of a
// boolean term's posting list: `section:india`, `lang:en`, `date:2022-06`.
//
// Why: a filter that holds many articles has a long posting list, and a pass
// that visits every match (the facet counts, the multi-select counts) checks
// it for each one, decoding the list chunk by chunk. The column answers "is
// document d in section india?" by reading codes[d] from memory. On the 321k
// archive, with section and month counts (multi-select on), the p50 of the
// benchmark's word+section queries went from 0.94 to 0.75 ms and of its
// two-word+section queries from 0.36 to 0.30 ms; top-10 queries without
// counts, whose few candidates are cheap to check either way, kept their
// speed (per query, within the run-to-run noise of the unfiltered ones).
//
// A filter is read from the column only when it holds at least
// 1/kMinColumnShare of the documents: when such a filter leads the match (the
// query has nothing rarer), finding its next document scans at most about
// kMinColumnShare codes on average. A smaller filter keeps its term, whose
// short posting list is cheap either way. Results are the same either way
// (tests/index/column_filter_test.cpp compares them).

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <xapian.h>

#include "searcher/facet_column.h"

namespace byline {

inline constexpr Xapian::doccount kMinColumnShare = 64;

// The column of a value slot for the database being searched, or nullptr when
// there is none that describes it (FacetColumnCache::get_shared). Empty: never.
using ColumnLookup = std::function<std::shared_ptr<const FacetColumn>(unsigned slot)>;

// Matches the documents whose code in `column` is one of `accepted`
// (accepted[code] != 0; codes past its end are not accepted). Weight 0: a
// filter. Local databases only (no serialisation for the remote backend).
//
// check() answers from codes[did], but a posting list's skip_to also lets the
// matcher leap: the word leading a match skips every candidate before the
// filter's next document. A date filter on an archive indexed in date order
// holds one docid range, and a check() that could only say "no" made the
// matcher visit every candidate outside it: some phrase queries with a date
// filter took twice as long as with the day terms. So the source knows the
// docid range its documents lie in, and check() below or above it moves to
// the range's start or the end, as skip_to would.
class ColumnFilterSource : public Xapian::PostingSource {
 public:
  // Every accepted document lies in [first, last].
  ColumnFilterSource(std::shared_ptr<const FacetColumn> column, std::shared_ptr<const std::vector<char>> accepted,
                     Xapian::doccount matches, Xapian::docid first, Xapian::docid last, std::string description);

  Xapian::doccount get_termfreq_min() const override { return matches_; }
  Xapian::doccount get_termfreq_est() const override { return matches_; }
  Xapian::doccount get_termfreq_max() const override { return matches_; }

  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return did_ >= end_; }
  Xapian::docid get_docid() const override { return did_; }

  ColumnFilterSource* clone() const override;
  std::string name() const override { return "byline::ColumnFilterSource"; }
  std::string get_description() const override { return description_; }

 private:
  bool accepts(Xapian::docid did) const;
  // Moves to the first accepted document at or after `from` (or the end).
  void scan_from(Xapian::docid from);

  std::shared_ptr<const FacetColumn> column_;
  std::shared_ptr<const std::vector<char>> accepted_;
  Xapian::doccount matches_;
  Xapian::docid first_, last_;
  std::string description_;
  Xapian::docid end_ = 0;  // one past the last docid the column holds
  Xapian::docid did_ = 0;  // 0 before the first next(); a rejected docid after check() returned false
};

// The column filter for the documents of `slot` whose value `accept`s, or
// nullopt when the column is unavailable or the filter holds fewer than
// 1/kMinColumnShare of the documents (the caller then uses the terms).
// `description` names the filter in query descriptions.
std::optional<Xapian::Query> column_filter(const ColumnLookup& lookup, unsigned slot,
                                           const std::function<bool(const std::string& value)>& accept,
                                           const std::string& description);
// The same for the documents whose value is `value`, found without a look at
// every value (a site filter would otherwise compare thousands of hosts).
std::optional<Xapian::Query> column_filter(const ColumnLookup& lookup, unsigned slot, const std::string& value,
                                           const std::string& description);

}  // namespace byline
