#pragma once
// Turns the shard databases of a parallel run into one database: Xapian's
// compaction concatenates them in the order given (each shard's docids follow
// the previous shard's, so docid order stays the input order) and writes the
// tables fully packed; the result then replaces the files of the (empty)
// target database.

#include <filesystem>
#include <string>
#include <vector>

namespace byline {

// The files that make a glass database: its version file and its tables.
bool is_database_file(const std::filesystem::path& path);

// Compacts `shards` (in order) into a new database at `output`, which must not
// exist. A section's label (metadata present in several shards) is the one of
// the first shard that has it, as the input gave it first; other metadata
// keeps one of the shards' values. Xapian errors propagate.
void compact_shards(const std::vector<std::string>& shards, const std::string& output);

// Moves the database files of `built` into `target` in place of its own
// tables (`target` must not be open). Files of byline's own (the writer's pid
// file) and Xapian's lock file stay. `built` is removed.
void install_database(const std::string& built, const std::string& target);

}  // namespace byline
