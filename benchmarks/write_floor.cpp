// byline_write_floor: how fast can Xapian itself take an archive, whatever
// byline does around it? The articles are read into memory first (reading is
// not timed), then written, block by block, as byline's parallel indexer does
// (one shard database per block, blocks taken by `--threads` writers, one
// compaction of all shards at the end; byline merges more than 64 shards in
// groups first, on both cores), at several tiers of work:
//
//   nopos    title, description and body words, unstemmed, without positions
//   bare     the same words, unstemmed, with positions: the least a
//            phrase-capable full-text index is in Xapian
//   stemmed  bare plus the stemmed terms (byline's analyzer, STEM_SOME)
//   byline   byline's own documents (indexer/document_builder.h): every
//            field, filter terms, values, fingerprints, stored fields
//
// Each tier's figure is an upper bound on what byline could reach with that
// much indexed, because reading, extraction and the passes after the merge
// are left out. benchmarks/README.md ("The write floor") sets it beside FTS5.
//
//   byline_write_floor --jsonl FILE [--limit N] [--threads T] [--block B]
//                      [--tiers nopos,bare,stemmed,byline] [--workdir DIR]
//                      [--json-out FILE] [--keep]
//
// The compacted databases are removed after measuring unless --keep is given
// (WORKDIR/TIER/merged).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/index_pipeline.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using byline::Article;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Keeps the first `limit` articles (the rest of the input is still read) and
// counts the records that were not articles.
class CollectingSink final : public byline::ArticleSink {
 public:
  explicit CollectingSink(std::size_t limit) : limit_(limit) {}
  void accept(Article article) override {
    if (articles.size() < limit_) articles.push_back(std::move(article));
  }
  void skip(std::string_view, std::string_view) override { ++skipped; }
  void note(std::string_view, std::string_view) override {}
  std::vector<Article> articles;
  std::size_t skipped = 0;

 private:
  std::size_t limit_;
};

// Makes the documents of one tier; one per writer thread (a TermGenerator is
// not shared between threads).
using DocumentMaker = std::function<Xapian::Document(const Article&)>;
using MakerFactory = std::function<DocumentMaker()>;

// Each maker has its own analyzer: a Snowball stemmer keeps state while it
// stems, so one must not be shared between threads.
MakerFactory words_tier(bool positions, bool stemmed) {
  return [positions, stemmed]() -> DocumentMaker {
    auto generator = std::make_shared<Xapian::TermGenerator>();
    if (stemmed) byline::Analyzer(byline::AnalyzerSettings{}).configure(*generator);
    return [generator, positions](const Article& a) {
      Xapian::Document doc;
      generator->set_document(doc);
      const auto index = [&](const std::string& text) {
        if (positions) generator->index_text(text);
        else generator->index_text_without_positions(text);
        generator->increase_termpos();
      };
      index(a.title);
      // The description as byline posts it: not when the body opens with it.
      if (!byline::body_repeats(a.body, a.description)) index(a.description);
      index(a.body);
      return doc;
    };
  };
}

MakerFactory byline_tier() {
  return []() -> DocumentMaker {
    auto builder = std::make_shared<byline::DocumentBuilder>(byline::Analyzer(byline::AnalyzerSettings{}));
    return [builder](const Article& a) { return builder->build(a); };
  };
}

struct TierResult {
  std::string name;
  double write_seconds = 0;    // wall: all blocks written and committed
  double make_seconds = 0;     // summed over the writers: building documents
  double add_seconds = 0;      // summed over the writers: add_document and commit
  double compact_seconds = 0;  // wall: the shards compacted into one database
  std::uintmax_t bytes = 0;    // the compacted database
  std::size_t shards = 0;
  Xapian::doccount documents = 0;  // in the compacted database
};

std::uintmax_t folder_bytes(const fs::path& folder) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

// `keep`: leave the compacted database in WORKDIR/TIER/merged.
TierResult run_tier(const std::string& name, const MakerFactory& factory, const std::vector<Article>& articles,
                    unsigned threads, std::size_t block, const fs::path& workdir, bool keep) {
  TierResult result;
  result.name = name;
  const fs::path root = workdir / name;
  fs::remove_all(root);
  fs::create_directories(root);
  const std::size_t blocks = (articles.size() + block - 1) / block;
  result.shards = blocks;
  std::atomic<std::size_t> next{0};
  std::vector<double> make(threads, 0), add(threads, 0);
  std::vector<std::exception_ptr> errors(threads);

  const auto writing = Clock::now();
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      try {
        DocumentMaker maker = factory();
        for (std::size_t b = next++; b < blocks; b = next++) {
          Xapian::WritableDatabase shard((root / fmt::format("shard-{:06}", b)).string(), Xapian::DB_CREATE);
          const std::size_t end = std::min(articles.size(), (b + 1) * block);
          for (std::size_t i = b * block; i < end; ++i) {
            const auto start = Clock::now();
            Xapian::Document doc = maker(articles[i]);
            const auto made = Clock::now();
            shard.add_document(doc);
            add[t] += seconds_since(made);
            make[t] += std::chrono::duration<double>(made - start).count();
          }
          const auto committing = Clock::now();
          shard.commit();
          add[t] += seconds_since(committing);
        }
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  for (std::thread& worker : workers) worker.join();
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
  result.write_seconds = seconds_since(writing);
  for (unsigned t = 0; t < threads; ++t) {
    result.make_seconds += make[t];
    result.add_seconds += add[t];
  }

  const auto compacting = Clock::now();
  Xapian::Database all;
  for (std::size_t b = 0; b < blocks; ++b) all.add_database(Xapian::Database((root / fmt::format("shard-{:06}", b)).string()));
  const fs::path merged = root / "merged";
  all.compact(merged.string());  // one pass over all shards, as indexer/shard_merge.cpp does
  result.compact_seconds = seconds_since(compacting);
  result.bytes = folder_bytes(merged);
  result.documents = Xapian::Database(merged.string()).get_doccount();
  if (result.documents != articles.size())
    throw std::runtime_error(fmt::format("tier {}: the compacted database holds {} documents, not {}", name,
                                         result.documents, articles.size()));
  if (keep) {
    for (std::size_t b = 0; b < blocks; ++b) fs::remove_all(root / fmt::format("shard-{:06}", b));
  } else {
    fs::remove_all(root);
  }
  return result;
}

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// Command line; throws std::invalid_argument for a bad one.
struct Options {
  std::string jsonl, json_out, workdir = "/tmp/byline-write-floor";
  std::vector<std::string> tiers = {"nopos", "bare", "stemmed", "byline"};
  std::size_t limit = static_cast<std::size_t>(-1), block = 2000;
  unsigned threads = 2;
  bool keep = false;
};

Options parse_options(int argc, char** argv, const std::vector<std::pair<std::string, MakerFactory>>& known) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
      return argv[++i];
    };
    const auto number = [&]() -> std::size_t {
      const std::string text = value();
      if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 12)
        throw std::invalid_argument(arg + " needs a number, not '" + text + "'");
      return std::stoull(text);
    };
    if (arg == "--jsonl") o.jsonl = value();
    else if (arg == "--limit") o.limit = number();
    else if (arg == "--threads") o.threads = static_cast<unsigned>(std::min<std::size_t>(number(), 256));
    else if (arg == "--block") o.block = number();
    else if (arg == "--tiers") o.tiers = split_list(value());
    else if (arg == "--workdir") o.workdir = value();
    else if (arg == "--json-out") o.json_out = value();
    else if (arg == "--keep") o.keep = true;
    else throw std::invalid_argument("unknown option " + arg);
  }
  if (o.jsonl.empty()) throw std::invalid_argument("--jsonl FILE is required");
  if (o.threads == 0 || o.block == 0) throw std::invalid_argument("--threads and --block must be at least 1");
  for (const std::string& name : o.tiers)
    if (std::none_of(known.begin(), known.end(), [&](const auto& k) { return k.first == name; }))
      throw std::invalid_argument("unknown tier " + name);
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::pair<std::string, MakerFactory>> known = {
      {"nopos", words_tier(false, false)},
      {"bare", words_tier(true, false)},
      {"stemmed", words_tier(true, true)},
      {"byline", byline_tier()},
  };
  Options options;
  try {
    options = parse_options(argc, argv, known);
  } catch (const std::exception& error) {
    std::cerr << "byline_write_floor: " << error.what() << "\n"
              << "usage: byline_write_floor --jsonl FILE [--limit N] [--threads T] [--block B] [--tiers LIST] "
                 "[--workdir DIR] [--json-out FILE] [--keep]\n";
    return 2;
  }

  try {
    const auto reading = Clock::now();
    CollectingSink sink(options.limit);
    byline::SilentProgress progress;
    const byline::InputFile file{options.jsonl, byline::InputFormat::Jsonl, "", fs::file_size(options.jsonl)};
    byline::read_inputs({file}, byline::IndexRunOptions{}, sink, progress);
    const double read_seconds = seconds_since(reading);
    const std::size_t n = sink.articles.size();
    if (n == 0) throw std::runtime_error("no articles in " + options.jsonl);
    std::uintmax_t text_bytes = 0;
    for (const Article& a : sink.articles) text_bytes += a.title.size() + a.description.size() + a.body.size();
    fmt::print("{} articles in memory ({:.1f} MB of titles, descriptions and bodies; {} records skipped), "
               "read in {:.1f} s (not timed below)\n",
               n, text_bytes / 1e6, sink.skipped, read_seconds);
    fmt::print("{} writers, blocks of {}, one shard per block, one compaction; make and add: seconds summed over "
               "the writers\n\n",
               options.threads, options.block);
    fmt::print("{:<8} {:>9} {:>11} {:>10} {:>10} {:>10} {:>12} {:>9}\n", "tier", "write s", "articles/s", "make s",
               "add s", "compact s", "w+c art/s", "MiB");

    nlohmann::json report = {{"articles", n},
                             {"text_bytes", text_bytes},
                             {"threads", options.threads},
                             {"block", options.block},
                             {"read_seconds", read_seconds},
                             {"tiers", nlohmann::json::array()}};
    for (const std::string& name : options.tiers) {
      const auto tier = std::find_if(known.begin(), known.end(), [&](const auto& k) { return k.first == name; });
      const TierResult r =
          run_tier(name, tier->second, sink.articles, options.threads, options.block, options.workdir, options.keep);
      const double total = r.write_seconds + r.compact_seconds;
      fmt::print("{:<8} {:>9.1f} {:>11.0f} {:>10.1f} {:>10.1f} {:>10.1f} {:>12.0f} {:>9.1f}\n", r.name,
                 r.write_seconds, n / r.write_seconds, r.make_seconds, r.add_seconds, r.compact_seconds, n / total,
                 r.bytes / 1048576.0);
      std::fflush(stdout);
      report["tiers"].push_back({{"tier", r.name},
                                 {"write_seconds", r.write_seconds},
                                 {"make_seconds", r.make_seconds},
                                 {"add_seconds", r.add_seconds},
                                 {"compact_seconds", r.compact_seconds},
                                 {"articles_per_s_write", n / r.write_seconds},
                                 {"articles_per_s_with_compaction", n / total},
                                 {"bytes", r.bytes},
                                 {"documents", r.documents},
                                 {"shards", r.shards}});
    }
    if (!options.json_out.empty()) std::ofstream(options.json_out) << report.dump(2) << "\n";
  } catch (const std::exception& error) {
    std::cerr << "byline_write_floor: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
