#include "server/http_server.h"

#include <sys/socket.h>

#include <chrono>

#include <fmt/format.h>
#include <httplib.h>

#include "common/errors.h"
#include "server/web_page.h"

namespace byline {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

// The page runs only its own inline script and talks only to this server.
constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

bool is_loopback(std::string_view host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

// The host a request names in its Host header, without the port.
std::string_view host_named(std::string_view header) {
  if (header.starts_with('[')) return header.substr(1, header.find(']') - 1);  // [::1]:8080
  return header.substr(0, header.find(':'));
}

}  // namespace

HttpServer::HttpServer(SearcherPool& pool, ServerOptions options)
    : pool_(pool),
      options_(std::move(options)),
      api_(pool_, options_.api, [this](std::string_view line) { log_line(std::string(line)); }),
      http_(std::make_unique<httplib::Server>()) {
  const unsigned threads = options_.threads == 0 ? 1 : options_.threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a
  // second server on a port in use would start and take half its requests.
  http_->set_socket_options([](int socket) {
    const int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  // httplib writes a response's headers and body separately: with Nagle's
  // algorithm the body waited for the client's delayed ACK, 40 ms a request.
  http_->set_tcp_nodelay(true);
  http_->set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  // A search is a GET: nothing larger than its URL needs reading.
  http_->set_payload_max_length(64 * 1024);
  http_->set_read_timeout(std::chrono::seconds(10));
  http_->set_write_timeout(std::chrono::seconds(10));

  // No Access-Control-Allow-Origin: a page on another site must not read
  // the archive through the user's browser. Nor through DNS rebinding (its
  // own name pointed at 127.0.0.1, so that it counts as this origin): a
  // server on a loopback address answers only requests that name a loopback
  // host.
  if (is_loopback(options_.host)) {
    http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (is_loopback(host_named(req.get_header_value("Host")))) return httplib::Server::HandlerResponse::Unhandled;
      res.status = 403;
      res.set_content(error_body("a server on a loopback address answers requests for 127.0.0.1, localhost or [::1] "
                                 "only; use --host to serve another name",
                                 "usage"),
                      kJson);
      log_line(fmt::format("{} {} 403 (Host: {})", req.method, req.target, req.get_header_value("Host")));
      return httplib::Server::HandlerResponse::Handled;
    });
  }

  http_->Get("/", [this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kPagePolicy);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::string(web_page()), "text/html; charset=utf-8");
    log_line(fmt::format("{} {} 200", req.method, req.target));
  });
  http_->Get(R"(/api/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    const auto started = std::chrono::steady_clock::now();
    const ApiResponse answer = api_.get(req.path, req.params);
    res.status = answer.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(answer.body, kJson);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    log_line(fmt::format("{} {} {} {:.1f} ms", req.method, req.target, answer.status, ms));
  });
  // Anything else: a JSON 404 (or 405 for another method), not httplib's empty body.
  http_->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const bool not_get = req.method != "GET" && req.method != "HEAD";
    if (not_get) res.status = 405;
    res.set_content(not_get ? error_body(fmt::format("{} is not served: byline serve answers GET", req.method), "usage")
                            : error_body(fmt::format("no route {}", req.path), "not found"),
                    kJson);
  });
  http_->set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      log_line(fmt::format("{} {}: {}", req.method, req.target, e.what()));
    } catch (...) {
      log_line(fmt::format("{} {}: unknown exception", req.method, req.target));
    }
    res.status = 500;
    res.set_content(error_body("internal error", "internal"), kJson);
  });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
  const int port = options_.port == 0 ? http_->bind_to_any_port(options_.host)
                                      : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port < 0)
    throw UsageError(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", options_.host,
                                 options_.port));
  return port;
}

void HttpServer::run() { http_->listen_after_bind(); }

void HttpServer::stop() { http_->stop(); }

void HttpServer::log_line(const std::string& line) const {
  if (options_.log != nullptr) fmt::print(options_.log, "{}\n", line);
}

}  // namespace byline
