#pragma once
// Spelling data ("did you mean") for a database written without it. A single
// writer adds each word to Xapian's spelling table as it indexes it
// (TermGenerator::FLAG_SPELLING): a map lookup per word, about a fifth of the
// indexing time. Shards written in parallel skip that, and the merged
// database gets its spelling data from its own term list in one pass, a
// lookup per distinct word.

#include <cstdint>
#include <string>

#include <xapian.h>

namespace byline {

// Adds every unprefixed term of `db` (the words of titles, descriptions and
// bodies as written: what FLAG_SPELLING adds) to its spelling table, with
// the number of documents holding it as frequency (FLAG_SPELLING counts
// occurrences; suggestions are ranked by frequency, and the document count
// ranks the same common words first). Returns the number of words added.
// Adds to what is there: call once, on a database without spelling data.
// Commits every 50,000 words (not at the end).
std::uint64_t add_spelling_from_terms(Xapian::WritableDatabase& db);

// True for a term written without a prefix: Xapian's prefixes are capital
// letters, and the term generator lowercases words.
bool is_unprefixed_term(const std::string& term);

}  // namespace byline
