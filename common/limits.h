#pragma once
// The bounds an indexing (or extraction) run puts on what it reads, in one
// plain struct so that `byline index` and `byline extract` share them and a
// hostile input can cost neither unbounded memory nor a crash. docs/limits.md
// lists every limit with its flag and what happens when it is hit; keep the
// two in step.
//
// Contract: a limit hit is never silent. It is a counted skip (the record is
// not indexed), a counted note (the article is indexed with the named field
// cut), or, for a whole input file, one counted skip for the rest of that
// file. The reasons are fixed phrases, listed beside each member.

#include <cstddef>
#include <cstdint>

namespace byline {

struct IndexLimits {
  // --max-record-bytes: one WARC record's block (its Content-Length) or one
  // JSONL line. Over it: skip "warc: record over size limit" / "line too long"
  // (the record is skipped without being held in memory).
  std::uint64_t max_record_bytes = 64u << 20;
  // --max-page-bytes: a text-dump or HTML file as read, and an HTML page taken
  // from a WARC after decoding. Over it: skip "file too large" (files) or
  // "page too large" (pages from a WARC).
  std::uint64_t max_page_bytes = 32u << 20;
  // --max-decoded-bytes: an HTTP payload after its Content-Encoding (gzip,
  // deflate, br, several in a row) is undone. Over it: skip "http:
  // decompression limit".
  std::uint64_t max_decoded_bytes = 64u << 20;
  // --max-decode-ratio: decoded bytes per encoded byte, checked once the output
  // passes decode_ratio_floor, for HTTP payloads (skip "http: decompression
  // limit"), each gzip member of a .warc.gz (note "gzip: decompression limit",
  // the record it cut is skipped "warc: truncated record"), and each gzip
  // member or zstd frame of a .gz/.zst input (skip "input: decompression
  // limit" for the rest of that file). 0 turns the ratio check off.
  std::uint64_t max_decode_ratio = 200;
  // No flag: outputs smaller than this may have any ratio (a page of repeated
  // markup compresses far better than 200:1, and is harmless at this size).
  std::uint64_t decode_ratio_floor = 1u << 20;
  // --max-html-depth: element nesting kept by the HTML parser; deeper tags are
  // flattened into their ancestor, their text kept (note "html: nesting too
  // deep, tags flattened"). At most kMaxHtmlDepth (indexer/html_dom.h), the
  // depth gumbo's recursive tree destruction is known to survive.
  int max_html_depth = 400;
  // --max-field-bytes: title, description, section, site name, agency and
  // each author name. Longer values are cut at a UTF-8 character boundary
  // (note "limit: <field> truncated"). A URL over it cannot be cut (it is the
  // article's identity): the record is skipped "limit: url too long".
  std::size_t max_field_bytes = 4096;
  // No flag: author names kept per article; the rest are dropped (note
  // "limit: authors dropped").
  std::size_t max_authors = 64;
  // --max-body-bytes: the body text, cut at a UTF-8 boundary after the last
  // whole paragraph or word that fits (note "limit: body truncated").
  std::size_t max_body_bytes = 2u << 20;
  // --max-terms: words (whitespace-separated) in title, description and body
  // together, roughly the positional terms an article adds to the index; the
  // body is cut after the word that reaches it (note "limit: too many terms,
  // body truncated").
  std::size_t max_terms = 200000;
};

}  // namespace byline
