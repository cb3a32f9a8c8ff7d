// Fuzz target: query parsing and matching. A Searcher over an in-memory
// database of a few articles built by the real DocumentBuilder; each input is
// a query string (the first byte picks the sort order and facets). A
// QuerySyntaxError or UsageError is the expected answer to a bad query; any
// other exception, or a crash, is a bug.
#include <cstdlib>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/analyzer.h"
#include "common/article.h"
#include "common/errors.h"
#include "common/schema.h"
#include "fuzz/fuzz_support.h"
#include "indexer/document_builder.h"
#include "searcher/searcher.h"

namespace {

byline::Article make_article(const char* title, const char* body, const char* section, const char* url,
                             const char* author, int day) {
  byline::Article a;
  a.title = title;
  a.body = body;
  a.section = section;
  a.url = url;
  a.authors = {author};
  a.language = "en";
  a.published = byline::DateTime::from_local({2024, 3, day}, 9, 30, 0, 330);
  byline::finalize_article(a);
  return a;
}

const byline::Searcher& searcher() {
  static const byline::Searcher s = [] {
    using namespace byline;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const Analyzer analyzer{AnalyzerSettings{}};
    analyzer.record_in(db);
    // Not attached to the database: the in-memory backend has no spelling
    // table (attach() would make add_spelling throw UnimplementedError).
    DocumentBuilder builder(analyzer);
    const std::vector<Article> articles = {
        make_article("Monsoon arrives early over the western coast", "Farmers in the valley welcomed the rain.",
                     "India News", "https://www.example.in/india/monsoon-early.html", "Asha Rao", 1),
        make_article("Harbour bridge reopens after repairs", "The bridge carries trains and cars again.",
                     "World", "https://news.example.org/world/bridge.html", "Marcus Bell", 3),
        make_article("Chess club wins the regional final", "Twelve players travelled for the final round.",
                     "Sports", "https://www.example.com/sports/chess-final.html", "Lin Chow", 4),
        make_article("Monsoon session of parliament begins", "The session opens with a debate on the budget.",
                     "India News", "https://www.example.in/india/session.html", "Priya Nair", 5),
    };
    for (const Article& a : articles) {
      db.replace_document(id_term(a.id), builder.build(a));
      if (!a.section_key.empty())
        db.set_metadata(std::string(schema::metadata::kSectionLabelPrefix) + a.section_key, a.section);
    }
    db.commit();
    return Searcher(Xapian::Database(db));
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace byline;
  std::string_view input = fuzz::as_view(data, size);
  unsigned char pick = 0;
  if (!input.empty()) {
    pick = static_cast<unsigned char>(input.front());
    input.remove_prefix(1);
  }
  SearchRequest request;
  request.query = std::string(input);
  request.clock = QueryClock{1709640000, 330};  // 2024-03-05T12:00Z, read in IST
  request.sort = static_cast<SortOrder>(pick % 4);
  request.collapse = (pick & 4) != 0;
  if (pick & 8) request.facet_fields = {"section", "date", "site", "agency", "author", "lang"};
  try {
    (void)searcher().describe_query(request.query, request.clock);
  } catch (const QuerySyntaxError&) {
    return 0;
  }
  try {
    const SearchResult result = searcher().search(request);
    (void)result;
  } catch (const QuerySyntaxError&) {
    // describe_query accepted it, search refused it: still an answer, not a crash.
  } catch (const UsageError&) {
  }
  return 0;
}
