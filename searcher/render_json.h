#pragma once
// Render stage, JSON: the stable machine-readable form of a search result and
// of an archive description, documented field by field in docs/json-output.md.
// Fields may be added in later versions; none is removed or renamed.

#include <string>

#include "searcher/archive_info.h"
#include "searcher/search_result.h"

namespace byline {

// One JSON document, without a trailing newline; `indent` < 0 gives one line.
std::string render_json(const SearchResult& result, int indent = -1);
std::string render_json(const ArchiveInfo& info, int indent = -1);

}  // namespace byline
