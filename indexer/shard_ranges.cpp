#include "indexer/shard_ranges.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <exception>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "indexer/shard_merge.h"

namespace byline {

namespace fs = std::filesystem;

namespace {

std::optional<std::size_t> parse_number(std::string_view digits) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || digits.empty()) return std::nullopt;
  return value;
}

// The range a folder entry's name gives, if it is a database's name.
std::optional<ShardRange> parse_range(const fs::path& path) {
  const std::string name = path.filename().string();
  ShardRange range;
  range.path = path.string();
  if (name.rfind("block-", 0) == 0) {
    const auto n = parse_number(std::string_view(name).substr(6));
    if (!n) return std::nullopt;
    range.first = range.last = *n;
    return range;
  }
  if (name.rfind("blocks-", 0) == 0) {
    const std::string_view rest = std::string_view(name).substr(7);
    const std::size_t dash = rest.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const auto first = parse_number(rest.substr(0, dash)), last = parse_number(rest.substr(dash + 1));
    if (!first || !last || *first > *last) return std::nullopt;
    range.first = *first;
    range.last = *last;
    return range;
  }
  return std::nullopt;
}

}  // namespace

std::string shard_range_name(std::size_t first, std::size_t last) {
  return first == last ? fmt::format("block-{:06}", first) : fmt::format("blocks-{:06}-{:06}", first, last);
}

std::optional<std::vector<ShardRange>> tile_shard_ranges(const std::string& folder, std::size_t count) {
  // The widest complete database starting at each block.
  std::map<std::size_t, ShardRange> widest;
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(folder)) entries.push_back(entry.path());
  for (const fs::path& path : entries) {
    const auto range = parse_range(path);
    if (!range || range->last >= count || !fs::exists(path / "iamglass")) continue;
    auto [it, inserted] = widest.emplace(range->first, *range);
    if (!inserted && range->last > it->second.last) it->second = *range;
  }
  std::vector<ShardRange> tiles;
  for (std::size_t next = 0; next < count;) {
    const auto it = widest.find(next);
    if (it == widest.end()) {
      tiles.clear();
      break;
    }
    tiles.push_back(it->second);
    next = it->second.last + 1;
  }
  const bool complete = !tiles.empty() || count == 0;
  std::set<std::string> keep;
  for (const ShardRange& tile : tiles) keep.insert(tile.path);
  for (const fs::path& path : entries)
    if (!keep.count(path.string())) fs::remove_all(path);
  if (!complete) return std::nullopt;
  return tiles;
}

std::size_t fan_in_within_open_files(std::size_t wanted, unsigned merges) {
  constexpr std::size_t kFilesPerDatabase = 5;  // its tables
  constexpr std::size_t kSpare = 64;            // the target, the output, the input files, stdio
  wanted = std::max<std::size_t>(wanted, 2);
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return wanted;
  const std::size_t open_files = limit.rlim_cur;
  const std::size_t spare = open_files > kSpare ? open_files - kSpare : 0;
  return std::clamp<std::size_t>(spare / (kFilesPerDatabase * std::max(1u, merges)), 2, wanted);
}

std::vector<ShardRange> reduce_shard_fan_in(std::vector<ShardRange> ranges, const std::string& folder,
                                            std::size_t fan_in, unsigned threads) {
  threads = std::max(1u, threads);
  fan_in = fan_in_within_open_files(fan_in, threads);
  while (ranges.size() > fan_in) {
    std::vector<std::vector<ShardRange>> groups;
    for (std::size_t i = 0; i < ranges.size(); i += fan_in)
      groups.emplace_back(ranges.begin() + i, ranges.begin() + std::min(ranges.size(), i + fan_in));
    std::vector<ShardRange> merged(groups.size());
    std::vector<std::exception_ptr> errors(groups.size());
    std::atomic<std::size_t> next{0};
    auto merge_groups = [&] {
      for (std::size_t g = next++; g < groups.size(); g = next++) {
        const std::vector<ShardRange>& group = groups[g];
        if (group.size() == 1) {
          merged[g] = group.front();  // a lone last range stays as it is
          continue;
        }
        try {
          ShardRange out{group.front().first, group.back().last, ""};
          out.path = (fs::path(folder) / shard_range_name(out.first, out.last)).string();
          const std::string partial = out.path + ".partial";
          fs::remove_all(partial);
          std::vector<std::string> inputs;
          for (const ShardRange& r : group) inputs.push_back(r.path);
          compact_shards(inputs, partial);
          fs::rename(partial, out.path);
          for (const std::string& input : inputs) fs::remove_all(input);
          merged[g] = out;
        } catch (...) {
          errors[g] = std::current_exception();
        }
      }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t) workers.emplace_back(merge_groups);
    merge_groups();
    for (std::thread& worker : workers) worker.join();
    for (const std::exception_ptr& error : errors)
      if (error) std::rethrow_exception(error);
    ranges = std::move(merged);
  }
  return ranges;
}

}  // namespace byline
