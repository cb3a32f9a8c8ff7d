#pragma once
// The searcher: parse → query → collect. A SearchRequest goes in, a plain
// SearchResult comes out (hits with snippets, exact counts, facets); rendering
// is the caller's (render_text.h, render_json.h).
//
// Thread safety: a Searcher holds a Xapian::Database and a QueryParser, neither
// of which may be used from two threads at once. Use one Searcher per thread.

#include <string>

#include <xapian.h>

#include "common/analyzer.h"
#include "searcher/facet_column.h"
#include "searcher/query_builder.h"
#include "searcher/search_request.h"
#include "searcher/search_result.h"

namespace byline {

// Opens a byline database read-only. Throws IndexError naming the path when
// there is nothing there or Xapian cannot open it. Does not check the schema
// (Analyzer::from_database does).
Xapian::Database open_index(const std::string& path);

class Searcher {
 public:
  // Throws IndexError (exit code 4) if the database is missing, unreadable,
  // not a byline index or of another schema version.
  explicit Searcher(const std::string& db_path);
  // For tests and for callers that already hold a database (in-memory or
  // several shards combined with add_database). Same checks.
  explicit Searcher(Xapian::Database db);
  // Not copyable: a copy would share the query parser, which is not
  // thread-safe, while looking like a second searcher for another thread.
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;
  Searcher(Searcher&&) = default;
  Searcher& operator=(Searcher&&) = default;

  // Throws QuerySyntaxError (exit code 5) when the query cannot be parsed.
  // Searches run while an indexer commits: when a commit overwrites the
  // revision being read (Xapian::DatabaseModifiedError) the database is
  // reopened at the newest revision and the search restarted, up to
  // kModifiedRetries times (an indexer commits every few seconds at most, so
  // one retry nearly always suffices); other Xapian errors (I/O) propagate.
  SearchResult search(const SearchRequest& request) const;

  // Moves to the newest committed revision; true when there was a newer one.
  // A long-lived caller (a server) may call it between requests.
  bool refresh() const;

  static constexpr int kModifiedRetries = 10;

  // The Xapian query `query` parses to, for `--explain` and tests.
  std::string describe_query(const std::string& query) const;
  std::string describe_query(const std::string& query, const QueryClock& clock) const;

  // The query a request matches (its text, or articles like `like_id`
  // filtered by its text), without recency or collapsing: for export and
  // timelines, which walk every match themselves.
  Xapian::Query matching_query(const SearchRequest& request) const;

  const Xapian::Database& database() const { return db_; }
  const Analyzer& analyzer() const { return analyzer_; }

 private:
  Xapian::Query like_query(const std::string& id) const;
  SearchResult search_once(const SearchRequest& request) const;

  // Mutable: reopening to a newer revision does not change what the searcher
  // is, and the query parser shares this handle, so it follows.
  mutable Xapian::Database db_;
  Analyzer analyzer_;
  // The analyzer's stemmer with a memory of its words, for snippets
  // (searcher/caching_stemmer.h).
  Xapian::Stem snippet_stemmer_;
  // Facet counts by document id, loaded on first use and after the revision
  // changed (reopen included). Shared with the query builder's filters, which
  // read it too (column_filter.h); a cache, so not part of the state.
  std::shared_ptr<FacetColumnCache> facet_columns_;
  // Mutable: each request sets its own query-length limit on it.
  mutable QueryBuilder builder_;
};

}  // namespace byline
