#include "indexer/story_resolution.h"

#include <string>
#include <utility>
#include <vector>

#include "common/schema.h"
#include "indexer/near_duplicates.h"

namespace byline {

StoryResolution resolve_stories(Xapian::WritableDatabase& db) {
  StoryResolution result;
  const Xapian::valueno fingerprint_slot = schema::slot::kFingerprint;
  constexpr std::size_t kSlice = 1024;
  std::vector<std::pair<Xapian::docid, MinhashSignature>> slice;
  Xapian::docid next = 1;
  while (true) {
    // The fingerprints are read a slice at a time from a fresh value stream:
    // rewriting a document rewrites all its values, and a stream must not be
    // read across changes to the slots under it.
    slice.clear();
    auto it = db.valuestream_begin(fingerprint_slot);
    if (it != db.valuestream_end(fingerprint_slot)) it.skip_to(next);
    for (; it != db.valuestream_end(fingerprint_slot) && slice.size() < kSlice; ++it)
      if (const auto signature = decode_signature(*it)) slice.emplace_back(it.get_docid(), *signature);
    if (slice.empty()) break;
    next = slice.back().first + 1;
    for (const auto& [docid, signature] : slice) {
      ++result.fingerprinted;
      const std::optional<std::string> story = find_story(db, signature, "", 64, docid);
      if (!story) continue;
      Xapian::Document doc = db.get_document(docid);
      const std::string current = doc.get_value(schema::slot::kStory);
      if (current == *story) continue;
      doc.remove_term(schema::boolean_term(schema::prefix::kStory, current));
      doc.add_boolean_term(schema::boolean_term(schema::prefix::kStory, *story));
      doc.add_value(schema::slot::kStory, *story);
      db.replace_document(docid, doc);
      ++result.joined;
    }
  }
  return result;
}

}  // namespace byline
