#pragma once
// The analyzer: how text becomes terms. Built in exactly one place so that
// indexing and query parsing can never drift apart; its settings are recorded
// in the database and a searcher rebuilds it from there.

#include <string>
#include <string_view>

#include <xapian.h>

namespace byline {

struct AnalyzerSettings {
  // Snowball language name ("english", "french", "hindi"…), or "none".
  std::string stem_language = "english";
};

class Analyzer {
 public:
  // Throws UsageError for a language neither Xapian nor libstemmer knows.
  explicit Analyzer(AnalyzerSettings settings);

  // Reads the settings recorded in `db`; throws IndexError when the database
  // was not written by byline or has another schema version.
  static Analyzer from_database(const Xapian::Database& db);
  // Records the schema version and these settings in `db`. If `db` already
  // holds a byline index with other settings, throws IndexError.
  void record_in(Xapian::WritableDatabase& db) const;

  void configure(Xapian::TermGenerator& generator) const;
  void configure(Xapian::QueryParser& parser) const;

  const Xapian::Stem& stemmer() const { return stemmer_; }
  const AnalyzerSettings& settings() const { return settings_; }

 private:
  AnalyzerSettings settings_;
  Xapian::Stem stemmer_;
};

// A Xapian stemmer for `language`: Xapian's own Snowball stemmers first, then
// libstemmer's (Hindi is only there). "none" gives a stemmer that does nothing.
// Throws UsageError if neither knows the language.
Xapian::Stem make_stemmer(std::string_view language);

// Snowball name for an ISO 639-1 code ("en" -> "english"), "" if none.
std::string snowball_name_for(std::string_view iso_code);

}  // namespace byline
