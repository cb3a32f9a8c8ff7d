#include "indexer/story_resolution.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/schema.h"
#include "indexer/near_duplicates.h"

namespace byline {

namespace {

using Link = std::pair<Xapian::docid, Xapian::docid>;  // (document, the earlier document it copies)

struct SliceResult {
  std::vector<Link> links;
  std::uint64_t fingerprinted = 0;
  std::exception_ptr error;
};

// Documents in [first, last] of the database at `path`.
void find_links(const std::string& path, Xapian::docid first, Xapian::docid last, SliceResult& out) {
  try {
    const Xapian::Database db(path);
    const Xapian::valueno slot = schema::slot::kFingerprint;
    auto it = db.valuestream_begin(slot);
    if (it != db.valuestream_end(slot)) it.skip_to(first);
    for (; it != db.valuestream_end(slot) && it.get_docid() <= last; ++it) {
      const auto signature = decode_signature(*it);
      if (!signature) continue;
      ++out.fingerprinted;
      if (const auto earlier = find_most_similar(db, *signature, "", 64, it.get_docid()))
        out.links.emplace_back(it.get_docid(), *earlier);
    }
  } catch (...) {
    out.error = std::current_exception();
  }
}

}  // namespace

StoryResolution resolve_stories(Xapian::WritableDatabase& db, const std::string& path, unsigned threads) {
  const Xapian::docid last = db.get_lastdocid();
  threads = std::max(1u, std::min<unsigned>(threads, last / 1024 + 1));
  std::vector<SliceResult> slices(threads);
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i) {
    const Xapian::docid first = static_cast<Xapian::docid>(std::uint64_t{last} * i / threads) + 1;
    const Xapian::docid end = static_cast<Xapian::docid>(std::uint64_t{last} * (i + 1) / threads);
    workers.emplace_back([&, i, first, end] { find_links(path, first, end, slices[i]); });
  }
  for (std::thread& worker : workers) worker.join();

  StoryResolution result;
  for (const SliceResult& slice : slices) {
    if (slice.error) std::rethrow_exception(slice.error);
    result.fingerprinted += slice.fingerprinted;
  }
  // Slices are in docid order, and so are the links within each: a document's
  // earlier article has had its own key settled before it is looked at.
  std::unordered_map<Xapian::docid, std::string> key_of;  // settled keys of documents that joined a story
  for (const SliceResult& slice : slices)
    for (const auto& [docid, earlier] : slice.links) {
      const auto settled = key_of.find(earlier);
      const std::string key =
          settled != key_of.end() ? settled->second : db.get_document(earlier).get_value(schema::slot::kStory);
      Xapian::Document doc = db.get_document(docid);
      const std::string current = doc.get_value(schema::slot::kStory);
      key_of[docid] = key;
      if (current == key) continue;
      doc.remove_term(schema::boolean_term(schema::prefix::kStory, current));
      doc.add_boolean_term(schema::boolean_term(schema::prefix::kStory, key));
      doc.add_value(schema::slot::kStory, key);
      db.replace_document(docid, doc);
      ++result.joined;
    }
  return result;
}

}  // namespace byline
