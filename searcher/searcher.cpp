#include "searcher/searcher.h"

#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/schema.h"
#include "common/stored_fields.h"
#include "common/text.h"
#include "searcher/facets.h"
#include "searcher/section_labels.h"

namespace byline {

namespace {

// Sorts after every sortable_serialise() value (at most 9 bytes), so that
// undated articles come last when sorting oldest first.
const std::string kAfterAnyDate(16, '\xff');

void set_order(Xapian::Enquire& enquire, SortOrder sort) {
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  if (sort == SortOrder::Relevance) return;
  auto* maker = new Xapian::MultiValueKeyMaker;
  if (sort == SortOrder::Newest)
    maker->add_value(schema::slot::kPublished, true);  // reversed, an empty value sorts last
  else
    maker->add_value(schema::slot::kPublished, false, kAfterAnyDate);
  enquire.set_sort_by_key_then_relevance(maker->release(), false);  // the Enquire owns it now
}

ValueCounts counts_of(const Xapian::ValueCountMatchSpy& spy) {
  ValueCounts counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
  return counts;
}

Hit make_hit(const Xapian::MSetIterator& item, const Xapian::MSet& mset, const SearchRequest& request,
             const Xapian::Stem& stemmer, unsigned rank) {
  const Xapian::Document doc = item.get_document();
  Article a;
  try {
    a = decode_stored_fields(doc.get_data());
  } catch (const IndexError&) {
    // Not byline's encoding (a foreign document in a combined database): show
    // what the terms say rather than fail the whole search.
    a.id = fmt::format("docid:{}", *item);
  }
  Hit hit;
  hit.id = a.id;
  hit.url = a.url;
  hit.title = a.title;
  if (a.published) hit.date = a.published->iso8601_local();
  hit.section = a.section;
  hit.section_key = a.section_key;
  hit.site = a.site;
  hit.language = a.language;
  hit.authors = a.authors;
  hit.agency = a.agency;
  hit.score = item.get_weight();
  hit.rank = rank;
  const std::string& text = a.body.empty() ? a.description : a.body;
  // One line: paragraph breaks inside a snippet only break a terminal layout.
  hit.snippet = collapse_whitespace(
      mset.snippet(text, request.snippet_chars, stemmer,
                   Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                   request.highlight_start, request.highlight_end, "…"));
  // A length of the whole title keeps all of it; only the markers are added.
  hit.title_highlighted = mset.snippet(a.title, a.title.size() + 1, stemmer, Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                       request.highlight_start, request.highlight_end, "");
  return hit;
}

}  // namespace

Xapian::Database open_index(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw IndexError(fmt::format("no index at '{}'; build one with `byline index`", path));
  try {
    return Xapian::Database(path);
  } catch (const Xapian::DatabaseError& e) {
    throw IndexError(fmt::format("cannot open index '{}': {}", path, e.get_msg()));
  }
}

Searcher::Searcher(const std::string& db_path) : Searcher(open_index(db_path)) {}

Searcher::Searcher(Xapian::Database db)
    : db_(std::move(db)), analyzer_(Analyzer::from_database(db_)), builder_(db_, analyzer_) {}

std::string Searcher::describe_query(const std::string& query) const { return builder_.build(query).get_description(); }

SearchResult Searcher::search(const SearchRequest& request) const {
  const auto started = std::chrono::steady_clock::now();
  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  result.limit = request.limit;

  Xapian::Enquire enquire(db_);
  enquire.set_query(builder_.build(request.query));
  set_order(enquire, request.sort);

  // Spies see every document the matcher considers; asking it to check at
  // least every document in the database makes them (and the total) exact.
  Xapian::ValueCountMatchSpy sections(schema::slot::kSection);
  Xapian::ValueCountMatchSpy days(schema::slot::kDay);
  Xapian::doccount check_at_least = 0;
  if (request.facets) {
    enquire.add_matchspy(&sections);
    enquire.add_matchspy(&days);
    check_at_least = db_.get_doccount();
  }
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);

  result.total.value = mset.get_matches_estimated();
  result.total.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  unsigned rank = request.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it)
    result.hits.push_back(make_hit(it, mset, request, analyzer_.stemmer(), ++rank));

  if (request.facets) {
    SectionLabels labels(db_);
    result.section_facet = section_facet(counts_of(sections), request.facet_size, labels);
    const ValueCounts day_counts = counts_of(days);
    const DateGranularity granularity = resolve_granularity(day_counts, request.date_granularity);
    result.date_facet = date_histogram(day_counts, granularity);
    result.date_granularity = to_string(granularity);
    result.facets_exact = sections.get_total() == result.total.value && result.total.exact;
  }
  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace byline
