#pragma once
// Turns an Article into a Xapian document following common/schema.h: boolean
// terms for filters, positional free text (title weighted above body), value
// slots for sorting and facets, and the stored fields as document data.
// Not thread-safe: use one builder per thread.

#include <optional>
#include <string_view>

#include <xapian.h>

#include "common/analyzer.h"
#include "common/article.h"

namespace byline {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const Analyzer& analyzer);
  // The database the documents go into: unprefixed words are then added to
  // its spelling table (for "did you mean"), and near-duplicate bodies of
  // articles already in it give a new article their story key. Without it (or
  // with `find_stories` false: a shard whose stories are resolved after the
  // merge) a document still gets its fingerprint, and its own id as story key;
  // with `spelling` false, no spelling data (a shard: see spelling_table.h).
  void attach(Xapian::WritableDatabase db, bool find_stories = true, bool spelling = true);
  Xapian::Document build(const Article& article);

 private:
  Xapian::TermGenerator generator_;
  std::optional<Xapian::WritableDatabase> db_;
  bool find_stories_ = false;
};

// True when the body already opens with the description (many exports fill
// both with the same lead paragraph): the description is then not posted a
// second time, which would double its words' weight and the indexing work.
bool body_repeats(std::string_view body, std::string_view description);

// The unique term of an article ("Q" + id), used with replace_document.
std::string id_term(const std::string& article_id);

}  // namespace byline
