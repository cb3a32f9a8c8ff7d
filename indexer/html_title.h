#pragma once
// The headline of an HTML page, chosen by agreement among its signals.
//
// Candidates: the printed <h1>s (3+ words, or a CJK line) and the meta titles
// in order of preference — JSON-LD headline, og:title, twitter:title,
// parsely-title / sailthru.title / dc.title, <title> — each with the parts
// that name the site cut ("Headline - Site", "Site | Headline").
// Choice, first that applies:
//   0. the JSON-LD headline of an article-typed object: the publisher's own
//      field (og:title and <h1> are often teaser variants of it); an <h1>
//      that is its first half or more replaces it (a subtitle cut off);
//   1. an <h1> contained in a meta title and at least 60% of it (the printed
//      form wins: typographic quotes, no "Kicker:" prefix);
//   2. a meta title that another meta title agrees with, or the first meta
//      title when the page has no single <h1> to offer;
//   3. the page's only <h1> (meta titles that all differ are SEO variants;
//      the headline the reader sees is the article's);
//   4. the first meta title, else the first <h1> of any length.
// Comparisons ignore case, white space and punctuation (squash_text).

#include <string>
#include <string_view>
#include <vector>

#include "indexer/html_dom.h"
#include "indexer/html_metadata.h"

namespace byline {

struct TitleChoice {
  std::string title;
  std::string source;  // "dom:h1", "json-ld", "og", "meta:twitter:title", "title"…
};

TitleChoice choose_title(const HtmlDocument& doc, const PageMetadata& meta, const std::vector<std::string>& site_names);

// Lowercase letters and digits only (non-ASCII letters kept, typographic
// punctuation such as quotes, dashes and soft hyphens dropped): for comparing
// names and titles.
std::string squash_text(std::string_view text);
// True if `part` is one of the site's names (or nearly: "nytimes" in
// "The New York Times - nytimes.com").
bool names_site(std::string_view part, const std::vector<std::string>& site_names);
// Cuts leading and trailing parts that name the site: "Headline - Site News"
// -> "Headline", "Site | Headline" -> "Headline".
std::string strip_site_affixes(std::string title, const std::vector<std::string>& site_names);

}  // namespace byline
