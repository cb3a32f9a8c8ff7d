#include "searcher/archive_info.h"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "common/errors.h"
#include "common/schema.h"
#include "searcher/date_filter.h"
#include "searcher/section_labels.h"

namespace byline {

namespace {

// Every term with `prefix`, by term frequency (descending) then value.
// Values are what follows the prefix; hashed over-long values (schema.h)
// appear as their hash.
std::vector<FacetValue> count_terms(const Xapian::Database& db, std::string_view prefix) {
  const std::string p(prefix);
  std::vector<FacetValue> counts;
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
    const std::string value = (*it).substr(p.size());
    counts.push_back({value, value, it.get_termfreq()});
  }
  std::sort(counts.begin(), counts.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return counts;
}

std::uint64_t size_on_disk(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path.empty()) return 0;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  std::uint64_t total = 0;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

}  // namespace

ArchiveInfo describe_archive(const Xapian::Database& db, const std::string& path) {
  ArchiveInfo info;
  const std::string version = db.get_metadata(std::string(schema::metadata::kSchemaVersion));
  if (version.empty()) throw IndexError("'" + path + "' is not a byline index (no schema version recorded)");
  std::from_chars(version.data(), version.data() + version.size(), info.schema_version);
  info.stem_language = db.get_metadata(std::string(schema::metadata::kStemLanguage));
  info.created_by = db.get_metadata(std::string(schema::metadata::kCreatedBy));
  info.path = path;
  info.articles = db.get_doccount();
  for (const FacetValue& year : count_terms(db, schema::prefix::kYear)) info.dated_articles += year.count;
  if (const auto span = archive_day_span(db)) {
    info.first_day = span->first.iso();
    info.last_day = span->last.iso();
  }
  info.sections = count_terms(db, schema::prefix::kSection);
  SectionLabels labels(db);
  for (FacetValue& section : info.sections) section.label = labels.label(section.value);
  info.languages = count_terms(db, schema::prefix::kLanguage);
  info.sites = count_terms(db, schema::prefix::kSite);
  info.size_bytes = size_on_disk(path);
  return info;
}

}  // namespace byline
