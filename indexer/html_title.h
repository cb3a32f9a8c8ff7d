#pragma once
// The headline of an HTML page, chosen by agreement among its signals.
//
// Candidates: the printed <h1>s (3+ words, or a CJK line; an <h1> that only
// names the site is its logo and is left out) and the meta titles in order of
// preference — JSON-LD headline, og:title, twitter:title, parsely-title /
// sailthru.title / dc.title, <title> — each with the parts that name the site
// cut ("Headline - Site", "Site | Headline", "Headline:SiteBlog").
// Choice, first that applies:
//   0. the JSON-LD headline of an article-typed object: the publisher's own
//      field (og:title and <h1> are often teaser variants of it); an <h1>
//      that is its first half or more replaces it (a subtitle cut off);
//   1. an <h1> contained in a meta title and at least 60% of it (the printed
//      form wins: typographic quotes, no "Kicker:" prefix);
//   2. the page's only headline-like <h1>, even against meta titles that agree
//      with each other (share-card and search variants, copied from one field
//      to the next) — unless the <h1> is a meta title with a kicker glued in
//      front ("Kicker - Headline"), when that meta title is the headline;
//   3. with several <h1>s or none, the meta title most others agree with
//      (the first in order of preference on a tie);
//   4. the first <h1> of any length.
// A site affix is cut only when it names the site (site_names: og:site_name,
// JSON-LD publisher, application-name, twitter:site, the host); a suffix
// naming an author or a section is kept.
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
