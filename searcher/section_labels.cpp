#include "searcher/section_labels.h"

#include "common/errors.h"
#include "common/schema.h"
#include "common/stored_fields.h"

namespace byline {

const std::string& SectionLabels::label(const std::string& key) {
  auto it = cache_.find(key);
  if (it == cache_.end()) it = cache_.emplace(key, look_up(key)).first;
  return it->second;
}

std::string SectionLabels::look_up(const std::string& key) const {
  std::string label = db_.get_metadata(std::string(schema::metadata::kSectionLabelPrefix) + key);
  if (!label.empty()) return label;
  const std::string term = schema::boolean_term(schema::prefix::kSection, key);
  const auto first = db_.postlist_begin(term);
  if (first != db_.postlist_end(term)) {
    try {
      label = decode_stored_fields(db_.get_document(*first).get_data()).section;
    } catch (const IndexError&) {
      // Document data not in byline's encoding: the key will do as a label.
    }
  }
  return label.empty() ? key : label;
}

}  // namespace byline
