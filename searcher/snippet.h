#pragma once
// A hit's snippet: the window of its text around the words the query
// matched, highlighted, or the text's lead when none of them is in the text
// (an article found by its title alone).

#include <cstddef>
#include <string>
#include <string_view>

#include <xapian.h>

#include "searcher/search_request.h"

namespace byline {

// Xapian's best window of about request.snippet_chars bytes of `text` (on one
// line), with request.highlight_start/end around the matched words; the lead
// when the window holds no match. With an empty highlight_start a missing
// match cannot be told and the window is kept.
std::string make_snippet(const Xapian::MSet& mset, const std::string& text, const SearchRequest& request,
                         const Xapian::Stem& stemmer);

// The first max_bytes of `text` or less, on one line, cut after a whole
// word (inside a word only when the first word alone is too long, then at a
// character boundary), HTML-escaped as Xapian's snippets are, followed by
// `omit` when something was cut.
std::string lead_snippet(std::string_view text, std::size_t max_bytes, std::string_view omit);

}  // namespace byline
