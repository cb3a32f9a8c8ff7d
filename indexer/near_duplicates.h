#pragma once
// Near-duplicate detection for wire copies: the same agency story carried by
// several outlets, or an outlet re-publishing its own article, differs only by
// a dateline, a credit line or a headline. A MinHash signature over the body's
// word 3-shingles estimates the Jaccard similarity of two bodies; LSH band
// terms (schema::prefix::kFingerprintBand) let the indexer find the few
// earlier articles that may be near-identical without scanning the index.
//
// The story key: every article gets one (schema::slot::kStory and the boolean
// term XK<key>). An article whose body is near-identical to an already indexed
// one reuses that article's key; otherwise its key is its own id. The searcher
// collapses on it (exact keys, as Xapian's set_collapse_key needs).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace byline {

inline constexpr std::size_t kMinhashCount = 32;  // hashes per signature
inline constexpr std::size_t kBandRows = 4;       // hashes per LSH band: 8 bands
inline constexpr std::size_t kBandCount = kMinhashCount / kBandRows;
// Bodies with fewer shingles than this get no signature (too short to tell a
// copy from a coincidence).
inline constexpr std::size_t kMinShingles = 8;
// Estimated Jaccard similarity at or above which two bodies are the same story.
// With 8 bands of 4 rows, pairs at 0.6 are found with probability 0.65, at 0.8
// with 0.98 (1 - (1 - s^4)^8).
inline constexpr double kSameStoryJaccard = 0.6;

using MinhashSignature = std::array<std::uint32_t, kMinhashCount>;

// Lowercase words (ASCII letters and digits, and any non-ASCII byte, so other
// scripts form words too) of `text`.
std::vector<std::string> shingle_words(std::string_view text);

// Signature of the body's word 3-shingles; nullopt when it has fewer than
// kMinShingles. Stable across runs and machines (stored in databases).
std::optional<MinhashSignature> minhash_signature(std::string_view body);

// Fraction of equal positions: an estimate of the Jaccard similarity.
double estimated_jaccard(const MinhashSignature& a, const MinhashSignature& b);

// 128 bytes, little-endian, for the value slot; decode returns nullopt for a
// value of another length.
std::string encode_signature(const MinhashSignature& signature);
std::optional<MinhashSignature> decode_signature(std::string_view value);

// The kBandCount boolean terms "XB<band><16 hex>" of a signature.
std::vector<std::string> band_terms(const MinhashSignature& signature);

// The most similar already-indexed article sharing a band term with
// `signature` and at least kSameStoryJaccard similar (the first found among
// equals), skipping the document `self_id_term` (an article being replaced)
// and documents without a story key. Looks at no more than `max_candidates`
// documents per band, so a band shared by thousands of boilerplate bodies
// costs a bounded time. With `before`, only documents with a smaller id count
// as already indexed (the pass over a merged database,
// indexer/story_resolution.h, asks what a single writer would have found).
std::optional<Xapian::docid> find_most_similar(const Xapian::Database& db, const MinhashSignature& signature,
                                               const std::string& self_id_term, unsigned max_candidates = 64,
                                               Xapian::docid before = 0);

// The story key of find_most_similar's article.
std::optional<std::string> find_story(const Xapian::Database& db, const MinhashSignature& signature,
                                      const std::string& self_id_term, unsigned max_candidates = 64);

}  // namespace byline
