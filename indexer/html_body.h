#pragma once
// The article text of an HTML page without the page's furniture.
//
// How (our own code, in the spirit of Readability, jusText and trafilatura):
//  1. Prune: elements that are never article text (script, nav, aside, footer,
//     forms controls, hidden elements, ARIA navigation/banner roles) and
//     elements whose class or id says furniture (share, related, recommend,
//     comment, newsletter, cookie, trending, promo, ad, breadcrumb…) unless
//     they hold the marked article body.
//  2. Cut the rest into text blocks at block-level element boundaries, each
//     with its length (CJK characters weigh more) and link density.
//  3. Classify blocks: good (long, few links), near-good, short (neutral) or
//     bad (link lists). Text confirmed by the publisher's JSON-LD articleBody
//     or inside itemprop=articleBody counts extra.
//  4. The container is the element whose subtree maximises
//     sum(good) - sum(bad): it takes in an article split by ads and leaves out
//     sidebars and related-story lists.
//  5. Inside it, good blocks are kept, bad ones dropped, and short ones
//     (subheadings, datelines, short paragraphs) kept only between good text;
//     boilerplate lines ("Advertisement", "Also read: …", "Share this") and a
//     repeat of the headline are dropped.
// Paragraphs are joined with "\n\n".
//
// Site-level repetition (blocks that recur on many pages of the same site) is
// the next improvement: `BodyHints::is_site_boilerplate` is the hook a caller
// with a per-site block-frequency table can fill.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/html_dom.h"

namespace byline {

struct BodyHints {
  std::string title;         // the article's headline, to drop its repeat
  std::string article_body;  // JSON-LD articleBody, when the page has one
  // Optional: true for a block's text known to repeat across the site.
  std::function<bool(std::string_view)> is_site_boilerplate;
};

struct BodyResult {
  std::string text;        // paragraphs separated by "\n\n"; empty if none found
  int container = -1;      // the chosen element, -1 if none
  std::size_t words = 0;   // words in `text`
  double page_link_density = 0;  // share of the page's (pruned) text inside links
  std::size_t page_chars = 0;    // weighted length of all the page's text blocks
  std::vector<std::string> notes;
};

BodyResult extract_body(const HtmlDocument& doc, const BodyHints& hints);

// Weighted length used for block scoring: code points, CJK counted 3 times
// (one CJK character carries about as much as a short word). Exposed for tests.
std::size_t weighted_length(std::string_view text);

}  // namespace byline
