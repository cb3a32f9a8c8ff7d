#include "indexer/article_limits.h"

namespace byline {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::size_t count_words_ascii(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (is_space(c)) in_word = false;
    else if (!in_word) {
      ++words;
      in_word = true;
    }
  }
  return words;
}

// Keeps the first `keep` words of `text` (and the space between them).
void keep_words(std::string& text, std::size_t keep) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_space(text[i])) {
      in_word = false;
    } else if (!in_word) {
      if (words == keep) {
        text.resize(i);
        break;
      }
      ++words;
      in_word = true;
    }
  }
  while (!text.empty() && is_space(text.back())) text.pop_back();
}

// Cuts the body to `max_bytes`, preferring the end of a paragraph, then of a
// word, when one lies in the second half of what fits.
void cut_body(std::string& body, std::size_t max_bytes) {
  const std::size_t half = max_bytes / 2;
  const std::string_view fits = std::string_view(body).substr(0, max_bytes + 1);
  std::size_t cut = fits.rfind("\n\n", max_bytes);
  if (cut == std::string_view::npos || cut < half) {
    cut = std::string_view::npos;
    for (std::size_t i = std::min(max_bytes, body.size()); i > half; --i)
      if (is_space(body[i])) {
        cut = i;
        break;
      }
  }
  if (cut != std::string_view::npos) body.resize(cut);
  else truncate_utf8(body, max_bytes);
  while (!body.empty() && is_space(body.back())) body.pop_back();
}

}  // namespace

bool truncate_utf8(std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return false;
  std::size_t cut = max_bytes;
  // Back up over continuation bytes (10xxxxxx) to the start of a character.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return true;
}

ArticleLimitResult apply_article_limits(Article& a, const IndexLimits& limits) {
  ArticleLimitResult result;
  if (a.url.size() > limits.max_field_bytes) {
    result.skip_reason = "limit: url too long";
    return result;
  }
  const auto field = [&](std::string& value, const char* note) {
    if (truncate_utf8(value, limits.max_field_bytes)) result.notes.emplace_back(note);
  };
  field(a.title, "limit: title truncated");
  field(a.description, "limit: description truncated");
  field(a.section, "limit: section truncated");
  truncate_utf8(a.section_key, limits.max_field_bytes);  // derived from section: same note
  field(a.site_name, "limit: site name truncated");
  field(a.agency, "limit: agency truncated");
  if (a.authors.size() > limits.max_authors) {
    a.authors.resize(limits.max_authors);
    result.notes.emplace_back("limit: authors dropped");
  }
  bool author_cut = false;
  for (std::string& author : a.authors) author_cut |= truncate_utf8(author, limits.max_field_bytes);
  if (author_cut) result.notes.emplace_back("limit: author truncated");

  if (a.body.size() > limits.max_body_bytes) {
    cut_body(a.body, limits.max_body_bytes);
    result.notes.emplace_back("limit: body truncated");
  }
  const std::size_t head = count_words_ascii(a.title) + count_words_ascii(a.description);
  const std::size_t allowed = limits.max_terms > head ? limits.max_terms - head : 0;
  if (count_words_ascii(a.body) > allowed) {
    keep_words(a.body, allowed);
    result.notes.emplace_back("limit: too many terms, body truncated");
  }
  return result;
}

void ArticleLimitSink::accept(Article article) {
  ArticleLimitResult limited = apply_article_limits(article, limits_);
  // Articles carry no file position here; the URL (or id) says which one it was.
  const std::string where = article.url.empty() ? "id " + article.id : article.url.substr(0, 200);
  if (!limited.skip_reason.empty()) return inner_.skip(limited.skip_reason, where);
  for (const std::string& note : limited.notes) inner_.note(note, where);
  inner_.accept(std::move(article));
}

}  // namespace byline
