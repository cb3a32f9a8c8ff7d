#include "indexer/capture_deduplicator.h"

#include <string>

#include "common/hash.h"
#include "common/url.h"

namespace byline {

std::uint64_t CaptureDeduplicator::key(std::string_view url, std::string_view digest) {
  std::string material = canonical_url(url);
  material += '\n';
  material += digest;
  return stable_hash64(material);
}

bool CaptureDeduplicator::first_capture(std::string_view url, std::string_view digest) {
  return keys_.insert(key(url, digest)).second;
}

bool CaptureDeduplicator::seen(std::string_view url, std::string_view digest) const {
  return keys_.count(key(url, digest)) > 0;
}

}  // namespace byline
