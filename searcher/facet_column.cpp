#include "searcher/facet_column.h"

#include <cstdlib>
#include <string_view>

#include "common/facet_column_format.h"
#include "common/schema.h"

namespace byline {

namespace fc = facet_column;

namespace {

bool enabled_by_environment() {
  const char* value = std::getenv(kFacetColumnEnv);
  if (value == nullptr) return true;
  const std::string_view v(value);
  return !(v == "off" || v == "0");
}

}  // namespace

std::unique_ptr<FacetColumn> load_facet_column(const Xapian::Database& db, unsigned slot, Xapian::docid last_docid,
                                               std::uint32_t story_codes) {
  const fc::Dimension* dimension = fc::dimension_of_slot(slot);
  if (!dimension) return nullptr;
  auto column = std::make_unique<FacetColumn>();
  if (dimension->dictionary) {
    auto entries = fc::decode_dictionary(db.get_metadata(fc::dictionary_key(dimension->name)));
    if (!entries) return nullptr;
    column->values.reserve(entries->size() + 1);
    column->values.emplace_back();
    for (std::string& e : *entries) column->values.push_back(std::move(e));
    column->code_count = static_cast<std::uint32_t>(column->values.size());
  } else {
    if (story_codes == UINT32_MAX) return nullptr;
    column->code_count = story_codes + 1;
  }
  column->codes.assign(std::size_t{last_docid} + 1, 0);
  const std::size_t limit = column->code_count;
  for (std::uint32_t c = 0; c <= last_docid / fc::kChunkDocs; ++c) {
    const std::string bytes = db.get_metadata(fc::chunk_key(dimension->name, c));
    if (bytes.empty()) continue;  // never written: no document there has a value
    const auto codes = fc::decode_chunk(bytes);
    if (!codes) return nullptr;
    const std::size_t first = std::size_t{c} * fc::kChunkDocs;
    for (std::size_t i = 0; i < codes->size() && first + i <= last_docid; ++i) {
      if ((*codes)[i] >= limit) return nullptr;  // a code with no value: not a column we wrote
      column->codes[first + i] = (*codes)[i];
    }
  }
  if (dimension->dictionary) {
    column->code_counts.assign(column->code_count, 0);
    column->code_first.assign(column->code_count, 0);
    column->code_last.assign(column->code_count, 0);
    for (Xapian::docid did = 0; did < column->codes.size(); ++did) {
      const std::uint32_t code = column->codes[did];
      ++column->code_counts[code];
      if (column->code_first[code] == 0) column->code_first[code] = did;
      column->code_last[code] = did;
    }
    for (std::uint32_t code = 1; code < column->code_count; ++code) column->code_of.emplace(column->values[code], code);
  }
  return column;
}

FacetColumnCache::FacetColumnCache() : enabled_(enabled_by_environment()) {}

std::shared_ptr<const FacetColumn> FacetColumnCache::get_shared(const Xapian::Database& db, unsigned slot) {
  if (!enabled_ || !fc::dimension_of_slot(slot)) return nullptr;
  const auto revision = facet_column::database_revision(db);
  if (!revision) return nullptr;
  // The cache changes only after a read succeeded: a read may throw
  // DatabaseModifiedError, and the retry must not find a half-made entry.
  if (revision != revision_) {
    const auto header = fc::decode_header(db.get_metadata(std::string(schema::metadata::kFacetColumn)));
    const bool usable = header && header->revision == *revision && header->last_docid == db.get_lastdocid() &&
                        header->doccount == db.get_doccount();
    columns_.clear();
    usable_ = usable;
    story_codes_ = usable ? header->story_codes : 0;
    revision_ = revision;
  }
  if (!usable_) return nullptr;
  if (const auto found = columns_.find(slot); found != columns_.end()) return found->second;
  return columns_[slot] = load_facet_column(db, slot, db.get_lastdocid(), story_codes_);
}

}  // namespace byline
