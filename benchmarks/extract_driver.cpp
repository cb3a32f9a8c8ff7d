// byline_extract_driver: runs the HTML extractor over many pages in one
// process and prints one JSON object per page on stdout, for
// benchmarks/score_extraction.py. Timing and a summary go to stderr.
//
//   byline_extract_driver [--url URL] FILE...      (gzip or plain HTML)
//   byline_extract_driver --list -                 (stdin: "FILE<TAB>URL" lines)
//
// The pages carry no HTTP charset, so bytes are read as UTF-8 when valid, else
// in the <meta charset> named near the top (iconv), else as windows-1252. This
// is deliberately small: the indexer's charset module is the real one.

#include <iconv.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "indexer/article_json.h"
#include <string>
#include <vector>

#include "common/errors.h"
#include "common/input_stream.h"
#include "common/text.h"
#include "indexer/html_extractor.h"

namespace {

using byline::ascii_lower;

std::string declared_charset(std::string_view html) {
  const std::string head = ascii_lower(html.substr(0, 8192));
  std::size_t pos = head.find("charset=");
  if (pos == std::string::npos) return {};
  pos += 8;
  while (pos < head.size() && (head[pos] == '"' || head[pos] == '\'' || head[pos] == ' ')) ++pos;
  std::string name;
  while (pos < head.size() && (std::isalnum(static_cast<unsigned char>(head[pos])) || head[pos] == '-' ||
                               head[pos] == '_' || head[pos] == ':' || head[pos] == '.'))
    name += head[pos++];
  return name;
}

bool iconv_to_utf8(const std::string& charset, std::string_view in, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.assign(in.size() * 4 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  bool ok = true;
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == EILSEQ || errno == EINVAL) {  // skip one bad byte and go on
        ++src;
        --src_left;
        continue;
      }
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return ok;
}

std::string to_utf8(std::string bytes) {
  if (byline::is_valid_utf8(bytes)) return bytes;
  const std::string charset = declared_charset(bytes);
  if (!charset.empty() && charset != "utf-8" && charset != "utf8") {
    std::string out;
    if (iconv_to_utf8(charset, bytes, out)) return out;
  }
  return byline::cp1252_to_utf8(bytes);
}

nlohmann::json run_one(const std::string& path, const std::string& url) {
  nlohmann::json j;
  j["file"] = path;
  bool truncated = false;
  std::string bytes;
  try {
    auto in = byline::open_input(path);
    bytes = byline::read_all(*in, 128u << 20, &truncated);
  } catch (const byline::Error& e) {
    j["skip_reason"] = std::string("unreadable: ") + e.what();
    return j;
  }
  if (truncated) {
    j["skip_reason"] = "page too large (over 128 MiB)";
    return j;
  }
  byline::HtmlContext context;
  context.url = url;
  const byline::HtmlExtraction ex = byline::extract_html(to_utf8(std::move(bytes)), context);
  j["is_article"] = ex.is_article;
  j["skip_reason"] = ex.skip_reason;
  j["notes"] = ex.notes;
  if (!ex.article) return j;
  // The same fields as `byline extract --json`, so the scorer reads both alike.
  j.update(nlohmann::json::parse(byline::article_to_json(*ex.article)));
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::pair<std::string, std::string>> jobs;
  std::string url;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--url" && i + 1 < argc) {
      url = argv[++i];
    } else if (arg == "--list" && i + 1 < argc) {
      ++i;  // only "-" (stdin) is supported
      std::string line;
      while (std::getline(std::cin, line)) {
        if (line.empty()) continue;
        const std::size_t tab = line.find('\t');
        jobs.emplace_back(line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1));
      }
    } else if (arg == "-h" || arg == "--help") {
      std::cerr << "usage: byline_extract_driver [--url URL] FILE... | --list -\n";
      return 0;
    } else {
      jobs.emplace_back(arg, url);
    }
  }
  const auto start = std::chrono::steady_clock::now();
  double max_ms = 0;
  for (const auto& [path, page_url] : jobs) {
    const auto t0 = std::chrono::steady_clock::now();
    nlohmann::json j = run_one(path, page_url);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    max_ms = std::max(max_ms, ms);
    j["ms"] = ms;
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "extract_driver: %zu pages in %.2f s, %.1f pages/s, slowest %.1f ms\n", jobs.size(), seconds,
               seconds > 0 ? static_cast<double>(jobs.size()) / seconds : 0.0, max_ms);
  return 0;
}
