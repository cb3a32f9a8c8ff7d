// Text-dump extraction (contract in text_dump_extractor.h).
//
// 1. Every line gets a role (text_dump_lines.h): text, date line, byline,
//    caption, breadcrumb, boilerplate (menus, headline lists, footers), or
//    ignorable (play icons, "Advertisement", "Also Read: …").
// 2. The body is the heaviest block of running text: paragraphs, with short
//    lines kept only as subheadings between paragraphs; any date line, byline or
//    boilerplate line ends the block.
// 3. The header above the body (back to the menu) holds the title, standfirst,
//    date and byline; the lines just after the body may hold "Updated …" and
//    "With inputs from …". The title is the best-scoring headline-like line of
//    the header (near the date line, repeated in a caption "Title | Image: …" or
//    in a "Title | Site" first line).
// A page without menus or markers whose first line is followed by a blank line
// is read in the simple form "headline, blank line, paragraphs" (BBC dumps).

#include "indexer/text_dump_extractor.h"

#include <algorithm>

#include "common/agency.h"
#include "common/language.h"
#include "common/text.h"
#include "indexer/text_dump_lines.h"

namespace byline {

namespace {

// How far from the body the header and footer are searched (non-blank lines).
constexpr std::size_t kHeaderReach = 25;
constexpr std::size_t kFooterReach = 15;
constexpr std::size_t kDateReach = 80;

// Paragraphs, sentences and list items continue the body; other short lines
// only as subheadings.
bool is_body_text(const DumpLine& line) {
  return line.role == LineRole::Text && (line.prose || line.sentence || (line.bullet && line.words >= 2));
}

struct Block {
  std::size_t first = 0;  // index of the first line
  std::size_t end = 0;    // one past the last included line
  std::vector<std::size_t> lines;
  std::size_t score = 0;  // characters of prose
};

std::size_t next_content(const std::vector<DumpLine>& lines, std::size_t i) {
  while (i < lines.size() && (lines[i].role == LineRole::Blank || lines[i].role == LineRole::Ignorable ||
                              lines[i].role == LineRole::Caption))
    ++i;
  return i;
}

// A block of article text starting at `start` (a body-text line).
Block grow_block(const std::vector<DumpLine>& lines, std::size_t start) {
  Block block;
  block.first = start;
  std::size_t i = start;
  while (i < lines.size()) {
    const DumpLine& line = lines[i];
    if (is_body_text(line)) {
      block.lines.push_back(i);
      if (line.prose) block.score += line.text.size();
      block.end = i + 1;
      i = next_content(lines, i + 1);
      continue;
    }
    if (line.role != LineRole::Text) break;
    // A short line stays only as a subheading: followed, within two lines, by a
    // paragraph. Otherwise it starts a list of other headlines.
    bool subheading = false;
    std::size_t k = next_content(lines, i + 1);
    for (int look = 0; look < 2 && k < lines.size(); ++look) {
      if (lines[k].role != LineRole::Text) break;
      if (lines[k].prose) {
        subheading = true;
        break;
      }
      k = next_content(lines, k + 1);
    }
    if (!subheading) break;
    block.lines.push_back(i);
    block.end = i + 1;
    i = next_content(lines, i + 1);
  }
  return block;
}

// Lines allowed between two blocks of one article: captions, play icons, short
// text such as a gallery counter ("2"). A date line, byline or boilerplate line
// means the article has ended (or not begun).
constexpr std::size_t kMaxGapLines = 4;

bool soft_gap(const std::vector<DumpLine>& lines, std::size_t from, std::size_t to) {
  std::size_t non_blank = 0;
  for (std::size_t i = from; i < to; ++i) {
    const LineRole role = lines[i].role;
    if (role == LineRole::Blank) continue;
    if (role != LineRole::Text && role != LineRole::Caption && role != LineRole::Ignorable) return false;
    if (++non_blank > kMaxGapLines) return false;
  }
  return true;
}

// The article body: the heaviest run of blocks separated only by soft gaps.
std::optional<Block> find_body(const std::vector<DumpLine>& lines) {
  std::vector<Block> blocks;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (!is_body_text(lines[i])) {
      ++i;
      continue;
    }
    Block block = grow_block(lines, i);
    i = std::max(block.end, i + 1);
    if (!block.lines.empty()) blocks.push_back(std::move(block));
  }
  std::optional<Block> best;
  std::optional<Block> current;
  const auto consider = [&] {
    if (current && current->score > 0 && (!best || current->score > best->score)) best = current;
  };
  for (Block& block : blocks) {
    if (current && soft_gap(lines, current->end, block.first)) {
      current->lines.insert(current->lines.end(), block.lines.begin(), block.lines.end());
      current->end = block.end;
      current->score += block.score;
      continue;
    }
    consider();
    current = std::move(block);
  }
  consider();
  return best;
}

// "Blinken Warns … | Republic World" as the first line: the part before the
// site name, or empty.
std::string first_line_title(const std::vector<DumpLine>& lines) {
  for (const DumpLine& line : lines) {
    if (line.role == LineRole::Blank) continue;
    if (line.role != LineRole::Text) return {};
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      const std::size_t pos = line.text.rfind(sep);
      if (pos == std::string_view::npos) continue;
      const std::string_view site = trim(line.text.substr(pos + sep.size()));
      const std::string_view head = trim(line.text.substr(0, pos));
      if (count_words(site) <= 4 && count_words(head) >= 3) return std::string(head);
    }
    return {};
  }
  return {};
}

std::string_view first_line_text(const std::vector<DumpLine>& lines) {
  for (const DumpLine& line : lines)
    if (line.role != LineRole::Blank) return line.text;
  return {};
}

bool same_text(std::string_view a, std::string_view b) {
  return !a.empty() && iequals(collapse_whitespace(a), collapse_whitespace(b));
}

bool title_case(std::string_view text) {
  std::size_t words = 0, capitalised = 0;
  bool start = true;
  for (char c : text) {
    if (c == ' ') {
      start = true;
      continue;
    }
    if (start) {
      ++words;
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ++capitalised;
    }
    start = false;
  }
  return words > 0 && capitalised * 10 >= words * 6;
}

// "THIS CONTENT IS RESERVED FOR SUBSCRIBERS": banners shout, headlines rarely do.
bool shouting(std::string_view text) {
  std::size_t upper = 0, lower = 0;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
  }
  return upper >= 8 && lower == 0;
}

// "Adam Vidler and AP", "Akela Lacy, Prem Thakker": credits without "By".
bool name_list(std::string_view text) {
  std::vector<std::string> pieces;
  std::string current;
  const auto flush = [&] {
    std::string piece(trim(current));
    if (!piece.empty()) pieces.push_back(piece);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',' || text[i] == '&') {
      flush();
    } else if (text.substr(i, 5) == " and ") {
      flush();
      i += 4;
    } else {
      current += text[i];
    }
  }
  flush();
  if (pieces.size() < 2) return false;
  for (const std::string& piece : pieces) {
    if (match_agency(piece)) continue;
    const std::size_t words = count_words(piece);
    if (words < 2 || words > 3 || !title_case(piece)) return false;
    if (std::any_of(piece.begin(), piece.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  }
  return true;
}

struct Header {
  std::vector<std::size_t> lines;  // in page order, blank lines excluded
};

// Lines above the body back to the menu (a multi-line boilerplate run), or,
// with `through_menus`, past menus when the nearer header had no headline.
Header collect_header(const std::vector<DumpLine>& lines, std::size_t body_first, bool through_menus) {
  Header header;
  std::size_t taken = 0;
  for (std::size_t i = body_first; i-- > 0 && taken < kHeaderReach;) {
    const DumpLine& line = lines[i];
    if (line.role == LineRole::Blank) continue;
    if (line.role == LineRole::Boilerplate && line.in_run) {
      if (through_menus) continue;
      break;
    }
    header.lines.push_back(i);
    ++taken;
  }
  std::reverse(header.lines.begin(), header.lines.end());
  return header;
}

std::vector<std::size_t> collect_footer(const std::vector<DumpLine>& lines, std::size_t body_end) {
  std::vector<std::size_t> footer;
  for (std::size_t i = body_end; i < lines.size() && footer.size() < kFooterReach; ++i) {
    const DumpLine& line = lines[i];
    if (line.role == LineRole::Blank) continue;
    if (line.role == LineRole::Boilerplate) break;
    footer.push_back(i);
  }
  return footer;
}

bool title_candidate(const DumpLine& line) {
  return line.role == LineRole::Text && line.words >= 2 && line.words <= 40;
}

// Picks the headline among the header's text lines; returns its line index.
std::optional<std::size_t> choose_title(const std::vector<DumpLine>& lines, const Header& header,
                                        std::string_view site_title, std::string& provenance) {
  std::vector<std::string_view> caption_titles;
  for (std::size_t i : header.lines)
    if (lines[i].role == LineRole::Caption && !lines[i].caption_title.empty())
      caption_titles.push_back(lines[i].caption_title);

  std::optional<std::size_t> best;
  int best_score = 0;
  std::string best_provenance;
  bool first_candidate = true;
  for (std::size_t h = 0; h < header.lines.size(); ++h) {
    const DumpLine& line = lines[header.lines[h]];
    if (!title_candidate(line)) continue;
    int score = 0;
    std::string why = "text:headline-line";
    for (std::string_view caption : caption_titles)
      if (same_text(caption, line.text)) {
        score += 6;
        why = "text:headline-line+caption";
      }
    if (same_text(site_title, line.text)) {
      score += 4;
      why = "text:headline-line+first-line";
    }
    const bool date_before = h > 0 && lines[header.lines[h - 1]].role == LineRole::DateLine;
    const bool date_after = h + 1 < header.lines.size() && lines[header.lines[h + 1]].role == LineRole::DateLine;
    if (date_before || date_after) score += 2;
    if (line.words >= 4 && line.words <= 20) score += 2;
    if (line.words < 3) score -= 2;
    if (line.words > 25) score -= 3;
    if (line.sentence && line.text.back() == '.') score -= 2;
    if (shouting(line.text)) score -= 3;
    if (name_list(line.text)) score -= 4;
    if (title_case(line.text)) score += 1;
    if (first_candidate) score += 1;
    // A headline is usually followed by a longer standfirst.
    if (h + 1 < header.lines.size()) {
      const DumpLine& next = lines[header.lines[h + 1]];
      if (title_candidate(next) && next.words > line.words) score += 1;
    }
    first_candidate = false;
    if (!best || score > best_score) {
      best = header.lines[h];
      best_score = score;
      best_provenance = why;
    }
  }
  if (best) provenance = best_provenance;
  return best;
}

std::string join_paragraphs(const std::vector<DumpLine>& lines, const std::vector<std::size_t>& indexes) {
  std::string body;
  for (std::size_t i : indexes) {
    if (!body.empty()) body += "\n\n";
    body += collapse_whitespace(lines[i].text);
  }
  return body;
}

// Dates, bylines and a section from the lines around the body.
struct PageFacts {
  std::optional<DumpDate> published;
  std::optional<DumpDate> modified;
  std::string published_from;
  bool unparseable_date = false;
  std::vector<std::string> authors;
  std::string agency;
  std::string section;
};

void take_line_facts(const DumpLine& line, PageFacts& facts) {
  for (const DumpDate& date : line.dates) {
    if (date.modified) {
      if (!facts.modified) facts.modified = date;
    } else if (!facts.published) {
      facts.published = date;
      facts.published_from = date.bare ? "text:date-line" : "text:published-line";
    }
  }
  if (line.unparseable_date) facts.unparseable_date = true;
  if (line.role == LineRole::Byline || line.role == LineRole::DateLine) {
    if (facts.authors.empty()) facts.authors = line.authors;
    if (facts.agency.empty()) facts.agency = line.agency;
  }
  if (facts.section.empty() && !line.section.empty()) facts.section = line.section;
}

void set_dates(Article& article, PageFacts& facts, TextDumpResult& result) {
  if (!facts.published && facts.modified) {
    // Many pages print only "Updated …": it is the best date there is.
    facts.published = facts.modified;
    facts.published_from = "text:updated-line";
    result.notes.emplace_back("date: published taken from updated");
  }
  if (facts.published) {
    article.published = facts.published->value;
    article.provenance["published"] = facts.published_from;
  }
  if (facts.modified) {
    article.modified = facts.modified->value;
    article.provenance["modified"] = "text:updated-line";
  }
  if ((facts.published && facts.published->zone_assumed) || (facts.modified && facts.modified->zone_assumed))
    result.notes.emplace_back("date: zone assumed");
  if (facts.unparseable_date && !facts.published) result.notes.emplace_back("date: unparseable");
}

void set_section(Article& article, const PageFacts& facts, const TextDumpContext& context) {
  if (!facts.section.empty()) {
    article.section = facts.section;
    article.provenance["section"] = "text:breadcrumb";
  } else if (!context.section_hint.empty()) {
    article.section = context.section_hint;
    article.provenance["section"] = "context:section-hint";
  }
}

void finish(Article& article, const TextDumpContext& context, TextDumpResult& result) {
  article.url = context.url;
  article.language = detect_language(article.body);
  if (!article.body.empty()) article.provenance["body"] = "text:paragraphs";
  finalize_article(article);
  result.article = std::move(article);
}

// "Headline\n\nParagraph\n\nParagraph": nothing on the page but the article.
bool simple_form(const std::vector<DumpLine>& lines) {
  std::size_t first = 0;
  while (first < lines.size() && lines[first].role == LineRole::Blank) ++first;
  if (first + 1 >= lines.size() || lines[first + 1].role != LineRole::Blank) return false;
  if (lines[first].words > 30 || (lines[first].role != LineRole::Text && lines[first].role != LineRole::Boilerplate))
    return false;
  bool prose = false;
  for (std::size_t i = first + 1; i < lines.size(); ++i) {
    const DumpLine& line = lines[i];
    if (line.role != LineRole::Blank && line.role != LineRole::Text) return false;
    prose = prose || line.prose;
  }
  return prose;
}

TextDumpResult extract_simple(const std::vector<DumpLine>& lines, const TextDumpContext& context) {
  TextDumpResult result;
  Article article;
  std::size_t first = 0;
  while (lines[first].role == LineRole::Blank) ++first;
  article.title = collapse_whitespace(lines[first].text);
  article.provenance["title"] = "text:first-line";
  std::vector<std::size_t> body;
  for (std::size_t i = first + 1; i < lines.size(); ++i)
    if (lines[i].role != LineRole::Blank) body.push_back(i);
  article.body = join_paragraphs(lines, body);
  PageFacts facts;
  set_section(article, facts, context);
  finish(article, context, result);
  return result;
}

}  // namespace

TextDumpResult extract_text_dump(std::string_view text, const TextDumpContext& context) {
  TextDumpResult result;
  if (trim(text).empty()) {
    result.skip_reason = "empty file";
    return result;
  }
  const std::vector<DumpLine> lines = classify_dump_lines(text, context.date_hints);
  if (simple_form(lines)) return extract_simple(lines, context);

  std::optional<Block> body = find_body(lines);
  if (!body) {
    result.skip_reason = "no article text";
    return result;
  }
  Header header = collect_header(lines, body->first, false);
  if (std::none_of(header.lines.begin(), header.lines.end(),
                   [&](std::size_t i) { return title_candidate(lines[i]); }))
    header = collect_header(lines, body->first, true);
  const std::vector<std::size_t> footer = collect_footer(lines, body->end);

  Article article;
  std::string title_provenance;
  const std::string site_title = first_line_title(lines);
  std::optional<std::size_t> title_line = choose_title(lines, header, site_title, title_provenance);
  if (!title_line) {
    // A question headline ("What is the OBR and what does it do?") reads like a
    // sentence and opens the body: it is the title when the page's first line
    // repeats it, or when nothing above the body could be one.
    const DumpLine& lead = lines[body->lines.front()];
    const bool repeats_first_line = same_text(lead.text, site_title) || same_text(lead.text, first_line_text(lines));
    const bool headline_like = lead.words <= 25 && !(lead.sentence && lead.text.back() == '.');
    if (body->lines.size() >= 2 && (repeats_first_line || (site_title.empty() && headline_like))) {
      title_line = body->lines.front();
      body->lines.erase(body->lines.begin());
      title_provenance = repeats_first_line ? "text:body-lead+first-line" : "text:body-lead";
    }
  }
  if (title_line) {
    article.title = collapse_whitespace(lines[*title_line].text);
    article.provenance["title"] = title_provenance;
  } else if (!site_title.empty()) {
    article.title = site_title;
    article.provenance["title"] = "text:first-line";
  } else {
    result.skip_reason = "no title";
    return result;
  }

  // The standfirst: the first text line after the headline, above the body.
  if (title_line) {
    for (std::size_t i : header.lines) {
      if (i <= *title_line || !title_candidate(lines[i]) || lines[i].words < 5) continue;
      if (same_text(lines[i].text, article.title)) continue;
      article.description = collapse_whitespace(lines[i].text);
      article.provenance["description"] = "text:standfirst";
      break;
    }
  }

  article.body = join_paragraphs(lines, body->lines);

  PageFacts facts;
  for (std::size_t i : header.lines) take_line_facts(lines[i], facts);
  for (std::size_t i : footer) take_line_facts(lines[i], facts);
  if (!facts.published && !facts.modified) {
    // The date may sit above a headline block the header stopped at: take the
    // nearest date line above the body.
    std::size_t seen = 0;
    for (std::size_t i = body->first; i-- > 0 && seen < kDateReach && !facts.published && !facts.modified;) {
      if (lines[i].role == LineRole::Blank) continue;
      ++seen;
      if (lines[i].role == LineRole::DateLine) take_line_facts(lines[i], facts);
    }
  }
  if (facts.section.empty())
    for (const DumpLine& line : lines)
      if (line.role == LineRole::Breadcrumb && !line.section.empty()) {
        facts.section = line.section;
        break;
      }
  article.authors = facts.authors;
  article.agency = facts.agency;
  if (!article.authors.empty()) article.provenance["authors"] = "text:byline";
  if (!article.agency.empty()) article.provenance["agency"] = "text:byline";
  set_dates(article, facts, result);
  set_section(article, facts, context);
  finish(article, context, result);
  return result;
}

}  // namespace byline
