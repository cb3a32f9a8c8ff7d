#pragma once
// Parse stage of the search pipeline: a query string in byline's query
// language (docs/query-language.md) becomes a Xapian::Query. The analyzer comes
// from the database, so query terms are stemmed exactly as the index was.
// Not thread-safe (Xapian::QueryParser keeps state): one builder per thread.

#include <string>

#include <xapian.h>

#include "common/analyzer.h"

namespace byline {

class QueryBuilder {
 public:
  // `db` is used for wildcard expansion and for the date range of open
  // `date:` ranges; it is kept (Xapian databases are reference-counted).
  QueryBuilder(Xapian::Database db, const Analyzer& analyzer);

  // "" or only white space → Xapian::Query::MatchAll. Throws QuerySyntaxError
  // with a message pointing at the problem.
  Xapian::Query build(const std::string& text) const;

 private:
  mutable Xapian::QueryParser parser_;
};

}  // namespace byline
