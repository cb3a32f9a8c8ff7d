#pragma once
// Field processors for the boolean filters whose values need normalising
// before they can be looked up: the user writes what they see ("India News",
// "www.Example.com", "English"), the index holds keys (XSindia, Hexample.com,
// Len). `date:` has its own file (date_filter.h).

#include <xapian.h>

namespace byline {

// `section:` → XS<section_key(value)>: "India News", "india" and "INDIA" all
// give XSindia.
class SectionFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

// `site:` → H<host>: lowercased, a leading "www." dropped; a full URL is
// reduced to its host.
class SiteFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

// `lang:` → L<code>: an ISO 639-1 code or a tag/name normalise_language_tag
// knows ("en", "en-GB", "English"); anything else is looked up lowercased.
class LanguageFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

// `url:` → U<url>, the exact stored URL. Without a scheme the value is tried
// with https:// and http://, each with and without "www.", so
// `url:example.com/a/b.html` finds https://www.example.com/a/b.html.
class UrlFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

}  // namespace byline
