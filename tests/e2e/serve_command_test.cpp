// End-to-end: `byline serve` over the bundled corpus, asked over real HTTP
// (cpp-httplib's client): the API answers as `byline search --json` does, the
// page is served with its security headers, SIGTERM ends the server cleanly,
// and a port in use or a missing index is a clear error.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/corpus_index.h"
#include "support/run_command.h"

using namespace byline::test;
using nlohmann::json;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A `byline serve --port 0` process, stopped with SIGTERM at the end.
class Server {
 public:
  explicit Server(const std::string& db, const std::string& extra = "") {
    err_path_ = scratch_dir("serve-log") + "/err.txt";
    pid_ = ::fork();
    if (pid_ == 0) {
      const int err = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, 2);
      const std::string command = std::string("exec ") + shell_quote(BYLINE_BINARY) + " serve --port 0 --db " +
                                  shell_quote(db) + " " + extra;
      ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // The server names its port on stderr once it listens.
    const std::string listening = "on http://127.0.0.1:";
    for (int wait = 0; wait < 1000 && port_ == 0; ++wait) {
      const std::string log = read_file(err_path_);
      const std::size_t at = log.find(listening);
      if (at != std::string::npos && log.find("/ ", at) != std::string::npos)
        port_ = std::stoi(log.substr(at + listening.size()));
      else std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (port_ == 0) {  // it never listened: no process is left behind
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      pid_ = 0;
    }
    REQUIRE(port_ > 0);
  }
  ~Server() {
    if (pid_ > 0) stop();
  }
  // SIGTERM; the exit status.
  int stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }
  int port() const { return port_; }
  std::string log() const { return read_file(err_path_); }

 private:
  pid_t pid_ = 0;
  int port_ = 0;
  std::string err_path_;
};

json without_timing(json j) {
  j.erase("took_ms");
  return j;
}

}  // namespace

TEST_CASE("serve: the API answers as byline search --json does", "[e2e][serve]") {
  Server server(corpus_db());
  httplib::Client client = server.client();
  for (const auto& [query, options, params] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"monsoon", "", ""},
           {"flood section:india", "--sort newest -n 5 --facets section,site,date:year",
            "&sort=newest&limit=5&facets=section,site,date:year"},
           {"cyclone", "--no-collapse --offset 2", "&collapse=0&offset=2"}}) {
    INFO(query << " " << options);
    const CommandResult cli = run_byline("search --json --db " + shell_quote(corpus_db()) + " " + options + " " + shell_quote(query));
    REQUIRE(cli.exit_code == 0);
    const httplib::Result res = client.Get(("/api/search?q=" + httplib::detail::encode_query_param(query) + params).c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK(without_timing(json::parse(res->body)) == without_timing(json::parse(cli.out)));
  }
  // The timeline too, as `byline timeline --json` prints it.
  const CommandResult timeline =
      run_byline("timeline --json --by section --period year --db " + shell_quote(corpus_db()) + " monsoon");
  REQUIRE(timeline.exit_code == 0);
  const httplib::Result res = client.Get("/api/timeline?q=monsoon&by=section&period=year");
  REQUIRE(res);
  CHECK(json::parse(res->body) == json::parse(timeline.out));

  // Each request is logged with its status.
  CHECK(server.log().find("GET /api/search?q=monsoon 200") != std::string::npos);

  const httplib::Result bad = client.Get("/api/search?q=title:(monsoon");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(json::parse(bad->body)["error"]["kind"] == "query syntax");
  const httplib::Result post = client.Post("/api/search", "", "text/plain");
  REQUIRE(post);
  CHECK(post->status == 405);
  CHECK(json::parse(post->body)["error"]["kind"] == "usage");
  // Another name for the loopback address (DNS rebinding) is refused, and
  // no other origin is allowed to read the answers.
  const httplib::Result rebound = client.Get("/api/health", {{"Host", "archive.attacker.example"}});
  REQUIRE(rebound);
  CHECK(rebound->status == 403);
  CHECK(client.Get("/api/health", {{"Host", "localhost:" + std::to_string(server.port())}})->status == 200);
  CHECK_FALSE(client.Get("/api/health")->has_header("Access-Control-Allow-Origin"));
  const httplib::Result missing = client.Get("/nothing-here");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(json::parse(missing->body)["error"]["kind"] == "not found");
}

TEST_CASE("serve: the search page is served with a content security policy", "[e2e][serve]") {
  Server server(corpus_db());
  const httplib::Result page = server.client().Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
  // The page built in is server/web/index.html as it stands in the source tree.
  CHECK(page->body == read_file(source_path("server/web/index.html")));
  const json info = json::parse(server.client().Get("/api/info")->body);
  CHECK(info["articles"].get<int>() > 100);
}

TEST_CASE("serve: SIGTERM stops it with exit 0; a busy port and a missing index are errors", "[e2e][serve]") {
  Server server(corpus_db(), "--threads 2");
  CHECK(server.client().Get("/api/health")->status == 200);

  // Under `timeout`: a server that did start on the busy port would never end.
  const CommandResult busy = run_shell("timeout 20 " + shell_quote(BYLINE_BINARY) + " serve --db " + shell_quote(corpus_db()) +
                                       " --port " + std::to_string(server.port()));
  CHECK(busy.exit_code == 2);
  CHECK(busy.err.find("cannot listen on 127.0.0.1:" + std::to_string(server.port())) != std::string::npos);

  CHECK(server.stop() == 0);
  CHECK(server.log().find("byline serve: stopped") != std::string::npos);

  const CommandResult none =
      run_shell("timeout 20 " + shell_quote(BYLINE_BINARY) + " serve --port 0 --db " + shell_quote(scratch_dir("serve-none") + "/db"));
  CHECK(none.exit_code == 4);
}
