#pragma once
// The extraction JSON of one article, as `byline extract --json` prints it and
// the extraction scorer reads it: title, authors, agency, date (ISO 8601 with
// the publication's offset), date_utc, local_day, modified, crawled, section,
// section_key, site, site_name, lang, url, description, body, and provenance
// (where each field came from). Absent values are null or empty.

#include <string>

#include "common/article.h"

namespace byline {

// One line of JSON, no trailing newline. Never throws on odd text.
std::string article_to_json(const Article& article);

}  // namespace byline
