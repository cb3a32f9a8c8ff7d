#pragma once
// Parse stage of the search pipeline: a query string in byline's query
// language (docs/query-language.md) becomes a Xapian::Query. The analyzer comes
// from the database, so query terms are stemmed exactly as the index was.
// Not thread-safe (Xapian::QueryParser keeps state): one builder per thread.

#include <exception>
#include <memory>
#include <string>

#include <xapian.h>

#include "common/analyzer.h"
#include "searcher/column_filter.h"
#include "searcher/query_clock.h"
#include "searcher/search_request.h"

namespace byline {

// Most terms one trailing wildcard expands to (the most frequent are kept),
// so that `a*` cannot blow up a query.
inline constexpr unsigned kMaxWildcardTerms = 1000;

class QueryBuilder {
 public:
  // `db` is used for wildcard expansion, spelling and for the date range of
  // open `date:` ranges; it is kept (Xapian databases are reference-counted).
  // With a `columns` lookup, large `section:`, `site:`, `lang:` and `date:`
  // filters are read from the facet column (column_filter.h).
  QueryBuilder(Xapian::Database db, const Analyzer& analyzer, ColumnLookup columns = {});

  // "" or only white space → Xapian::Query::MatchAll. Throws QuerySyntaxError
  // with a message pointing at the problem. Relative dates are read against
  // `clock` (the system's when omitted).
  Xapian::Query build(const std::string& text) const;
  Xapian::Query build(const std::string& text, const QueryClock& clock) const;

  // Queries longer than this (kMaxQueryBytes by default) are refused with a
  // QuerySyntaxError before parsing.
  void set_max_query_bytes(std::size_t bytes) { max_query_bytes_ = bytes; }

  // The query with misspelt words replaced by the archive's most similar
  // frequent word (Xapian's spelling table, filled at index time); "" when
  // nothing would change or the index has no spelling data.
  std::string corrected(const std::string& text, const QueryClock& clock) const;

 private:
  mutable Xapian::QueryParser parser_;
  std::shared_ptr<QueryClock> clock_;
  // What a field processor threw during the current parse_query, raised once
  // it has returned (see GuardedFieldProcessor in query_builder.cpp).
  std::shared_ptr<std::exception_ptr> field_error_;
  std::size_t max_query_bytes_ = kMaxQueryBytes;
};

}  // namespace byline
