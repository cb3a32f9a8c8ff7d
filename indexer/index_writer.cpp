#include "indexer/index_writer.h"

#include <filesystem>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/schema.h"

namespace byline {

namespace {

Xapian::WritableDatabase open_writable(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path fs_path(path);
  if (std::filesystem::exists(fs_path, ec) && !std::filesystem::is_directory(fs_path, ec))
    throw InputError(fmt::format("--db '{}' exists and is not a directory", path));
  try {
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError& e) {
    throw IndexLockedError(fmt::format("index '{}' is locked: another byline (or Xapian) process is writing it ({})",
                                       path, e.get_msg()));
  } catch (const Xapian::DatabaseVersionError& e) {
    throw IndexError(fmt::format("'{}' is a Xapian database of an unsupported format: {}", path, e.get_msg()));
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw InputError(fmt::format("cannot open or create index '{}': {}", path, e.get_msg()));
  }
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, const AnalyzerSettings& analyzer, IndexWriterOptions options)
    : IndexWriter(open_writable(path), analyzer, options) {}

IndexWriter::IndexWriter(Xapian::WritableDatabase db, const AnalyzerSettings& analyzer, IndexWriterOptions options)
    : db_(std::move(db)), analyzer_(analyzer), builder_(analyzer_), options_(options) {
  analyzer_.record_in(db_);
}

IndexWriter::~IndexWriter() {
  if (finished_) return;
  try {
    db_.commit();
  } catch (...) {
    // A destructor must not throw; finish() reports commit errors.
  }
}

void IndexWriter::accept(Article article) {
  const std::string term = id_term(article.id);
  if (db_.term_exists(term)) ++stats_.replaced;
  else ++stats_.added;
  if (!article.section_key.empty() && !article.section.empty())
    new_section_labels_.try_emplace(article.section_key, article.section);
  db_.replace_document(term, builder_.build(article));
  if (++pending_ >= options_.batch_size) commit();
}

void IndexWriter::skip(std::string_view reason, std::string_view /*where*/) {
  ++stats_.skipped[std::string(reason)];
}

void IndexWriter::note(std::string_view what, std::string_view /*where*/) { ++stats_.notes[std::string(what)]; }

void IndexWriter::commit() {
  // Labels go in with the batch they describe: the first label seen for a
  // key wins and is never overwritten, so facets keep a stable label.
  for (const auto& [key, label] : new_section_labels_) {
    const std::string meta_key = std::string(schema::metadata::kSectionLabelPrefix) + key;
    if (meta_key.size() <= schema::kMaxTermBytes && db_.get_metadata(meta_key).empty()) db_.set_metadata(meta_key, label);
  }
  new_section_labels_.clear();
  db_.commit();
  pending_ = 0;
}

void IndexWriter::finish() {
  if (finished_) return;
  commit();
  finished_ = true;
}

}  // namespace byline
