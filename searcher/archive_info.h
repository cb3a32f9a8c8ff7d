#pragma once
// What an index holds, for `byline info`: plain data gathered from the term
// and value statistics (no document is read except to find a missing section
// label), so it is fast on any size of archive.

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/search_result.h"

namespace byline {

struct ArchiveInfo {
  std::string path;               // as given; "" for an in-memory database
  std::uint64_t articles = 0;     // documents
  std::uint64_t dated_articles = 0;
  std::string first_day;          // "YYYY-MM-DD" (local day of publication), "" when nothing is dated
  std::string last_day;
  std::vector<FacetValue> sections;   // by count, then key; label as in search results
  std::vector<FacetValue> languages;  // ISO 639-1 codes by count; label = value
  std::vector<FacetValue> sites;      // hosts by count; label = value
  int schema_version = 0;             // as recorded in the database
  std::string stem_language;          // as recorded ("english", "none")
  std::string created_by;             // "byline 0.1.0"
  std::uint64_t size_bytes = 0;       // files under `path`; 0 for an in-memory database
};

// Throws IndexError when `db` holds no byline schema version at all. Another
// version is reported as recorded (so `byline info` can say what it found) but
// the counts then follow this build's schema and may be meaningless.
ArchiveInfo describe_archive(const Xapian::Database& db, const std::string& path);

}  // namespace byline
