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
//     Teaser cards (html_teasers.h) count as link lists. When the container
//     holds several <article>s with text (an infinite-scroll page with the
//     next story appended), the one with the headline, else the first, is
//     kept.
//  5. Inside it, good blocks are kept, bad ones dropped, and short ones
//     (subheadings, datelines, short paragraphs) kept only between good text;
//     boilerplate lines ("Advertisement", "Also read: …", "Share this") and a
//     repeat of the headline are dropped.
// Paragraphs are joined with "\n\n".
//
// Site-level repetition (blocks that recur on many pages of the same site):
// `BodyHints::observe_blocks` and `is_site_boilerplate` connect a per-site
// model (site_boilerplate.h); html_extractor fills them from HtmlContext.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/html_dom.h"

namespace byline {

struct BodyHints {
  std::string title;         // the article's headline, to drop its repeat
  std::string url;           // the page's URL, to tell links to the same site (may be empty)
  std::string article_body;  // JSON-LD articleBody, when the page has one
  // Optional: called once with every text block of the page (before any is
  // judged), so a site model (site_boilerplate.h) can learn the page.
  std::function<void(const std::vector<std::string_view>&)> observe_blocks;
  // Optional: true for a block's text known to repeat across the site. Such
  // blocks count as furniture, unless they would take most of the page's
  // running text (then the page itself is what repeats, and the hint is ignored).
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
