// Snippets: the lead used when none of the query's words is in the text, and
// the stemmer that remembers the words of the texts.

#include <catch2/catch.hpp>

#include <string>

#include "searcher/caching_stemmer.h"
#include "searcher/snippet.h"

using byline::lead_snippet;

TEST_CASE("a lead snippet is cut after a whole word and marked", "[unit][snippet]") {
  CHECK(lead_snippet("Rain over the harbour town tonight", 20, "…") == "Rain over the…");
  // Short enough: the whole text, nothing marked.
  CHECK(lead_snippet("Rain over the harbour", 21, "…") == "Rain over the harbour");
  CHECK(lead_snippet("", 20, "…").empty());
  // On one line, as Xapian's windows are made.
  CHECK(lead_snippet("  Rain\n\nover\tthe harbour  ", 40, "…") == "Rain over the harbour");
}

TEST_CASE("a long text's lead is the same as from the whole text, even after a run of spaces", "[unit][snippet]") {
  std::string words;
  for (int i = 0; i < 1000; ++i) words += "word ";
  CHECK(lead_snippet(words, 20, "…") == "word word word word…");
  // The text's first few hundred bytes are spaces: collapsed, they hold no lead.
  const std::string spaced = std::string(500, ' ') + "Rain over the harbour" + std::string(500, '\n') + "tonight";
  CHECK(lead_snippet(spaced, 20, "…") == "Rain over the…");
  CHECK(lead_snippet(spaced, 40, "…") == "Rain over the harbour tonight");
}

TEST_CASE("a lead snippet is escaped as Xapian's snippets are", "[unit][snippet]") {
  CHECK(lead_snippet("AT&T <b>not a tag</b>", 100, "") == "AT&amp;T &lt;b&gt;not a tag&lt;/b&gt;");
  // The limit counts the text's bytes, not the escapes'.
  CHECK(lead_snippet("a<b c", 3, "…") == "a&lt;b…");
}

TEST_CASE("a word longer than the lead is cut at a character boundary", "[unit][snippet]") {
  // "ééééé": 10 bytes; 5 bytes would split the third é.
  CHECK(lead_snippet("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 end", 5, "…") == "\xc3\xa9\xc3\xa9…");
}

TEST_CASE("a caching stemmer gives its stemmer's stems, from memory or not", "[unit][snippet]") {
  const Xapian::Stem english("en");
  Xapian::Stem cached(new byline::CachingStemmer(english));
  for (int pass = 0; pass < 2; ++pass)
    for (const char* word : {"running", "elections", "ministers", "flooded", "monsoon", "running", ""})
      CHECK(cached(word) == english(word));
  // Past its bound it forgets and goes on giving the same stems.
  for (int i = 0; i < 120000; ++i) {
    const std::string word = "word" + std::to_string(i) + "ing";
    if (i % 9973 == 0) CHECK(cached(word) == english(word));
    else cached(word);
  }
  CHECK(cached("elections") == "elect");
  CHECK_THAT(cached.get_description(), Catch::Contains("english"));
}
