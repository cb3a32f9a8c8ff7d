#pragma once
// Recency inside the matcher: a Xapian::PostingSource over the publication
// slot (schema::slot::kPublished) whose weight is
//   weight × 2^(−age / half-life),  age = reference − published (≥ 0),
// added to BM25 with OP_AND_MAYBE, so "relevant and recent" is ranked by the
// matcher itself over all matches, not by re-sorting a truncated list. Its
// maximum weight is the decay of the newest value in the slot, so the matcher
// can still skip documents that cannot enter the top hits.

#include <string>

#include <xapian.h>

namespace byline {

class RecencySource : public Xapian::ValuePostingSource {
 public:
  // `reference_epoch` is "now" for the decay (the searcher uses the archive's
  // newest publication); `half_life_seconds` > 0 and finite.
  RecencySource(double reference_epoch, double half_life_seconds, double weight);

  double get_weight() const override;
  void init(const Xapian::Database& db) override;
  RecencySource* clone() const override;
  std::string name() const override;

  // The weight a document published at `epoch` gets: for tests and oracles.
  double weight_at(double epoch) const;

 private:
  double reference_;
  double half_life_;
  double weight_;
};

// Wraps `query` so that recency adds to its BM25 weight. A half-life that is
// infinite (or a weight of 0) returns `query` unchanged: plain relevance.
// `reference_epoch` as above.
Xapian::Query with_recency(const Xapian::Query& query, double reference_epoch, double half_life_days,
                           double weight);

// The newest publication instant in `db` (epoch seconds), 0 if none.
double newest_publication(const Xapian::Database& db);

}  // namespace byline
