#include "indexer/html_title.h"

#include <algorithm>

#include "common/text.h"

namespace byline {

namespace {

constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                                 " \xC2\xB7 ", " \xC2\xBB ", " \xC2\xAB ", " // ", " : "};

// Separators written without spaces; see strip_site_affixes.
constexpr std::string_view kCompactSeparators[] = {"-", "_", ":", "|", "\xEF\xBD\x9C" /* ｜ */, "\xEF\xBC\x9A" /* ： */,
                                                   "\xE3\x85\xA3" /* ㅣ */, "\xE2\x80\x93", "\xE2\x80\x94"};

// An <h1> worth offering as the headline: some words, or a CJK line.
bool headline_like(std::string_view text) {
  if (text.empty() || text.size() > 400) return false;
  if (count_words(text) >= 3) return true;
  return text.size() >= 12 && static_cast<unsigned char>(text.front()) >= 0xE0;
}

struct Candidate {
  std::string value;
  std::string source;
  std::string squashed;
};

bool said_by_meta(const std::vector<Candidate>& metas, const std::string& squashed) {
  return std::any_of(metas.begin(), metas.end(), [&](const Candidate& m) { return m.squashed == squashed; });
}

// Separators between a kicker and the headline proper ("Kicker: Title").
constexpr std::string_view kKickerSeparators[] = {": ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "};

// True if `text` is "<kicker><separator><title>" with squash_text(title) ==
// `title_squashed`, for a non-empty kicker.
bool has_kicker_before(std::string_view text, const std::string& title_squashed) {
  if (title_squashed.empty()) return false;
  for (std::string_view sep : kKickerSeparators)
    for (std::size_t at = text.find(sep); at != std::string_view::npos; at = text.find(sep, at + 1))
      if (at > 0 && squash_text(text.substr(at + sep.size())) == title_squashed) return true;
  return false;
}

}  // namespace

std::string squash_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const unsigned char u = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (u == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      // U+2000..U+203F: spaces, dashes, quotes, ellipsis — punctuation.
      i += 2;
    } else if (u == 0xC2 && i + 1 < text.size()) {
      // U+0080..U+00BF: no-break and soft hyphen, « », ·, ©: punctuation.
      i += 1;
    } else if (u >= 0x80) {
      out += c;
    }
  }
  return out;
}

bool names_site(std::string_view part, const std::vector<std::string>& site_names) {
  const std::string p = squash_text(part);
  if (p.empty()) return false;
  for (const std::string& name : site_names) {
    const std::string n = squash_text(name);
    if (n.size() < 2) continue;
    if (p == n) return true;
    if (p.size() >= 3 && n.size() >= 3 && (p.find(n) != std::string::npos || n.find(p) != std::string::npos) &&
        count_words(part) <= 6)
      return true;
  }
  return false;
}

std::string strip_site_affixes(std::string title, const std::vector<std::string>& site_names) {
  for (int round = 0; round < 2; ++round) {
    bool changed = false;
    for (std::string_view sep : kTitleSeparators) {
      const std::size_t last = title.rfind(sep);
      if (last != std::string::npos && last > 0 &&
          names_site(std::string_view(title).substr(last + sep.size()), site_names)) {
        title = std::string(trim(std::string_view(title).substr(0, last)));
        changed = true;
        break;
      }
      const std::size_t first = title.find(sep);
      if (first != std::string::npos && first > 0 && names_site(std::string_view(title).substr(0, first), site_names) &&
          first + sep.size() < title.size()) {
        title = std::string(trim(std::string_view(title).substr(first + sep.size())));
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  // A site name glued on without spaces, as CJK and Korean titles do
  // ("Headline:SiteBlog", "Headline-Section<U+3163>Site"): only a last part
  // with no space in it, and only when it names the site.
  for (std::string_view sep : kCompactSeparators) {
    const std::size_t last = title.rfind(sep);
    if (last == std::string::npos || last == 0) continue;
    const std::string_view tail = trim(std::string_view(title).substr(last + sep.size()));
    if (tail.empty() || tail.find(' ') != std::string_view::npos || !names_site(tail, site_names)) continue;
    const std::string_view head = trim(std::string_view(title).substr(0, last));
    if (squash_text(head).empty()) continue;
    return std::string(head);
  }
  return title;
}

TitleChoice choose_title(const HtmlDocument& doc, const PageMetadata& meta, const std::vector<std::string>& site_names) {
  std::vector<Candidate> metas;
  const auto add_meta = [&](const std::string& raw, std::string source) {
    if (raw.empty()) return;
    std::string value = strip_site_affixes(raw, site_names);
    std::string squashed = squash_text(value);
    if (squashed.empty()) return;
    metas.push_back({std::move(value), std::move(source), std::move(squashed)});
  };
  if (meta.json_ld.rank >= 1) add_meta(meta.json_ld.headline, "json-ld");
  for (const char* key : {"og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title"})
    add_meta(meta.first({key}), std::string(key) == "og:title" ? "og" : "meta:" + std::string(key));
  add_meta(meta.title_tag, "title");

  std::vector<Candidate> h1s;
  std::string any_h1;
  for (int h1 : doc.elements("h1")) {
    std::string text = doc.text(h1);
    if (any_h1.empty() && !text.empty() && text.size() <= 400) any_h1 = text;
    if (!headline_like(text)) continue;
    std::string squashed = squash_text(text);
    // An <h1> that names the site is its logo ("Daily Planet Logo"), not a
    // headline — unless a meta title says the same (a site name field that
    // holds the headline is the template's mistake, not the <h1>'s).
    if (names_site(text, site_names) && !said_by_meta(metas, squashed)) continue;
    h1s.push_back({std::move(text), "dom:h1", std::move(squashed)});
  }

  // 0. The publisher's structured headline, when the page has one: it is the
  // article's own field, where og:title and <h1> are often teaser variants.
  //    Only a printed <h1> that is its beginning (a subtitle cut) replaces it.
  if (!metas.empty() && metas.front().source == "json-ld") {
    const Candidate& ld = metas.front();
    for (const Candidate& h : h1s)
      if (h.squashed != ld.squashed && ld.squashed.rfind(h.squashed, 0) == 0 && h.squashed.size() * 2 >= ld.squashed.size())
        return {h.value, h.source};
    return {ld.value, ld.source};
  }
  // 1. A printed headline that the metadata confirms.
  for (const Candidate& h : h1s)
    for (const Candidate& m : metas)
      if (m.squashed.find(h.squashed) != std::string::npos && h.squashed.size() * 10 >= m.squashed.size() * 6)
        return {h.value, h.source};
  // 2. The page's only headline-like <h1>: without a JSON-LD headline, meta
  //    titles that differ from it are share-card or search variants, even when
  //    they agree with each other (og:title copied into twitter:title). An
  //    <h1> that is a meta title with a kicker glued in front ("Kicker - Title")
  //    gives way to that meta title.
  if (h1s.size() == 1) {
    const Candidate& h = h1s.front();
    for (const Candidate& m : metas)
      if (has_kicker_before(h.value, m.squashed)) return {m.value, m.source};
    return {h.value, h.source};
  }
  // 3. Several <h1>s or none: the meta title most others agree with, the
  //    first in order of preference on a tie.
  if (!metas.empty()) {
    std::size_t best = 0;
    int best_votes = 0;
    for (std::size_t i = 0; i < metas.size(); ++i) {
      int votes = 0;
      for (const Candidate& other : metas) votes += other.squashed == metas[i].squashed;
      if (votes > best_votes) {
        best_votes = votes;
        best = i;
      }
    }
    return {metas[best].value, metas[best].source};
  }
  // 4. Whatever there is.
  if (!any_h1.empty()) return {any_h1, "dom:h1"};
  return {};
}

}  // namespace byline
