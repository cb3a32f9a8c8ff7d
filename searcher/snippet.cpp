#include "searcher/snippet.h"

#include "common/text.h"

namespace byline {

namespace {

// As Xapian's snippets escape the text between the highlights.
void append_escaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string lead_snippet(std::string_view text, std::size_t max_bytes, std::string_view omit) {
  // Only the first max_bytes of the collapsed text are shown: collapsing a
  // lead long enough gives them as the whole text would (a run of spaces
  // cut at the lead's end changes only its last bytes), without a pass over
  // a long body for every hit found by its title.
  const std::size_t lead_bytes = 4 * max_bytes + 64;
  std::string line = collapse_whitespace(text.substr(0, lead_bytes));
  if (text.size() > lead_bytes && line.size() <= max_bytes + 1) line = collapse_whitespace(text);
  std::string out;
  if (line.size() <= max_bytes) {
    append_escaped(out, line);
    return out;
  }
  std::size_t cut = line.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut == 0) {
    cut = max_bytes;
    while (cut > 0 && is_continuation_byte(line[cut])) --cut;
  }
  append_escaped(out, std::string_view(line).substr(0, cut));
  out += omit;
  return out;
}

std::string make_snippet(const Xapian::MSet& mset, const std::string& text, const SearchRequest& request,
                         const Xapian::Stem& stemmer) {
  // No SNIPPET_BACKGROUND_MODEL: it weighs every word of the text by its
  // frequency in the index, one B-tree lookup per word, which was 42% of a
  // selective query's time on the 321k archive (and half its p50). The
  // window is then chosen by the matched words alone.
  std::string window = collapse_whitespace(mset.snippet(text, request.snippet_chars, stemmer,
                                                        Xapian::MSet::SNIPPET_EXHAUSTIVE, request.highlight_start,
                                                        request.highlight_end, "…"));
  // With no matched word every window weighs nothing and Xapian's choice is
  // arbitrary (often the text's end): the lead says more.
  if (!request.highlight_start.empty() && window.find(request.highlight_start) == std::string::npos)
    return lead_snippet(text, request.snippet_chars, "…");
  return window;
}

}  // namespace byline
