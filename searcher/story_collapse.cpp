#include "searcher/story_collapse.h"

#include "common/errors.h"
#include "common/schema.h"
#include "common/stored_fields.h"

namespace byline {

std::vector<Hit::Copy> story_copies(const Xapian::Database& db, const Xapian::Query& query, const std::string& story,
                                    unsigned& total) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(schema::boolean_term(schema::prefix::kStory, story))));
  auto* maker = new Xapian::MultiValueKeyMaker;
  maker->add_value(schema::slot::kPublished, false, std::string(16, '\xff'));  // undated last
  enquire.set_sort_by_key_then_relevance(maker->release(), false);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet mset = enquire.get_mset(0, kMaxCopiesListed, db.get_doccount());
  total = mset.get_matches_estimated();
  std::vector<Hit::Copy> copies;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit::Copy copy;
    try {
      const Article a = decode_stored_fields(it.get_document().get_data());
      copy = {a.id, a.site, a.published ? a.published->iso8601_local() : std::string(), a.url};
    } catch (const IndexError&) {
      copy.id = "docid:" + std::to_string(*it);
    }
    copies.push_back(std::move(copy));
  }
  return copies;
}

}  // namespace byline
