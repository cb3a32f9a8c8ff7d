#include "indexer/site_boilerplate.h"

#include <algorithm>

#include "common/hash.h"

namespace byline {

std::uint64_t SiteBoilerplate::fingerprint(std::string_view block) {
  // Letters and digits only, ASCII lowercased, one space between words: the
  // same furniture printed with other spacing or punctuation still matches.
  std::string norm;
  norm.reserve(block.size());
  bool space = false;
  bool any = false;
  for (char c : block) {
    const unsigned char u = static_cast<unsigned char>(c);
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || u >= 0x80;
    if (!alnum) {
      space = true;
      continue;
    }
    if (space && !norm.empty()) norm += ' ';
    space = false;
    any = true;
    norm += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (!any) return 0;
  const std::uint64_t h = stable_hash64(norm);
  return h == 0 ? 1 : h;
}

void SiteBoilerplate::evict_rare(Site& site) {
  for (auto it = site.blocks.begin(); it != site.blocks.end();) {
    if (it->second <= 1) {
      it = site.blocks.erase(it);
      --total_blocks_;
    } else {
      ++it;
    }
  }
}

void SiteBoilerplate::learn(std::string_view site_name, const std::vector<std::string_view>& blocks) {
  if (frozen_ || site_name.empty()) return;
  auto it = sites_.find(std::string(site_name));
  if (it == sites_.end()) {
    if (sites_.size() >= limits_.max_sites) return;
    it = sites_.emplace(std::string(site_name), Site{}).first;
  }
  Site& site = it->second;

  std::vector<std::uint64_t> prints;
  prints.reserve(blocks.size());
  std::uint64_t page_print = 0xcbf29ce484222325ULL;
  for (std::string_view b : blocks) {
    const std::uint64_t f = fingerprint(b);
    if (f == 0) continue;
    prints.push_back(f);
    page_print = (page_print ^ f) * 0x100000001b3ULL;  // order matters: a page, not a bag
  }
  if (prints.empty()) return;
  if (site.page_prints.size() < limits_.max_blocks_per_site && !site.page_prints.insert(page_print).second) return;
  ++site.pages;

  std::sort(prints.begin(), prints.end());
  prints.erase(std::unique(prints.begin(), prints.end()), prints.end());
  for (std::uint64_t f : prints) {
    auto found = site.blocks.find(f);
    if (found != site.blocks.end()) {
      ++found->second;
      continue;
    }
    if (site.blocks.size() >= limits_.max_blocks_per_site || total_blocks_ >= limits_.max_total_blocks) {
      evict_rare(site);
      if (site.blocks.size() >= limits_.max_blocks_per_site || total_blocks_ >= limits_.max_total_blocks) continue;
    }
    site.blocks.emplace(f, 1);
    ++total_blocks_;
  }
}

bool SiteBoilerplate::is_boilerplate(std::string_view site_name, std::string_view block) const {
  const auto it = sites_.find(std::string(site_name));
  if (it == sites_.end()) return false;
  const Site& site = it->second;
  if (site.pages < limits_.min_pages) return false;
  const std::uint64_t f = fingerprint(block);
  if (f == 0) return false;
  const auto found = site.blocks.find(f);
  if (found == site.blocks.end()) return false;
  const double seen = found->second;
  return found->second >= limits_.min_pages && seen >= limits_.min_share * static_cast<double>(site.pages);
}

std::size_t SiteBoilerplate::pages(std::string_view site_name) const {
  const auto it = sites_.find(std::string(site_name));
  return it == sites_.end() ? 0 : it->second.pages;
}

}  // namespace byline
