#pragma once
// The document data: the article fields kept in each Xapian document so that
// results can be shown without another store. Encoded as one JSON object; both
// the indexer (write) and the searcher (read) go through these two functions.
// JSON keeps the data readable with Xapian's own tools. It is read back for
// every hit shown, so it is decoded with simdjson: nlohmann's parser took an
// eighth of a selective query's time.
//
// Keys: id, url, site, site_name, title, description, section, section_key,
// authors (array), agency, lang, body, and for each of published, modified
// and crawled: the date as ISO 8601 with the publication's offset (for
// reading), <name>_epoch and <name>_offset (minutes), and <name>_date_only /
// <name>_zone_unknown when true (what decoding reads). Empty fields are left out.

#include <string>

#include "common/article.h"

namespace byline {

std::string encode_stored_fields(const Article& article);
// Throws IndexError if `data` is not byline's encoding.
Article decode_stored_fields(const std::string& data);

}  // namespace byline
