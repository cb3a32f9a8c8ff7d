#pragma once
// Turns an Article into a Xapian document following common/schema.h: boolean
// terms for filters, positional free text (title weighted above body), value
// slots for sorting and facets, and the stored fields as document data.
// Not thread-safe: use one builder per thread.

#include <optional>

#include <xapian.h>

#include "common/analyzer.h"
#include "common/article.h"

namespace byline {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const Analyzer& analyzer);
  // The database the documents go into: unprefixed words are then added to
  // its spelling table (for "did you mean"), and near-duplicate bodies of
  // articles already in it give a new article their story key. Without it a
  // document still gets its fingerprint, and its own id as story key.
  void attach(Xapian::WritableDatabase db);
  Xapian::Document build(const Article& article);

 private:
  Xapian::TermGenerator generator_;
  std::optional<Xapian::WritableDatabase> db_;
};

// The unique term of an article ("Q" + id), used with replace_document.
std::string id_term(const std::string& article_id);

}  // namespace byline
