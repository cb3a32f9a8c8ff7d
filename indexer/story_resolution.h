#pragma once
// Story keys of a merged database. A single writer gives each article the
// story key of the most similar article indexed before it (near_duplicates.h).
// Shards written in parallel cannot see each other, so their documents carry
// their own ids as story keys; this pass, run once on the merged database in
// docid order (the input order), gives every document the key a single writer
// would have given it.

#include <cstdint>
#include <string>

#include <xapian.h>

namespace byline {

struct StoryResolution {
  std::uint64_t fingerprinted = 0;  // documents with a body fingerprint (the others keep their own key)
  std::uint64_t joined = 0;         // documents whose key changed to an earlier article's
};

// `db` is the database at `path`, with nothing uncommitted, whose documents
// carry their own ids as story keys. First, on `threads` threads each reading
// its own slice of docids through a read-only handle, finds for every
// fingerprinted document the earlier document a single writer would have
// taken its key from (near_duplicates.h's find_most_similar). Then, in docid
// order, gives each such document the key of the first article of its chain
// and rewrites the story value and XK term of those whose key changes. Does
// not commit.
StoryResolution resolve_stories(Xapian::WritableDatabase& db, const std::string& path, unsigned threads);

}  // namespace byline
