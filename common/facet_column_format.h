#pragma once
// The facet column's on-disk format, shared by the index writer (which keeps
// it) and the searcher (which counts facets from it).
//
// Why: counting facets from value slots makes Xapian decode a value stream per
// slot and insert strings into a map for every match. The column holds, per
// document id, a small integer code per facet dimension, so a match spy needs
// only the document id: codes[docid] -> ++counts[code].
//
// Layout, in the database's user metadata (keys in common/schema.h):
// - per facet dimension, a dictionary: code k (1-based) is the k-th entry;
//   code 0 means the document has no value (empty slot), which is never
//   counted. Append-only: codes once given never change.
// - the story dimension (wire copies, for the exact number of stories) has
//   no dictionary: only equality matters, so documents of one story share a
//   code (1 .. the header's story_codes) and the strings are never read.
// - per dimension, chunks of kChunkDocs document ids: chunk c holds the codes
//   of docids c*kChunkDocs .. c*kChunkDocs + n - 1 (docid 0 unused). A docid
//   past the end of its chunk, or in a chunk that is absent, has code 0.
// - a header naming the database state the column describes (last docid,
//   document count, revision). The writer writes it in the same commit as the
//   documents, with the revision that commit creates; a reader uses the
//   column only when all three equal the database's, so a commit made without
//   the column (an older byline, Xapian's automatic flush mid-batch, a crash
//   between them, a compaction) is never counted wrongly: it falls back to the
//   value slots.
//
// On-disk constants: do not change them without bumping kFormat.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/schema.h"

namespace byline::facet_column {

inline constexpr unsigned kFormat = 1;
inline constexpr std::uint32_t kChunkDocs = 4096;

// The single-valued slots the column holds. `name` is part of the metadata
// keys. The date facet counts the day slot ("YYYYMMDD" strings are
// dictionary entries like any other value, so counts stay byte-identical).
struct Dimension {
  unsigned slot;
  std::string_view name;
  bool dictionary;  // false: codes only (story)
};
inline constexpr std::array<Dimension, 6> kDimensions = {{
    {schema::slot::kDay, "day", true},
    {schema::slot::kSection, "section", true},
    {schema::slot::kSite, "site", true},
    {schema::slot::kLanguage, "lang", true},
    {schema::slot::kAgency, "agency", true},
    {schema::slot::kStory, "story", false},
}};

// The dimension that holds `slot`, or nullptr.
const Dimension* dimension_of_slot(unsigned slot);

std::string chunk_key(std::string_view dimension, std::uint32_t chunk);
std::string dictionary_key(std::string_view dimension);

struct Header {
  unsigned format = kFormat;
  std::uint32_t chunk_docs = kChunkDocs;
  std::uint32_t last_docid = 0;
  std::uint32_t doccount = 0;
  std::uint64_t revision = 0;
  std::uint32_t story_codes = 0;  // story codes given: 1 .. story_codes
  bool operator==(const Header&) const = default;
};
std::string encode_header(const Header& header);
// nullopt when `text` is not a header of this format (absent, garbled, other
// format or chunk size).
std::optional<Header> decode_header(std::string_view text);

// Codes of consecutive docids from the chunk's first; each code is stored in
// the fewest bytes (1, 2 or 4) that hold the chunk's largest.
std::string encode_chunk(const std::vector<std::uint32_t>& codes);
// nullopt when `bytes` is not a chunk (bad width, length or over kChunkDocs).
std::optional<std::vector<std::uint32_t>> decode_chunk(std::string_view bytes);

// One dictionary entry, to append to an encoded dictionary.
void append_dictionary_entry(std::string& dictionary, std::string_view value);
// Entries in code order (entry i has code i + 1); nullopt when garbled.
std::optional<std::vector<std::string>> decode_dictionary(std::string_view bytes);

// The revision of a single glass/chert database, which the header is checked
// against; nullopt for a combination of shards or a backend without
// revisions (in-memory), where the column cannot be used.
std::optional<Xapian::rev> database_revision(const Xapian::Database& db);

}  // namespace byline::facet_column
