#include "indexer/document_builder.h"

#include <cctype>

#include "common/agency.h"
#include "common/schema.h"
#include "common/section.h"
#include "common/stored_fields.h"
#include "indexer/near_duplicates.h"

namespace byline {

namespace {

std::string agency_key_for(const std::string& agency) {
  if (auto known = match_agency(agency)) return known->key;
  return label_key(agency);  // lowercase words joined by '-'
}

}  // namespace

bool body_repeats(std::string_view body, std::string_view description) {
  if (description.empty()) return false;
  // A byte inside a word: letters, digits, and any byte of a non-ASCII character.
  const auto word_byte = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) != 0;
  };
  // Near the start (a dateline or a kicker may come first), and as whole
  // words: a description "year" is not repeated by a body saying "years".
  constexpr std::size_t kLeadBytes = 300;
  const std::string_view lead = body.substr(0, description.size() + kLeadBytes);
  for (std::size_t at = lead.find(description); at != std::string_view::npos; at = lead.find(description, at + 1)) {
    const std::size_t end = at + description.size();
    const bool starts_word = at == 0 || !word_byte(body[at - 1]) || !word_byte(description.front());
    const bool ends_word = end == body.size() || !word_byte(body[end]) || !word_byte(description.back());
    if (starts_word && ends_word) return true;
  }
  return false;
}

std::string id_term(const std::string& article_id) { return schema::boolean_term(schema::prefix::kId, article_id); }

DocumentBuilder::DocumentBuilder(const Analyzer& analyzer) { analyzer.configure(generator_); }

void DocumentBuilder::attach(Xapian::WritableDatabase db, bool find_stories, bool spelling) {
  generator_.set_database(db);
  if (spelling) {
    try {
      // The in-memory backend keeps no spelling table: it would throw on the
      // first word. Probe once and index without spelling data there.
      db.add_spelling("byline", 1);
      db.remove_spelling("byline", 1);
      generator_.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    } catch (const Xapian::UnimplementedError&) {
    }
  }
  db_ = std::move(db);
  find_stories_ = find_stories;
}

Xapian::Document DocumentBuilder::build(const Article& a) {
  namespace prefix = schema::prefix;
  namespace slot = schema::slot;
  Xapian::Document doc;
  generator_.set_document(doc);

  // Free text. The title goes in twice: unprefixed with a higher wdf so that it
  // ranks above body matches, and under S for `title:` searches.
  if (!a.title.empty()) {
    generator_.index_text(a.title, schema::kTitleWdf);
    generator_.increase_termpos();
    generator_.index_text(a.title, 1, std::string(prefix::kTitle));
    generator_.increase_termpos();
  }
  if (!a.description.empty() && !body_repeats(a.body, a.description)) {
    generator_.index_text(a.description);
    generator_.increase_termpos();
  }
  if (!a.body.empty()) {
    generator_.index_text(a.body);
    generator_.increase_termpos();
  }
  for (const std::string& author : a.authors) {
    generator_.index_text(author, 1, std::string(prefix::kAuthor));
    generator_.increase_termpos();
  }
  if (!a.authors.empty()) {
    std::string names;
    for (const std::string& author : a.authors) names += (names.empty() ? "" : "\n") + author;
    doc.add_value(slot::kAuthors, names);
  }
  if (!a.agency.empty()) {
    generator_.index_text(a.agency, 1, std::string(prefix::kAgency));
    generator_.increase_termpos();
    const std::string key = agency_key_for(a.agency);
    doc.add_boolean_term(schema::boolean_term(prefix::kAgencyKey, key));
    doc.add_value(slot::kAgency, key);
  }
  if (!a.section.empty()) generator_.index_text(a.section, 1, std::string(prefix::kSectionText));

  // Filters.
  doc.add_boolean_term(id_term(a.id));
  if (!a.site.empty()) {
    doc.add_boolean_term(schema::boolean_term(prefix::kSite, a.site));
    doc.add_value(slot::kSite, a.site);
  }
  if (!a.url.empty()) doc.add_boolean_term(schema::boolean_term(prefix::kUrl, a.url));
  if (!a.language.empty()) {
    doc.add_boolean_term(schema::boolean_term(prefix::kLanguage, a.language));
    doc.add_value(slot::kLanguage, a.language);
  }
  if (!a.section_key.empty()) {
    doc.add_boolean_term(schema::boolean_term(prefix::kSection, a.section_key));
    doc.add_value(slot::kSection, a.section_key);
  }
  if (a.published) {
    const CivilDate day = a.published->local_date();
    const std::string ymd = day.yyyymmdd();
    doc.add_boolean_term(std::string(prefix::kDay) + ymd);
    doc.add_boolean_term(std::string(prefix::kMonth) + ymd.substr(0, 6));
    doc.add_boolean_term(std::string(prefix::kYear) + ymd.substr(0, 4));
    doc.add_value(slot::kDay, ymd);
    doc.add_value(slot::kPublished, Xapian::sortable_serialise(static_cast<double>(a.published->epoch_seconds)));
  }
  if (a.modified)
    doc.add_value(slot::kModified, Xapian::sortable_serialise(static_cast<double>(a.modified->epoch_seconds)));

  // Wire copies: a fingerprint of the body, and the story key of the most
  // similar article already indexed (or this article's own id).
  std::string story = a.id;
  if (const auto signature = minhash_signature(a.body.empty() ? a.description : a.body)) {
    doc.add_value(slot::kFingerprint, encode_signature(*signature));
    for (const std::string& term : band_terms(*signature)) doc.add_boolean_term(term);
    if (db_ && find_stories_)
      if (auto found = find_story(*db_, *signature, id_term(a.id))) story = std::move(*found);
  }
  doc.add_value(slot::kStory, story);
  doc.add_boolean_term(schema::boolean_term(prefix::kStory, story));

  doc.set_data(encode_stored_fields(a));
  return doc;
}

}  // namespace byline
