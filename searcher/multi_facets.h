#pragma once
// Multi-select facets, as shops' faceted search has them: with
// `section:World` in the query the section facet still shows what every other
// section would give, so a user can widen or switch. The count for a
// dimension is taken over the query rebuilt without that dimension's own
// filter, from the query's top-level parts.
//
// Also: the extra facet dimensions (site, agency, author, lang) and the spy
// that counts a multi-valued slot (authors).

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace byline {

// The value slot a facet field is counted from, and the query field that
// filters it ("" when none may be removed for multi-select). nullopt for an
// unknown field name. Fields: section, date, site, agency, author, lang.
struct FacetDimension {
  std::string field;
  unsigned slot;
  std::string filter_field;  // query prefix whose filter multi-select removes
  bool multi_valued;         // slot holds several '\n'-separated values
};
std::optional<FacetDimension> facet_dimension(std::string_view field);

// `query` without its top-level `field:` filters, or nullopt when it has none,
// or when one cannot be removed without changing the rest of the query: a
// `field:` inside brackets, after NOT, -, + or next to an operator (AND, OR,
// XOR, NEAR, ADJ), or applied to a bracket (`section:(a OR b)`). The query
// must have passed check_query_syntax.
std::optional<std::string> query_without_field(std::string_view query, std::string_view field);

// Counts every value of a '\n'-separated multi-valued slot (each document
// counts once per distinct value).
class SplitValueCountSpy : public Xapian::MatchSpy {
 public:
  explicit SplitValueCountSpy(unsigned slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double wt) override;
  const std::map<std::string, std::uint64_t>& counts() const { return counts_; }
  Xapian::doccount total() const { return total_; }

 private:
  unsigned slot_;
  std::map<std::string, std::uint64_t> counts_;
  Xapian::doccount total_ = 0;
};

}  // namespace byline
