#pragma once
// Article extraction from an HTML page: title, authors and agency, publication
// and modification dates, section, site name, language, description and the
// body text without the page's furniture. Each field records where it came
// from in Article::provenance.
//
// Order of signals, strongest first (the first that yields a usable value wins):
//   title:     by agreement between the printed <h1> and the meta titles
//              (JSON-LD headline > og:title > twitter:title > parsely /
//              sailthru / dc.title > <title>, site-name parts cut): see
//              html_title.h.
//   authors:   JSON-LD author (Person names) > meta author / article:author /
//              parsely-author / sailthru.author / dc.creator / cXenseParse:author
//              > microdata itemprop=author > rel=author > visible byline
//              ("By …", "Reported by: …", class byline/author), cleaned of
//              dates, roles and glued "By" (html_byline.h); "A und B" /
//              "A og B" joins are split in every source. Organisations
//              and bylines naming an agency give Article::agency
//              (common/agency.h parse_byline).
//   published: JSON-LD datePublished > article:published_time > parsely-pub-date
//              > sailthru.date > cXenseParse:recs:publishtime > dc.date(.issued) >
//              itemprop=datePublished > date / pubdate / publish-date meta >
//              <time datetime> (pubdate or first) > a visible "Published …"
//              line > a date in the URL path (/2024/03/05/).
//              A date after the crawl time + 1 day, or before 1990, is dropped
//              with a note and the next signal is tried.
//   modified:  JSON-LD dateModified > article:modified_time > og:updated_time >
//              itemprop=dateModified.
//   section:   JSON-LD articleSection > article:section > parsely-section /
//              cXenseParse / sailthru / dc.subject meta > breadcrumb (JSON-LD
//              BreadcrumbList or a breadcrumb element) > first URL path segment.
//   language:  <html lang> > og:locale > content-language > JSON-LD inLanguage
//              > detect_language(body).
//   body:      html_body.h (boilerplate removal, with the site model of
//              HtmlContext::site_model when given), JSON-LD articleBody as a
//              hint; the articleBody itself when the DOM yields less than
//              half of its words (pages rendered by script).
// Dates are parsed with common/date_time.h parse_datetime; hints come from
// the URL's country TLD (.in → IN, .co.uk → GB …) or the page language.
//
// Bounds: pages over HtmlContext::max_html_bytes are skipped with a reason;
// nesting deeper than HtmlContext::max_html_depth is flattened by the DOM
// (html_dom.h) with a note. Input should be UTF-8; invalid bytes are
// replaced. Never throws on bad input.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/date_time.h"
#include "indexer/html_dom.h"

namespace byline {

inline constexpr std::size_t kMaxHtmlBytes = 16u << 20;

class SiteBoilerplate;

struct HtmlContext {
  std::string url;                  // where the page was fetched from, if known
  std::optional<DateTime> crawled;  // capture time; "now" is used when absent
  // Extract pages that are not articles too: they come back as `article` with
  // is_article=false and the note "page: not an article".
  bool keep_non_articles = false;
  // Optional per-run model of text repeated across a site's pages
  // (site_boilerplate.h): the page's blocks are learned, then blocks known to
  // repeat on the page's site (host of the URL) are dropped as furniture.
  // Not owned; the caller serialises calls that share a model.
  SiteBoilerplate* site_model = nullptr;
  // Bounds (common/limits.h): a larger page is skipped "page too large";
  // deeper nesting is flattened (at most kMaxHtmlDepth).
  std::size_t max_html_bytes = kMaxHtmlBytes;
  int max_html_depth = kMaxHtmlDepth;
};

struct HtmlExtraction {
  // finalize_article() applied; set when is_article, or for a non-article
  // page when HtmlContext::keep_non_articles is set.
  std::optional<Article> article;
  std::string skip_reason;         // set when !article: "page too large", "not an article (…)"…
  // Signals dropped or assumed, as fixed phrases so a run can count them
  // ("date: after crawl time, dropped", "date: zone assumed", "body: no prose
  // found", "page: not an article"); never page-specific text.
  std::vector<std::string> notes;
  bool is_article = true;
};

HtmlExtraction extract_html(std::string_view utf8_html, const HtmlContext& context);

// ISO 3166 country for date hints from a URL's top-level domain ("IN" for
// ".in" and ".co.in", "GB" for ".uk"); "" for generic TLDs. Exposed for tests.
std::string country_from_url(std::string_view url);

}  // namespace byline
