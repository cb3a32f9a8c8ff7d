#pragma once
// Furniture marking: which elements of a page are never article text, judged
// from the element alone (tag, ARIA role, visibility, class/id words) and the
// amount of prose below it. The first step of html_body.h's extraction.
//
// Rules, in order (an element inside itemprop=articleBody, or an ancestor of
// one, is exempt from all but the tag rule):
//   - tags that never hold article text (script, nav, aside, footer, form
//     controls, media, dialog…) and furniture ARIA roles (navigation, banner,
//     dialog, aria-modal…);
//   - hidden elements (hidden attribute, display:none, screen-reader-only and
//     "hidden" classes) — a "hidden" class on the element that holds most of
//     the page's prose is a script's reveal trick and is ignored;
//   - class/id words that say furniture (share, related, comment, cookie,
//     promo, ad…), unless the element is full of prose (templates misname
//     article wrappers "entry-content social-ready"). Consent, cookie,
//     newsletter, paywall-offer and modal words take no such exception except
//     for an <article>/<main> element: their boxes are written in paragraphs.
//   - inline elements inside a paragraph (a link with class "auto-tag") are
//     never pruned by their class: they are words of the sentence.
// Elements marked article/main or with article-like class words get a score
// bonus (1.25), the microdata article body 2.0.

#include <vector>

#include "indexer/html_dom.h"

namespace byline {

struct FurnitureMarks {
  std::vector<char> pruned;   // per node: 1 when the element and its subtree are furniture
  std::vector<double> bonus;  // per node: score multiplier inherited from ancestors
};

FurnitureMarks mark_furniture(const HtmlDocument& doc);

// True if a lowercase "class id" string carries a furniture word. Exposed for tests.
bool has_furniture_hint(std::string_view class_id);

}  // namespace byline
