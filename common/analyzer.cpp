#include "common/analyzer.h"

#include <charconv>
#include <memory>
#include <mutex>

#include <fmt/format.h>
#include <libstemmer.h>

#include "common/errors.h"
#include "common/schema.h"
#include "common/version.h"

namespace byline {

namespace {

// Adapts a libstemmer stemmer to Xapian's interface. libstemmer's stemmer keeps
// state, so each call is serialised; Xapian reference-counts the object.
class LibstemmerImplementation : public Xapian::StemImplementation {
 public:
  LibstemmerImplementation(sb_stemmer* stemmer, std::string language)
      : stemmer_(stemmer), language_(std::move(language)) {}
  ~LibstemmerImplementation() override { sb_stemmer_delete(stemmer_); }

  std::string operator()(const std::string& word) override {
    std::lock_guard lock(mutex_);
    const sb_symbol* stemmed =
        sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (stemmed == nullptr) return word;  // out of memory inside libstemmer: index the word unstemmed
    return std::string(reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  }
  std::string get_description() const override { return "libstemmer:" + language_; }

 private:
  sb_stemmer* stemmer_;
  std::string language_;
  std::mutex mutex_;
};

}  // namespace

Xapian::Stem make_stemmer(std::string_view language) {
  if (language == "none" || language.empty()) return Xapian::Stem();
  const std::string name(language);
  try {
    return Xapian::Stem(name);
  } catch (const Xapian::InvalidArgumentError&) {
    // Not one of Xapian's: try libstemmer.
  }
  if (sb_stemmer* stemmer = sb_stemmer_new(name.c_str(), "UTF_8"))
    return Xapian::Stem(new LibstemmerImplementation(stemmer, name));
  throw UsageError(fmt::format("unknown stemming language '{}' (try english, french, hindi, russian, none)", name));
}

std::string snowball_name_for(std::string_view iso_code) {
  static constexpr std::pair<const char*, const char*> kCodes[] = {
      {"en", "english"}, {"fr", "french"},     {"de", "german"},  {"es", "spanish"}, {"it", "italian"},
      {"pt", "portuguese"}, {"ru", "russian"}, {"hi", "hindi"},   {"ta", "tamil"},   {"ar", "arabic"},
      {"nl", "dutch"},   {"sv", "swedish"},    {"da", "danish"},  {"fi", "finnish"}, {"tr", "turkish"},
      {"ne", "nepali"},  {"id", "indonesian"}, {"ro", "romanian"}, {"hu", "hungarian"}, {"no", "norwegian"}};
  for (const auto& [code, name] : kCodes)
    if (iso_code == code) return name;
  return "";
}

Analyzer::Analyzer(AnalyzerSettings settings)
    : settings_(std::move(settings)), stemmer_(make_stemmer(settings_.stem_language)) {
  if (settings_.stem_language.empty()) settings_.stem_language = "none";
}

Analyzer Analyzer::from_database(const Xapian::Database& db) {
  const std::string version = db.get_metadata(std::string(schema::metadata::kSchemaVersion));
  if (version.empty())
    throw IndexError("not a byline index (no schema version recorded); build one with `byline index`");
  int number = 0;
  std::from_chars(version.data(), version.data() + version.size(), number);
  if (number != schema::kSchemaVersion)
    throw IndexError(fmt::format("index has schema version {}, this byline reads version {}; re-index it",
                                 version, schema::kSchemaVersion));
  AnalyzerSettings settings;
  settings.stem_language = db.get_metadata(std::string(schema::metadata::kStemLanguage));
  if (settings.stem_language.empty()) settings.stem_language = "none";
  return Analyzer(settings);
}

void Analyzer::record_in(Xapian::WritableDatabase& db) const {
  const std::string key_version(schema::metadata::kSchemaVersion);
  const std::string key_stem(schema::metadata::kStemLanguage);
  const std::string existing = db.get_metadata(key_version);
  if (!existing.empty()) {
    const Analyzer recorded = from_database(db);  // throws on another schema version
    if (recorded.settings().stem_language != settings_.stem_language)
      throw IndexError(fmt::format("index was built with stemming language '{}', not '{}'; use the same "
                                   "--language or a new --db",
                                   recorded.settings().stem_language, settings_.stem_language));
    return;
  }
  if (db.get_doccount() != 0) throw IndexError("database holds documents but no byline schema; use a new --db");
  db.set_metadata(key_version, std::to_string(schema::kSchemaVersion));
  db.set_metadata(key_stem, settings_.stem_language);
  db.set_metadata(std::string(schema::metadata::kCreatedBy), std::string("byline ") + kBylineVersion);
}

void Analyzer::configure(Xapian::TermGenerator& generator) const {
  generator.set_stemmer(stemmer_);
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

void Analyzer::configure(Xapian::QueryParser& parser) const {
  parser.set_stemmer(stemmer_);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
}

}  // namespace byline
