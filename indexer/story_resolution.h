#pragma once
// Story keys of a merged database. A single writer gives each article the
// story key of the most similar article indexed before it (near_duplicates.h).
// Shards written in parallel cannot see each other, so their documents carry
// their own ids as story keys; this pass, run once on the merged database in
// docid order (the input order), gives every document the key a single writer
// would have given it.

#include <cstdint>

#include <xapian.h>

namespace byline {

struct StoryResolution {
  std::uint64_t fingerprinted = 0;  // documents with a body fingerprint (the others keep their own key)
  std::uint64_t joined = 0;         // documents whose key changed to an earlier article's
};

// Reads the fingerprints in docid order; for each document looks up the
// earlier documents sharing a band term (near_duplicates.h's find_story, with
// the same candidate bound) and, when one is the same story, rewrites the
// document's story value and XK term. Documents are rewritten as it goes, so
// a chain of copies follows its first article's key. Does not commit.
StoryResolution resolve_stories(Xapian::WritableDatabase& db);

}  // namespace byline
