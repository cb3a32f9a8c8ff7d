#include "indexer/html_teasers.h"

#include <unordered_map>

#include "common/url.h"
#include "indexer/html_body.h"

namespace byline {

namespace {

bool is_subheading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '2' && tag[1] <= '6';
}

// True if `href` stays on the page's site: relative, or the same host.
bool same_site(std::string_view href, const std::string& page_host) {
  if (href.empty() || href[0] == '#') return false;
  if (href.rfind("javascript:", 0) == 0 || href.rfind("mailto:", 0) == 0) return false;
  const bool absolute = href.find("://") != std::string_view::npos || href.rfind("//", 0) == 0;
  if (!absolute) return true;
  if (page_host.empty()) return true;
  const std::string host = url_host(href.rfind("//", 0) == 0 ? "https:" + std::string(href) : std::string(href));
  return host == page_host;
}

}  // namespace

std::vector<char> mark_teaser_cards(const HtmlDocument& doc, const std::vector<char>& pruned,
                                    std::string_view page_url) {
  const int count = doc.size();
  const std::size_t n = static_cast<std::size_t>(count);
  std::vector<char> cards(n, 0);
  const std::string page_host = url_host(page_url);

  // Text and link text below each node, pruned subtrees excluded.
  std::vector<std::size_t> text(n, 0);
  std::vector<std::size_t> links(n, 0);
  for (int i = count - 1; i > 0; --i) {
    const std::size_t u = static_cast<std::size_t>(i);
    const HtmlNode& node = doc.node(i);
    if (node.is_text) text[u] = weighted_length(node.text);
    if (pruned[u]) text[u] = links[u] = 0;
    if (node.tag == "a") links[u] = text[u];
    const std::size_t p = static_cast<std::size_t>(node.parent);
    text[p] += text[u];
    links[p] += links[u];
  }

  // Headings that are links to the same site.
  std::vector<int> headings;
  std::vector<int> linked_below(n, 0);
  for (int i = 0; i < count; ++i) {
    const std::size_t u = static_cast<std::size_t>(i);
    const HtmlNode& node = doc.node(i);
    if (node.is_text || pruned[u] || !is_subheading(node.tag)) continue;
    if (text[u] < 10 || links[u] * 10 < text[u] * 8) continue;
    bool local = false;
    for (int j = i + 1; j < count && doc.contains(i, j) && !local; ++j)
      if (doc.node(j).tag == "a") local = same_site(doc.attr(j, "href"), page_host);
    // A link wrapping the heading is as good as one inside it.
    for (int p = node.parent, steps = 0; p >= 0 && steps < 2 && !local; p = doc.node(p).parent, ++steps)
      if (doc.node(p).tag == "a") local = same_site(doc.attr(p, "href"), page_host);
    if (!local) continue;
    headings.push_back(i);
    for (int p = i; p >= 0; p = doc.node(p).parent) ++linked_below[static_cast<std::size_t>(p)];
  }
  if (headings.size() < 2) return cards;

  // Each heading's card: the largest ancestor with no other linked heading
  // and little other text.
  const int body = doc.body();
  std::vector<int> roots;
  for (int h : headings) {
    const std::size_t heading_text = text[static_cast<std::size_t>(h)];
    int root = h;
    for (int p = doc.node(h).parent; p > 0 && p != body; p = doc.node(p).parent) {
      const std::size_t u = static_cast<std::size_t>(p);
      if (linked_below[u] != 1 || text[u] > heading_text + kMaxTeaserText) break;
      root = p;
    }
    roots.push_back(root);
  }
  std::unordered_map<int, int> per_parent;
  std::unordered_map<int, int> per_grandparent;
  for (int r : roots) {
    const int parent = doc.node(r).parent;
    ++per_parent[parent];
    if (parent >= 0) ++per_grandparent[doc.node(parent).parent];
  }
  for (int r : roots) {
    const int parent = doc.node(r).parent;
    const int grandparent = parent >= 0 ? doc.node(parent).parent : -1;
    if (per_parent[parent] >= 2 || (grandparent >= 0 && per_grandparent[grandparent] >= 3))
      cards[static_cast<std::size_t>(r)] = 1;
  }
  return cards;
}

}  // namespace byline
