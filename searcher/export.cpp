#include "searcher/export.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <xapian.h>

#include "common/date_time.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/stored_fields.h"
#include "common/text.h"
#include "searcher/date_filter.h"
#include "searcher/recency_source.h"
#include "searcher/searcher.h"

namespace byline {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
// Most times one export moves to a newer revision before giving up: an
// indexer committing faster than a day's slice can be read.
constexpr int kMaxReopens = 100;

// Accepts documents whose publication instant lies in [from, to) (sortable
// values compare as the numbers do), or, with `undated`, those without one.
class PublishedWindow final : public Xapian::MatchDecider {
 public:
  PublishedWindow(std::int64_t from, std::int64_t to)
      : from_(Xapian::sortable_serialise(static_cast<double>(from))),
        to_(Xapian::sortable_serialise(static_cast<double>(to))) {}
  PublishedWindow() : undated_(true) {}
  bool operator()(const Xapian::Document& doc) const override {
    const std::string value = doc.get_value(schema::slot::kPublished);
    if (undated_) return value.empty();
    return !value.empty() && value >= from_ && value < to_;
  }

 private:
  std::string from_, to_;
  bool undated_ = false;
};

// The local days that hold articles, as day numbers (days since 1970-01-01).
std::vector<std::int64_t> local_days(const Xapian::Database& db) {
  std::vector<std::int64_t> days;
  const std::string prefix(schema::prefix::kDay);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string term = *it;
    if (const auto date = parse_yyyymmdd(term.substr(prefix.size()))) days.push_back(days_from_civil(*date));
  }
  return days;  // allterms are sorted, and YYYYMMDD sorts as the days do
}

// UTC days that can hold articles: a local day is at most 14 hours from UTC,
// so the articles of UTC day d are all filed on local days d-1, d or d+1.
std::vector<std::int64_t> utc_days(const std::vector<std::int64_t>& local, bool newest_first) {
  std::vector<std::int64_t> days;
  for (const std::int64_t d : local)
    for (std::int64_t u = d - 1; u <= d + 1; ++u)
      if (days.empty() || days.back() < u) days.push_back(u);
  if (newest_first) std::reverse(days.begin(), days.end());
  return days;
}

Xapian::Query local_day_filter(std::int64_t utc_day) {
  std::vector<Xapian::Query> terms;
  for (std::int64_t d = utc_day - 1; d <= utc_day + 1; ++d)
    terms.emplace_back(schema::boolean_term(schema::prefix::kDay, civil_from_days(d).yyyymmdd()));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

class Exporter {
 public:
  Exporter(const Searcher& searcher, const std::function<void(const ExportRow&)>& emit)
      : searcher_(searcher), emit_(emit) {}

  // Runs `slice` until it completes on one revision. Rows already emitted from
  // the slice (by docid) are not emitted again after a reopen.
  template <typename Slice>
  void with_reopen(Slice&& slice) {
    std::unordered_set<Xapian::docid> done;
    for (;;) {
      try {
        slice(done);
        return;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (++summary_.reopened > kMaxReopens) throw;
        searcher_.refresh();
      }
    }
  }

  // Emits the documents of `mset` not in `done`, in order.
  void emit_mset(const Xapian::MSet& mset, bool with_score, std::unordered_set<Xapian::docid>& done) {
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      if (done.count(*it)) continue;
      emit_document(it.get_document(), with_score ? it.get_weight() : 0.0);
      done.insert(*it);
    }
  }

  // Emits docid `id` from the newest revision, if it is still there.
  void emit_docid(Xapian::docid id, double score) {
    for (;;) {
      try {
        emit_document(searcher_.database().get_document(id), score);
        return;
      } catch (const Xapian::DocNotFoundError&) {
        return;  // deleted since the ranking was made
      } catch (const Xapian::DatabaseModifiedError&) {
        if (++summary_.reopened > kMaxReopens) throw;
        searcher_.refresh();
      }
    }
  }

  ExportSummary summary() const { return summary_; }

 private:
  void emit_document(const Xapian::Document& doc, double score) {
    ExportRow row;
    row.score = score;
    row.story = doc.get_value(schema::slot::kStory);
    try {
      row.article = decode_stored_fields(doc.get_data());
    } catch (const IndexError&) {
      row.article.id = fmt::format("docid:{}", doc.get_docid());  // a foreign document in a combined database
    }
    row.rank = ++summary_.rows;
    emit_(row);
  }

  const Searcher& searcher_;
  const std::function<void(const ExportRow&)>& emit_;
  ExportSummary summary_;
};

void set_date_order(Xapian::Enquire& enquire, bool newest_first) {
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  // Same keys as a search sorted newest/oldest, so the orders agree.
  auto* maker = new Xapian::MultiValueKeyMaker;
  maker->add_value(schema::slot::kPublished, newest_first);
  enquire.set_sort_by_key_then_relevance(maker->release(), false);
}

void export_by_date(Exporter& exporter, const Searcher& searcher, const Xapian::Query& query, bool newest_first) {
  const std::vector<std::int64_t> days = utc_days(local_days(searcher.database()), newest_first);
  for (const std::int64_t day : days) {
    exporter.with_reopen([&](std::unordered_set<Xapian::docid>& done) {
      const Xapian::Database& db = searcher.database();
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, local_day_filter(day)));
      set_date_order(enquire, newest_first);
      const PublishedWindow window(day * kSecondsPerDay, (day + 1) * kSecondsPerDay);
      const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount(), nullptr, &window);
      exporter.emit_mset(mset, false, done);
    });
  }
  exporter.with_reopen([&](std::unordered_set<Xapian::docid>& done) {
    const Xapian::Database& db = searcher.database();
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const PublishedWindow undated;
    exporter.emit_mset(enquire.get_mset(0, db.get_doccount(), nullptr, &undated), false, done);
  });
}

void export_by_rank(Exporter& exporter, const Searcher& searcher, const Xapian::Query& query,
                    const SearchRequest& request) {
  // The ranking, as docids and weights only; articles are read one by one.
  std::vector<std::pair<Xapian::docid, double>> ranking;
  exporter.with_reopen([&](std::unordered_set<Xapian::docid>&) {
    ranking.clear();
    const Xapian::Database& db = searcher.database();
    Xapian::Enquire enquire(db);
    enquire.set_query(request.sort == SortOrder::Recency
                          ? with_recency(query, newest_publication(db), request.half_life_days, request.recency_weight)
                          : query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    ranking.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) ranking.emplace_back(*it, it.get_weight());
  });
  for (const auto& [id, score] : ranking) exporter.emit_docid(id, score);
}

}  // namespace

ExportSummary export_matches(const Searcher& searcher, const SearchRequest& request,
                             const std::function<void(const ExportRow&)>& emit) {
  Exporter exporter(searcher, emit);
  Xapian::Query query;
  exporter.with_reopen([&](std::unordered_set<Xapian::docid>&) { query = searcher.matching_query(request); });
  const bool match_all = trim(request.query).empty() && request.like_id.empty();
  if (request.sort == SortOrder::Newest || request.sort == SortOrder::Oldest || match_all)
    export_by_date(exporter, searcher, query, request.sort != SortOrder::Oldest);
  else
    export_by_rank(exporter, searcher, query, request);
  return exporter.summary();
}

}  // namespace byline
