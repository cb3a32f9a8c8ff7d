#include "indexer/near_duplicates.h"

#include <algorithm>
#include <limits>
#include <set>

#include <fmt/format.h>

#include "common/hash.h"
#include "common/schema.h"

namespace byline {

namespace {

// splitmix64's finaliser: a fixed, well-mixed permutation of 64-bit values.
std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::vector<std::string> shingle_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_word_byte(c)) {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::optional<MinhashSignature> minhash_signature(std::string_view body) {
  const std::vector<std::string> words = shingle_words(body);
  if (words.size() < 3) return std::nullopt;
  std::set<std::uint64_t> shingles;
  for (std::size_t i = 0; i + 2 < words.size(); ++i)
    shingles.insert(stable_hash64(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]));
  if (shingles.size() < kMinShingles) return std::nullopt;
  MinhashSignature signature;
  signature.fill(std::numeric_limits<std::uint32_t>::max());
  for (const std::uint64_t shingle : shingles)
    for (std::size_t k = 0; k < kMinhashCount; ++k) {
      const auto h = static_cast<std::uint32_t>(mix64(shingle ^ mix64(k + 1)) >> 32);
      signature[k] = std::min(signature[k], h);
    }
  return signature;
}

double estimated_jaccard(const MinhashSignature& a, const MinhashSignature& b) {
  std::size_t equal = 0;
  for (std::size_t k = 0; k < kMinhashCount; ++k) equal += a[k] == b[k];
  return static_cast<double>(equal) / kMinhashCount;
}

std::string encode_signature(const MinhashSignature& signature) {
  std::string out;
  out.reserve(kMinhashCount * 4);
  for (const std::uint32_t h : signature)
    for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((h >> shift) & 0xff);
  return out;
}

std::optional<MinhashSignature> decode_signature(std::string_view value) {
  if (value.size() != kMinhashCount * 4) return std::nullopt;
  MinhashSignature signature;
  for (std::size_t k = 0; k < kMinhashCount; ++k) {
    std::uint32_t h = 0;
    for (int b = 3; b >= 0; --b) h = (h << 8) | static_cast<unsigned char>(value[k * 4 + static_cast<std::size_t>(b)]);
    signature[k] = h;
  }
  return signature;
}

std::vector<std::string> band_terms(const MinhashSignature& signature) {
  const std::string encoded = encode_signature(signature);
  std::vector<std::string> terms;
  for (std::size_t band = 0; band < kBandCount; ++band)
    terms.push_back(fmt::format("{}{}{}", schema::prefix::kFingerprintBand, band,
                                stable_hash_hex(std::string_view(encoded).substr(band * kBandRows * 4, kBandRows * 4))));
  return terms;
}

std::optional<Xapian::docid> find_most_similar(const Xapian::Database& db, const MinhashSignature& signature,
                                               const std::string& self_id_term, unsigned max_candidates,
                                               Xapian::docid before) {
  double best_similarity = 0;
  std::optional<Xapian::docid> best;
  std::set<Xapian::docid> seen;
  for (const std::string& term : band_terms(signature)) {
    unsigned looked = 0;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && looked < max_candidates; ++it, ++looked) {
      if (before != 0 && *it >= before) break;  // posting lists are in docid order
      if (!seen.insert(*it).second) continue;
      const Xapian::Document doc = db.get_document(*it);
      if (!self_id_term.empty()) {
        auto t = doc.termlist_begin();
        t.skip_to(self_id_term);
        if (t != doc.termlist_end() && *t == self_id_term) continue;
      }
      const auto other = decode_signature(doc.get_value(schema::slot::kFingerprint));
      if (!other || doc.get_value(schema::slot::kStory).empty()) continue;
      const double similarity = estimated_jaccard(signature, *other);
      if (similarity >= kSameStoryJaccard && similarity > best_similarity) {
        best_similarity = similarity;
        best = *it;
      }
    }
  }
  return best;
}

std::optional<std::string> find_story(const Xapian::Database& db, const MinhashSignature& signature,
                                      const std::string& self_id_term, unsigned max_candidates) {
  const std::optional<Xapian::docid> best = find_most_similar(db, signature, self_id_term, max_candidates);
  if (!best) return std::nullopt;
  return db.get_document(*best).get_value(schema::slot::kStory);
}

}  // namespace byline
