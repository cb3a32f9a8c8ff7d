#pragma once
// Wire copies at search time: the indexer gave every article a story key
// (indexer/near_duplicates.h, schema::slot::kStory); the searcher collapses
// matches on it (Xapian's set_collapse_key, one hit per story) and lists, for
// each hit, the matching copies of its story, earliest first.

#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/search_result.h"

namespace byline {

// Most copies listed per hit; the count in Hit::similar is still exact.
inline constexpr unsigned kMaxCopiesListed = 50;

// The documents matching `query` that carry story key `story`, earliest
// publication first (undated last), at most kMaxCopiesListed; `total` gets
// their exact number.
std::vector<Hit::Copy> story_copies(const Xapian::Database& db, const Xapian::Query& query, const std::string& story,
                                    unsigned& total);

}  // namespace byline
