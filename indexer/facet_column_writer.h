#pragma once
// Keeps the facet column (common/facet_column_format.h) of a database in step
// with its documents: the index writer tells it each document it writes, and
// flushes it right before each commit so that the column and the documents it
// describes land in the same commit. Not thread-safe.

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/facet_column_format.h"

namespace byline {

class FacetColumnWriter {
 public:
  // Detached: every call is a no-op until attach().
  FacetColumnWriter() = default;

  // Reads the column's state from `db`. When the database holds documents
  // the column does not describe (an index made before the column existed,
  // or a commit made without it: see the format's header), rebuilds the
  // whole column from the value slots, in memory, for the next flush to
  // write; that costs one pass over five value streams, once.
  // A database without revisions (in-memory) gets no column: every call
  // is then a no-op and searches count from the value slots.
  void attach(Xapian::WritableDatabase db);

  bool enabled() const { return enabled_; }
  // Documents the last rebuild read (0 when none was needed).
  std::uint32_t rebuilt() const { return rebuilt_; }

  // Document `docid` now holds `doc` (added, or replaced in place), and
  // `doc` is already in the database (a story's code is found through the
  // other documents holding its story term).
  void record(Xapian::docid docid, const Xapian::Document& doc);

  // Writes the chunks and dictionaries changed since the last flush and a
  // header naming the revision the next commit creates. Call right before
  // commit(), with no document change in between. Xapian errors propagate.
  void flush();

 private:
  struct Column {
    const facet_column::Dimension* dimension;
    std::unordered_map<std::string, std::uint32_t> codes;  // value -> code
    std::string dictionary;                                // encoded, every entry
    bool dictionary_changed = false;
    std::map<std::uint32_t, std::vector<std::uint32_t>> chunks;  // changed since the last flush
    std::map<std::uint32_t, std::vector<std::uint32_t>> read;    // unchanged, read for story codes
  };

  bool load();
  void rebuild();
  void rebuild_story_codes(Column& column);
  std::uint32_t code_of(Column& column, const std::string& value);
  std::uint32_t story_code(Column& column, Xapian::docid docid, const std::string& story);
  std::uint32_t code_at(Column& column, Xapian::docid docid);
  std::vector<std::uint32_t>& chunk(Column& column, std::uint32_t number);
  void set(Column& column, Xapian::docid docid, std::uint32_t code);

  Xapian::WritableDatabase db_;
  bool enabled_ = false;
  std::uint32_t rebuilt_ = 0;
  std::uint32_t story_codes_ = 0;  // story codes given so far
  std::vector<Column> columns_;
};

}  // namespace byline
