#include <pthread.h>
#include <signal.h>

#include <memory>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "server/http_server.h"
#include "server/searcher_pool.h"

namespace byline::cli {

namespace {

struct ServeConfig {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  unsigned threads = 8;
  unsigned max_limit = 100;
  bool quiet = false;
};

int run_serve(const ServeConfig& config) {
  // SIGINT and SIGTERM are taken by one thread that stops the server, so
  // that requests in progress are answered before the process ends. Blocked
  // first: the server's threads inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  SearcherPool pool(config.db);  // a missing or incompatible index stops here (exit 4)
  ServerOptions options;
  options.host = config.host;
  options.port = config.port;
  options.threads = config.threads;
  options.log = config.quiet ? nullptr : stderr;
  options.api.max_limit = config.max_limit;
  HttpServer server(pool, options);
  const int port = server.bind();
  const Xapian::doccount articles = (*pool.lease()).database().get_doccount();
  fmt::print(stderr, "byline serve: {} articles from {} on http://{}:{}/ (Ctrl-C stops)\n", articles, config.db,
             config.host.find(':') == std::string::npos ? config.host : "[" + config.host + "]", port);
  std::fflush(stderr);

  std::thread([&server, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
  }).detach();
  server.run();
  fmt::print(stderr, "byline serve: stopped\n");
  return 0;
}

}  // namespace

Runner add_serve_command(CLI::App& app) {
  auto config = std::make_shared<ServeConfig>();
  CLI::App* cmd =
      app.add_subcommand("serve", "Serve an index over HTTP: a search page with facets, and a JSON API (docs/http-api.md)");
  cmd->add_option("--db", config->db, "Database folder made by `byline index`")->required();
  cmd->add_option("--host", config->host, "Address to listen on (0.0.0.0 for every interface)")->capture_default_str();
  cmd->add_option("--port", config->port, "Port to listen on; 0 picks a free one")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--threads", config->threads, "Requests served at once")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  cmd->add_option("--max-limit", config->max_limit, "Most hits one request may ask for (limit=)")
      ->check(CLI::Range(1u, 10000u))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", config->quiet, "No request log on stderr");
  return [config] { return run_serve(*config); };
}

}  // namespace byline::cli
