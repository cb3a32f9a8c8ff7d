#pragma once
// Readable labels for section keys. The indexer records the first label seen
// for each key as metadata (byline.section_label.<key>); an index written
// without it falls back to the label stored in a document of that section,
// then to the key itself. Lookups are cached: one instance per search or per
// `info` run, not shared between threads.

#include <map>
#include <string>

#include <xapian.h>

namespace byline {

class SectionLabels {
 public:
  explicit SectionLabels(Xapian::Database db) : db_(std::move(db)) {}
  const std::string& label(const std::string& key);

 private:
  std::string look_up(const std::string& key) const;

  Xapian::Database db_;
  std::map<std::string, std::string> cache_;
};

}  // namespace byline
