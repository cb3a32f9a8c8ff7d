#include "indexer/field_mapping.h"

#include <fmt/format.h>

#include "common/errors.h"
#include "common/text.h"

namespace byline {

namespace {

constexpr std::array<std::string_view, kArticleFieldCount> kNames = {
    "id", "title", "date", "modified", "section", "author", "body", "description", "url", "site", "language"};

}  // namespace

bool parse_article_field(std::string_view name, ArticleField& field) {
  const std::string lower = ascii_lower(trim(name));
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (lower == kNames[i]) {
      field = static_cast<ArticleField>(i);
      return true;
    }
  }
  // Accepted synonyms on the command line.
  if (lower == "authors" || lower == "byline") { field = ArticleField::Author; return true; }
  if (lower == "lang") { field = ArticleField::Language; return true; }
  if (lower == "site_name" || lower == "source") { field = ArticleField::SiteName; return true; }
  return false;
}

std::string_view article_field_name(ArticleField field) { return kNames[static_cast<std::size_t>(field)]; }

FieldMapping FieldMapping::automatic() {
  FieldMapping m;
  const auto set = [&m](ArticleField f, std::vector<std::string> names) { m.paths_[static_cast<std::size_t>(f)] = std::move(names); };
  set(ArticleField::Id, {"id", "_id", "uuid", "guid", "article_id"});
  set(ArticleField::Title, {"title", "headline", "heading"});
  set(ArticleField::Date, {"date", "publishedAt", "published_at", "date_publish", "datePublished", "published",
                           "pubDate", "publish_date", "published_date", "publication_date", "created_at", "time"});
  set(ArticleField::Modified, {"modified", "dateModified", "date_modify", "updatedAt", "updated_at", "updated",
                               "last_modified"});
  // categories_seen: NewsAPI-derived exports keep the categories a story was listed under.
  set(ArticleField::Section, {"section", "category", "categories", "categories_seen", "section_name", "desk"});
  set(ArticleField::Author, {"author", "authors", "byline", "creator", "writer"});
  set(ArticleField::Body, {"body", "content", "text", "articleBody", "article_body", "maintext", "full_text", "article"});
  set(ArticleField::Description, {"description", "summary", "subtitle", "standfirst", "dek", "abstract", "lead"});
  set(ArticleField::Url, {"url", "link", "canonical_url", "uri", "permalink"});
  set(ArticleField::SiteName, {"source.name", "site_name", "publisher.name", "publisher", "source", "site",
                               "source_domain"});
  set(ArticleField::Language, {"language", "lang", "locale", "inLanguage"});
  return m;
}

void FieldMapping::apply_overrides(std::string_view spec) {
  for (std::string_view item : split(spec, ',')) {
    item = trim(item);
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size())
      throw UsageError(fmt::format("--map: '{}' is not FIELD=PATH (e.g. title=headline,date=meta.published)", item));
    ArticleField field;
    if (!parse_article_field(item.substr(0, eq), field))
      throw UsageError(fmt::format("--map: unknown field '{}' (fields: id, title, date, modified, section, author, "
                                   "body, description, url, site, language)",
                                   item.substr(0, eq)));
    paths_[static_cast<std::size_t>(field)] = {std::string(trim(item.substr(eq + 1)))};
  }
}

}  // namespace byline
