#pragma once
// The facet column (common/facet_column_format.h) as the searcher reads it:
// per facet slot, the code of every document id and the value of every code,
// loaded once and kept while the database stays at the same revision.
//
// The column is used only when it describes exactly the database being read
// (its header's last docid, document count and revision equal the
// database's). Otherwise — an index made before the column existed, a commit
// made without it, an in-memory database, or a Database combining several
// shards, whose document ids Xapian interleaves (docid = (shard docid - 1) *
// shards + shard + 1) while only the first shard's metadata is visible —
// get() returns nullptr and facets are counted from the value slots.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace byline {

// One dimension: codes[docid] is the document's code (0: no value, also for
// docids past the end), values[code] its value (values[0] is ""). Every code
// is below code_count. The story dimension has codes only (values empty):
// equal codes, same story.
struct FacetColumn {
  std::vector<std::uint32_t> codes;
  std::vector<std::string> values;
  std::uint32_t code_count = 1;
  // Documents per code (code_counts[0]: those without a value); for
  // dimensions with values only, so that a filter knows its size
  // (searcher/column_filter.h).
  std::vector<Xapian::doccount> code_counts;
  // The first and last docid holding each code (0 when none holds it): an
  // archive indexed in date order holds a day's articles in one docid range,
  // which a filter can jump to (column_filter.h).
  std::vector<Xapian::docid> code_first, code_last;
  // The code of each value (dictionary dimensions), for filters on one value.
  std::unordered_map<std::string, std::uint32_t> code_of;
};

// Environment variable that turns the column off, so that the value-slot
// path can be measured beside it: BYLINE_FACET_COLUMN=off (or 0).
inline constexpr const char* kFacetColumnEnv = "BYLINE_FACET_COLUMN";

// A Searcher's cache of the columns it has loaded. Not thread-safe (one per
// Searcher, like the Searcher itself).
class FacetColumnCache {
 public:
  // Reads kFacetColumnEnv once.
  FacetColumnCache();
  explicit FacetColumnCache(bool enabled) : enabled_(enabled) {}

  // The column of value slot `slot` for `db` at the revision it is open at,
  // or nullptr when facets must be counted from the value slots (see above;
  // also a slot the column does not hold, or a garbled column). Loads on
  // first use and again after the revision changed. Xapian errors
  // (DatabaseModifiedError included) propagate.
  const FacetColumn* get(const Xapian::Database& db, unsigned slot) { return get_shared(db, slot).get(); }
  // The same, kept alive for as long as the caller holds it: a query that
  // reads the column (searcher/column_filter.h) may outlive a reload.
  std::shared_ptr<const FacetColumn> get_shared(const Xapian::Database& db, unsigned slot);

  bool enabled() const { return enabled_; }

 private:
  bool enabled_;
  std::optional<Xapian::rev> revision_;  // what the entries below describe
  bool usable_ = false;                  // the header matched at revision_
  std::uint32_t story_codes_ = 0;
  std::map<unsigned, std::shared_ptr<const FacetColumn>> columns_;  // null: unusable
};

// Reads the column of `slot` from `db` for docids 1 .. `last_docid` without
// any check against the database's state; nullptr when absent or garbled.
// `story_codes` is the header's. For tests and get().
std::unique_ptr<FacetColumn> load_facet_column(const Xapian::Database& db, unsigned slot, Xapian::docid last_docid,
                                               std::uint32_t story_codes);

}  // namespace byline
