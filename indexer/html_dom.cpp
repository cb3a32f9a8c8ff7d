#include "indexer/html_dom.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>

#include "common/text.h"

namespace byline {

namespace {

bool is_void_tag(std::string_view tag) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                               "link", "meta", "param", "source", "track", "wbr", "keygen"};
  return std::find(std::begin(kVoid), std::end(kVoid), tag) != std::end(kVoid);
}

// Tags an HTML5 parser closes by itself when a sibling opens; counting them
// would overstate the depth of ordinary pages full of unclosed <p> and <li>.
bool closes_implicitly(std::string_view tag) {
  static constexpr std::string_view kImplicit[] = {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
                                                   "tbody", "thead", "tfoot", "rb", "rt", "rp", "colgroup",
                                                   "html", "head", "body"};
  return std::find(std::begin(kImplicit), std::end(kImplicit), tag) != std::end(kImplicit);
}

bool is_raw_text_tag(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "textarea" || tag == "title" || tag == "xmp" ||
         tag == "iframe" || tag == "noembed" || tag == "noframes" || tag == "plaintext";
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' ||
         c == '_';
}

// Finds the end of "<...>" starting at `lt`, honouring quoted attribute values.
std::size_t tag_end(std::string_view html, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1; i < html.size(); ++i) {
    const char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open inside attribute values (after '='); a stray quote in
      // a tag name would otherwise swallow the page.
      std::size_t k = i;
      while (k > lt && (html[k - 1] == ' ' || html[k - 1] == '\t' || html[k - 1] == '\n')) --k;
      if (k > lt && html[k - 1] == '=') quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

// One scan of the markup; calls `on_tag(name, closing, self_closing, begin, end)`
// for each tag outside comments and raw-text elements.
template <typename OnTag>
void scan_tags(std::string_view html, OnTag on_tag) {
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) return;
    if (html.compare(lt, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", lt + 4);
      if (end == std::string_view::npos) return;
      i = end + 3;
      continue;
    }
    const bool closing = html[lt + 1] == '/';
    std::size_t name_start = lt + (closing ? 2 : 1);
    std::size_t name_end = name_start;
    while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
    if (name_end == name_start || !((html[name_start] >= 'a' && html[name_start] <= 'z') ||
                                    (html[name_start] >= 'A' && html[name_start] <= 'Z'))) {
      i = lt + 1;
      continue;
    }
    const std::size_t end = tag_end(html, lt);
    if (end == std::string_view::npos) return;
    const std::string name = ascii_lower(html.substr(name_start, name_end - name_start));
    const bool self_closing = html[end - 1] == '/';
    on_tag(name, closing, self_closing, lt, end + 1);
    i = end + 1;
    if (!closing && is_raw_text_tag(name)) {
      // Skip to the matching end tag: "<div" inside a script is not markup.
      const std::string close = "</" + name;
      std::size_t k = i;
      while (true) {
        k = html.find("</", k);
        if (k == std::string_view::npos) return;
        if (iequals(html.substr(k, close.size()), close)) break;
        k += 2;
      }
      i = k;
    }
  }
}

std::string tag_name_of(const GumboNode* node) {
  const GumboElement& el = node->v.element;
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);
  return ascii_lower(std::string_view(piece.data ? piece.data : "", piece.data ? piece.length : 0));
}

// Gumbo 0.10 (Debian's) reads a numeric character reference with more digits
// than an int holds (`&#xcccccccc`) by signed overflow into a negative code
// point, which it writes out as one raw byte: its text and attribute values
// can then be invalid UTF-8 although the input was valid (found by
// fuzz/html_extractor_fuzzer). Such a string is repaired here, the stray byte
// becoming U+FFFD; valid strings, nearly all of them, are copied as they are.
std::string utf8_from_gumbo(const char* text) {
  if (!text) return {};
  const std::string_view view(text);
  return is_valid_utf8(view) ? std::string(view) : sanitize_utf8(view);
}

bool skip_text_of(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "template" || tag == "noscript";
}

}  // namespace

bool is_block_tag(std::string_view tag) {
  static constexpr std::string_view kBlock[] = {
      "address", "article", "aside",  "blockquote", "body",   "br",     "dd",     "details", "dialog",
      "div",     "dl",      "dt",     "fieldset",   "figcaption", "figure", "footer", "form", "h1",
      "h2",      "h3",      "h4",     "h5",         "h6",     "header", "hgroup", "hr",      "li",
      "main",    "nav",     "ol",     "p",          "pre",    "section", "table", "tbody",   "td",
      "tfoot",   "th",      "thead",  "tr",         "ul",     "summary", "caption", "center", "menu",
      "html",    "head",    "title",  "#document",  "option", "select", "textarea", "iframe", "video",
      "audio",   "picture", "noscript", "legend"};
  return std::find(std::begin(kBlock), std::end(kBlock), tag) != std::end(kBlock);
}

std::string limit_html_nesting(std::string_view html, int max_depth, int* dropped) {
  if (dropped) *dropped = 0;
  // First pass: is the limit exceeded at all? Ordinary pages stay untouched.
  int depth = 0;
  bool exceeded = false;
  scan_tags(html, [&](const std::string& name, bool closing, bool self_closing, std::size_t, std::size_t) {
    if (is_void_tag(name) || closes_implicitly(name)) return;
    if (closing) depth = std::max(0, depth - 1);
    else if (!self_closing && ++depth > max_depth) exceeded = true;
  });
  if (!exceeded) return std::string(html);

  std::string out;
  out.reserve(html.size());
  std::size_t copied = 0;
  depth = 0;
  int count = 0;
  scan_tags(html, [&](const std::string& name, bool closing, bool self_closing, std::size_t begin, std::size_t end) {
    if (is_void_tag(name) || closes_implicitly(name)) return;
    bool drop = false;
    if (closing) {
      drop = depth > max_depth;
      depth = std::max(0, depth - 1);
    } else if (!self_closing) {
      drop = ++depth > max_depth;
    }
    if (!drop) return;
    out.append(html.substr(copied, begin - copied));
    out += ' ';
    copied = end;
    ++count;
  });
  out.append(html.substr(copied));
  if (dropped) *dropped = count;
  return out;
}

HtmlDocument parse_html(std::string_view html, int max_depth) {
  max_depth = std::clamp(max_depth, 1, kMaxHtmlDepth);
  HtmlDocument doc;
  int dropped = 0;
  // The guard leaves a margin for the elements gumbo adds itself (html, head,
  // body, reconstructed formatting elements); the copy below enforces the rest.
  const std::string guarded = limit_html_nesting(html, std::max(max_depth - 20, max_depth / 2), &dropped);
  doc.flattened_ = dropped;

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the error list is never read; recording it costs time
  GumboOutput* output = gumbo_parse_with_options(&options, guarded.data(), guarded.size());

  doc.nodes_.push_back(HtmlNode{false, "#document", {}, {}, -1, 0, {}});
  struct Item { const GumboNode* node; int parent; };
  std::vector<Item> stack;
  const GumboVector& top = output->document->v.document.children;
  for (unsigned i = top.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(top.data[i]), 0});
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const GumboNode* g = item.node;
    int parent = item.parent;
    if (doc.nodes_[static_cast<std::size_t>(parent)].depth >= max_depth) {
      // Gumbo can still nest a little deeper than the guard counted
      // (reconstructed formatting elements): attach to the ancestor at the limit.
      while (doc.nodes_[static_cast<std::size_t>(parent)].depth >= max_depth)
        parent = doc.nodes_[static_cast<std::size_t>(parent)].parent;
      ++doc.flattened_;
    }
    HtmlNode node;
    node.parent = parent;
    node.depth = doc.nodes_[static_cast<std::size_t>(parent)].depth + 1;
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
      node.is_text = true;
      node.text = utf8_from_gumbo(g->v.text.text);
    } else if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      node.tag = tag_name_of(g);
      const GumboVector& attrs = g->v.element.attributes;
      node.attributes.reserve(attrs.length);
      for (unsigned i = 0; i < attrs.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
        node.attributes.emplace_back(ascii_lower(a->name ? a->name : ""), utf8_from_gumbo(a->value));
      }
    } else {
      continue;  // comments
    }
    const int index = static_cast<int>(doc.nodes_.size());
    doc.nodes_.push_back(std::move(node));
    doc.nodes_[static_cast<std::size_t>(parent)].children.push_back(index);
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      const GumboVector& kids = g->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), index});
    }
  }
  gumbo_destroy_output(&options, output);
  return doc;
}

std::string_view HtmlDocument::attr(int index, std::string_view name) const {
  for (const auto& [key, value] : node(index).attributes)
    if (key == name) return value;
  return {};
}

bool HtmlDocument::has_attr(int index, std::string_view name) const {
  for (const auto& [key, value] : node(index).attributes)
    if (key == name) return true;
  return false;
}

std::vector<int> HtmlDocument::elements(std::string_view tag) const {
  std::vector<int> out;
  for (int i = 0; i < size(); ++i)
    if (!nodes_[static_cast<std::size_t>(i)].is_text && nodes_[static_cast<std::size_t>(i)].tag == tag)
      out.push_back(i);
  return out;
}

int HtmlDocument::body() const {
  for (int i = 0; i < size(); ++i)
    if (nodes_[static_cast<std::size_t>(i)].tag == "body") return i;
  return 0;
}

std::string HtmlDocument::text(int index) const {
  std::string out;
  std::vector<int> stack{index};
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    if (i < 0) {
      out += ' ';  // end of a block element
      continue;
    }
    const HtmlNode& n = node(i);
    if (n.is_text) {
      out += n.text;
      continue;
    }
    if (skip_text_of(n.tag)) continue;
    const bool block = is_block_tag(n.tag);
    if (block) {
      out += ' ';
      stack.push_back(-1);
    }
    for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.push_back(*it);
  }
  return collapse_whitespace(out);
}

std::string HtmlDocument::class_and_id(int index) const {
  std::string out = ascii_lower(attr(index, "class"));
  out += ' ';
  out += ascii_lower(attr(index, "id"));
  return out;
}

bool HtmlDocument::contains(int ancestor, int index) const {
  while (index >= 0) {
    if (index == ancestor) return true;
    index = node(index).parent;
  }
  return false;
}

}  // namespace byline
