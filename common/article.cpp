#include "common/article.h"

#include "common/hash.h"
#include "common/section.h"
#include "common/text.h"
#include "common/url.h"

namespace byline {

void finalize_article(Article& article, std::string_view source_id) {
  if (article.site.empty() && !article.url.empty()) article.site = url_host(article.url);
  if (article.section_key.empty() && !article.section.empty()) article.section_key = section_key(article.section);
  if (!article.id.empty()) return;
  if (!article.url.empty() && is_http_url(article.url)) {
    article.id = stable_hash_hex(canonical_url(article.url));
  } else if (!source_id.empty()) {
    article.id = std::string(source_id);
  } else {
    // No URL and no id: the article is identified by what it is, so that the
    // same page indexed again from another path replaces itself.
    std::string identity = collapse_whitespace(article.title);
    identity += '\x1f';
    if (article.published) identity += article.published->local_date().iso();
    identity += '\x1f';
    identity += article.site;
    if (article.title.empty()) identity += article.body.substr(0, 512);
    article.id = stable_hash_hex(identity);
  }
}

}  // namespace byline
