// The lead used as a snippet when none of the query's words is in the text.

#include <catch2/catch.hpp>

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

TEST_CASE("a lead snippet is escaped as Xapian's snippets are", "[unit][snippet]") {
  CHECK(lead_snippet("AT&T <b>not a tag</b>", 100, "") == "AT&amp;T &lt;b&gt;not a tag&lt;/b&gt;");
  // The limit counts the text's bytes, not the escapes'.
  CHECK(lead_snippet("a<b c", 3, "…") == "a&lt;b…");
}

TEST_CASE("a word longer than the lead is cut at a character boundary", "[unit][snippet]") {
  // "ééééé": 10 bytes; 5 bytes would split the third é.
  CHECK(lead_snippet("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 end", 5, "…") == "\xc3\xa9\xc3\xa9…");
}
