#pragma once
// Test fixture for the index tier: a reproducible archive of generated
// articles (fixed seed, invented words and names) written into an in-memory
// Xapian database through the real DocumentBuilder, together with the
// brute-force helpers the tests use as an oracle. All text here is made up.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <xapian.h>

#include "common/analyzer.h"
#include "common/article.h"
#include "common/schema.h"
#include "common/section.h"
#include "indexer/document_builder.h"
#include "searcher/searcher.h"

namespace byline::testing {

// Invented words that the English stemmer leaves as they are (checked by a
// test), so that the oracle can match them by plain string comparison.
inline const std::vector<std::string> kVocabulary = {
    "bravok", "cindap", "dolmux", "ferrib", "gaspod", "hulmak", "jirtap", "kolbud", "lemnox", "mirdak",
    "norpib", "pastox", "quilmad", "rovkap", "sultib", "tarnok", "umbrad", "velkop", "wistab", "yarmux",
    "zendok", "altrap", "berkud", "corvib", "dextom", "elbrok", "fandup", "gorbix", "hestod", "jumbak"};
inline const std::vector<std::string> kSectionLabels = {"India News", "World", "Business", "Science & Tech",
                                                        "Sports", ""};
inline const std::vector<std::string> kSites = {"example.com", "news.example.org", "dailyplanet.in"};
inline const std::vector<std::string> kAuthors = {"Asha Rao", "Marcus Bell", "Lin Chow", "Priya Nair",
                                                  "Tomas Ek"};
inline const std::vector<std::string> kAgencies = {"", "", "Asian News International", "Press Trust of India",
                                                   "Reuters"};
// The section whose label is *not* recorded as metadata, to exercise the
// fallback to the label stored in a document.
inline const std::string kUnrecordedSection = "Science & Tech";

inline constexpr int kIst = 330;

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  // Skewed towards the front of the vocabulary, so common and rare words exist.
  const std::string& word() {
    const double x = std::uniform_real_distribution<double>(0, 1)(rng_);
    return kVocabulary[static_cast<std::size_t>(x * x * static_cast<double>(kVocabulary.size()))];
  }
  std::string words(std::size_t min, std::size_t max) {
    const std::size_t n = min + pick(max - min + 1);
    std::string text;
    for (std::size_t i = 0; i < n; ++i) text += (i ? " " : "") + word();
    return text;
  }

  Article article(std::size_t index) {
    Article a;
    a.title = words(3, 6);
    if (chance(0.7)) a.description = words(5, 10);
    if (chance(0.9)) a.body = words(15, 30) + "\n\n" + words(10, 30);
    a.section = kSectionLabels[pick(kSectionLabels.size())];
    const std::string& site = kSites[pick(kSites.size())];
    a.url = fmt::format("https://www.{}/{}/story-{}.html", site, a.section.empty() ? "misc" : section_key(a.section),
                        index);
    for (std::size_t n = pick(3); n > 0; --n) {
      const std::string& name = kAuthors[pick(kAuthors.size())];
      if (std::find(a.authors.begin(), a.authors.end(), name) == a.authors.end()) a.authors.push_back(name);
    }
    a.agency = kAgencies[pick(kAgencies.size())];
    a.language = chance(0.8) ? "en" : "hi";
    if (chance(0.9)) {
      // 2022-11-01 .. 2024-10-31
      const std::int64_t first = days_from_civil({2022, 11, 1});
      const std::int64_t last = days_from_civil({2024, 10, 31});
      const CivilDate day = civil_from_days(first + static_cast<std::int64_t>(pick(static_cast<std::size_t>(last - first + 1))));
      a.published = DateTime::from_local(day, static_cast<int>(pick(24)), static_cast<int>(pick(60)), 0,
                                         chance(0.8) ? kIst : 0);
    }
    finalize_article(a);
    return a;
  }

 private:
  std::mt19937 rng_;
};

// Writes `articles` into a new in-memory database with the default analyzer,
// recording section labels as the indexer does (except kUnrecordedSection).
// Generated articles where every tenth one is a wire copy of an earlier one
// (same text on another site), so that stories with several articles exist.
inline std::vector<Article> with_wire_copies(std::size_t first, std::size_t count, std::uint32_t seed) {
  Generator gen(seed);
  std::vector<Article> out;
  for (std::size_t i = first; i < first + count; ++i) {
    if (i % 10 == 9 && !out.empty()) {
      Article copy = out[gen.pick(out.size())];
      copy.id.clear();
      copy.url = fmt::format("https://copies.example.net/wire/{}.html", i);
      copy.site.clear();
      finalize_article(copy);
      out.push_back(copy);
    } else {
      out.push_back(gen.article(i));
    }
  }
  return out;
}

inline Xapian::WritableDatabase make_database(const std::vector<Article>& articles) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Analyzer analyzer{AnalyzerSettings{}};
  analyzer.record_in(db);
  DocumentBuilder builder(analyzer);
  for (const Article& a : articles) {
    db.replace_document(id_term(a.id), builder.build(a));
    if (!a.section_key.empty() && a.section != kUnrecordedSection)
      db.set_metadata(std::string(schema::metadata::kSectionLabelPrefix) + a.section_key, a.section);
  }
  db.commit();
  return db;
}

// The generated archive: 300 articles plus a few written for specific tests.
struct Archive {
  std::vector<Article> articles;
  Xapian::WritableDatabase db;
};

inline Article handmade(const std::string& title, const std::string& body, const std::string& section,
                        std::optional<DateTime> published, const std::string& slug) {
  Article a;
  a.title = title;
  a.body = body;
  a.section = section;
  a.url = "https://www.example.com/special/" + slug;
  a.language = "en";
  a.published = published;
  finalize_article(a);
  return a;
}

inline const Archive& generated_archive() {
  static const Archive archive = [] {
    Generator gen(20240107);
    std::vector<Article> articles;
    for (std::size_t i = 0; i < 300; ++i) articles.push_back(gen.article(i));
    // 00:30 IST on 7 January 2024 is 19:00 UTC on 6 January: filed on the 7th.
    articles.push_back(handmade("Nightjar sighting over the lake", "Birdwatchers waited past midnight.", "World",
                                DateTime::from_local({2024, 1, 7}, 0, 30, 0, kIst), "nightjar"));
    // Ranking pair: the same word once in a title, once in a body of the same length.
    articles.push_back(handmade("Kestrel wins the regional prize", "Judges praised the entry and its colours.",
                                "Sports", DateTime::from_local({2023, 5, 2}, 10, 0, 0, kIst), "kestrel-title"));
    articles.push_back(handmade("Regional prize goes to a painter", "Judges praised the kestrel and its colours.",
                                "Sports", DateTime::from_local({2023, 5, 3}, 10, 0, 0, kIst), "kestrel-body"));
    auto db = make_database(articles);
    return Archive{std::move(articles), std::move(db)};
  }();
  return archive;
}

// One Searcher over the generated archive, shared by the test cases of a binary.
inline const Searcher& generated_searcher() {
  static const Searcher searcher(generated_archive().db);
  return searcher;
}

// Oracle helpers: plain scans over the generated articles.
inline std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

inline bool has_word(const std::string& text, const std::string& word) {
  const auto t = tokens(text);
  return std::find(t.begin(), t.end(), word) != t.end();
}

// Unprefixed free text: title, description and body.
inline bool mentions(const Article& a, const std::string& word) {
  return has_word(a.title, word) || has_word(a.description, word) || has_word(a.body, word);
}

inline bool has_phrase(const std::string& text, const std::string& first, const std::string& second) {
  const auto t = tokens(text);
  for (std::size_t i = 0; i + 1 < t.size(); ++i)
    if (t[i] == first && t[i + 1] == second) return true;
  return false;
}

inline std::set<std::string> oracle_ids(const std::vector<Article>& articles,
                                        const std::function<bool(const Article&)>& match) {
  std::set<std::string> ids;
  for (const Article& a : articles)
    if (match(a)) ids.insert(a.id);
  return ids;
}

inline std::optional<CivilDate> local_day(const Article& a) {
  if (!a.published) return std::nullopt;
  return a.published->local_date();
}

}  // namespace byline::testing
