#pragma once
// Article or not: home pages, section fronts, tag, author and search pages
// carry many links, little running text and no article metadata. They are
// reported as "not an article (…)" instead of being indexed as one.

#include <cstddef>
#include <string>

namespace byline {

struct PageKindSignals {
  bool article_json_ld = false;  // a JSON-LD object of an article type
  std::string og_type;           // og:type, lowercase ("article", "website")
  bool has_published = false;    // a publication date from metadata
  std::size_t body_words = 0;    // words in the extracted body
  double page_link_density = 0;  // share of the page's text inside links
  std::string url_path;          // "/tag/elections/"
};

struct PageKind {
  bool is_article = true;
  std::string reason;  // why not, e.g. "og:type website, link-dense page"
};

// Metadata that says "article" wins over layout; without it, a page is not an
// article when its text is mostly links or its URL is a listing and little
// running text was found.
PageKind classify_page(const PageKindSignals& signals);

}  // namespace byline
