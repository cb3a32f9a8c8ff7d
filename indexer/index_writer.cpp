#include "indexer/index_writer.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/schema.h"

namespace byline {

namespace {

// Xapian's lock says only that the database is locked. byline's writers leave
// their process id beside it (schema::files::kWriterPid), so a second writer
// can say who holds the lock.
std::string describe_lock_holder(const std::string& path) {
  std::ifstream pid_file(std::filesystem::path(path) / schema::files::kWriterPid);
  long pid = 0;
  if (!(pid_file >> pid) || pid <= 0) return "another process";
  std::ifstream cmdline(fmt::format("/proc/{}/cmdline", pid));
  std::string command;
  std::getline(cmdline, command);
  for (char& c : command)
    if (c == '\0') c = ' ';
  if (command.find("byline") == std::string::npos) return "another process (not byline)";
  while (!command.empty() && command.back() == ' ') command.pop_back();
  return fmt::format("process {} ({})", pid, command);
}

void write_pid_file(const std::string& path) {
  std::ofstream(std::filesystem::path(path) / schema::files::kWriterPid) << ::getpid() << '\n';
}

}  // namespace

Xapian::WritableDatabase open_index_for_writing(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path fs_path(path);
  if (std::filesystem::exists(fs_path, ec) && !std::filesystem::is_directory(fs_path, ec))
    throw InputError(fmt::format("--db '{}' exists and is not a directory", path));
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    write_pid_file(path);
    return db;
  } catch (const Xapian::DatabaseLockError& e) {
    throw IndexLockedError(fmt::format("index '{}' is locked: {} is writing it; wait for it to finish or stop it",
                                       path, describe_lock_holder(path)));
  } catch (const Xapian::DatabaseVersionError& e) {
    throw IndexError(fmt::format("'{}' is a Xapian database of an unsupported format: {}", path, e.get_msg()));
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw InputError(fmt::format("cannot open or create index '{}': {}", path, e.get_msg()));
  }
}

IndexWriter::IndexWriter(const std::string& path, const AnalyzerSettings& analyzer, IndexWriterOptions options)
    : IndexWriter(open_index_for_writing(path), analyzer, options) {}

IndexWriter::IndexWriter(Xapian::WritableDatabase db, const AnalyzerSettings& analyzer, IndexWriterOptions options)
    : db_(std::move(db)), analyzer_(analyzer), builder_(analyzer_), options_(options) {
  analyzer_.record_in(db_);
  // Spelling data and wire-copy story keys come from this database.
  builder_.attach(db_, options_.find_stories, options_.spelling);
  if (options_.facet_column) column_.attach(db_);  // after the schema check: an index we refuse is not rebuilt
}

IndexWriter::~IndexWriter() {
  if (finished_) return;
  try {
    column_.flush();
    db_.commit();
  } catch (...) {
    // A destructor must not throw; finish() reports commit errors.
  }
}

void IndexWriter::accept(Article article) {
  const std::string term = id_term(article.id);
  const bool exists = db_.term_exists(term);
  if (exists) ++stats_.replaced;
  else ++stats_.added;
  if (exists && !options_.replace_in_place) db_.delete_document(term);
  if (!article.section_key.empty() && !article.section.empty())
    new_section_labels_.try_emplace(article.section_key, article.section);
  const Xapian::Document doc = builder_.build(article);
  column_.record(db_.replace_document(term, doc), doc);
  ++pending_;
  // Commits normally happen at record boundaries (so the checkpoint matches);
  // a reader that gives none (a long WARC file) still commits, at twice the
  // batch: the checkpoint then lags behind, and a resumed run re-reads from it,
  // replacing what it already wrote.
  if (pending_ >= 2 * options_.batch_size || (!position_ && pending_ >= options_.batch_size)) commit();
}

void IndexWriter::skip(std::string_view reason, std::string_view /*where*/) {
  ++stats_.skipped[std::string(reason)];
}

void IndexWriter::note(std::string_view what, std::string_view /*where*/) { ++stats_.notes[std::string(what)]; }

std::optional<Checkpoint> IndexWriter::start_run(const std::string& run) {
  position_ = Checkpoint{run, 0, 0};
  const std::string saved = db_.get_metadata(std::string(schema::metadata::kCheckpoint));
  if (saved.empty()) return std::nullopt;
  const nlohmann::json j = nlohmann::json::parse(saved, nullptr, false);
  if (!j.is_object() || j.value("run", "") != run) return std::nullopt;  // another run's: start afresh
  Checkpoint checkpoint{run, j.value("file", std::size_t{0}), j.value("offset", std::uint64_t{0})};
  *position_ = checkpoint;
  return checkpoint;
}

void IndexWriter::begin_file(std::size_t file_index) {
  if (position_) *position_ = Checkpoint{position_->run, file_index, 0};
}

void IndexWriter::record_boundary(std::uint64_t offset) {
  if (position_) position_->offset = offset;
  commit_if_batch_full();
}

void IndexWriter::end_file(std::size_t file_index) {
  if (position_) *position_ = Checkpoint{position_->run, file_index + 1, 0};
  commit_if_batch_full();
}

void IndexWriter::commit_if_batch_full() {
  if (pending_ >= options_.batch_size) commit();
}

void IndexWriter::commit() {
  // Labels go in with the batch they describe: the first label seen for a
  // key wins and is never overwritten, so facets keep a stable label.
  for (const auto& [key, label] : new_section_labels_) {
    const std::string meta_key = std::string(schema::metadata::kSectionLabelPrefix) + key;
    if (meta_key.size() <= schema::kMaxTermBytes && db_.get_metadata(meta_key).empty()) db_.set_metadata(meta_key, label);
  }
  new_section_labels_.clear();
  if (position_) {
    const nlohmann::json j = {{"run", position_->run}, {"file", position_->file}, {"offset", position_->offset}};
    db_.set_metadata(std::string(schema::metadata::kCheckpoint), j.dump());
  }
  column_.flush();
  db_.commit();
  pending_ = 0;
}

void IndexWriter::finish() {
  if (finished_) return;
  position_.reset();
  db_.set_metadata(std::string(schema::metadata::kCheckpoint), "");  // the run is complete
  commit();
  finished_ = true;
}

}  // namespace byline
