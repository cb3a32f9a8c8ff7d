#pragma once
// The shard folder of a parallel run: which databases hold which blocks of
// the input, and merging them in groups so that no compaction opens more
// than a bounded number of them at once.
//
// A shard database holds a run of consecutive blocks and is named after it:
// `block-000007` (block 7 alone, as a writer made it) or `blocks-000000-000063`
// (blocks 0 to 63, merged). A group merge writes `<name>.partial` and renames
// it when complete, then removes its inputs; a run killed in between leaves
// either the inputs, or the merged range beside some of them, and
// tile_shard_ranges() keeps the widest.
//
// Why groups: compaction opens every input at once, at about 145 KB and five
// file descriptors each. The 3M-article scale run's 1,500 shards took 471 MB
// at its peak (against 114 MB for 100k articles), and a system's usual limit
// of 1,024 open files stops a one-pass merge at about 200 shards (400,000
// articles). With groups of at most kShardFanIn the merge's memory and open
// files no longer grow with the archive; each extra level rewrites the data
// once more (on 500 shards of a 1M-article archive: 64 s against 48 s).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace byline {

// The most databases one compaction opens.
inline constexpr std::size_t kShardFanIn = 64;

struct ShardRange {
  std::size_t first = 0;  // block numbers, inclusive
  std::size_t last = 0;
  std::string path;
};

// `block-NNNNNN` for one block, `blocks-NNNNNN-MMMMMM` for several.
std::string shard_range_name(std::size_t first, std::size_t last);

// The databases of `folder` that together hold blocks 0..count-1 exactly
// once, in block order. Every other entry of the folder (blocks past count,
// a range inside a wider one, a partial merge, anything else) is removed.
// Nothing when the blocks are not all there (a database is missing).
std::optional<std::vector<ShardRange>> tile_shard_ranges(const std::string& folder, std::size_t count);

// The fan-in, at most `wanted`, that keeps `merges` compactions at once within
// the process's limit on open files (about five per database, with some to
// spare for everything else); at least 2.
std::size_t fan_in_within_open_files(std::size_t wanted, unsigned merges);

// Merges consecutive ranges in groups of up to `fan_in` (lowered by
// fan_in_within_open_files, with `threads` group merges at once) until at
// most that many remain, and returns those, in order. Each group's inputs
// are removed once its merge is complete.
std::vector<ShardRange> reduce_shard_fan_in(std::vector<ShardRange> ranges, const std::string& folder,
                                            std::size_t fan_in, unsigned threads);

}  // namespace byline
