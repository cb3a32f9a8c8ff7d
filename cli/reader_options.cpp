#include "cli/reader_options.h"

#include <fmt/format.h>

#include "common/errors.h"

namespace byline::cli {

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
  command.add_option("--max-page-bytes", flags.max_page_bytes, "Skip text or HTML pages larger than this")
      ->capture_default_str();
  command.add_flag("--keep-non-articles", flags.keep_non_articles,
                   "Also take HTML pages that are not articles (home pages, section fronts)");
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
  options.max_page_bytes = flags.max_page_bytes;
  options.keep_non_articles = flags.keep_non_articles;
  return options;
}

}  // namespace byline::cli
