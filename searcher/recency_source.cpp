#include "searcher/recency_source.h"

#include <algorithm>
#include <cmath>

#include "common/schema.h"

namespace byline {

RecencySource::RecencySource(double reference_epoch, double half_life_seconds, double weight)
    : Xapian::ValuePostingSource(schema::slot::kPublished),
      reference_(reference_epoch),
      half_life_(half_life_seconds),
      weight_(weight) {}

double RecencySource::weight_at(double epoch) const {
  const double age = std::max(0.0, reference_ - epoch);
  return weight_ * std::exp2(-age / half_life_);
}

double RecencySource::get_weight() const { return weight_at(Xapian::sortable_unserialise(get_value())); }

void RecencySource::init(const Xapian::Database& db) {
  Xapian::ValuePostingSource::init(db);
  // The decay only falls with age, so the newest value bounds every weight;
  // an empty slot (nothing dated) contributes nothing.
  const std::string newest = db.get_value_upper_bound(schema::slot::kPublished);
  // A backend that keeps no value bounds gets the loosest correct bound.
  set_maxweight(newest.empty() ? weight_ : weight_at(Xapian::sortable_unserialise(newest)));
}

RecencySource* RecencySource::clone() const { return new RecencySource(reference_, half_life_, weight_); }

std::string RecencySource::name() const { return "byline::RecencySource"; }

Xapian::Query with_recency(const Xapian::Query& query, double reference_epoch, double half_life_days,
                           double weight) {
  if (!std::isfinite(half_life_days) || weight <= 0) return query;
  auto* source = new RecencySource(reference_epoch, half_life_days * 86400.0, weight);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
}

double newest_publication(const Xapian::Database& db) {
  const std::string newest = db.get_value_upper_bound(schema::slot::kPublished);
  if (!newest.empty()) return Xapian::sortable_unserialise(newest);
  double latest = 0;  // a backend without value bounds: read the slot
  for (auto it = db.valuestream_begin(schema::slot::kPublished); it != db.valuestream_end(schema::slot::kPublished); ++it)
    latest = std::max(latest, Xapian::sortable_unserialise(*it));
  return latest;
}

}  // namespace byline
