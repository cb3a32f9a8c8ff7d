#include "indexer/html_body.h"

#include <algorithm>
#include <cstdint>

#include "common/text.h"
#include "indexer/html_furniture.h"
#include "indexer/html_teasers.h"

namespace byline {

namespace {

// ---- text measures --------------------------------------------------------

bool is_cjk(std::uint32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

// Commas and full stops of several scripts, a sign of running prose.
std::size_t punctuation_count(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',' || text[i] == '.') ++n;
    else if (text.compare(i, 3, "\xE3\x80\x81") == 0 || text.compare(i, 3, "\xE3\x80\x82") == 0 ||
             text.compare(i, 3, "\xEF\xBC\x8C") == 0)
      ++n;  // 、 。 ，
  }
  return n;
}

std::string normalise_for_match(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      space = true;  // punctuation differs between markup and JSON-LD copies
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// ---- blocks ---------------------------------------------------------------

enum class BlockClass { Bad, Short, NearGood, Good };

struct Block {
  std::string text;  // with '\n' where the page had <br>
  int owner = -1;    // innermost block element
  std::size_t length = 0;
  std::size_t link_length = 0;
  bool heading = false;
  bool title_heading = false;  // inside <h1>
  double bonus = 1.0;
  bool confirmed = false;  // found in the publisher's articleBody
  BlockClass cls = BlockClass::Short;
  double value = 0;
};

class BlockBuilder {
 public:
  BlockBuilder(const HtmlDocument& doc, std::vector<char> pruned) : doc_(doc), pruned_(std::move(pruned)) {}

  std::vector<Block> run() {
    struct Frame { int node; bool exit; };
    std::vector<Frame> stack{{doc_.body(), false}};
    while (!stack.empty()) {
      const Frame f = stack.back();
      stack.pop_back();
      const HtmlNode& n = doc_.node(f.node);
      if (n.is_text) {
        append_text(n.text);
        continue;
      }
      if (f.exit) {
        if (n.tag == "a") --link_depth_;
        if (n.tag == "pre") --pre_depth_;
        if (is_block_tag(n.tag)) {
          flush();
          owners_.pop_back();
        }
        continue;
      }
      if (pruned_[static_cast<std::size_t>(f.node)]) continue;
      if (n.tag == "br") {
        current_.text += '\n';
        continue;
      }
      if (n.tag == "hr") {
        flush();
        continue;
      }
      if (is_block_tag(n.tag)) {
        flush();
        owners_.push_back(f.node);
      }
      if (n.tag == "a") ++link_depth_;
      if (n.tag == "pre") ++pre_depth_;
      stack.push_back({f.node, true});
      for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.push_back({*it, false});
    }
    flush();
    return std::move(blocks_);
  }

 private:
  void append_text(std::string_view text) {
    if (current_.text.empty() && trim(text).empty()) return;
    // Line breaks in the source are white space; only <br> (and <pre>)
    // break a paragraph.
    const std::size_t at = current_.text.size();
    current_.text += text;
    if (pre_depth_ == 0)
      for (std::size_t k = at; k < current_.text.size(); ++k)
        if (current_.text[k] == '\n' || current_.text[k] == '\r') current_.text[k] = ' ';
    const std::size_t length = weighted_length(text);
    current_.length += length;
    if (link_depth_ > 0) current_.link_length += length;
  }

  void flush() {
    if (trim(current_.text).empty()) {
      current_ = Block{};
      return;
    }
    current_.owner = owners_.empty() ? doc_.body() : owners_.back();
    const std::string& tag = doc_.node(current_.owner).tag;
    current_.heading = tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
    current_.title_heading = tag == "h1";
    blocks_.push_back(std::move(current_));
    current_ = Block{};
  }

  const HtmlDocument& doc_;
  std::vector<char> pruned_;
  std::vector<int> owners_;
  std::vector<Block> blocks_;
  Block current_;
  int link_depth_ = 0;
  int pre_depth_ = 0;
};

// ---- boilerplate lines ----------------------------------------------------

bool starts_with_any(std::string_view lower, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes)
    if (lower.substr(0, p.size()) == p) return true;
  return false;
}

bool has_digit_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if ((text.compare(i, 2, "19") == 0 || text.compare(i, 2, "20") == 0) && text[i + 2] >= '0' &&
        text[i + 2] <= '9' && text[i + 3] >= '0' && text[i + 3] <= '9' &&
        (i == 0 || !(text[i - 1] >= '0' && text[i - 1] <= '9')) &&
        (i + 4 == text.size() || !(text[i + 4] >= '0' && text[i + 4] <= '9')))
      return true;
  }
  return false;
}

// Lines a page prints around the article that are not part of it.
bool is_boilerplate_line(std::string_view text) {
  const std::string lower = ascii_lower(collapse_whitespace(text));
  const std::size_t words = count_words(lower);
  // Cross-references keep their prefix whatever their length.
  if (words <= 40 && starts_with_any(lower, {"also read", "read also", "read more:", "read more at", "also watch",
                                              "related:", "related story", "related article", "see also:",
                                              "more:", "watch:", "read:", "recommended:", "must read"}))
    return true;
  if (words > 12) return false;
  if (starts_with_any(lower, {"advertisement", "advertising", "anzeige", "publicit", "publicidad", "sponsored",
                              "read more", "read next", "see also", "related articles", "related stories",
                              "recommended", "more from", "more on this", "share this", "share on", "share:",
                              "share article", "follow us", "follow on", "sign up", "subscribe", "click here",
                              "tap here", "download the", "listen to this", "trending", "most read",
                              "most popular", "you may also like", "you might also like", "don't miss",
                              "skip to", "jump to", "image:", "photo:", "(photo", "image source", "image caption",
                              "getty images", "copyright", "\xC2\xA9", "all rights reserved", "loading",
                              "leave a comment", "story continues below", "continue reading",
                              "scroll to continue", "we use cookies", "get the latest", "newsletter",
                              "comments", "view comments", "add to", "save article", "print this",
                              "email this", "report an error", "top stories", "latest news", "more stories"}))
    return true;
  return false;
}

// A byline or a date line printed above or below the text.
bool is_meta_line(std::string_view text) {
  const std::string lower = ascii_lower(collapse_whitespace(text));
  const std::size_t words = count_words(lower);
  if (words == 0) return true;
  if (words <= 8 && starts_with_any(lower, {"by ", "von ", "par ", "por ", "door ", "di ", "av ", "written by",
                                            "reported by", "posted by", "edited by"}))
    return true;
  if (words <= 14 && starts_with_any(lower, {"published", "updated", "last updated", "posted on", "posted:",
                                             "first published", "modified", "veröffentlicht", "aktualisiert",
                                             "publié", "mis à jour", "publicado", "actualizado"}))
    return true;
  // A bare date ("March 5, 2024 10:31 AM EST").
  if (words <= 7 && has_digit_year(lower) && lower.find(". ") == std::string::npos) return true;
  return false;
}

// An infinite-scroll page appends the next story, each in its own <article>:
// when the container holds two or more <article>s that each carry a fifth
// of its value, the one whose <h1> is the headline (else the first) is the
// article.
int pick_article(const HtmlDocument& doc, int container, const std::vector<double>& total,
                 const std::string& title_norm) {
  const double whole = total[static_cast<std::size_t>(container)];
  std::vector<int> articles;
  for (int i = container + 1; i < doc.size() && doc.contains(container, i); ++i) {
    const HtmlNode& n = doc.node(i);
    if (n.is_text || n.tag != "article") continue;
    if (!articles.empty() && doc.contains(articles.back(), i)) continue;
    if (total[static_cast<std::size_t>(i)] >= 0.2 * whole) articles.push_back(i);
  }
  if (articles.size() < 2) return container;
  if (!title_norm.empty()) {
    for (int a : articles)
      for (int j = a + 1; j < doc.size() && doc.contains(a, j); ++j)
        if (doc.node(j).tag == "h1" && normalise_for_match(doc.text(j)) == title_norm) return a;
  }
  return articles.front();
}

}  // namespace

std::size_t weighted_length(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + len > text.size()) len = 1;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      i += 1;
      // Runs of white space count once.
      if (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) continue;
      ++n;
      continue;
    }
    std::uint32_t cp = len == 1 ? c : (len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    n += is_cjk(cp) ? 3 : 1;
    i += len;
  }
  return n;
}

BodyResult extract_body(const HtmlDocument& doc, const BodyHints& hints) {
  BodyResult result;
  const int count = doc.size();

  const FurnitureMarks marks = mark_furniture(doc);
  const std::vector<char>& pruned = marks.pruned;
  const std::vector<double>& bonus = marks.bonus;

  std::vector<Block> blocks = BlockBuilder(doc, pruned).run();
  if (blocks.empty()) {
    result.notes.push_back("body: no text blocks");
    return result;
  }

  if (hints.observe_blocks) {
    std::vector<std::string_view> texts;
    texts.reserve(blocks.size());
    for (const Block& b : blocks) texts.emplace_back(b.text);
    hints.observe_blocks(texts);
  }
  std::vector<char> site_repeat(blocks.size(), 0);
  if (hints.is_site_boilerplate) {
    for (std::size_t k = 0; k < blocks.size(); ++k) site_repeat[k] = hints.is_site_boilerplate(blocks[k].text);
  }
  // Teaser cards: their blocks are link lists whatever their prose.
  std::vector<char> in_card = mark_teaser_cards(doc, pruned, hints.url);
  for (int i = 1; i < count; ++i)
    if (in_card[static_cast<std::size_t>(doc.node(i).parent)]) in_card[static_cast<std::size_t>(i)] = 1;
  const std::string body_norm = hints.article_body.size() > 200 ? normalise_for_match(hints.article_body) : "";
  std::size_t all_length = 0;
  std::size_t all_links = 0;
  for (Block& b : blocks) {
    all_length += b.length;
    all_links += b.link_length;
    b.bonus = bonus[static_cast<std::size_t>(b.owner)];
    const double link_density = b.length ? static_cast<double>(b.link_length) / static_cast<double>(b.length) : 0;
    if (!body_norm.empty() && b.length >= 15 && link_density < 0.5) {
      std::string norm = normalise_for_match(b.text);
      if (norm.size() > 120) norm.resize(120);
      // A cut in the middle of a UTF-8 sequence still matches as bytes.
      b.confirmed = norm.size() >= 10 && body_norm.find(norm) != std::string::npos;
    }
    const std::size_t punct = punctuation_count(b.text);
    if (b.confirmed) b.cls = BlockClass::Good;
    else if (in_card[static_cast<std::size_t>(b.owner)]) b.cls = BlockClass::Bad;
    else if (link_density > 0.5 || (link_density > 0.3 && b.length < 150)) b.cls = BlockClass::Bad;
    else if (b.heading && b.length < 200) b.cls = BlockClass::Short;
    else if (b.length >= 70 && link_density < 0.25 && (punct > 0 || b.length >= 150)) b.cls = BlockClass::Good;
    else if (b.length >= 35) b.cls = BlockClass::NearGood;
    else b.cls = BlockClass::Short;

    const double length = static_cast<double>(b.length);
    switch (b.cls) {
      case BlockClass::Good: b.value = length * b.bonus * (b.confirmed ? 2.0 : 1.0); break;
      case BlockClass::NearGood: b.value = 0.5 * length * b.bonus; break;
      case BlockClass::Short: b.value = 0; break;
      case BlockClass::Bad: b.value = -length; break;
    }
  }
  // Blocks that repeat across the site are furniture, unless they are most of
  // the page's running text: then the article itself repeats (a duplicate
  // under another URL) and the model is not trusted for this page.
  double good_length = 0;
  double repeated_good = 0;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (blocks[k].cls != BlockClass::Good) continue;
    good_length += static_cast<double>(blocks[k].length);
    if (site_repeat[k]) repeated_good += static_cast<double>(blocks[k].length);
  }
  if (repeated_good * 2 <= good_length) {
    for (std::size_t k = 0; k < blocks.size(); ++k)
      if (site_repeat[k] && !blocks[k].confirmed) {
        blocks[k].cls = BlockClass::Bad;
        blocks[k].value = -static_cast<double>(blocks[k].length);
      }
  } else {
    result.notes.push_back("body: site model ignored, page repeats");
  }
  result.page_chars = all_length;
  result.page_link_density = all_length ? static_cast<double>(all_links) / static_cast<double>(all_length) : 0;

  // The container: the element whose subtree has the largest total value.
  std::vector<double> total(static_cast<std::size_t>(count), 0.0);
  for (const Block& b : blocks)
    for (int p = b.owner; p >= 0; p = doc.node(p).parent) total[static_cast<std::size_t>(p)] += b.value;
  int container = -1;
  double best = 0;
  for (int i = count - 1; i >= 0; --i) {
    if (doc.node(i).is_text) continue;
    if (total[static_cast<std::size_t>(i)] > best + 1e-9) {
      best = total[static_cast<std::size_t>(i)];
      container = i;
    }
  }
  if (container < 0) {
    result.notes.push_back("body: no prose found");
    return result;
  }
  const std::string title_norm = normalise_for_match(hints.title);
  container = pick_article(doc, container, total, title_norm);
  result.container = container;
  // Narrowing: when one child holds most of the good text, keep only it and
  // the siblings next to it that are neither link lists nor net furniture.
  // A lead paragraph in the adjacent <div> stays; a cookie notice or teaser
  // grid elsewhere under the same wrapper goes.
  std::vector<double> positive(static_cast<std::size_t>(count), 0.0);
  std::vector<double> length_sum(static_cast<std::size_t>(count), 0.0);
  std::vector<double> link_sum(static_cast<std::size_t>(count), 0.0);
  for (const Block& b : blocks)
    for (int p = b.owner; p >= 0; p = doc.node(p).parent) {
      const std::size_t u = static_cast<std::size_t>(p);
      positive[u] += std::max(0.0, b.value);
      length_sum[u] += static_cast<double>(b.length);
      link_sum[u] += static_cast<double>(b.link_length);
    }
  std::vector<int> selected{container};
  for (int round = 0; round < 8 && selected.size() == 1; ++round) {
    const int node = selected.front();
    std::vector<int> kids;
    for (int c : doc.node(node).children)
      if (length_sum[static_cast<std::size_t>(c)] > 0) kids.push_back(c);
    if (kids.empty()) break;
    std::size_t k = 0;
    for (std::size_t j = 1; j < kids.size(); ++j)
      if (positive[static_cast<std::size_t>(kids[j])] > positive[static_cast<std::size_t>(kids[k])]) k = j;
    if (positive[static_cast<std::size_t>(kids[k])] < 0.6 * positive[static_cast<std::size_t>(node)]) break;
    const auto joins = [&](int c) {
      const std::size_t u = static_cast<std::size_t>(c);
      return total[u] >= 0 && link_sum[u] <= 0.3 * length_sum[u];
    };
    std::size_t left = k, right = k;
    while (left > 0 && joins(kids[left - 1])) --left;
    while (right + 1 < kids.size() && joins(kids[right + 1])) ++right;
    if (left == 0 && right + 1 == kids.size() && kids.size() > 1) break;
    selected.assign(kids.begin() + static_cast<std::ptrdiff_t>(left), kids.begin() + static_cast<std::ptrdiff_t>(right) + 1);
  }

  std::vector<std::size_t> inside;
  for (std::size_t k = 0; k < blocks.size(); ++k)
    for (int sel : selected)
      if (doc.contains(sel, blocks[k].owner)) {
        inside.push_back(k);
        break;
      }

  const auto substantive = [&](std::size_t k) {
    return blocks[k].cls == BlockClass::Good || blocks[k].cls == BlockClass::NearGood;
  };
  std::vector<std::string> paragraphs;
  for (std::size_t pos = 0; pos < inside.size(); ++pos) {
    const Block& b = blocks[inside[pos]];
    if (b.cls == BlockClass::Bad) continue;
    if (b.title_heading) continue;
    if (!title_norm.empty() && normalise_for_match(b.text) == title_norm) continue;
    if (!b.confirmed) {
      if (is_boilerplate_line(b.text)) continue;
      if (b.cls != BlockClass::Good && is_meta_line(b.text)) continue;
      if (b.cls == BlockClass::Short) {
        // Short blocks (subheadings, one-line paragraphs, datelines) belong
        // to the article only when real text follows, and, unless they are
        // headings introducing it, when real text also precedes them.
        bool before = false;
        bool after = false;
        for (std::size_t q = pos; q-- > 0;) {
          if (blocks[inside[q]].cls == BlockClass::Short) continue;
          before = substantive(inside[q]);
          break;
        }
        for (std::size_t q = pos + 1; q < inside.size(); ++q) {
          if (blocks[inside[q]].cls == BlockClass::Short) continue;
          after = substantive(inside[q]);
          break;
        }
        if (!after || !(before || b.heading)) continue;
      }
    }
    for (std::string_view line : split(b.text, '\n')) {
      std::string paragraph = collapse_whitespace(line);
      if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    }
  }
  for (const std::string& p : paragraphs) {
    if (!result.text.empty()) result.text += "\n\n";
    result.text += p;
  }
  result.words = count_words(result.text);
  return result;
}

}  // namespace byline
