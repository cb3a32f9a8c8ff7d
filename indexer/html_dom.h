#pragma once
// A parsed HTML page as a flat, read-only tree: gumbo's HTML5 parse copied into
// a vector of nodes so the extractor can walk it with indices and explicit
// stacks, and so gumbo's own (recursive) structures live only during parsing.
//
// Contract: parse_html never throws on bad input and never recurses deeper than
// a constant. Nesting deeper than kMaxHtmlDepth is flattened: a guard pass
// drops the open/close tags that would exceed it before gumbo sees the page
// (gumbo 0.10 frees its tree recursively), and the copy attaches anything still
// deeper to its ancestor at the limit. Text is never dropped by the guard.
// The limit can be lowered per call (IndexLimits::max_html_depth), never
// raised: kMaxHtmlDepth is the ceiling.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace byline {

inline constexpr int kMaxHtmlDepth = 400;

struct HtmlNode {
  bool is_text = false;
  std::string tag;   // lowercase element name ("div", "svg"); empty for text
  std::string text;  // text nodes only: the decoded characters as written
  std::vector<std::pair<std::string, std::string>> attributes;  // names lowercase
  int parent = -1;
  int depth = 0;
  std::vector<int> children;
};

class HtmlDocument {
 public:
  // Node 0 is the document root (tag "#document").
  const HtmlNode& node(int index) const { return nodes_[static_cast<std::size_t>(index)]; }
  int size() const { return static_cast<int>(nodes_.size()); }
  int root() const { return 0; }
  // Value of attribute `name` (lowercase) or "" when absent.
  std::string_view attr(int index, std::string_view name) const;
  bool has_attr(int index, std::string_view name) const;
  // Every element with this tag, in document order.
  std::vector<int> elements(std::string_view tag) const;
  // The first <body> element (or the root when there is none).
  int body() const;
  // Concatenated descendant text with white space collapsed, skipping
  // script/style/template/noscript contents.
  std::string text(int index) const;
  // Lowercase "class id" of an element, for hint matching.
  std::string class_and_id(int index) const;
  // True if `ancestor` is `index` or one of its ancestors.
  bool contains(int ancestor, int index) const;
  // Number of nodes dropped or flattened by the depth guard (0 on sane pages).
  int flattened() const { return flattened_; }

 private:
  friend HtmlDocument parse_html(std::string_view html, int max_depth);
  std::vector<HtmlNode> nodes_;
  int flattened_ = 0;
};

// Parses UTF-8 HTML (invalid bytes are tolerated by gumbo as U+FFFD), keeping
// at most `max_depth` levels of nesting (clamped to 1..kMaxHtmlDepth).
HtmlDocument parse_html(std::string_view html, int max_depth = kMaxHtmlDepth);

// Removes tags nested deeper than `max_depth` (approximate: tags that close
// implicitly such as <p> and <li> are not counted), keeping all text. Returns
// the input unchanged when it is within the limit. Exposed for tests.
std::string limit_html_nesting(std::string_view html, int max_depth, int* dropped = nullptr);

// True for elements that start a new block of text (p, div, li, h1…).
bool is_block_tag(std::string_view tag);

}  // namespace byline
