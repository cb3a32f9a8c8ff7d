#include "searcher/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <filesystem>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/schema.h"
#include "common/stored_fields.h"
#include "common/text.h"
#include "searcher/caching_stemmer.h"
#include "searcher/facet_column_spy.h"
#include "searcher/facets.h"
#include "searcher/multi_facets.h"
#include "searcher/recency_source.h"
#include "searcher/section_labels.h"
#include "searcher/snippet.h"
#include "searcher/story_collapse.h"

namespace byline {

namespace {

// Sorts after every sortable_serialise() value (at most 9 bytes), so that
// undated articles come last when sorting oldest first.
const std::string kAfterAnyDate(16, '\xff');

void set_order(Xapian::Enquire& enquire, SortOrder sort) {
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  if (sort == SortOrder::Relevance || sort == SortOrder::Recency) return;
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

// Snippets stem each word of a hit's text only to find the query's stemmed
// terms (Z…). A query without any (phrases, quoted or capitalised words,
// filters alone) is highlighted by its words as written, without stemming
// every word of every hit (about a twentieth of a phrase query's time).
bool has_stemmed_terms(const Xapian::Query& query) {
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term)
    if (!(*term).empty() && (*term)[0] == 'Z') return true;
  return false;
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
  hit.snippet = make_snippet(mset, a.body.empty() ? a.description : a.body, request, stemmer);
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
    : db_(std::move(db)),
      analyzer_(Analyzer::from_database(db_)),
      snippet_stemmer_(new CachingStemmer(analyzer_.stemmer())),
      facet_columns_(std::make_shared<FacetColumnCache>()),
      builder_(db_, analyzer_, [columns = facet_columns_, db = db_](unsigned slot) {
        return columns->get_shared(db, slot);
      }) {}

std::string Searcher::describe_query(const std::string& query) const { return builder_.build(query).get_description(); }

std::string Searcher::describe_query(const std::string& query, const QueryClock& clock) const {
  return builder_.build(query, clock).get_description();
}

namespace {

void validate(const SearchRequest& request) {
  const SearchLimits& limits = request.limits;
  if (std::uint64_t{request.offset} + request.limit > limits.max_result_window)
    throw UsageError(fmt::format("result window too large: offset {} + limit {} is over the limit of {} "
                                 "(use --all with --format jsonl|csv to export every match)",
                                 request.offset, request.limit, limits.max_result_window));
  if (request.facet_size > limits.max_facet_size)
    throw UsageError(fmt::format("facet size {} is over the limit of {}", request.facet_size, limits.max_facet_size));
  for (const std::string& field : request.facet_fields)
    if (!facet_dimension(field))
      throw UsageError(fmt::format("unknown facet '{}': expected section, date, site, agency, author or lang", field));
  if (!(request.half_life_days > 0))
    throw UsageError(fmt::format("half-life must be positive, not {}", request.half_life_days));
  if (!(request.recency_weight >= 0) || !std::isfinite(request.recency_weight))
    throw UsageError(fmt::format("recency weight must be a finite number >= 0, not {}", request.recency_weight));
}

std::vector<FacetValue> top_values(const ValueCounts& counts, unsigned size) {
  std::vector<FacetValue> values;
  for (const auto& [value, count] : counts) values.push_back({value, value, count});
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (size != 0 && values.size() > size) values.resize(size);
  return values;
}

// Counts of one dimension over every match of `query` (no collapsing: facets
// count articles), from `column` when there is one.
ValueCounts count_dimension(const Xapian::Database& db, const Xapian::Query& query, const FacetDimension& dim,
                            const FacetColumn* column) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (column) {
    FacetColumnSpy spy;
    spy.add(*column);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    return spy.counts(0);
  }
  if (dim.multi_valued) {
    SplitValueCountSpy spy(dim.slot);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    return ValueCounts(spy.counts().begin(), spy.counts().end());
  }
  Xapian::ValueCountMatchSpy spy(dim.slot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  return counts_of(spy);
}

}  // namespace

Xapian::Query Searcher::like_query(const std::string& id) const {
  const std::string id_term = schema::boolean_term(schema::prefix::kId, id);
  const auto posting = db_.postlist_begin(id_term);
  if (posting == db_.postlist_end(id_term)) throw UsageError(fmt::format("--like: no article with id '{}'", id));
  Xapian::RSet rset;
  rset.add_document(*posting);
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(id_term));
  // Free-text terms only (unprefixed words and their stems): boolean filter
  // terms say where an article is filed, not what it is about.
  struct Words : Xapian::ExpandDecider {
    bool operator()(const std::string& term) const override {
      const std::string_view t = term[0] == 'Z' ? std::string_view(term).substr(1) : std::string_view(term);
      return !t.empty() && !(t[0] >= 'A' && t[0] <= 'Z') && t.size() > 2;
    }
  } words;
  const Xapian::ESet eset = enquire.get_eset(40, rset, &words);
  if (eset.empty()) throw UsageError(fmt::format("--like: article '{}' has no words to compare", id));
  std::vector<std::string> terms(eset.begin(), eset.end());
  // OR, not ELITE_SET: the elite set would keep the rarest terms, which are
  // often the article's own (and its copies') alone.
  Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
  // Not the article itself, nor its own wire copies.
  Xapian::Query exclude(id_term);
  const std::string story = db_.get_document(*posting).get_value(schema::slot::kStory);
  if (!story.empty())
    exclude = Xapian::Query(Xapian::Query::OP_OR, exclude, Xapian::Query(schema::boolean_term(schema::prefix::kStory, story)));
  return Xapian::Query(Xapian::Query::OP_AND_NOT, like, exclude);
}

Xapian::Query Searcher::matching_query(const SearchRequest& request) const {
  Xapian::Query query = builder_.build(request.query, request.clock);
  if (request.like_id.empty()) return query;
  const Xapian::Query like = like_query(request.like_id);
  return trim(request.query).empty() ? like : Xapian::Query(Xapian::Query::OP_FILTER, like, query);
}

bool Searcher::refresh() const {
  // reopen() itself reads the newest revision's root blocks, which a commit
  // racing with it may be replacing: try again on the revision after that.
  for (int attempt = 0;; ++attempt) {
    try {
      return db_.reopen();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kModifiedRetries) throw;
    }
  }
}

SearchResult Searcher::search(const SearchRequest& request) const {
  for (int attempt = 0;; ++attempt) {
    try {
      return search_once(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed twice since we opened: our revision's blocks may
      // have been reused. The newest revision is consistent; start over there.
      if (attempt == kModifiedRetries) throw;
      refresh();
    } catch (const Xapian::DatabaseCorruptError&) {
      // Reading blocks a commit is reusing can also surface as "corrupt" (a
      // block of the wrong level). Only a newer revision can explain that;
      // without one the database really is damaged.
      if (attempt == kModifiedRetries || !refresh()) throw;
    }
  }
}

SearchResult Searcher::search_once(const SearchRequest& request) const {
  const auto started = std::chrono::steady_clock::now();
  validate(request);
  builder_.set_max_query_bytes(request.limits.max_query_bytes);
  SearchResult result;
  result.query = request.query;
  result.like_id = request.like_id;
  result.offset = request.offset;
  result.limit = request.limit;

  const Xapian::Query base = matching_query(request);
  Xapian::Enquire enquire(db_);
  enquire.set_query(request.sort == SortOrder::Recency
                        ? with_recency(base, newest_publication(db_), request.half_life_days, request.recency_weight)
                        : base);
  set_order(enquire, request.sort);
  if (request.collapse) enquire.set_collapse_key(schema::slot::kStory);
  result.collapsed = request.collapse;

  // Spies see every document the matcher considers; asking it to check at
  // least every document in the database makes them (and the total) exact.
  // Without facets nothing is counted and the matcher may stop early.
  const bool facets = request.facets && !request.facet_fields.empty();
  std::vector<FacetDimension> dims;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  std::vector<std::unique_ptr<SplitValueCountSpy>> split_spies;
  // The dimensions the facet column holds are counted by document id, all in
  // one spy; the others (authors; an index without the column) from values.
  FacetColumnSpy column_spy;
  std::vector<std::optional<std::size_t>> in_column;
  std::vector<Xapian::MatchSpy*> value_spies;
  // Without facets the matcher stops as early as it can (top-k): the total is
  // then Xapian's estimate, which can be far off for a narrow AND (7 for 354
  // on the 321k archive). Checking the first 1,000 matches would fix that but
  // nearly doubled the p50 of the benchmark's queries, so it is not done:
  // the output says "about", and facets (the default) give exact counts.
  Xapian::doccount check_at_least = 0;
  if (facets) {
    for (const std::string& field : request.facet_fields) {
      dims.push_back(*facet_dimension(field));
      const FacetColumn* column = dims.back().multi_valued ? nullptr : facet_columns_->get(db_, dims.back().slot);
      in_column.push_back(column ? std::optional(column_spy.add(*column)) : std::nullopt);
      if (column) {
        spies.push_back(nullptr);
        split_spies.push_back(nullptr);
      } else if (dims.back().multi_valued) {
        split_spies.push_back(std::make_unique<SplitValueCountSpy>(dims.back().slot));
        value_spies.push_back(split_spies.back().get());
        spies.push_back(nullptr);
      } else {
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(dims.back().slot));
        value_spies.push_back(spies.back().get());
        split_spies.push_back(nullptr);
      }
    }
    check_at_least = db_.get_doccount();
  }
  // Xapian's collapsed count is an estimate even when every document is
  // checked; distinct story keys over all matches are exact.
  Xapian::ValueCountMatchSpy story_spy(schema::slot::kStory);
  const FacetColumn* stories = facets && request.collapse ? facet_columns_->get(db_, schema::slot::kStory) : nullptr;
  // When the column holds every single-valued dimension asked for (and the
  // stories, when collapsing), counting is a pass of its own over the matches
  // alone (no weights, no sort, no collapsing), and the ranked pass that finds
  // the hits stops as early as Xapian lets it, as without facets: collapsing
  // every match in the ranked pass would cost more than all the counting.
  const bool counting_pass =
      facets && std::none_of(spies.begin(), spies.end(), [](const auto& s) { return s != nullptr; }) &&
      (!request.collapse || stories);
  // A ranked pass that cannot fill its page has seen every match: the column
  // spy rides along, and for a selective query (most of a real query log)
  // the counting pass is not needed. Spies from values cannot be reset, so
  // only the column's rides.
  const bool spy_on_ranked_pass = counting_pass && value_spies.empty();
  if (counting_pass) {
    if (stories) column_spy.count_stories(*stories);
    if (spy_on_ranked_pass) enquire.add_matchspy(&column_spy);
    check_at_least = 0;
  } else if (facets) {
    for (Xapian::MatchSpy* spy : value_spies) enquire.add_matchspy(spy);
    if (column_spy.size() != 0) enquire.add_matchspy(&column_spy);
    if (request.collapse) enquire.add_matchspy(&story_spy);
  }
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);
  if (counting_pass && !(spy_on_ranked_pass && mset.size() < request.limit)) {
    column_spy.reset();
    Xapian::Enquire counting(db_);
    counting.set_query(base);  // the ranked query's matches: recency only adds weight
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.add_matchspy(&column_spy);
    for (Xapian::MatchSpy* spy : value_spies) counting.add_matchspy(spy);
    counting.get_mset(0, 0, db_.get_doccount());
  }

  if (request.collapse) {
    result.total = {mset.get_uncollapsed_matches_estimated(),
                    mset.get_uncollapsed_matches_lower_bound() == mset.get_uncollapsed_matches_upper_bound()};
  } else {
    result.total = {mset.get_matches_estimated(), mset.get_matches_lower_bound() == mset.get_matches_upper_bound()};
  }
  result.stories = {mset.get_matches_estimated(), mset.get_matches_lower_bound() == mset.get_matches_upper_bound()};
  // Two independent estimates can cross; there are never more stories than articles.
  if (result.stories.value > result.total.value) result.stories.value = result.total.value;
  unsigned rank = request.offset;
  const Xapian::Stem snippet_stemmer = has_stemmed_terms(base) ? snippet_stemmer_ : Xapian::Stem();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit = make_hit(it, mset, request, snippet_stemmer, ++rank);
    if (request.collapse) {
      const std::string story = it.get_collapse_key();
      unsigned copies = 0;
      if (!story.empty()) hit.copies = story_copies(db_, base, story, copies);
      hit.similar = copies > 1 ? copies - 1 : 0;
      if (hit.similar == 0) hit.copies.clear();
    }
    result.hits.push_back(std::move(hit));
  }

  if (facets) {
    SectionLabels labels(db_);
    Xapian::doccount counted = 0;
    for (std::size_t k = 0; k < dims.size(); ++k) {
      const FacetDimension& dim = dims[k];
      ValueCounts counts;
      if (in_column[k]) {
        counts = column_spy.counts(*in_column[k]);
        counted = column_spy.total();
      } else if (spies[k]) {
        counts = counts_of(*spies[k]);
        counted = spies[k]->get_total();
      } else {
        counts = ValueCounts(split_spies[k]->counts().begin(), split_spies[k]->counts().end());
        counted = split_spies[k]->total();
      }
      // Multi-select: the counts this dimension would have without its own filter.
      bool multi = false;
      if (request.multi_select && request.like_id.empty())
        if (const auto rest = query_without_field(request.query, dim.filter_field)) {
          counts = count_dimension(db_, builder_.build(*rest, request.clock), dim,
                                   dim.multi_valued ? nullptr : facet_columns_->get(db_, dim.slot));
          multi = true;
        }
      if (dim.field == "section") {
        result.section_facet = section_facet(counts, request.facet_size, labels);
        result.section_multi_select = multi;
      } else if (dim.field == "date") {
        const DateGranularity granularity = resolve_granularity(counts, request.date_granularity);
        result.date_facet = date_histogram(counts, granularity);
        result.date_granularity = to_string(granularity);
        result.date_multi_select = multi;
      } else {
        result.facets.push_back({dim.field, top_values(counts, request.facet_size), multi});
      }
    }
    if (result.date_granularity.empty()) result.date_granularity = to_string(resolve_granularity({}, request.date_granularity));
    // Spies see every match before collapsing: with every document checked
    // their total is the exact number of matching articles (Xapian's
    // uncollapsed count is only an estimate).
    if (counting_pass) {
      // Every match was counted in that pass; the ranked pass may have stopped early.
      result.total = {column_spy.total(), true};
      result.stories = {request.collapse ? column_spy.stories() : column_spy.total(), true};
    } else if (request.collapse) {
      result.total = {counted, true};
      std::uint64_t story_count = 0, keyed = 0;
      for (auto it = story_spy.values_begin(); it != story_spy.values_end(); ++it) ++story_count, keyed += it.get_termfreq();
      result.stories = {story_count + (counted - keyed), true};  // an article without a key is its own story
    }
    result.facets_exact = counted == result.total.value && result.total.exact;
  }

  // Without facets the total is an estimate that can be far too low; hits in
  // hand are certain, and a suggestion costs a spelling-table lookup per
  // unknown word (about 2 ms on the 321k archive).
  const bool few = result.total.value < request.suggest_below &&
                   (request.offset > 0 || request.limit < request.suggest_below ||
                    result.hits.size() < request.suggest_below);
  if (request.suggest_below > 0 && few && request.like_id.empty())
    result.did_you_mean = builder_.corrected(request.query, request.clock);
  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace byline
