#pragma once
// Field processors for the boolean filters whose values need normalising
// before they can be looked up: the user writes what they see ("India News",
// "www.Example.com", "English"), the index holds keys (XSindia, Hexample.com,
// Len). `date:` has its own file (date_filter.h).

#include <xapian.h>

#include "common/analyzer.h"
#include "searcher/column_filter.h"

namespace byline {

// A filter on one value of a facet slot: its boolean term, or the facet
// column when the filter is large enough (column_filter.h).
class ColumnFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit ColumnFieldProcessor(ColumnLookup lookup) : lookup_(std::move(lookup)) {}

 protected:
  // The documents whose value in `slot` is `value`, whose term is `term`.
  Xapian::Query filter(unsigned slot, const std::string& value, const std::string& term) const;

 private:
  ColumnLookup lookup_;
};

// `section:` → XS<section_key(value)>: "India News", "india" and "INDIA" all
// give XSindia; "Opinions" gives XSopinion, or XSopinions in an index written
// before plurals were folded.
class SectionFieldProcessor : public ColumnFieldProcessor {
 public:
  using ColumnFieldProcessor::ColumnFieldProcessor;
  Xapian::Query operator()(const std::string& value) override;
};

// `site:` → H<host>: lowercased, a leading "www." dropped; a full URL is
// reduced to its host.
class SiteFieldProcessor : public ColumnFieldProcessor {
 public:
  using ColumnFieldProcessor::ColumnFieldProcessor;
  Xapian::Query operator()(const std::string& value) override;
};

// `lang:` → L<code>: an ISO 639-1 code or a tag/name normalise_language_tag
// knows ("en", "en-GB", "English"); anything else is looked up lowercased.
class LanguageFieldProcessor : public ColumnFieldProcessor {
 public:
  using ColumnFieldProcessor::ColumnFieldProcessor;
  Xapian::Query operator()(const std::string& value) override;
};

// `agency:` → the agency's key term (XG<key>: "pti", "PTI" and "Press Trust
// of India" all give XGpti, the key the agency facet lists) OR the words of
// the credited name (XA…, stemmed as the index is; several words must be a
// phrase), so that `agency:pti`, `agency:reuters` and `agency:"press trust"`
// all find what they name. A filter: it adds no weight.
class AgencyFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit AgencyFieldProcessor(const Analyzer& analyzer);
  Xapian::Query operator()(const std::string& value) override;

 private:
  Xapian::QueryParser words_;
};

// `url:` → U<url>, the exact stored URL. Without a scheme the value is tried
// with https:// and http://, each with and without "www.", so
// `url:example.com/a/b.html` finds https://www.example.com/a/b.html.
class UrlFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

}  // namespace byline
