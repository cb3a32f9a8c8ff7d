#include "indexer/html_furniture.h"

#include <algorithm>

#include "common/text.h"
#include "indexer/html_body.h"

namespace byline {

namespace {

// ---- pruning --------------------------------------------------------------

bool is_pruned_tag(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "script", "style",  "noscript", "template", "iframe", "svg",    "canvas", "button", "select",
      "input",  "textarea", "nav",    "aside",    "footer", "object", "embed",  "video",  "audio",
      "map",    "dialog", "menu",     "head",     "title",  "figcaption", "label", "form-control",
      "math",   "picture", "source",  "img",      "meta",   "link",   "base",   "style"};
  return std::find(std::begin(kTags), std::end(kTags), tag) != std::end(kTags);
}

// Class/id words that mark furniture. Substrings, matched in "class id".
constexpr std::string_view kNegativeParts[] = {
    "comment",   "related",   "recommend", "newsletter", "cookie",   "consent",   "gdpr",      "trending",
    "popular",   "mostread",  "most-read", "most_read",  "outbrain", "taboola",   "breadcrumb", "social",
    "sharing",   "share-",    "-share",    "_share",     "share_",   "sharebar",  "subscri",   "signup",
    "sign-up",   "promo",     "sponsor",    "advert",   "sidebar",   "masthead",  "navbar",
    "skip-link", "skiplink",  "popup",     "modal",      "disqus",   "read-more", "readmore",  "more-stories",
    "morestories", "alsoread", "also-read", "byline",    "author",   "caption",   "credit",    "copyright",
    "toolbar",   "pagination", "pager",    "tag-list",   "taglist",  "keywords",  "rating",    "login",
    "footer",    "banner",    "recirc",     "next-article", "ticker", "ad-slot",  "adslot",
    "ad-container", "adcontainer", "dfp-",  "gpt-ad",    "article-meta", "post-meta", "entry-meta", "timestamp",
    "publish-date", "pubdate", "dateline-", "print-",    "topics",   "newsfeed",  "headline-list", "teaser-list",
    "most-viewed", "mostviewed", "onetrust", "privacy", "nav-",   "-nav",       "menu",     "overlay",   "tooltip",   "related-"};
// Whole class/id tokens (split on non-alphanumerics) that mark furniture.
constexpr std::string_view kNegativeTokens[] = {"ad",    "ads",  "adv",   "nav",  "share", "shares", "tags",
                                                "tag",   "rail", "aside", "meta", "date", "time",   "author",
                                                "hidden", "sr-only", "print", "hide", "skip", "more"};
constexpr std::string_view kHiddenParts[] = {"sr-only", "visually-hidden", "visuallyhidden", "screen-reader",
                                             "d-none",  "u-hidden"};
// Furniture that is written in paragraphs: no prose exception for these.
constexpr std::string_view kNeverProse[] = {"comment", "cookie", "consent", "onetrust", "privacy", "gdpr",
                                            "newsletter", "subscri"};
// Boxes written in paragraphs that are never the article: dialogs, consent
// managers, offers. Matched as substrings of "class id".
constexpr std::string_view kBoxedOffer[] = {"cookie", "consent", "onetrust", "gdpr", "cmp-", "modal", "newsletter",
                                            "subscribe-", "paywall-offer", "sign-in", "signin",
                                            "login", "registration", "regwall", "piano-"};
constexpr std::string_view kPositiveParts[] = {"article", "story", "content", "body",  "post",     "entry",
                                               "text",    "main",  "prose",   "richtext", "paragraph", "blog"};

std::vector<std::string> tokens_of(std::string_view class_id) {
  std::vector<std::string> out;
  std::string token;
  for (char c : class_id) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      token += c;
    } else if (!token.empty()) {
      out.push_back(std::move(token));
      token.clear();
    }
  }
  if (!token.empty()) out.push_back(std::move(token));
  return out;
}

template <std::size_t N>
bool has_part(std::string_view text, const std::string_view (&parts)[N]) {
  for (std::string_view p : parts)
    if (text.find(p) != std::string_view::npos) return true;
  return false;
}

bool negative_hint(std::string_view class_id) {
  if (has_part(class_id, kNegativeParts)) return true;
  for (const std::string& token : tokens_of(class_id))
    for (std::string_view neg : kNegativeTokens)
      if (token == neg) return true;
  return false;
}

bool positive_hint(std::string_view class_id) { return has_part(class_id, kPositiveParts); }

bool is_inline_tag(std::string_view tag) {
  static constexpr std::string_view kInline[] = {"a", "span", "em", "strong", "b", "i", "u", "small", "abbr",
                                                 "cite", "q", "mark", "sup", "sub", "font", "code", "time"};
  return std::find(std::begin(kInline), std::end(kInline), tag) != std::end(kInline);
}

// True if an inline element sits in running text: a <p> (or list item,
// quote) within a few levels up, with only inline elements between.
bool inside_paragraph(const HtmlDocument& doc, int i) {
  int p = doc.node(i).parent;
  for (int steps = 0; p >= 0 && steps < 4; ++steps, p = doc.node(p).parent) {
    const std::string& tag = doc.node(p).tag;
    if (tag == "p" || tag == "li" || tag == "blockquote" || tag == "dd") return true;
    if (!is_inline_tag(tag)) return false;
  }
  return false;
}

bool is_hidden(const HtmlDocument& doc, int i, std::string_view class_id) {
  // React's streaming server rendering sends late parts of the page as
  // <div hidden id="S:…"> for a script to move into place: visible content.
  if (doc.has_attr(i, "hidden")) return doc.attr(i, "id").rfind("S:", 0) != 0;
  const std::string style = ascii_lower(doc.attr(i, "style"));
  if (style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos || style.find("visibility: hidden") != std::string::npos)
    return true;
  return has_part(class_id, kHiddenParts);
}

bool is_furniture_role(std::string_view role) {
  static constexpr std::string_view kRoles[] = {"navigation", "banner", "contentinfo", "complementary", "menu",
                                                "menubar",    "dialog", "alertdialog", "search",        "toolbar"};
  const std::string lower = ascii_lower(trim(role));
  return std::find(std::begin(kRoles), std::end(kRoles), lower) != std::end(kRoles);
}

}  // namespace

bool has_furniture_hint(std::string_view class_id) { return negative_hint(class_id); }

FurnitureMarks mark_furniture(const HtmlDocument& doc) {
  const int count = doc.size();
  // Nodes marked as the article body by microdata, and their ancestors, are
  // never pruned by a class hint.
  std::vector<char> protect(static_cast<std::size_t>(count), 0);
  std::vector<char> marked_body(static_cast<std::size_t>(count), 0);
  for (int i = 0; i < count; ++i) {
    if (doc.node(i).is_text) continue;
    const std::string_view prop = doc.attr(i, "itemprop");
    if (prop == "articleBody" || prop == "articlebody") {
      marked_body[static_cast<std::size_t>(i)] = 1;
      for (int p = i; p >= 0; p = doc.node(p).parent) protect[static_cast<std::size_t>(p)] = 1;
    }
  }
  // Text below each node (weighted, links separately), to keep a hinted
  // element that holds most of the page's prose.
  std::vector<std::size_t> text_below(static_cast<std::size_t>(count), 0);
  std::vector<std::size_t> link_below(static_cast<std::size_t>(count), 0);
  for (int i = count - 1; i > 0; --i) {
    const HtmlNode& n = doc.node(i);
    if (n.is_text) text_below[static_cast<std::size_t>(i)] = weighted_length(n.text);
    else if (n.tag == "script" || n.tag == "style" || n.tag == "noscript" || n.tag == "template")
      text_below[static_cast<std::size_t>(i)] = 0;
    if (n.tag == "a") link_below[static_cast<std::size_t>(i)] = text_below[static_cast<std::size_t>(i)];
    text_below[static_cast<std::size_t>(n.parent)] += text_below[static_cast<std::size_t>(i)];
    link_below[static_cast<std::size_t>(n.parent)] += link_below[static_cast<std::size_t>(i)];
  }
  const std::size_t page_text = std::max<std::size_t>(1, text_below[static_cast<std::size_t>(doc.body())]);
  // Prose: paragraphs of some length with few links. An element holding most
  // of the page's prose is never pruned by its class name.
  std::vector<std::size_t> prose_below(static_cast<std::size_t>(count), 0);
  for (int i = count - 1; i > 0; --i) {
    const HtmlNode& n = doc.node(i);
    const std::size_t u = static_cast<std::size_t>(i);
    if (n.tag == "p" && text_below[u] >= 100 && link_below[u] * 10 < text_below[u] * 3) prose_below[u] += text_below[u];
    prose_below[static_cast<std::size_t>(n.parent)] += prose_below[u];
  }
  const std::size_t page_prose = prose_below[static_cast<std::size_t>(doc.body())];

  std::vector<char> pruned(static_cast<std::size_t>(count), 0);
  std::vector<double> bonus(static_cast<std::size_t>(count), 1.0);
  for (int i = 0; i < count; ++i) {
    const HtmlNode& n = doc.node(i);
    if (n.is_text) continue;
    const std::size_t u = static_cast<std::size_t>(i);
    if (n.parent >= 0) bonus[u] = bonus[static_cast<std::size_t>(n.parent)];
    if (n.tag == "body" || n.tag == "html" || n.tag == "#document") continue;
    const std::string class_id = doc.class_and_id(i);
    if (is_pruned_tag(n.tag) && !protect[u]) {
      pruned[u] = 1;
      continue;
    }
    if (is_hidden(doc, i, class_id) && !protect[u]) {
      pruned[u] = 1;
      continue;
    }
    if ((is_furniture_role(doc.attr(i, "role")) || iequals(doc.attr(i, "aria-modal"), "true")) && !protect[u]) {
      pruned[u] = 1;
      continue;
    }
    if (marked_body[u]) {
      bonus[u] = 2.0;
      continue;
    }
    if (is_inline_tag(n.tag) && inside_paragraph(doc, i)) continue;
    if (class_id.size() > 1 && negative_hint(class_id) && !protect[u]) {
      // A furniture-sounding class on an element full of prose is a template's
      // misnomer ("entry-content social-ready", "article-type-opinion
      // has-comments"), not furniture: keep it when it holds much of the
      // page's text, or reads as the article and has a few paragraphs' worth.
      const std::size_t text = text_below[u];
      const std::size_t links = link_below[u];
      const bool few_links = links * 10 < text * 3;
      const bool holds_prose = (text * 10 >= page_text * 4 && few_links) ||
                               (page_prose >= 300 && prose_below[u] * 2 > page_prose);
      const bool reads_as_article = (n.tag == "article" || n.tag == "main" || positive_hint(class_id)) &&
                                    text >= 500 && few_links;
      // Mostly long paragraphs is prose whatever the class says, except in a
      // comment section.
      const bool is_prose = prose_below[u] >= 500 && prose_below[u] * 10 >= text * 6 &&
                            !has_part(class_id, kNeverProse);
      // A single long paragraph is text ("paywall" marks the paid part).
      const bool is_paragraph = n.tag == "p" && text >= 100 && few_links;
      // Dialogs and offers (consent, newsletter, subscription, modal) are
      // written in paragraphs: only an <article>/<main> element escapes.
      const bool boxed = has_part(class_id, kBoxedOffer);
      const bool article_tag = n.tag == "article" || n.tag == "main";
      if (boxed ? !(article_tag && reads_as_article)
                : (!holds_prose && !reads_as_article && !is_prose && !is_paragraph)) {
        pruned[u] = 1;
        continue;
      }
    }
    if (n.tag == "article" || n.tag == "main" || (class_id.size() > 1 && positive_hint(class_id)))
      bonus[u] = std::max(bonus[u], 1.25);
  }

  return FurnitureMarks{std::move(pruned), std::move(bonus)};
}

}  // namespace byline
