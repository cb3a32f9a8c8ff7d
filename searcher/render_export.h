#pragma once
// Render stage, export: the rows of searcher/export.h as JSON Lines or CSV
// (RFC 4180: a header line, fields quoted when they hold a comma, a quote or
// a line break, quotes doubled). Each row is written as soon as it arrives.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/export.h"

namespace byline {

enum class ExportFormat { Jsonl, Csv };

// Every field a row can have, in the default order: rank, score, id, date
// (ISO 8601 with the publication's offset), date_utc, modified, title,
// section, section_key, site, site_name, lang, authors, agency, url, story,
// description, body. In CSV, authors are joined with "; ".
const std::vector<std::string>& export_fields();

class ExportWriter {
 public:
  // `fields`: a subset of export_fields(), in the order wanted (empty: all).
  // Throws UsageError naming an unknown field.
  ExportWriter(std::FILE* out, ExportFormat format, std::vector<std::string> fields = {});

  // CSV's header line; nothing for JSON Lines. Call once, before the rows.
  void begin();
  void write(const ExportRow& row);

  // One row as it would be written, without the trailing newline (for tests).
  std::string format_row(const ExportRow& row) const;

 private:
  std::FILE* out_;
  ExportFormat format_;
  std::vector<std::string> fields_;
};

// "a,b" → "\"a,b\""; plain text unchanged.
std::string csv_field(std::string_view text);

}  // namespace byline
