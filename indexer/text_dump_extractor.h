#pragma once
// Article extraction from plain-text page dumps: the text of a news page as a
// browser's "save as text" or a crawler's text export gives it, with the site's
// menus above and below, headline lists with their section labels, app banners
// and footers around the article. Also reads the simple "headline, blank line,
// paragraphs" form (as in the BBC folder dumps).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/date_time.h"

namespace byline {

struct TextDumpContext {
  std::string section_hint;  // e.g. the name of the folder the file was in ("sport")
  std::string url;           // when known from outside the file
  DateParseHints date_hints;  // country / numeric order if the caller knows them
};

struct TextDumpResult {
  std::optional<Article> article;  // finalize_article() already applied
  std::string skip_reason;         // set when !article ("empty file", "no article text"…)
  std::vector<std::string> notes;  // things assumed or dropped ("date: zone assumed")
};

// `text` must be valid UTF-8 (callers sanitise first). Never throws on bad input.
TextDumpResult extract_text_dump(std::string_view text, const TextDumpContext& context);

}  // namespace byline
