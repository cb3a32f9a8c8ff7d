#include "searcher/multi_facets.h"

#include <set>
#include <vector>

#include "common/schema.h"

namespace byline {

namespace {

struct Piece {
  std::size_t start;
  std::size_t end;  // one past
  int depth;        // bracket depth at the token
  std::string_view text;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_operator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "XOR" || w == "NOT" || w == "NEAR" || w == "ADJ" || w.starts_with("NEAR/") ||
         w.starts_with("ADJ/");
}

// Words, quoted phrases (glued to a field prefix) and brackets, with depth.
std::vector<Piece> pieces(std::string_view q) {
  std::vector<Piece> out;
  int depth = 0;
  std::size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) {
      ++i;
    } else if (q[i] == '(' || q[i] == ')') {
      if (q[i] == ')') --depth;
      out.push_back({i, i + 1, depth, q.substr(i, 1)});
      if (q[i] == '(') ++depth;
      ++i;
    } else {
      const std::size_t start = i;
      while (i < q.size() && !is_space(q[i]) && q[i] != '(' && q[i] != ')') {
        if (q[i] == '"') {
          const std::size_t close = q.find('"', i + 1);
          i = close == std::string_view::npos ? q.size() - 1 : close;
        }
        ++i;
      }
      out.push_back({start, i, depth, q.substr(start, i - start)});
    }
  }
  return out;
}

}  // namespace

std::optional<FacetDimension> facet_dimension(std::string_view field) {
  namespace slot = schema::slot;
  if (field == "section") return FacetDimension{"section", slot::kSection, "section", false};
  // The date histogram shows the matches' own span: a date filter is kept.
  if (field == "date") return FacetDimension{"date", slot::kDay, "", false};
  if (field == "site") return FacetDimension{"site", slot::kSite, "site", false};
  if (field == "lang") return FacetDimension{"lang", slot::kLanguage, "lang", false};
  // agency: and author: are free-text fields that score: not removed.
  if (field == "agency") return FacetDimension{"agency", slot::kAgency, "agency", false};
  if (field == "author") return FacetDimension{"author", slot::kAuthors, "", true};
  return std::nullopt;
}

std::optional<std::string> query_without_field(std::string_view query, std::string_view field) {
  if (field.empty()) return std::nullopt;
  const std::string prefix = std::string(field) + ":";
  const std::vector<Piece> ps = pieces(query);
  std::set<std::size_t> removed;
  for (std::size_t k = 0; k < ps.size(); ++k) {
    std::string_view t = ps[k].text;
    const bool signed_word = !t.empty() && (t[0] == '-' || t[0] == '+');
    if (!(t.starts_with(prefix) || (signed_word && t.substr(1).starts_with(prefix)))) continue;
    if (signed_word || ps[k].depth != 0 || t.size() == prefix.size()) return std::nullopt;  // -f:x, (f:x), f:(…)
    if (k > 0 && is_operator(ps[k - 1].text)) return std::nullopt;
    if (k + 1 < ps.size() && is_operator(ps[k + 1].text) && ps[k + 1].text != "NOT") return std::nullopt;
    removed.insert(k);
  }
  if (removed.empty()) return std::nullopt;
  std::string rest;
  bool only_excluded = true;
  for (std::size_t k = 0; k < ps.size(); ++k) {
    if (removed.count(k)) continue;
    if (!rest.empty()) rest += ' ';
    rest.append(ps[k].text);
    if (!(ps[k].text.size() > 1 && ps[k].text[0] == '-')) only_excluded = false;
  }
  // "section:x -a -b" without its filter is every article without a or b;
  // "-a -b" alone is refused by the syntax check, so say it with NOT.
  if (only_excluded && !rest.empty()) {
    std::string nots;
    for (std::size_t k = 0; k < ps.size(); ++k)
      if (!removed.count(k)) nots += (nots.empty() ? "NOT " : " AND NOT ") + std::string(ps[k].text.substr(1));
    return nots;
  }
  return rest;
}

void SplitValueCountSpy::operator()(const Xapian::Document& doc, double) {
  ++total_;
  const std::string value = doc.get_value(slot_);
  std::set<std::string> seen;
  std::size_t start = 0;
  while (start <= value.size() && !value.empty()) {
    std::size_t end = value.find('\n', start);
    if (end == std::string::npos) end = value.size();
    if (end > start) {
      std::string one = value.substr(start, end - start);
      if (seen.insert(one).second) ++counts_[one];
    }
    start = end + 1;
  }
}

}  // namespace byline
