#pragma once
// `byline serve`'s transport: cpp-httplib serving the search page at `/` and
// the JSON API (server/api.h) at /api/…, on a pool of threads that each lease
// a searcher per request (server/searcher_pool.h).

#include <cstdio>
#include <memory>
#include <string>

#include "server/api.h"

namespace httplib {
class Server;
}

namespace byline {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback by default: exposing an archive is the user's choice
  int port = 8080;                 // 0: any free port (bind() says which)
  unsigned threads = 8;            // requests served at once
  std::FILE* log = stderr;         // one line per request; nullptr for none
  ApiOptions api;
};

class HttpServer {
 public:
  HttpServer(SearcherPool& pool, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address; returns the port. Throws UsageError when the address
  // cannot be bound (in use, not this machine's).
  int bind();
  // Serves until stop(); call after bind().
  void run();
  // From any thread: ends run() once the requests in progress are answered.
  void stop();

 private:
  void log_line(const std::string& line) const;

  SearcherPool& pool_;
  ServerOptions options_;
  Api api_;
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace byline
