#pragma once
// What a benchmark prints about where it ran (LevelDB's db_bench does the
// same): the machine, the build and the index, so that two runs can be
// compared knowingly and a debug build is never mistaken for a real figure.

#include <cstdint>
#include <string>
#include <string_view>

namespace byline {

struct BenchEnvironment {
  std::string cpu_model;      // "model name" of /proc/cpuinfo; "unknown" if absent
  unsigned cores = 0;         // std::thread::hardware_concurrency()
  std::string build_type;     // CMAKE_BUILD_TYPE the executable was built with
  bool assertions = false;    // NDEBUG not defined
  bool optimised = false;     // see is_optimised_build()
  std::string byline_version;
  std::string xapian_version;
  std::string db_path;
  std::uint64_t index_bytes = 0;  // regular files directly in the db folder
  std::uint64_t articles = 0;     // documents in the database
};

// The first "model name" line of a /proc/cpuinfo text (some ARM kernels say
// "Processor" or "Hardware" instead; those are tried next). "unknown" if none.
std::string cpu_model_from_cpuinfo(std::string_view cpuinfo);
// Reads /proc/cpuinfo; "unknown" where it cannot be read.
std::string cpu_model();

// A build is optimised when it is Release or RelWithDebInfo (case-insensitive)
// and assertions are off: only then are latencies worth comparing.
bool is_optimised_build(std::string_view build_type, bool assertions);

// Sum of the sizes of the regular files in `dir` and its subfolders; 0 if
// it cannot be listed.
std::uint64_t folder_size_bytes(const std::string& dir);

}  // namespace byline
