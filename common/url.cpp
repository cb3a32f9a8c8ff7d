#include "common/url.h"

#include <vector>

#include "common/text.h"

namespace byline {

namespace {

struct UrlParts {
  std::string scheme;
  std::string_view authority;
  std::string_view path;   // includes leading '/'
  std::string_view query;  // without '?'
  bool ok = false;
};

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  url = trim(url);
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0) return parts;
  parts.scheme = ascii_lower(url.substr(0, colon));
  if (parts.scheme != "http" && parts.scheme != "https") return parts;
  std::string_view rest = url.substr(colon + 3);
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const std::size_t path_start = rest.find_first_of("/?");
  parts.authority = rest.substr(0, path_start);
  if (path_start != std::string_view::npos) {
    std::string_view tail = rest.substr(path_start);
    const std::size_t q = tail.find('?');
    parts.path = tail.substr(0, q);
    if (q != std::string_view::npos) parts.query = tail.substr(q + 1);
  }
  parts.ok = !parts.authority.empty();
  return parts;
}

std::string host_of(std::string_view authority, bool strip_www) {
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority = authority.substr(at + 1);
  if (const std::size_t colon = authority.rfind(':');
      colon != std::string_view::npos && authority.find(']') == std::string_view::npos)
    authority = authority.substr(0, colon);
  std::string host = ascii_lower(authority);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (strip_www && host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

bool is_tracking_parameter(std::string_view name) {
  static constexpr std::string_view kNames[] = {"fbclid", "gclid", "dclid", "mc_cid", "mc_eid",
                                                "ref", "ref_src", "cmpid", "ocid", "igshid"};
  if (istarts_with(name, "utm_")) return true;
  for (std::string_view known : kNames)
    if (iequals(name, known)) return true;
  return false;
}

}  // namespace

bool is_http_url(std::string_view url) { return split_url(url).ok; }

std::string url_host(std::string_view url) {
  const UrlParts parts = split_url(url);
  return parts.ok ? host_of(parts.authority, true) : std::string();
}

std::string url_path(std::string_view url) {
  const UrlParts parts = split_url(url);
  return parts.ok ? std::string(parts.path) : std::string();
}

std::string canonical_url(std::string_view url) {
  const UrlParts parts = split_url(url);
  if (!parts.ok) return std::string(trim(url));
  std::string host = host_of(parts.authority, false);
  std::string_view authority = parts.authority;
  std::string port;
  if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    port = std::string(authority.substr(colon + 1));
    if ((parts.scheme == "http" && port == "80") || (parts.scheme == "https" && port == "443")) port.clear();
  }
  std::string out = parts.scheme + "://" + host;
  if (!port.empty()) out += ":" + port;
  out += parts.path.empty() ? std::string_view("/") : parts.path;
  std::string query;
  for (std::string_view param : split(parts.query, '&')) {
    if (param.empty()) continue;
    const std::string_view name = param.substr(0, param.find('='));
    if (is_tracking_parameter(name)) continue;
    if (!query.empty()) query += '&';
    query += param;
  }
  if (!query.empty()) out += "?" + query;
  return out;
}

}  // namespace byline
