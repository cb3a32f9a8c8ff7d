#pragma once
// Site-level boilerplate: text blocks that recur on many pages of one site
// (menus, footers, newsletter boxes, "More from …" headings, legal lines) are
// furniture even when nothing in the markup says so.
//
// The model keeps, per site (host without "www."), a 64-bit fingerprint of each
// normalised text block (lowercase letters and digits, white space collapsed)
// and on how many distinct pages of that site it was seen. A block is
// boilerplate once it was seen on at least `min_pages` pages AND on at least
// `min_share` of the site's pages so far.
//
// Streaming: the indexing pipeline sees pages in crawl order, so a site's first
// pages are judged by a model that has not learned yet. extract_html learns a
// page's blocks first and then judges that same page, so the page counts
// itself: from the `min_pages`-th page of a site on, blocks repeated on all
// pages so far are already recognised; the first `min_pages - 1` pages of a
// site are effectively learning-only. For exact results a caller can make two
// passes: extract every page once to learn (results discarded), call freeze(),
// then extract again; a frozen model only judges.
//
// Safety: a page whose block sequence was already seen on that site (the same
// article under another URL) is not learned twice, so duplicates cannot turn an
// article into "boilerplate". The body extractor also ignores the model on a
// page where it would remove most of the running text (html_body.h).
//
// Bounded memory: at most `max_sites` sites and `max_blocks_per_site`
// fingerprints per site, `max_total_blocks` overall (16 bytes of payload each,
// about 40 bytes with the hash table: ~80 MB at the default 2 M). When a site
// is full, fingerprints seen on one page only are evicted; if it is still
// full, new fingerprints are not recorded (known ones keep counting). Page
// fingerprints (duplicate detection) are capped at `max_blocks_per_site` per
// site too. A site beyond `max_sites` is not modelled at all.
//
// Not thread-safe: one model per indexing run, used by one thread at a time.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace byline {

class SiteBoilerplate {
 public:
  struct Limits {
    std::size_t min_pages = 3;          // a block on fewer pages is never boilerplate
    double min_share = 0.3;             // … nor one on less than this share of the site's pages
    std::size_t max_sites = 10000;
    std::size_t max_blocks_per_site = 20000;
    std::size_t max_total_blocks = 2000000;
  };

  SiteBoilerplate() = default;
  explicit SiteBoilerplate(Limits limits) : limits_(limits) {}

  // Records the text blocks of one page of `site`; each distinct block counts
  // once per page. Does nothing when frozen, when `site` is empty, or when the
  // site already had a page with exactly these blocks.
  void learn(std::string_view site, const std::vector<std::string_view>& blocks);
  // True if `block` is known boilerplate on `site`.
  bool is_boilerplate(std::string_view site, std::string_view block) const;
  // Stops learning (the second pass of a two-pass run).
  void freeze() { frozen_ = true; }
  bool frozen() const { return frozen_; }

  std::size_t pages(std::string_view site) const;  // distinct pages learned for `site`
  std::size_t sites() const { return sites_.size(); }
  std::size_t total_blocks() const { return total_blocks_; }

  // Fingerprint of a block's normalised text; 0 for a block with no letters
  // or digits (never boilerplate, never stored).
  static std::uint64_t fingerprint(std::string_view block);

 private:
  struct Site {
    std::size_t pages = 0;
    std::unordered_map<std::uint64_t, std::uint32_t> blocks;  // fingerprint -> pages seen on
    std::unordered_set<std::uint64_t> page_prints;           // whole pages learned, to skip duplicates
  };
  void evict_rare(Site& site);

  Limits limits_;
  bool frozen_ = false;
  std::size_t total_blocks_ = 0;
  std::unordered_map<std::string, Site> sites_;
};

}  // namespace byline
