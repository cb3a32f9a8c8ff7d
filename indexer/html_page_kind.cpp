#include "indexer/html_page_kind.h"

#include <string_view>

#include "common/text.h"

namespace byline {

namespace {

bool is_listing_path(std::string_view path) {
  const std::string lower = ascii_lower(path);
  if (lower.empty() || lower == "/" || lower == "/index.html" || lower == "/index.php") return true;
  for (std::string_view part : {"/tag/", "/tags/", "/topic/", "/topics/", "/category/", "/categories/", "/author/",
                                "/authors/", "/search", "/archive/", "/section/", "/page/"})
    if (lower.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

PageKind classify_page(const PageKindSignals& s) {
  PageKind kind;
  const bool says_article = s.article_json_ld || s.og_type == "article" || s.og_type.rfind("article", 0) == 0;
  if (says_article) return kind;
  const bool says_website = s.og_type == "website" || s.og_type == "profile";
  if (says_website && !s.has_published && (s.page_link_density > 0.5 || s.body_words < 60)) {
    kind.is_article = false;
    kind.reason = "og:type " + s.og_type + ", no publication date, " +
                  (s.page_link_density > 0.5 ? "link-dense page" : "little running text");
  } else if (!s.has_published && is_listing_path(s.url_path) && !s.url_path.empty() && s.body_words < 300 &&
             s.page_link_density > 0.3) {
    kind.is_article = false;
    kind.reason = "listing URL, little running text";
  } else if (!s.has_published && s.page_link_density > 0.55 && s.body_words < 300) {
    kind.is_article = false;
    kind.reason = "link-dense page with little running text";
  }
  return kind;
}

}  // namespace byline
