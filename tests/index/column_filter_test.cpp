// Filters read from the facet column (searcher/column_filter.h): the posting
// source's moves on a column made by hand, the size rule that picks the column
// or the term, and whole searches on an index written by the real writer,
// filtered through the column and through the terms, which must agree hit for
// hit.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>

#include "indexer/index_writer.h"
#include "searcher/column_filter.h"
#include "searcher/facet_column.h"
#include "searcher/searcher.h"
#include "tests/index/generated_archive.h"
#include "tests/support/column_off_searcher.h"
#include "tests/support/temp_dir.h"

using namespace byline;
using namespace byline::testing;

namespace {

using byline::test::searcher_without_column;
using byline::test::TempDir;

// Docids 1..12; code 1 = "a", 2 = "b", 0 = no value.
std::shared_ptr<const FacetColumn> hand_column() {
  auto column = std::make_shared<FacetColumn>();
  column->codes = {0, 1, 2, 0, 1, 1, 2, 2, 2, 0, 0, 2, 1};
  column->values = {"", "a", "b"};
  column->code_count = 3;
  column->code_counts = {4, 4, 5};
  column->code_of = {{"a", 1}, {"b", 2}};
  column->code_first = {0, 1, 2};
  column->code_last = {10, 12, 11};
  return column;
}

ColumnFilterSource source_accepting(std::uint32_t code) {
  auto accepted = std::make_shared<std::vector<char>>(3, 0);
  (*accepted)[code] = 1;
  const auto column = hand_column();
  return ColumnFilterSource(column, accepted, column->code_counts[code], column->code_first[code],
                            column->code_last[code], "test");
}

std::vector<Xapian::docid> all_of(ColumnFilterSource& source) {
  std::vector<Xapian::docid> out;
  for (source.next(0); !source.at_end(); source.next(0)) out.push_back(source.get_docid());
  return out;
}

// The generated articles written by the real index writer, which keeps the column.
const std::string& written_archive() {
  static TempDir dir("byline-column-filter");
  static const std::string path = [] {
    const std::string p = dir.str();
    IndexWriter writer(p, AnalyzerSettings{}, IndexWriterOptions{});
    for (const Article& a : generated_archive().articles) writer.accept(a);
    writer.finish();
    return p;
  }();
  return path;
}

}  // namespace

TEST_CASE("column filter source: next, skip_to and check move as a posting list would", "[index][column_filter]") {
  const Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  ColumnFilterSource b = source_accepting(2);
  b.init(db);
  CHECK(b.get_termfreq_est() == 5);
  CHECK(all_of(b) == std::vector<Xapian::docid>{2, 6, 7, 8, 11});

  ColumnFilterSource a = source_accepting(1);
  a.init(db);
  a.skip_to(2, 0);
  CHECK(a.get_docid() == 4);
  a.skip_to(3, 0);  // behind the current position: stays
  CHECK(a.get_docid() == 4);
  a.skip_to(5, 0);
  CHECK(a.get_docid() == 5);
  // check(): true on a match, false on a miss; next() then moves past the miss.
  CHECK(a.check(6, 0) == false);
  a.next(0);
  CHECK(a.get_docid() == 12);
  CHECK(a.check(4, 0));
  CHECK(a.get_docid() == 4);
  CHECK_FALSE(a.check(7, 0));
  a.skip_to(7, 0);  // to the rejected docid itself: the next match after it
  CHECK(a.get_docid() == 12);
  a.next(0);
  CHECK(a.at_end());
  // Past the column's last docid: at the end, as skip_to would be.
  ColumnFilterSource again = source_accepting(1);
  again.init(db);
  CHECK(again.check(40, 0));
  CHECK(again.at_end());
  // Outside the range its documents lie in, check() leaps as skip_to would:
  // before it to its first document, after it to the end.
  ColumnFilterSource leaps = source_accepting(2);  // docids 2 .. 11
  leaps.init(db);
  CHECK(leaps.check(1, 0));
  CHECK(leaps.get_docid() == 2);
  CHECK_FALSE(leaps.check(9, 0));
  leaps.next(0);
  CHECK(leaps.get_docid() == 11);
  CHECK(leaps.check(12, 0));
  CHECK(leaps.at_end());
}

TEST_CASE("column filters are used for large filters only, and never without a column", "[index][column_filter]") {
  const auto column = hand_column();
  const ColumnLookup lookup = [&column](unsigned) { return column; };
  const auto is = [](const char* value) { return [value](const std::string& v) { return v == value; }; };
  CHECK(column_filter(lookup, schema::slot::kSection, is("a"), "a"));
  CHECK_FALSE(column_filter(lookup, schema::slot::kSection, is("zzz"), "zzz"));  // nothing: the term says so too
  CHECK(column_filter(lookup, schema::slot::kSection, std::string("b"), "b"));
  CHECK_FALSE(column_filter(lookup, schema::slot::kSection, std::string("zzz"), "zzz"));
  CHECK_FALSE(column_filter(ColumnLookup{}, schema::slot::kSection, is("a"), "a"));
  CHECK_FALSE(column_filter([](unsigned) { return std::shared_ptr<const FacetColumn>(); }, schema::slot::kSection,
                            is("a"), "a"));
  // 1 document in 13 * kMinColumnShare docids: below the share, the term is kept.
  auto sparse = std::make_shared<FacetColumn>(*column);
  sparse->codes.assign(13 * kMinColumnShare, 0);
  sparse->codes[7] = 1;
  sparse->code_counts = {static_cast<Xapian::doccount>(sparse->codes.size() - 1), 1, 0};
  CHECK_FALSE(column_filter([&sparse](unsigned) { return sparse; }, schema::slot::kSection, is("a"), "a"));
  sparse->codes.assign(kMinColumnShare, 0);
  sparse->codes[7] = 1;
  sparse->code_counts = {kMinColumnShare - 1, 1, 0};
  CHECK(column_filter([&sparse](unsigned) { return sparse; }, schema::slot::kSection, is("a"), "a"));
}

TEST_CASE("filters through the column and through the terms give the same hits, totals and facets",
          "[index][column_filter]") {
  const Searcher with_column(written_archive());
  const auto with_terms = searcher_without_column(written_archive());
  const std::string& w0 = kVocabulary[0];
  const std::string& w1 = kVocabulary[1];
  const std::vector<std::string> queries = {
      "section:world",
      "section:world " + w0,
      "section:\"India News\" " + w1,
      "section:world section:sports " + w0,
      "-section:world " + w0,
      w0 + " -lang:hi",
      "lang:en " + w1,
      "lang:hi",
      "site:example.com " + w0,
      "site:dailyplanet.in section:business",
      "date:2023 " + w0,
      "date:2023-05",
      "date:2023-03-01..2023-08-31 " + w1,
      "date:2024-01-07",
      "date:..2023-01 " + w0,
      "date:2024-06.. section:world",
      "(section:world OR " + w1 + ") " + w0,
      "\"" + w0 + " " + w1 + "\" lang:en",
  };
  // The column is really in use for the large filters.
  CHECK_THAT(with_column.describe_query("section:world"), Catch::Contains("ColumnFilter"));
  CHECK_THAT(with_column.describe_query("date:2023"), Catch::Contains("ColumnFilter"));
  CHECK_THAT(with_terms->describe_query("section:world"), Catch::Contains("XSworld"));
  // A single day holds about 1/600 of this archive: its term is kept.
  CHECK_THAT(with_column.describe_query("date:2024-01-07"), Catch::Contains("D20240107"));
  for (const std::string& q : queries)
    for (bool collapse : {false, true}) {
      INFO("query '" << q << "' collapse " << collapse);
      SearchRequest request;
      request.query = q;
      request.limit = 1000;
      request.collapse = collapse;
      request.facet_size = 0;
      request.facet_fields = {"section", "date", "site", "lang"};
      const SearchResult a = with_column.search(request);
      const SearchResult b = with_terms->search(request);
      CHECK(a.total.value == b.total.value);
      CHECK(a.stories.value == b.stories.value);
      REQUIRE(a.hits.size() == b.hits.size());
      for (std::size_t i = 0; i < a.hits.size(); ++i) {
        CHECK(a.hits[i].id == b.hits[i].id);
        CHECK(a.hits[i].score == Approx(b.hits[i].score));
      }
      REQUIRE(a.section_facet.size() == b.section_facet.size());
      for (std::size_t i = 0; i < a.section_facet.size(); ++i) {
        CHECK(a.section_facet[i].value == b.section_facet[i].value);
        CHECK(a.section_facet[i].count == b.section_facet[i].count);
      }
      REQUIRE(a.date_facet.size() == b.date_facet.size());
      for (std::size_t i = 0; i < a.date_facet.size(); ++i) CHECK(a.date_facet[i].count == b.date_facet[i].count);
    }
}
