#include "indexer/duplicate_ids.h"

#include <string>
#include <vector>

#include "common/schema.h"

namespace byline {

std::uint64_t remove_duplicate_ids(Xapian::WritableDatabase& db) {
  const std::string prefix(schema::prefix::kId);
  // Collected first: deleting while the term list is read would change it under us.
  std::vector<Xapian::docid> older_copies;
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    if (term.get_termfreq() < 2) continue;
    std::vector<Xapian::docid> docids(db.postlist_begin(*term), db.postlist_end(*term));
    older_copies.insert(older_copies.end(), docids.begin(), docids.end() - 1);  // the last one stays
  }
  for (const Xapian::docid docid : older_copies) db.delete_document(docid);
  return older_copies.size();
}

}  // namespace byline
