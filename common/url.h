#pragma once
// URL helpers: enough of RFC 3986 to derive a site and a stable article id.

#include <string>
#include <string_view>

namespace byline {

// Host of an absolute http(s) URL, lowercased, without "www." or a port; empty
// if `url` is not absolute.
std::string url_host(std::string_view url);
// The path of an absolute URL ("/world/story-123.html"), "" if none.
std::string url_path(std::string_view url);
// Canonical form used for ids: lowercase scheme and host, no fragment, no
// default port, tracking parameters (utm_*, fbclid, gclid…) removed.
std::string canonical_url(std::string_view url);
// True for "http://…" and "https://…".
bool is_http_url(std::string_view url);

}  // namespace byline
