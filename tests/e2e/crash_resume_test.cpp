// Crash safety: `byline index` killed with SIGKILL at random moments leaves a
// database that opens and holds exactly the articles of the committed batches
// (those before the recorded checkpoint), and running the same command again
// resumes and ends with the same articles as an uninterrupted run.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/schema.h"
#include "support/run_command.h"

using namespace byline::test;

namespace {

constexpr int kRecords = 3000;

// Writes kRecords articles, one per line, each with its own URL (so its own
// id); returns the byte offset of the end of every line.
std::vector<std::uint64_t> write_input(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  std::mt19937 rng(7);
  const char* words[] = {"harbour", "ferry", "monsoon", "council", "budget", "orchard", "festival", "bridge"};
  std::vector<std::uint64_t> ends;
  std::uint64_t offset = 0;
  for (int i = 0; i < kRecords; ++i) {
    std::string body;
    for (int w = 0; w < 60; ++w) body += std::string(words[rng() % 8]) + (w % 12 == 11 ? ". " : " ");
    const nlohmann::json j = {{"title", "Story number " + std::to_string(i)},
                              {"url", "https://resume-test.example/story/" + std::to_string(i)},
                              {"date", "2024-05-01T10:00:00Z"},
                              {"body", body}};
    const std::string line = j.dump() + "\n";
    out << line;
    offset += line.size();
    ends.push_back(offset);
  }
  return ends;
}

std::set<std::string> id_terms(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::set<std::string> ids;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) ids.insert(*t);
  return ids;
}

// Starts `byline index` with `threads` writers and returns its pid.
pid_t start_index(const std::string& db, const std::string& input, const char* threads = "1") {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execl(BYLINE_BINARY, "byline", "index", "--quiet", "--batch-size", "40", "--threads", threads, "--db", db.c_str(),
            input.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// Runs `byline index` and kills it with SIGKILL after `delay`. Returns true
// when it finished first (and then it must have succeeded).
bool run_until_killed(const std::string& db, const std::string& input, const char* threads,
                      std::chrono::milliseconds delay) {
  const pid_t pid = start_index(db, input, threads);
  std::this_thread::sleep_for(delay);
  int status = 0;
  if (::waitpid(pid, &status, WNOHANG) != pid) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  if (!WIFEXITED(status)) return false;  // killed
  REQUIRE(WEXITSTATUS(status) == 0);     // it finished before the kill
  return true;
}

// Starts a parallel run on two writers and kills it once a shard checkpoint
// is committed; returns the number of shards it covers.
std::size_t kill_after_first_shards(const std::string& db, const std::string& input) {
  const pid_t pid = start_index(db, input, "2");
  std::size_t shards = 0;
  for (int wait = 0; wait < 2000 && shards == 0; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    try {
      const std::string saved =
          Xapian::Database(db).get_metadata(std::string(byline::schema::metadata::kShardCheckpoint));
      if (!saved.empty()) shards = nlohmann::json::parse(saved)["shards"];
    } catch (const Xapian::Error&) {
      // not created yet
    }
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(shards > 0);
  REQUIRE(Xapian::Database(db).get_doccount() == 0);
  const std::string saved = Xapian::Database(db).get_metadata(std::string(byline::schema::metadata::kShardCheckpoint));
  return nlohmann::json::parse(saved)["shards"].get<std::size_t>();
}

}  // namespace

TEST_CASE("kill -9 at random moments loses nothing committed and resumes to the same articles", "[e2e][crash]") {
  const std::string dir = scratch_dir("crash");
  const std::string input = dir + "/input.jsonl";
  const std::vector<std::uint64_t> line_ends = write_input(input);

  // The uninterrupted run.
  REQUIRE(run_byline("index --quiet --batch-size 40 --threads 1 --db " + shell_quote(dir + "/clean") + " " + shell_quote(input))
              .exit_code == 0);
  const std::set<std::string> expected = id_terms(dir + "/clean");
  REQUIRE(expected.size() == kRecords);

  // The interrupted runs, each killed after a random delay, until one finishes.
  const std::string db = dir + "/crashed";
  std::mt19937 rng(20261126);
  int kills = 0;
  bool finished = false;
  for (int attempt = 0; attempt < 40 && !finished; ++attempt) {
    finished = run_until_killed(db, input, "1", std::chrono::milliseconds(30 + rng() % 250));
    if (finished) break;
    ++kills;
    if (!std::filesystem::exists(db + "/iamglass")) continue;  // killed before the first commit

    // The database opens and holds exactly the records before the checkpoint.
    Xapian::Database check(db);
    const std::string saved = check.get_metadata(std::string(byline::schema::metadata::kCheckpoint));
    if (saved.empty()) {
      // No checkpoint: killed before the first commit, or after the last one
      // (which clears it) but before the process exited. Under a sanitizer
      // the exit itself takes long enough for a kill to land there.
      // The latter is a finished run: the next one would start afresh.
      if (check.get_doccount() == 0) continue;
      finished = true;
      break;
    }
    const auto checkpoint = nlohmann::json::parse(saved);
    const std::uint64_t offset = checkpoint["offset"];
    const auto end = std::find(line_ends.begin(), line_ends.end(), offset);
    INFO("checkpoint " << saved);
    REQUIRE((offset == 0 || end != line_ends.end()));
    const std::size_t committed = offset == 0 ? 0 : static_cast<std::size_t>(end - line_ends.begin()) + 1;
    CHECK(check.get_doccount() == committed);
    for (std::size_t i = 0; i < committed; i += 97) {
      const std::string url = "https://resume-test.example/story/" + std::to_string(i);
      CHECK(check.term_exists(byline::schema::boolean_term(byline::schema::prefix::kUrl, url)));
    }
  }
  if (!finished) {
    const CommandResult last = run_byline("index --quiet --batch-size 40 --threads 1 --db " + shell_quote(db) + " " + shell_quote(input));
    REQUIRE(last.exit_code == 0);
  }
  CHECK(kills > 0);
  CHECK(id_terms(db) == expected);
  CHECK(Xapian::Database(db).get_metadata(std::string(byline::schema::metadata::kCheckpoint)).empty());
}

TEST_CASE("a resumed run says where it resumes and does not redo committed work", "[e2e][crash]") {
  const std::string dir = scratch_dir("resume-message");
  const std::string input = dir + "/input.jsonl";
  const std::vector<std::uint64_t> line_ends = write_input(input);
  const std::string db = dir + "/db";

  // Kill the run as soon as a checkpoint part-way through the file is committed.
  const pid_t pid = start_index(db, input);
  std::uint64_t offset = 0;
  for (int wait = 0; wait < 2000 && offset == 0; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    try {
      const std::string saved = Xapian::Database(db).get_metadata(std::string(byline::schema::metadata::kCheckpoint));
      if (!saved.empty()) offset = nlohmann::json::parse(saved)["offset"];
    } catch (const Xapian::Error&) {
      // not created yet
    }
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(offset > 0);
  const std::size_t committed_before = Xapian::Database(db).get_doccount();
  REQUIRE(committed_before < static_cast<std::size_t>(kRecords));

  const CommandResult resumed =
      run_byline("index --quiet --summary-json --batch-size 40 --threads 1 --db " + shell_quote(db) + " " + shell_quote(input));
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.err.find("resuming an interrupted run: file 1 of 1") != std::string::npos);
  const nlohmann::json summary = nlohmann::json::parse(resumed.out);
  // Only the records after the checkpoint are read again: none is replaced.
  CHECK(summary["replaced"] == 0);
  CHECK(summary["added"].get<std::size_t>() == static_cast<std::size_t>(kRecords) - committed_before);
  CHECK(Xapian::Database(db).get_doccount() == static_cast<unsigned>(kRecords));

  // A completed run leaves no checkpoint: the same command again starts afresh.
  const CommandResult again =
      run_byline("index --quiet --summary-json --batch-size 40 --threads 1 --db " + shell_quote(db) + " " + shell_quote(input));
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.find("resuming") == std::string::npos);
  CHECK(nlohmann::json::parse(again.out)["replaced"] == kRecords);
}

TEST_CASE("a second writer is told which process holds the lock", "[e2e][crash]") {
  const std::string dir = scratch_dir("second-writer");
  const std::string input = dir + "/input.jsonl";
  write_input(input);
  const std::string db = dir + "/db";
  const pid_t first = start_index(db, input);
  for (int wait = 0; wait < 2000 && !std::filesystem::exists(db + "/byline-writer.pid"); ++wait)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  const CommandResult second = run_byline("index --quiet --db " + shell_quote(db) + " " + shell_quote(input));
  ::kill(first, SIGKILL);
  int status = 0;
  ::waitpid(first, &status, 0);
  CHECK(second.exit_code == 6);
  CHECK(second.err.find(fmt::format("process {} (", first)) != std::string::npos);
  CHECK(second.err.find("index --quiet --batch-size 40") != std::string::npos);
}

// The same with shard writers (issue 6): a parallel run checkpoints by shard;
// its target holds no article until the shards are merged at the end.
TEST_CASE("kill -9 during a parallel run resumes from the committed shards to the same articles", "[e2e][crash]") {
  const std::string dir = scratch_dir("crash-parallel");
  const std::string input = dir + "/input.jsonl";
  const std::vector<std::uint64_t> line_ends = write_input(input);
  REQUIRE(run_byline("index --quiet --threads 1 --db " + shell_quote(dir + "/clean") + " " + shell_quote(input))
              .exit_code == 0);
  const std::set<std::string> expected = id_terms(dir + "/clean");

  const std::string db = dir + "/crashed";
  std::mt19937 rng(6);
  int kills = 0, checkpoints = 0;
  bool finished = false;
  for (int attempt = 0; attempt < 40 && !finished; ++attempt) {
    finished = run_until_killed(db, input, "2", std::chrono::milliseconds(30 + rng() % 400));
    if (finished) break;
    ++kills;
    if (!std::filesystem::exists(db + "/iamglass")) continue;
    Xapian::Database check(db);
    const std::string saved = check.get_metadata(std::string(byline::schema::metadata::kShardCheckpoint));
    if (saved.empty() || check.get_doccount() > 0) continue;  // before the first shard, or killed after the merge
    // k shards of 40 records cover exactly the first 40k lines.
    ++checkpoints;
    const auto checkpoint = nlohmann::json::parse(saved);
    const std::size_t shards = checkpoint["shards"];
    INFO("checkpoint " << saved);
    REQUIRE(shards > 0);
    CHECK(checkpoint["offset"] == line_ends.at(shards * 40 - 1));
  }
  if (!finished) REQUIRE(run_byline("index --quiet --batch-size 40 --db " + shell_quote(db) + " " + shell_quote(input)).exit_code == 0);
  CHECK(kills > 0);
  CHECK(checkpoints > 0);
  CHECK(id_terms(db) == expected);
  CHECK(Xapian::Database(db).get_metadata(std::string(byline::schema::metadata::kShardCheckpoint)).empty());
  CHECK_FALSE(std::filesystem::exists(db + "/byline-shards"));
}

TEST_CASE("a resumed parallel run says where it resumes and writes only the shards after it", "[e2e][crash]") {
  // Resumed on two writers as it started, or on one: --threads 1 must keep
  // the committed shards too, not write everything again in place.
  const std::string threads = GENERATE("2", "1");
  INFO("resumed with --threads " << threads);
  const std::string dir = scratch_dir("resume-parallel");
  const std::string input = dir + "/input.jsonl";
  const std::vector<std::uint64_t> line_ends = write_input(input);
  const std::string db = dir + "/db";

  const std::size_t covered = kill_after_first_shards(db, input) * 40;

  const CommandResult resumed = run_byline("index --quiet --summary-json --batch-size 40 --threads " + threads +
                                           " --db " + shell_quote(db) + " " + shell_quote(input));
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.err.find(fmt::format("resuming an interrupted run: file 1 of 1 ({}) at byte {}", input,
                                     line_ends.at(covered - 1))) != std::string::npos);
  const nlohmann::json summary = nlohmann::json::parse(resumed.out);
  CHECK(summary["replaced"] == 0);
  CHECK(summary["added"].get<std::size_t>() == static_cast<std::size_t>(kRecords) - covered);
  CHECK(summary["parallel"]["threads"] == std::stoi(threads));
  CHECK(summary["parallel"]["shards"].get<std::size_t>() == static_cast<std::size_t>(kRecords) / 40);
  CHECK(Xapian::Database(db).get_doccount() == static_cast<unsigned>(kRecords));
  CHECK(Xapian::Database(db).get_metadata(std::string(byline::schema::metadata::kShardCheckpoint)).empty());
  CHECK_FALSE(std::filesystem::exists(db + "/byline-shards"));
  CHECK(run_byline("compact --db " + shell_quote(db)).exit_code == 0);
}

TEST_CASE("a run in place over another run's shards discards them", "[e2e][crash]") {
  const std::string dir = scratch_dir("discard-shards");
  const std::string input = dir + "/input.jsonl";
  write_input(input);
  const std::string db = dir + "/db";
  kill_after_first_shards(db, input);

  // Another file list is another run: its shards cannot be resumed.
  const std::string other = dir + "/other.jsonl";
  {
    std::ofstream out(other);
    out << R"({"title": "Ferry timetable changes", "url": "https://resume-test.example/other/1", "date": "2024-05-02T10:00:00Z", "body": "The harbour ferry runs twice an hour from Monday."})"
        << "\n";
  }
  const CommandResult run = run_byline("index --quiet --summary-json --threads 1 --db " + shell_quote(db) + " " + shell_quote(other));
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("resuming") == std::string::npos);
  CHECK(nlohmann::json::parse(run.out)["added"] == 1);
  CHECK(Xapian::Database(db).get_doccount() == 1);
  CHECK(Xapian::Database(db).get_metadata(std::string(byline::schema::metadata::kShardCheckpoint)).empty());
  CHECK_FALSE(std::filesystem::exists(db + "/byline-shards"));
  CHECK(run_byline("compact --db " + shell_quote(db)).exit_code == 0);
}
