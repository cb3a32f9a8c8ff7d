#pragma once
// Which JSON field holds which article field. Exports name their fields in
// many ways (NewsAPI's publishedAt, news-please's date_publish, schema.org's
// articleBody…); the automatic mapping knows the usual names, and `--map`
// overrides any of them with a dotted path ("section=meta.desk").

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

enum class ArticleField { Id, Title, Date, Modified, Section, Author, Body, Description, Url, SiteName, Language };
inline constexpr std::size_t kArticleFieldCount = 11;

// "title", "date", … as used in --map; nullopt-like: returns false if unknown.
bool parse_article_field(std::string_view name, ArticleField& field);
std::string_view article_field_name(ArticleField field);

class FieldMapping {
 public:
  // The usual names, tried in order (see field_mapping.cpp for the lists).
  static FieldMapping automatic();

  // Applies "title=headline,date=meta.published": each named field is read
  // from that path only. Throws UsageError on an unknown field or bad syntax.
  void apply_overrides(std::string_view spec);

  // Candidate dotted paths for a field, in priority order.
  const std::vector<std::string>& paths(ArticleField field) const { return paths_[static_cast<std::size_t>(field)]; }

 private:
  std::array<std::vector<std::string>, kArticleFieldCount> paths_;
};

}  // namespace byline
