#include "cli/reader_options.h"

#include <fmt/format.h>

#include "common/errors.h"
#include "indexer/html_dom.h"

namespace byline::cli {

namespace {

// The --max-* flags (docs/limits.md). Sizes take units: 64M, 512KiB, 2GB (all
// powers of 1024). Every limit hit is a counted skip or note, never a crash.
void add_limit_options(CLI::App& command, IndexLimits& limits) {
  const std::string group = "Limits (docs/limits.md)";
  const auto size = [&](const char* name, std::uint64_t& value, const char* what) {
    command.add_option(name, value, what)->transform(CLI::AsSizeValue(false))->capture_default_str()->group(group);
  };
  size("--max-record-bytes", limits.max_record_bytes,
       "Skip a WARC record or JSONL line larger than this (\"warc: record over size limit\", \"line too long\")");
  size("--max-page-bytes", limits.max_page_bytes,
       "Skip a text or HTML file, or an HTML page from a WARC, larger than this (\"file too large\", \"page too large\")");
  size("--max-decoded-bytes", limits.max_decoded_bytes,
       "Skip an HTTP payload that decodes (gzip, deflate, br) to more than this (\"http: decompression limit\")");
  command
      .add_option("--max-decode-ratio", limits.max_decode_ratio,
                  "Refuse decompression past this many bytes out per byte in (HTTP payloads, gzip members, zstd "
                  "frames), once past 1 MiB; 0: no ratio limit")
      ->capture_default_str()
      ->group(group);
  command
      .add_option("--max-html-depth", limits.max_html_depth,
                  "Flatten HTML nested deeper than this (note \"html: nesting too deep, tags flattened\")")
      ->capture_default_str()
      ->check(CLI::Range(16, kMaxHtmlDepth))
      ->group(group);
  size("--max-field-bytes", limits.max_field_bytes,
       "Cut title, description, section, site name, agency and author names longer than this (note \"limit: FIELD "
       "truncated\"); skip a record whose URL is longer (\"limit: url too long\")");
  size("--max-body-bytes", limits.max_body_bytes, "Cut a body longer than this (note \"limit: body truncated\")");
  command
      .add_option("--max-terms", limits.max_terms,
                  "Cut the body after this many words in title, description and body together (note \"limit: too "
                  "many terms, body truncated\")")
      ->capture_default_str()
      ->group(group);
}

void check_limits(const IndexLimits& limits) {
  const std::pair<const char*, std::uint64_t> positive[] = {
      {"--max-record-bytes", limits.max_record_bytes}, {"--max-page-bytes", limits.max_page_bytes},
      {"--max-decoded-bytes", limits.max_decoded_bytes}, {"--max-field-bytes", limits.max_field_bytes},
      {"--max-body-bytes", limits.max_body_bytes},     {"--max-terms", limits.max_terms}};
  for (const auto& [flag, value] : positive)
    if (value == 0) throw UsageError(fmt::format("{}: must be at least 1", flag));
}

}  // namespace

void add_reader_options(CLI::App& command, ReaderFlags& flags) {
  command.add_option("--format", flags.format, "Input format: auto (by extension, then content), jsonl, text, html, warc")
      ->capture_default_str();
  command.add_option("--map", flags.map,
                     "JSONL field mapping, FIELD=PATH[,...], dotted paths for nested fields; fields: id, title, date, "
                     "modified, section, author, body, description, url, site, language "
                     "(e.g. title=headline,date=meta.published)");
  command.add_option("--country", flags.country,
                     "Country of the publications (ISO code, e.g. IN): resolves zone names such as IST");
  command.add_option("--date-order", flags.date_order, "How to read numeric dates like 01/02/2025: dmy or mdy")
      ->check(CLI::IsMember({"dmy", "mdy"}));
  command.add_flag("--keep-non-articles", flags.keep_non_articles,
                   "Also take HTML pages that are not articles (home pages, section fronts)");
  add_limit_options(command, flags.limits);
}

InputFormat to_input_format(const ReaderFlags& flags) {
  InputFormat format;
  if (!parse_input_format(flags.format, format))
    throw UsageError(fmt::format("--format: unknown format '{}' (auto, jsonl, text, html, warc)", flags.format));
  return format;
}

IndexRunOptions to_run_options(const ReaderFlags& flags) {
  IndexRunOptions options;
  if (!flags.map.empty()) options.jsonl.mapping.apply_overrides(flags.map);
  options.date_hints.country = flags.country;
  if (flags.date_order == "dmy") options.date_hints.numeric_order = DateOrder::DayFirst;
  else if (flags.date_order == "mdy") options.date_hints.numeric_order = DateOrder::MonthFirst;
  options.jsonl.date_hints = options.date_hints;
  check_limits(flags.limits);
  options.limits = flags.limits;
  options.keep_non_articles = flags.keep_non_articles;
  return options;
}

}  // namespace byline::cli
