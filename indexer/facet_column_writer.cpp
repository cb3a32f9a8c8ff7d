#include "indexer/facet_column_writer.h"

#include "common/schema.h"

namespace byline {

namespace fc = facet_column;

void FacetColumnWriter::attach(Xapian::WritableDatabase db) {
  db_ = std::move(db);
  enabled_ = false;
  rebuilt_ = 0;
  columns_.clear();
  if (db_.size() != 1 || !facet_column::database_revision(db_)) return;
  enabled_ = true;
  for (const fc::Dimension& d : fc::kDimensions) columns_.push_back(Column{&d, {}, {}, false, {}, {}});
  if (!load()) rebuild();
}

// True when the stored column describes the database as committed.
bool FacetColumnWriter::load() {
  const auto header = fc::decode_header(db_.get_metadata(std::string(schema::metadata::kFacetColumn)));
  if (!header || header->last_docid != db_.get_lastdocid() || header->doccount != db_.get_doccount() ||
      header->revision != *facet_column::database_revision(db_))
    return false;
  story_codes_ = header->story_codes;
  for (Column& column : columns_) {
    if (!column.dimension->dictionary) continue;
    column.dictionary = db_.get_metadata(fc::dictionary_key(column.dimension->name));
    const auto entries = fc::decode_dictionary(column.dictionary);
    if (!entries) return false;
    for (std::size_t i = 0; i < entries->size(); ++i)
      column.codes.try_emplace((*entries)[i], static_cast<std::uint32_t>(i + 1));
  }
  return true;
}

void FacetColumnWriter::rebuild() {
  const Xapian::docid last = db_.get_lastdocid();
  rebuilt_ = db_.get_doccount();
  story_codes_ = 0;
  for (Column& column : columns_) {
    column.codes.clear();
    column.dictionary.clear();
    column.dictionary_changed = column.dimension->dictionary;
    column.chunks.clear();
    column.read.clear();
    // Every chunk is rewritten, so that no code from a stale column survives.
    for (std::uint32_t c = 0; c <= last / fc::kChunkDocs; ++c) column.chunks[c];
    const unsigned slot = column.dimension->slot;
    if (!column.dimension->dictionary) {
      rebuild_story_codes(column);
      continue;
    }
    for (auto it = db_.valuestream_begin(slot); it != db_.valuestream_end(slot); ++it) {
      const std::string value = *it;
      if (!value.empty()) set(column, it.get_docid(), code_of(column, value));
    }
  }
}

// Story codes come from a map of the strings (held only while rebuilding),
// so that equal values get equal codes whatever the terms. But most stories
// have one article, and a map of every story made this rebuild the largest
// memory of a parallel run (471 MB at 3M articles): a story whose term one
// document alone holds gets a code of its own without entering the map.
void FacetColumnWriter::rebuild_story_codes(Column& column) {
  const unsigned slot = column.dimension->slot;
  std::unordered_map<std::string, std::uint32_t> shared;  // stories of several articles
  for (auto it = db_.valuestream_begin(slot); it != db_.valuestream_end(slot); ++it) {
    const std::string value = *it;
    if (value.empty()) continue;
    std::uint32_t code;
    if (db_.get_termfreq(schema::boolean_term(schema::prefix::kStory, value)) == 1) {
      code = ++story_codes_;
    } else {
      const auto [found, added] = shared.try_emplace(value, 0);
      if (added) found->second = ++story_codes_;
      code = found->second;
    }
    set(column, it.get_docid(), code);
  }
}

std::uint32_t FacetColumnWriter::code_of(Column& column, const std::string& value) {
  const auto [it, added] = column.codes.try_emplace(value, static_cast<std::uint32_t>(column.codes.size() + 1));
  if (added) {
    fc::append_dictionary_entry(column.dictionary, value);
    column.dictionary_changed = true;
  }
  return it->second;
}

// Documents of one story share a code. Any other document holding the story
// term has the story's code (the column is consistent with the committed
// database, and every document written since went through record()); when
// there is none the story is new, or only this document had it: a fresh code.
// Looked up through the term, not a map of every story, so that memory stays
// flat however large the archive grows.
std::uint32_t FacetColumnWriter::story_code(Column& column, Xapian::docid docid, const std::string& story) {
  const std::string term = schema::boolean_term(schema::prefix::kStory, story);
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
    if (*it != docid)
      if (const std::uint32_t code = code_at(column, *it)) return code;
  return ++story_codes_;
}

std::uint32_t FacetColumnWriter::code_at(Column& column, Xapian::docid docid) {
  const std::uint32_t number = docid / fc::kChunkDocs;
  const std::vector<std::uint32_t>* codes = nullptr;
  if (const auto changed = column.chunks.find(number); changed != column.chunks.end()) {
    codes = &changed->second;
  } else {
    auto found = column.read.find(number);
    if (found == column.read.end()) {
      if (column.read.size() >= 64) column.read.clear();  // copies are mostly of recent stories: a small cache does
      auto stored = fc::decode_chunk(db_.get_metadata(fc::chunk_key(column.dimension->name, number)));
      found = column.read.emplace(number, stored ? std::move(*stored) : std::vector<std::uint32_t>{}).first;
    }
    codes = &found->second;
  }
  const std::size_t at = docid % fc::kChunkDocs;
  return at < codes->size() ? (*codes)[at] : 0;
}

std::vector<std::uint32_t>& FacetColumnWriter::chunk(Column& column, std::uint32_t number) {
  const auto found = column.chunks.find(number);
  if (found != column.chunks.end()) return found->second;
  column.read.erase(number);
  // Not yet changed since the last flush: start from what is stored. A
  // garbled chunk cannot be (the header was checked when loading), but if
  // it were, starting afresh is all that can be done.
  auto stored = fc::decode_chunk(db_.get_metadata(fc::chunk_key(column.dimension->name, number)));
  return column.chunks[number] = stored ? std::move(*stored) : std::vector<std::uint32_t>{};
}

void FacetColumnWriter::set(Column& column, Xapian::docid docid, std::uint32_t code) {
  std::vector<std::uint32_t>& codes = chunk(column, docid / fc::kChunkDocs);
  const std::size_t at = docid % fc::kChunkDocs;
  if (at >= codes.size()) {
    if (code == 0) return;  // past the end already reads as "no value"
    codes.resize(at + 1, 0);
  }
  codes[at] = code;
}

void FacetColumnWriter::record(Xapian::docid docid, const Xapian::Document& doc) {
  if (!enabled_) return;
  for (Column& column : columns_) {
    const std::string value = doc.get_value(column.dimension->slot);
    if (value.empty()) set(column, docid, 0);
    else set(column, docid, column.dimension->dictionary ? code_of(column, value) : story_code(column, docid, value));
  }
}

void FacetColumnWriter::flush() {
  if (!enabled_) return;
  for (Column& column : columns_) {
    if (column.dictionary_changed) db_.set_metadata(fc::dictionary_key(column.dimension->name), column.dictionary);
    column.dictionary_changed = false;
    for (const auto& [number, codes] : column.chunks)
      db_.set_metadata(fc::chunk_key(column.dimension->name, number), fc::encode_chunk(codes));
    column.chunks.clear();
    column.read.clear();
  }
  fc::Header header;
  header.last_docid = db_.get_lastdocid();
  header.doccount = db_.get_doccount();
  header.revision = *facet_column::database_revision(db_) + 1;  // the commit that follows creates it
  header.story_codes = story_codes_;
  db_.set_metadata(std::string(schema::metadata::kFacetColumn), fc::encode_header(header));
}

}  // namespace byline
