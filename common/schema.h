#pragma once
// The index schema: every term prefix, value slot and metadata key byline
// writes, in one place. On-disk constants: do not change a value without
// bumping kSchemaVersion, since existing databases were written with it.
//
// Prefixes follow Xapian Omega's conventions where one exists (Q, S, A, H, U,
// L, D, M, Y, Z); byline's own start with X.

#include <string>
#include <string_view>

namespace byline::schema {

// Version of this layout. A database whose recorded version differs is refused
// with "incompatible index" (exit code 4) rather than searched wrongly.
inline constexpr int kSchemaVersion = 1;

namespace prefix {
// Boolean (filter) terms: one per document, never stemmed.
inline constexpr std::string_view kId = "Q";          // Q<article id>, unique per document
inline constexpr std::string_view kSite = "H";        // H<host without www.>, e.g. Hrepublicworld.com
inline constexpr std::string_view kUrl = "U";         // U<url>, hashed when over kMaxTermBytes
inline constexpr std::string_view kLanguage = "L";    // L<ISO 639-1 code>, e.g. Len
inline constexpr std::string_view kSection = "XS";    // XS<section key>, e.g. XSindia
inline constexpr std::string_view kDay = "D";         // D<YYYYMMDD>, local day of publication
inline constexpr std::string_view kMonth = "M";       // M<YYYYMM>, local month of publication
inline constexpr std::string_view kYear = "Y";        // Y<YYYY>, local year of publication
inline constexpr std::string_view kAgencyKey = "XG";  // XG<agency key>, e.g. XGani
// Near-duplicates (indexer/near_duplicates.h), added without a version bump
// since nothing existing changed: an index without them simply never collapses.
inline constexpr std::string_view kFingerprintBand = "XB";  // XB<band 0-7><16 hex>, MinHash LSH band of the body
inline constexpr std::string_view kStory = "XK";            // XK<story key>: every copy of one story

// Free-text fields (positional, stemmed copies carry Z before the prefix).
inline constexpr std::string_view kTitle = "S";         // words of the title
inline constexpr std::string_view kAuthor = "A";        // words of the authors' names
inline constexpr std::string_view kAgency = "XA";       // words of the agency's name
inline constexpr std::string_view kSectionText = "XT";  // words of the section label
// Unprefixed terms hold title, description and body together.
}  // namespace prefix

namespace slot {
inline constexpr unsigned kPublished = 0;   // Xapian::sortable_serialise(epoch seconds, UTC)
inline constexpr unsigned kDay = 1;         // "YYYYMMDD", local day of publication
inline constexpr unsigned kSection = 2;     // section key, e.g. "india"
inline constexpr unsigned kSite = 3;        // host without www.
inline constexpr unsigned kLanguage = 4;    // ISO 639-1 code
inline constexpr unsigned kAgency = 5;      // agency key, e.g. "ani"
inline constexpr unsigned kModified = 6;    // sortable_serialise(epoch seconds) of last modification
inline constexpr unsigned kFingerprint = 7; // MinHash signature of the body, 32 x uint32 little-endian
inline constexpr unsigned kStory = 8;       // story key: the id of the first indexed copy of the story
inline constexpr unsigned kAuthors = 9;     // authors' names as printed, separated by '\n' (author facet)
}  // namespace slot

namespace metadata {
inline constexpr std::string_view kSchemaVersion = "byline.schema_version";  // decimal integer
inline constexpr std::string_view kStemLanguage = "byline.stem_language";    // Snowball name, "none" if off
inline constexpr std::string_view kCreatedBy = "byline.created_by";          // "byline 0.1.0"
// Where an interrupted `byline index` run resumes: JSON {"run": <hash of the
// run's file list>, "file": <index in that list>, "offset": <decoded byte
// offset, a record boundary>}. Written with every commit, removed when the
// run completes.
inline constexpr std::string_view kCheckpoint = "byline.checkpoint";
// Where an interrupted parallel run stands: the shards it completed and the
// input position they cover (indexer/parallel_indexer.h). Its own key, so
// that a single writer never resumes from it.
inline constexpr std::string_view kShardCheckpoint = "byline.shard-checkpoint";
// Set on a merged database until the passes after the merge are done.
inline constexpr std::string_view kMergePending = "byline.merge-pending";
// byline.section_label.<key> = the label first seen for that key ("India News")
inline constexpr std::string_view kSectionLabelPrefix = "byline.section_label.";
// The facet column (common/facet_column_format.h), added without a version
// bump: an index without it is counted from the value slots. Its header is
// "<format> <chunk docs> <last docid> <doccount> <revision> <story codes>"; chunks are
// byline.column.<dimension>.<chunk number>, dictionaries
// byline.column.dict.<dimension>.
inline constexpr std::string_view kFacetColumn = "byline.column";
inline constexpr std::string_view kFacetColumnPrefix = "byline.column.";
}  // namespace metadata

// byline's own entries in an index folder, beside Xapian's tables.
namespace files {
// The process id of the writer holding Xapian's lock, for the message a second writer gets.
inline constexpr const char* kWriterPid = "byline-writer.pid";
// A parallel run's shard databases, until they are merged.
inline constexpr const char* kShardFolder = "byline-shards";
}  // namespace files

// Xapian refuses terms over 245 bytes; longer values (URLs, ids) are replaced by
// a hash so that they still make a unique term.
inline constexpr std::size_t kMaxTermBytes = 240;

// prefix + value, with the value hashed if the term would be too long.
std::string boolean_term(std::string_view prefix, std::string_view value);

// Weights: title words count three times as much as body words.
inline constexpr unsigned kTitleWdf = 3;

}  // namespace byline::schema
