#pragma once
// Teaser cards: the "more stories" furniture that carries no telling class
// name. A card is a small element holding one heading whose text is a link
// to another page of the same site, plus at most a short standfirst; cards
// come as siblings (a grid or a list). Their text reads like prose (the
// standfirst is a real sentence), so block scoring alone keeps them.
//
// Rules:
//   - the heading (h2-h6) has at least 10 characters, 80% of them in links,
//     and a link that stays on the page's site (a relative href, or the same
//     host; any host when the page URL is unknown);
//   - the card is the largest ancestor of the heading that holds no other
//     linked heading and at most kMaxTeaserText of other text (a product
//     round-up, whose linked headings lead long reviews, is not a card);
//   - cards count only in groups: two or more under one parent, or three or
//     more under one grandparent (cards wrapped one by one in <li>).
// Pruned elements (html_furniture.h) are ignored.

#include <string_view>
#include <vector>

#include "indexer/html_dom.h"

namespace byline {

// Weighted characters (html_body.h weighted_length) of non-heading text a card may hold.
inline constexpr std::size_t kMaxTeaserText = 320;

// Per node: 1 for the root element of a teaser card in a group. `page_url`
// may be empty.
std::vector<char> mark_teaser_cards(const HtmlDocument& doc, const std::vector<char>& pruned,
                                    std::string_view page_url);

}  // namespace byline
