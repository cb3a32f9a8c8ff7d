#pragma once
// The search page `byline serve` gives at `/`: server/web/index.html, built
// into the executable (server/CMakeLists.txt) so that a server is one file.
// It calls the JSON API of server/api.h from the browser.

#include <string_view>

namespace byline {

std::string_view web_page();

}  // namespace byline
