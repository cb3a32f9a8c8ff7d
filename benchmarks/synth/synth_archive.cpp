// byline_synth: invents a news archive of any size whose statistics follow a
// profile made by benchmarks/synth/profile_archive.py, for measuring how
// byline's index time, size and query latency grow with the archive.
//
//   byline_synth --profile P --count N [--seed S] [--start-date YYYY-MM-DD] [--stats]
//   byline_synth --words FROM-TO        (the pseudo-words of ranks FROM..TO, one a line,
//                                        for query sets with terms of known frequency)
//
// Writes N articles as JSONL on stdout in field names byline maps by itself
// (indexer/field_mapping.cpp): url, title, description, body, date (ISO-8601
// with a +05:30 offset), section, site, authors (a list), language.
//
// What follows the profile:
// - lengths: title, description and body word counts drawn from the profile's
//   percentile tables (linear between percentiles);
// - words: pseudo-words made of syllables, one per vocabulary rank (rank 0 is
//   the most frequent); ranks inside the profile's table are drawn with the
//   table's frequencies (alias method), the rest — the table's share of tail
//   tokens — from a power law over ranks beyond the table, with the profile's
//   tail exponent. The tail's width is chosen so that the expected number of
//   distinct words follows the profile's Heaps' law (V = K n^beta) at the
//   token count of this archive, so vocabulary keeps growing with N as it
//   does in the real archive;
// - dates: the span is N / (the profile's articles per day) days; the volume
//   of each day follows the profile's daily series stretched to the span
//   (smoothed over a week) times its weekday pattern; the hour of day follows
//   the profile's hour shares;
// - sections, sites (name and host), languages and authors-per-article from
//   the profile's shares; labels outside the profile's top lists are invented
//   (pseudo-words), as many as the profile counts, Zipf-distributed.
//
// Everything random comes from one generator seeded with --seed, and the
// output depends only on (profile, N, seed, start date): the same arguments
// always give the same bytes.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "common/date_time.h"

namespace byline {
namespace {

using json = nlohmann::json;
// 128-bit products for exact multiply-shift and multiply-mod (GCC and Clang).
__extension__ typedef unsigned __int128 u128;

// xoshiro256** seeded through splitmix64: fast, and the same on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& s : s_) {
      seed += 0x9E3779B97F4A7C15ull;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      s = z ^ (z >> 31);
    }
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n).
  std::uint64_t below(std::uint64_t n) { return static_cast<std::uint64_t>((static_cast<u128>(next()) * n) >> 64); }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// Walker's alias method: O(1) draws from a discrete distribution.
class AliasTable {
 public:
  AliasTable() = default;
  explicit AliasTable(const std::vector<double>& weights) {
    const std::size_t n = weights.size();
    if (n == 0) throw std::runtime_error("alias table over no outcomes");
    double total = 0;
    for (double w : weights) total += w > 0 ? w : 0;
    if (!(total > 0)) throw std::runtime_error("alias table with zero total weight");
    prob_.assign(n, 0);
    alias_.assign(n, 0);
    std::vector<double> scaled(n);
    std::vector<std::uint32_t> small, large;
    for (std::size_t i = 0; i < n; ++i) {
      scaled[i] = (weights[i] > 0 ? weights[i] : 0) * static_cast<double>(n) / total;
      (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
    }
    while (!small.empty() && !large.empty()) {
      const std::uint32_t s = small.back(), l = large.back();
      small.pop_back();
      prob_[s] = scaled[s];
      alias_[s] = l;
      scaled[l] -= 1.0 - scaled[s];
      if (scaled[l] < 1.0) {
        large.pop_back();
        small.push_back(l);
      }
    }
    for (std::uint32_t i : large) prob_[i] = 1.0;
    for (std::uint32_t i : small) prob_[i] = 1.0;  // rounding leftovers
  }
  std::size_t size() const { return prob_.size(); }
  std::uint32_t draw(Rng& rng) const {
    const std::uint64_t r = rng.next();
    const std::uint32_t i = static_cast<std::uint32_t>((static_cast<u128>(r >> 11) * prob_.size()) >> 53);
    const double u = static_cast<double>(r & 0x7FF) * (1.0 / 2048.0) + (1.0 / 4096.0);
    return u < prob_[i] ? i : alias_[i];
  }

 private:
  std::vector<double> prob_;
  std::vector<std::uint32_t> alias_;
};

// Pseudo-words: consonant + vowel syllables, the last vowel one of a/i/o/u
// (English words rarely look like that), one-syllable words with a double vowel
// ("kaa", "zei"). Frequent ranks get short words, as in real text: the first 84
// ranks have one syllable, the next 3,920 two, then 274,400 three, and so on.
// Within a length tier ranks are scrambled by a fixed bijection so neighbouring
// ranks do not share their first letters.
constexpr std::string_view kOnsets[] = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"};
constexpr std::string_view kVowels[] = {"a", "e", "i", "o", "u"};
constexpr std::string_view kFinals[] = {"a", "i", "o", "u"};
constexpr std::string_view kDoubles[] = {"aa", "ei", "ou", "ui", "ae", "oi"};
constexpr std::uint64_t kOnsetCount = std::size(kOnsets);
constexpr std::uint64_t kSyllables = kOnsetCount * std::size(kVowels);    // 70
constexpr std::uint64_t kFinalSyllables = kOnsetCount * std::size(kFinals);  // 56

void append_word(std::uint64_t rank, std::string& out) {
  std::uint64_t tier = kOnsetCount * std::size(kDoubles);
  if (rank < tier) {
    const std::uint64_t i = (rank * 29 + 11) % tier;
    out += kOnsets[i % kOnsetCount];
    out += kDoubles[i / kOnsetCount];
    return;
  }
  rank -= tier;
  int syllables = 2;
  tier = kSyllables * kFinalSyllables;
  while (rank >= tier) {
    rank -= tier;
    tier *= kSyllables;
    ++syllables;
  }
  // 2654435761 is prime and larger than no tier's factors (2, 5, 7): a bijection mod tier.
  std::uint64_t i = static_cast<std::uint64_t>((static_cast<u128>(rank) * 2654435761u + 12345) % tier);
  const std::uint64_t last = i % kFinalSyllables;
  i /= kFinalSyllables;
  for (int s = 0; s + 1 < syllables; ++s) {
    const std::uint64_t syl = i % kSyllables;
    i /= kSyllables;
    out += kOnsets[syl % kOnsetCount];
    out += kVowels[syl / kOnsetCount];
  }
  out += kOnsets[last % kOnsetCount];
  out += kFinals[last / kOnsetCount];
}

std::string word(std::uint64_t rank) {
  std::string w;
  append_word(rank, w);
  return w;
}

std::string capitalised(std::string w) {
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

// A word count drawn from a percentile table (101 values, linear between them).
class LengthDistribution {
 public:
  // `probs` are the quantiles' levels (0 … 1, increasing), `table` their values.
  LengthDistribution(const json& probs, const json& table) {
    for (const auto& v : probs) p_.push_back(v.get<double>());
    for (const auto& v : table) q_.push_back(v.get<double>());
    if (q_.size() < 2 || p_.size() != q_.size() || p_.front() != 0.0 || p_.back() != 1.0)
      throw std::runtime_error("length table: needs quantiles from 0 to 1 with one value each");
  }
  int draw(Rng& rng) const {
    const double u = rng.uniform();
    const std::size_t i = static_cast<std::size_t>(std::upper_bound(p_.begin(), p_.end(), u) - p_.begin()) - 1;
    const double t = (u - p_[i]) / (p_[i + 1] - p_[i]);
    return static_cast<int>(std::lround(q_[i] + t * (q_[i + 1] - q_[i])));
  }

 private:
  std::vector<double> p_, q_;
};

// A label from the profile's top list, else one of `other_distinct` invented
// labels with Zipf (s = 1) shares.
struct LabelChoice {
  std::vector<std::string> labels;  // top labels, then invented ones
  std::size_t top = 0;
  AliasTable top_or_other;          // index top = "other"
  AliasTable other;

  std::size_t draw(Rng& rng) const {
    const std::size_t i = top_or_other.draw(rng);
    return i < top ? i : top + other.draw(rng);
  }
};

LabelChoice label_choice(const json& shares, const std::function<std::string(std::size_t)>& invent) {
  LabelChoice c;
  std::vector<double> w;
  for (const auto& row : shares.at("top")) {
    c.labels.push_back(row.at(0).get<std::string>());
    w.push_back(row.at(1).get<double>());
  }
  c.top = c.labels.size();
  const double other_count = shares.value("other_count", 0.0);
  const std::size_t other_distinct = std::max<std::size_t>(1, shares.value("other_distinct", std::size_t{1}));
  w.push_back(other_count);
  std::vector<double> ow;
  for (std::size_t k = 0; k < other_distinct; ++k) {
    c.labels.push_back(invent(k));
    ow.push_back(1.0 / static_cast<double>(k + 1));
  }
  c.top_or_other = AliasTable(w);
  c.other = AliasTable(ow);
  return c;
}

std::string json_string(const std::string& s) { return json(s).dump(); }

// Ranks beyond the profile's table: a power law p(r) ~ r^-s over [a, b).
class TailRanks {
 public:
  TailRanks(double a, double b, double s) : a_(a), b_(b), s_(s) {
    if (std::fabs(s_ - 1.0) < 1e-6) s_ = 1.0 + 1e-6;
    a1_ = std::pow(a_, 1 - s_);
    b1_ = std::pow(b_, 1 - s_);
  }
  std::uint64_t draw(Rng& rng) const {
    const double u = rng.uniform();
    const double x = std::pow(a1_ + u * (b1_ - a1_), 1.0 / (1 - s_));
    return static_cast<std::uint64_t>(std::min(std::max(x, a_), b_ - 1));
  }
  // Expected distinct ranks seen in m draws: sum over ranks of 1 - (1 - p_r)^m,
  // over log-spaced buckets of ranks (each rank of a bucket taken at its midpoint).
  static double expected_distinct(double a, double b, double s, double m) {
    const double a1 = std::pow(a, 1 - s), b1 = std::pow(b, 1 - s);
    const double norm = (b1 - a1) / (1 - s);
    double total = 0;
    const int buckets = 4000;
    const double ratio = std::pow(b / a, 1.0 / buckets);
    double lo = a;
    for (int k = 0; k < buckets; ++k) {
      const double hi = lo * ratio;
      const double width = hi - lo;
      const double p = std::pow(std::sqrt(lo * hi), -s) / norm;
      total += width * -std::expm1(m * std::log1p(-std::min(p, 1.0 - 1e-15)));
      lo = hi;
    }
    return total;
  }

 private:
  double a_, b_, s_, a1_, b1_;
};

struct Options {
  std::string profile;
  std::uint64_t count = 0;
  std::uint64_t seed = 1;
  std::string start_date;
  bool stats = false;
  std::uint64_t words_from = 0, words_to = 0;  // --words: print, don't generate
  bool words = false;
};

[[noreturn]] void usage(const std::string& message) {
  std::cerr << "byline_synth: " << message << "\n"
            << "usage: byline_synth --profile P --count N [--seed S] [--start-date YYYY-MM-DD] [--stats]\n"
            << "       byline_synth --words FROM-TO\n";
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options o;
  bool have_count = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(a + " needs a value");
      return argv[++i];
    };
    try {
      if (a == "--profile") o.profile = value();
      else if (a == "--count") { o.count = std::stoull(value()); have_count = true; }
      else if (a == "--seed") o.seed = std::stoull(value());
      else if (a == "--start-date") o.start_date = value();
      else if (a == "--stats") o.stats = true;
      else if (a == "--words") {
        const std::string v = value();
        const std::size_t dash = v.find('-');
        if (dash == std::string::npos) usage("--words needs FROM-TO (0-based ranks)");
        o.words_from = std::stoull(v.substr(0, dash));
        o.words_to = std::stoull(v.substr(dash + 1));
        o.words = true;
      }
      else if (a == "--help" || a == "-h") usage("help");
      else usage("unknown option " + a);
    } catch (const std::logic_error&) {
      usage("bad number for " + a);
    }
  }
  if (o.words) return o;
  if (o.profile.empty() || !have_count) usage("--profile and --count are required");
  return o;
}

CivilDate parse_day(const std::string& s) {
  CivilDate d;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3 || !d.valid())
    throw std::runtime_error("not a YYYY-MM-DD date: " + s);
  return d;
}

int run(const Options& opt) {
  if (opt.words) {
    for (std::uint64_t r = opt.words_from; r <= opt.words_to; ++r) std::cout << word(r) << '\n';
    return 0;
  }
  std::ifstream in(opt.profile);
  if (!in) throw std::runtime_error("cannot read profile " + opt.profile);
  const json p = json::parse(in);
  if (p.value("format", "") != "byline-archive-profile/1")
    throw std::runtime_error("not a byline archive profile: " + opt.profile);
  Rng rng(opt.seed);
  const double n = static_cast<double>(opt.count);
  const double real_articles = p.at("articles").get<double>();

  const auto& lw = p.at("lengths_words");
  const json& levels = lw.at("quantiles");
  const LengthDistribution title_len(levels, lw.at("title")), desc_len(levels, lw.at("description")),
      body_len(levels, lw.at("body"));
  const double mean_words = lw.at("mean").at("title").get<double>() + lw.at("mean").at("description").get<double>() +
                            lw.at("mean").at("body").get<double>();

  // Vocabulary: the table's ranks plus one outcome for "the tail".
  const auto& voc = p.at("vocabulary");
  std::vector<double> weights;
  for (const auto& c : voc.at("top_counts")) weights.push_back(c.get<double>());
  const std::size_t head = weights.size();
  const double real_tokens = voc.at("tokens").get<double>();
  const double tail_tokens = voc.at("tail_tokens").get<double>();
  weights.push_back(tail_tokens);
  const AliasTable vocab(weights);
  std::vector<std::string> head_words;
  head_words.reserve(head);
  for (std::size_t r = 0; r < head; ++r) head_words.push_back(word(r));
  // The tail's width: the expected distinct tail words in this archive's tail
  // draws should be the Heaps' law vocabulary at its token count minus the table.
  const double s = voc.at("tail_fit").at("exponent").get<double>();
  const double beta = voc.at("heaps").at("beta").get<double>();
  const double tokens = n * mean_words;
  const double tail_draws = tokens * tail_tokens / real_tokens;
  // Heaps' law anchored at the real archive's own size (the fitted K is for the
  // whole curve; anchoring makes N = the real count reproduce its vocabulary).
  const double target_distinct = voc.at("distinct").get<double>() * std::pow(tokens / real_tokens, beta);
  const double target_tail = std::max(1.0, target_distinct - static_cast<double>(head));
  const double a = static_cast<double>(head) + 1;
  double lo = a + 1, hi = a + 1e11;
  for (int it = 0; it < 100 && hi / lo > 1.0001; ++it) {
    const double mid = std::sqrt(lo * hi);
    (TailRanks::expected_distinct(a, mid, s, tail_draws) < target_tail ? lo : hi) = mid;
  }
  const TailRanks tail(a, hi, s);

  // Days: the profile's daily series (smoothed over 7 days) stretched over the
  // span, times the weekday pattern; counts per day by largest remainder.
  const auto& dates = p.at("dates");
  std::vector<double> per_day;
  for (const auto& v : dates.at("per_day")) per_day.push_back(v.get<double>());
  if (per_day.empty()) per_day.push_back(1);
  std::vector<double> smooth(per_day.size());
  for (std::size_t i = 0; i < per_day.size(); ++i) {
    double sum = 0;
    int k = 0;
    for (std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) - 3; j <= static_cast<std::ptrdiff_t>(i) + 3; ++j)
      if (j >= 0 && j < static_cast<std::ptrdiff_t>(per_day.size())) { sum += per_day[static_cast<std::size_t>(j)]; ++k; }
    smooth[i] = sum / k;
  }
  const double per_day_mean = dates.at("mean_per_day").get<double>();
  const std::size_t span = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(n / per_day_mean)));
  const CivilDate start = parse_day(opt.start_date.empty() ? dates.at("first_day").get<std::string>() : opt.start_date);
  const std::int64_t start_days = days_from_civil(start);
  std::vector<double> weekday(7, 1.0 / 7);
  if (dates.contains("weekday_share"))
    for (int i = 0; i < 7; ++i) weekday[static_cast<std::size_t>(i)] = dates.at("weekday_share").at(i).get<double>();
  std::vector<double> day_weight(span);
  double weight_sum = 0;
  for (std::size_t d = 0; d < span; ++d) {
    const double x = (static_cast<double>(d) + 0.5) / static_cast<double>(span) * static_cast<double>(smooth.size());
    const std::size_t idx = std::min(smooth.size() - 1, static_cast<std::size_t>(x));
    // 1970-01-01 was a Thursday; the profile's weekdays are Monday = 0.
    const std::int64_t wd = ((start_days + static_cast<std::int64_t>(d)) % 7 + 7 + 3) % 7;
    day_weight[d] = std::max(1e-9, smooth[idx]) * weekday[static_cast<std::size_t>(wd)] * 7;
    weight_sum += day_weight[d];
  }
  std::vector<std::uint64_t> day_count(span);
  {
    std::uint64_t given = 0;
    std::vector<std::pair<double, std::size_t>> rem;
    for (std::size_t d = 0; d < span; ++d) {
      const double exact = n * day_weight[d] / weight_sum;
      day_count[d] = static_cast<std::uint64_t>(exact);
      given += day_count[d];
      rem.emplace_back(exact - static_cast<double>(day_count[d]), d);
    }
    std::sort(rem.begin(), rem.end(), [](const auto& x, const auto& y) { return x.first > y.first || (x.first == y.first && x.second < y.second); });
    for (std::size_t k = 0; given < opt.count; ++k, ++given) ++day_count[rem[k % rem.size()].second];
  }
  std::vector<double> hour_w(24, 1.0);
  if (dates.contains("hour_utc_share"))
    for (int h = 0; h < 24; ++h) hour_w[static_cast<std::size_t>(h)] = dates.at("hour_utc_share").at(h).get<double>();
  const AliasTable hours(hour_w);

  // Labels. Invented ones come from rank ranges (of 8-letter words) beyond the
  // vocabulary of archives of a few million articles.
  const LabelChoice sections = label_choice(p.at("sections"), [](std::size_t k) { return word(10'000'000ull + k); });
  std::vector<std::string> site_hosts;
  for (const auto& row : p.at("sites").at("top")) site_hosts.push_back(row.size() > 2 ? row.at(2).get<std::string>() : "");
  const LabelChoice sites =
      label_choice(p.at("sites"), [](std::size_t k) { return capitalised(word(11'000'000ull + k)) + " News"; });
  for (std::size_t k = site_hosts.size(); k < sites.labels.size(); ++k)
    site_hosts.push_back(word(11'000'000ull + (k - sites.top)) + ".example");
  for (std::size_t k = 0; k < site_hosts.size(); ++k)
    if (site_hosts[k].empty()) site_hosts[k] = word(12'000'000ull + k) + ".example";
  const LabelChoice langs = label_choice(p.at("languages"), [](std::size_t k) { return fmt::format("x{}", k); });
  std::vector<double> author_w;
  for (int k = 0; k <= 6; ++k) author_w.push_back(p.at("authors_per_article").value(std::to_string(k), 0.0));
  const AliasTable author_counts(author_w);
  // Authors: a pool that grows with the archive like its vocabulary does.
  const double real_authors = std::max(1.0, p.value("distinct_author_strings", 1000.0));
  const std::uint64_t author_pool =
      std::max<std::uint64_t>(10, static_cast<std::uint64_t>(real_authors * std::pow(n / real_articles, beta)));
  const TailRanks author_rank(1, static_cast<double>(author_pool) + 1, 1.0);

  std::vector<std::string> section_json, section_slug, site_json, lang_json;
  for (const auto& l : sections.labels) {
    section_json.push_back(l == "(none)" ? "" : json_string(l));
    std::string slug;
    for (char c : l) slug += (c >= 'a' && c <= 'z') || c == '-' ? c : (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : '-';
    section_slug.push_back(slug);
  }
  for (const auto& l : sites.labels) site_json.push_back(l == "(none)" ? "" : json_string(l));
  for (const auto& l : langs.labels) lang_json.push_back(l == "und" ? "" : json_string(l));

  if (opt.stats)
    std::cerr << fmt::format("byline_synth: {} articles over {} days from {}; tail ranks {}..{:.0f} (exponent {:.3f}), "
                             "expected distinct words {:.0f}; author pool {}\n",
                             opt.count, span, start.iso(), head + 1, hi, s, target_distinct, author_pool);

  std::string out;
  out.reserve(1 << 21);
  std::string slug;
  const auto add_words = [&](int count, bool sentences) {
    for (int k = 0; k < count; ++k) {
      if (k > 0) out += ' ';
      const std::uint32_t r = vocab.draw(rng);
      if (r < head) out += head_words[r];
      else append_word(tail.draw(rng), out);
      // About one sentence in 18 words, as in news prose.
      if (sentences && (k + 1 == count || rng.below(18) == 0)) out += '.';
    }
  };
  std::uint64_t serial = 0;
  for (std::size_t d = 0; d < span; ++d) {
    for (std::uint64_t k = 0; k < day_count[d]; ++k, ++serial) {
      const std::size_t sec = sections.draw(rng);
      const std::size_t site = sites.draw(rng);
      const std::size_t lang = langs.draw(rng);
      const int nt = title_len.draw(rng), nd = desc_len.draw(rng), nb = body_len.draw(rng);
      const std::uint32_t na = author_counts.draw(rng);
      const std::uint32_t hour = hours.draw(rng);
      const std::uint64_t minute = rng.below(60), second = rng.below(60);

      out += "{\"url\":\"https://";
      out += site_hosts[site];
      out += '/';
      if (!section_json[sec].empty()) {
        out += section_slug[sec];
        out += '/';
      }
      // A slug of three words and a serial: unique per (seed, article).
      slug.clear();
      for (int w = 0; w < 3; ++w) {
        if (w) slug += '-';
        append_word(rng.below(head), slug);
      }
      out += slug;
      out += fmt::format("-{}-{}.html\",\"title\":\"", opt.seed, serial);
      const std::size_t title_at = out.size();
      add_words(nt, false);
      if (out.size() > title_at && out[title_at] >= 'a' && out[title_at] <= 'z') out[title_at] = static_cast<char>(out[title_at] - 32);
      out += "\",\"description\":\"";
      add_words(nd, true);
      out += "\",\"body\":\"";
      add_words(nb, true);
      // The day and hour are the profile's (UTC) ones; the time is written as
      // Indian Standard Time, the offset of most of the real archive's outlets.
      const std::int64_t local = (start_days + static_cast<std::int64_t>(d)) * 86400 + hour * 3600 +
                                 static_cast<std::int64_t>(minute * 60 + second) + 19800;
      const CivilDate local_day = civil_from_days(local / 86400);
      const std::int64_t tod = local % 86400;
      out += fmt::format("\",\"date\":\"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+05:30\"", local_day.year, local_day.month,
                         local_day.day, tod / 3600, tod / 60 % 60, tod % 60);
      if (!section_json[sec].empty()) { out += ",\"section\":"; out += section_json[sec]; }
      if (!site_json[site].empty()) { out += ",\"site\":"; out += site_json[site]; }
      if (!lang_json[lang].empty()) { out += ",\"language\":"; out += lang_json[lang]; }
      if (na > 0) {
        out += ",\"authors\":[";
        for (std::uint32_t j = 0; j < na; ++j) {
          const std::uint64_t who = author_rank.draw(rng);
          if (j) out += ',';
          out += '"';
          // A given name of two syllables and a family name of three, both
          // fixed by the author's rank (so names repeat across articles).
          out += capitalised(word(84 + who % 3920));
          out += ' ';
          out += capitalised(word(4004 + (who * 2654435761ull) % 274400));
          out += '"';
        }
        out += ']';
      }
      out += "}\n";
      if (out.size() > (1 << 20)) {
        if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) throw std::runtime_error("write failed");
        out.clear();
      }
    }
  }
  if (!out.empty() && std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) throw std::runtime_error("write failed");
  if (std::fflush(stdout) != 0) throw std::runtime_error("write failed");
  return 0;
}

}  // namespace
}  // namespace byline

int main(int argc, char** argv) {
  try {
    return byline::run(byline::parse_options(argc, argv));
  } catch (const std::exception& e) {
    std::cerr << "byline_synth: " << e.what() << "\n";
    return 1;
  }
}
