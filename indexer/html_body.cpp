#include "indexer/html_body.h"

#include <algorithm>
#include <cstdint>

#include "common/text.h"

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

// ---- text measures --------------------------------------------------------

bool is_cjk(std::uint32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

// Commas and full stops of several scripts, a sign of running prose.
std::size_t punctuation_count(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',' || text[i] == '.') ++n;
    else if (text.compare(i, 3, "\xE3\x80\x81") == 0 || text.compare(i, 3, "\xE3\x80\x82") == 0 ||
             text.compare(i, 3, "\xEF\xBC\x8C") == 0)
      ++n;  // 、 。 ，
  }
  return n;
}

std::string normalise_for_match(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      space = true;  // punctuation differs between markup and JSON-LD copies
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// ---- blocks ---------------------------------------------------------------

enum class BlockClass { Bad, Short, NearGood, Good };

struct Block {
  std::string text;  // with '\n' where the page had <br>
  int owner = -1;    // innermost block element
  std::size_t length = 0;
  std::size_t link_length = 0;
  bool heading = false;
  bool title_heading = false;  // inside <h1>
  double bonus = 1.0;
  bool confirmed = false;  // found in the publisher's articleBody
  BlockClass cls = BlockClass::Short;
  double value = 0;
};

class BlockBuilder {
 public:
  BlockBuilder(const HtmlDocument& doc, std::vector<char> pruned) : doc_(doc), pruned_(std::move(pruned)) {}

  std::vector<Block> run() {
    struct Frame { int node; bool exit; };
    std::vector<Frame> stack{{doc_.body(), false}};
    while (!stack.empty()) {
      const Frame f = stack.back();
      stack.pop_back();
      const HtmlNode& n = doc_.node(f.node);
      if (n.is_text) {
        append_text(n.text);
        continue;
      }
      if (f.exit) {
        if (n.tag == "a") --link_depth_;
        if (n.tag == "pre") --pre_depth_;
        if (is_block_tag(n.tag)) {
          flush();
          owners_.pop_back();
        }
        continue;
      }
      if (pruned_[static_cast<std::size_t>(f.node)]) continue;
      if (n.tag == "br") {
        current_.text += '\n';
        continue;
      }
      if (n.tag == "hr") {
        flush();
        continue;
      }
      if (is_block_tag(n.tag)) {
        flush();
        owners_.push_back(f.node);
      }
      if (n.tag == "a") ++link_depth_;
      if (n.tag == "pre") ++pre_depth_;
      stack.push_back({f.node, true});
      for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.push_back({*it, false});
    }
    flush();
    return std::move(blocks_);
  }

 private:
  void append_text(std::string_view text) {
    if (current_.text.empty() && trim(text).empty()) return;
    // Line breaks in the source are white space; only <br> (and <pre>)
    // break a paragraph.
    const std::size_t at = current_.text.size();
    current_.text += text;
    if (pre_depth_ == 0)
      for (std::size_t k = at; k < current_.text.size(); ++k)
        if (current_.text[k] == '\n' || current_.text[k] == '\r') current_.text[k] = ' ';
    const std::size_t length = weighted_length(text);
    current_.length += length;
    if (link_depth_ > 0) current_.link_length += length;
  }

  void flush() {
    if (trim(current_.text).empty()) {
      current_ = Block{};
      return;
    }
    current_.owner = owners_.empty() ? doc_.body() : owners_.back();
    const std::string& tag = doc_.node(current_.owner).tag;
    current_.heading = tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
    current_.title_heading = tag == "h1";
    blocks_.push_back(std::move(current_));
    current_ = Block{};
  }

  const HtmlDocument& doc_;
  std::vector<char> pruned_;
  std::vector<int> owners_;
  std::vector<Block> blocks_;
  Block current_;
  int link_depth_ = 0;
  int pre_depth_ = 0;
};

// ---- boilerplate lines ----------------------------------------------------

bool starts_with_any(std::string_view lower, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes)
    if (lower.substr(0, p.size()) == p) return true;
  return false;
}

bool has_digit_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if ((text.compare(i, 2, "19") == 0 || text.compare(i, 2, "20") == 0) && text[i + 2] >= '0' &&
        text[i + 2] <= '9' && text[i + 3] >= '0' && text[i + 3] <= '9' &&
        (i == 0 || !(text[i - 1] >= '0' && text[i - 1] <= '9')) &&
        (i + 4 == text.size() || !(text[i + 4] >= '0' && text[i + 4] <= '9')))
      return true;
  }
  return false;
}

// Lines a page prints around the article that are not part of it.
bool is_boilerplate_line(std::string_view text) {
  const std::string lower = ascii_lower(collapse_whitespace(text));
  const std::size_t words = count_words(lower);
  // Cross-references keep their prefix whatever their length.
  if (words <= 40 && starts_with_any(lower, {"also read", "read also", "read more:", "read more at", "also watch",
                                              "related:", "related story", "related article", "see also:",
                                              "more:", "watch:", "read:", "recommended:", "must read"}))
    return true;
  if (words > 12) return false;
  if (starts_with_any(lower, {"advertisement", "advertising", "anzeige", "publicit", "publicidad", "sponsored",
                              "read more", "read next", "see also", "related articles", "related stories",
                              "recommended", "more from", "more on this", "share this", "share on", "share:",
                              "share article", "follow us", "follow on", "sign up", "subscribe", "click here",
                              "tap here", "download the", "listen to this", "trending", "most read",
                              "most popular", "you may also like", "you might also like", "don't miss",
                              "skip to", "jump to", "image:", "photo:", "(photo", "image source", "image caption",
                              "getty images", "copyright", "\xC2\xA9", "all rights reserved", "loading",
                              "leave a comment", "story continues below", "continue reading",
                              "scroll to continue", "we use cookies", "get the latest", "newsletter",
                              "comments", "view comments", "add to", "save article", "print this",
                              "email this", "report an error", "top stories", "latest news", "more stories"}))
    return true;
  return false;
}

// A byline or a date line printed above or below the text.
bool is_meta_line(std::string_view text) {
  const std::string lower = ascii_lower(collapse_whitespace(text));
  const std::size_t words = count_words(lower);
  if (words == 0) return true;
  if (words <= 8 && starts_with_any(lower, {"by ", "von ", "par ", "por ", "door ", "di ", "av ", "written by",
                                            "reported by", "posted by", "edited by"}))
    return true;
  if (words <= 14 && starts_with_any(lower, {"published", "updated", "last updated", "posted on", "posted:",
                                             "first published", "modified", "veröffentlicht", "aktualisiert",
                                             "publié", "mis à jour", "publicado", "actualizado"}))
    return true;
  // A bare date ("March 5, 2024 10:31 AM EST").
  if (words <= 7 && has_digit_year(lower) && lower.find(". ") == std::string::npos) return true;
  return false;
}

}  // namespace

std::size_t weighted_length(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + len > text.size()) len = 1;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      i += 1;
      // Runs of white space count once.
      if (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) continue;
      ++n;
      continue;
    }
    std::uint32_t cp = len == 1 ? c : (len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    n += is_cjk(cp) ? 3 : 1;
    i += len;
  }
  return n;
}

BodyResult extract_body(const HtmlDocument& doc, const BodyHints& hints) {
  BodyResult result;
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
    if (is_furniture_role(doc.attr(i, "role")) && !protect[u]) {
      pruned[u] = 1;
      continue;
    }
    if (marked_body[u]) {
      bonus[u] = 2.0;
      continue;
    }
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
      if (!holds_prose && !reads_as_article && !is_prose && !is_paragraph) {
        pruned[u] = 1;
        continue;
      }
    }
    if (n.tag == "article" || n.tag == "main" || (class_id.size() > 1 && positive_hint(class_id)))
      bonus[u] = std::max(bonus[u], 1.25);
  }

  std::vector<Block> blocks = BlockBuilder(doc, pruned).run();
  if (blocks.empty()) {
    result.notes.push_back("body: no text blocks");
    return result;
  }

  if (hints.observe_blocks) {
    std::vector<std::string_view> texts;
    texts.reserve(blocks.size());
    for (const Block& b : blocks) texts.emplace_back(b.text);
    hints.observe_blocks(texts);
  }
  std::vector<char> site_repeat(blocks.size(), 0);
  if (hints.is_site_boilerplate) {
    for (std::size_t k = 0; k < blocks.size(); ++k) site_repeat[k] = hints.is_site_boilerplate(blocks[k].text);
  }
  const std::string body_norm = hints.article_body.size() > 200 ? normalise_for_match(hints.article_body) : "";
  std::size_t all_length = 0;
  std::size_t all_links = 0;
  for (Block& b : blocks) {
    all_length += b.length;
    all_links += b.link_length;
    b.bonus = bonus[static_cast<std::size_t>(b.owner)];
    const double link_density = b.length ? static_cast<double>(b.link_length) / static_cast<double>(b.length) : 0;
    if (!body_norm.empty() && b.length >= 15 && link_density < 0.5) {
      std::string norm = normalise_for_match(b.text);
      if (norm.size() > 120) norm.resize(120);
      // A cut in the middle of a UTF-8 sequence still matches as bytes.
      b.confirmed = norm.size() >= 10 && body_norm.find(norm) != std::string::npos;
    }
    const std::size_t punct = punctuation_count(b.text);
    if (b.confirmed) b.cls = BlockClass::Good;
    else if (link_density > 0.5 || (link_density > 0.3 && b.length < 150)) b.cls = BlockClass::Bad;
    else if (b.heading && b.length < 200) b.cls = BlockClass::Short;
    else if (b.length >= 70 && link_density < 0.25 && (punct > 0 || b.length >= 150)) b.cls = BlockClass::Good;
    else if (b.length >= 35) b.cls = BlockClass::NearGood;
    else b.cls = BlockClass::Short;

    const double length = static_cast<double>(b.length);
    switch (b.cls) {
      case BlockClass::Good: b.value = length * b.bonus * (b.confirmed ? 2.0 : 1.0); break;
      case BlockClass::NearGood: b.value = 0.5 * length * b.bonus; break;
      case BlockClass::Short: b.value = 0; break;
      case BlockClass::Bad: b.value = -length; break;
    }
  }
  // Blocks that repeat across the site are furniture, unless they are most of
  // the page's running text: then the article itself repeats (a duplicate
  // under another URL) and the model is not trusted for this page.
  double good_length = 0;
  double repeated_good = 0;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (blocks[k].cls != BlockClass::Good) continue;
    good_length += static_cast<double>(blocks[k].length);
    if (site_repeat[k]) repeated_good += static_cast<double>(blocks[k].length);
  }
  if (repeated_good * 2 <= good_length) {
    for (std::size_t k = 0; k < blocks.size(); ++k)
      if (site_repeat[k] && !blocks[k].confirmed) {
        blocks[k].cls = BlockClass::Bad;
        blocks[k].value = -static_cast<double>(blocks[k].length);
      }
  } else {
    result.notes.push_back("body: site model ignored, page repeats");
  }
  result.page_chars = all_length;
  result.page_link_density = all_length ? static_cast<double>(all_links) / static_cast<double>(all_length) : 0;

  // The container: the element whose subtree has the largest total value.
  std::vector<double> total(static_cast<std::size_t>(count), 0.0);
  for (const Block& b : blocks)
    for (int p = b.owner; p >= 0; p = doc.node(p).parent) total[static_cast<std::size_t>(p)] += b.value;
  int container = -1;
  double best = 0;
  for (int i = count - 1; i >= 0; --i) {
    if (doc.node(i).is_text) continue;
    if (total[static_cast<std::size_t>(i)] > best + 1e-9) {
      best = total[static_cast<std::size_t>(i)];
      container = i;
    }
  }
  if (container < 0) {
    result.notes.push_back("body: no prose found");
    return result;
  }
  result.container = container;
  // Narrowing: when one child holds most of the good text, keep only it and
  // the siblings next to it that are neither link lists nor net furniture.
  // A lead paragraph in the adjacent <div> stays; a cookie notice or teaser
  // grid elsewhere under the same wrapper goes.
  std::vector<double> positive(static_cast<std::size_t>(count), 0.0);
  std::vector<double> length_sum(static_cast<std::size_t>(count), 0.0);
  std::vector<double> link_sum(static_cast<std::size_t>(count), 0.0);
  for (const Block& b : blocks)
    for (int p = b.owner; p >= 0; p = doc.node(p).parent) {
      const std::size_t u = static_cast<std::size_t>(p);
      positive[u] += std::max(0.0, b.value);
      length_sum[u] += static_cast<double>(b.length);
      link_sum[u] += static_cast<double>(b.link_length);
    }
  std::vector<int> selected{container};
  for (int round = 0; round < 8 && selected.size() == 1; ++round) {
    const int node = selected.front();
    std::vector<int> kids;
    for (int c : doc.node(node).children)
      if (length_sum[static_cast<std::size_t>(c)] > 0) kids.push_back(c);
    if (kids.empty()) break;
    std::size_t k = 0;
    for (std::size_t j = 1; j < kids.size(); ++j)
      if (positive[static_cast<std::size_t>(kids[j])] > positive[static_cast<std::size_t>(kids[k])]) k = j;
    if (positive[static_cast<std::size_t>(kids[k])] < 0.6 * positive[static_cast<std::size_t>(node)]) break;
    const auto joins = [&](int c) {
      const std::size_t u = static_cast<std::size_t>(c);
      return total[u] >= 0 && link_sum[u] <= 0.3 * length_sum[u];
    };
    std::size_t left = k, right = k;
    while (left > 0 && joins(kids[left - 1])) --left;
    while (right + 1 < kids.size() && joins(kids[right + 1])) ++right;
    if (left == 0 && right + 1 == kids.size() && kids.size() > 1) break;
    selected.assign(kids.begin() + static_cast<std::ptrdiff_t>(left), kids.begin() + static_cast<std::ptrdiff_t>(right) + 1);
  }

  std::vector<std::size_t> inside;
  for (std::size_t k = 0; k < blocks.size(); ++k)
    for (int sel : selected)
      if (doc.contains(sel, blocks[k].owner)) {
        inside.push_back(k);
        break;
      }

  const std::string title_norm = normalise_for_match(hints.title);
  const auto substantive = [&](std::size_t k) {
    return blocks[k].cls == BlockClass::Good || blocks[k].cls == BlockClass::NearGood;
  };
  std::vector<std::string> paragraphs;
  for (std::size_t pos = 0; pos < inside.size(); ++pos) {
    const Block& b = blocks[inside[pos]];
    if (b.cls == BlockClass::Bad) continue;
    if (b.title_heading) continue;
    if (!title_norm.empty() && normalise_for_match(b.text) == title_norm) continue;
    if (!b.confirmed) {
      if (is_boilerplate_line(b.text)) continue;
      if (b.cls != BlockClass::Good && is_meta_line(b.text)) continue;
      if (b.cls == BlockClass::Short) {
        // Short blocks (subheadings, one-line paragraphs, datelines) belong
        // to the article only when real text follows, and, unless they are
        // headings introducing it, when real text also precedes them.
        bool before = false;
        bool after = false;
        for (std::size_t q = pos; q-- > 0;) {
          if (blocks[inside[q]].cls == BlockClass::Short) continue;
          before = substantive(inside[q]);
          break;
        }
        for (std::size_t q = pos + 1; q < inside.size(); ++q) {
          if (blocks[inside[q]].cls == BlockClass::Short) continue;
          after = substantive(inside[q]);
          break;
        }
        if (!after || !(before || b.heading)) continue;
      }
    }
    for (std::string_view line : split(b.text, '\n')) {
      std::string paragraph = collapse_whitespace(line);
      if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    }
  }
  for (const std::string& p : paragraphs) {
    if (!result.text.empty()) result.text += "\n\n";
    result.text += p;
  }
  result.words = count_words(result.text);
  return result;
}

}  // namespace byline
