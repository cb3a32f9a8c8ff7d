#pragma once
// byline's HTTP JSON API without the HTTP: a GET path with its query
// parameters goes in, a status and a JSON body come out. The routes are
// tested without a socket, and the transport (server/http_server.h) stays a
// thin layer. docs/http-api.md documents every route and parameter.
//
//   GET /api/search?q=…    the document of `byline search --json`
//   GET /api/timeline?q=…  the document of `byline timeline --json`
//   GET /api/info          the document of `byline info --json`
//   GET /api/article?id=…  one article's stored fields, as `search --format jsonl` writes them
//   GET /api/health        {"status": "ok", "articles": N}
//
// Every error is JSON as well, {"error": {"message": …, "kind": …}}: 400 for
// a bad request (kind "query syntax" or "usage"), 404 for an unknown route
// or article ("not found"), 503 when the index cannot be read ("index"), and
// 500 for anything else ("internal", whose details go to the log only).

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "searcher/search_request.h"
#include "server/searcher_pool.h"

namespace byline {

// Query parameters by name; the same type as httplib::Params.
using ApiParams = std::multimap<std::string, std::string>;

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

struct ApiOptions {
  unsigned max_limit = 100;  // hits on one page
  // A server's own bounds (docs/limits.md): a query's bytes, offset + limit,
  // values per facet.
  SearchLimits limits{kMaxQueryBytes, 10000, 1000};
};

// The request `params` of /api/search ask for. Throws UsageError for an
// unknown or repeated parameter, or a value out of its range.
SearchRequest search_request_from(const ApiParams& params, const ApiOptions& options);

class Api {
 public:
  // `log` receives the details of internal errors, which clients do not see.
  Api(SearcherPool& pool, ApiOptions options, std::function<void(std::string_view)> log);

  // Any path: /api/… routes, a 404 for the rest.
  ApiResponse get(std::string_view path, const ApiParams& params) const;

 private:
  ApiResponse route(std::string_view path, const ApiParams& params) const;

  SearcherPool& pool_;
  ApiOptions options_;
  std::function<void(std::string_view)> log_;
};

// {"error": {"message": …, "kind": …}}
std::string error_body(std::string_view message, std::string_view kind);

}  // namespace byline
