#pragma once
// After shards are merged, an article id that arrived twice in one run (the
// same URL crawled twice, a JSONL export listing an article twice) can be in
// two shards. A single writer would have replaced the first copy with the
// second; this pass does the same on the merged database.

#include <cstdint>

#include <xapian.h>

namespace byline {

// Deletes every document whose id term (schema::prefix::kId) is also held by
// a document with a larger docid, so each id keeps its last version, as
// replace_document would. Returns how many documents were deleted. Reads the
// id terms in one pass over the term list; does not commit.
std::uint64_t remove_duplicate_ids(Xapian::WritableDatabase& db);

}  // namespace byline
