#include "indexer/input_files.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "common/errors.h"
#include "common/text.h"

namespace byline {

namespace fs = std::filesystem;

namespace {

// Extension after removing a compression suffix: "a.warc.gz" -> ".warc".
std::string content_extension(const fs::path& path) {
  fs::path p = path;
  std::string ext = ascii_lower(p.extension().string());
  if (ext == ".gz" || ext == ".zst" || ext == ".gzip") {
    p = p.stem();
    ext = ascii_lower(p.extension().string());
  }
  return ext;
}

// Format by extension; Auto means "look at the content".
InputFormat format_from_extension(const std::string& ext, bool* unsupported) {
  *unsupported = false;
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return InputFormat::Jsonl;
  if (ext == ".txt" || ext == ".text") return InputFormat::TextDump;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml") return InputFormat::Html;
  if (ext == ".warc") return InputFormat::Warc;
  static constexpr std::string_view kUnsupported[] = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico",
                                                      ".pdf", ".zip", ".tar", ".mp4", ".mp3", ".css", ".js",
                                                      ".woff", ".woff2", ".ttf", ".exe", ".so", ".o", ".cdxj",
                                                      ".cdx", ".md"};
  for (std::string_view bad : kUnsupported)
    if (ext == bad) *unsupported = true;
  return InputFormat::Auto;
}

// Folder names that say how files are stored, not what they are about: never a section.
bool is_storage_folder_name(const std::string& name) {
  static constexpr std::string_view kNames[] = {"pages", "page", "data", "text", "texts", "txt", "dump", "dumps",
                                                "files", "html", "jsonl", "json", "corpus", "crawl", "crawls",
                                                "archive", "raw", "input", "inputs", "tmp", "warc", "src"};
  const std::string lower = ascii_lower(name);
  for (std::string_view n : kNames)
    if (lower == n) return true;
  return false;
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

}  // namespace

bool parse_input_format(std::string_view name, InputFormat& format) {
  const std::string lower = ascii_lower(name);
  if (lower == "auto") format = InputFormat::Auto;
  else if (lower == "jsonl" || lower == "json") format = InputFormat::Jsonl;
  else if (lower == "text" || lower == "txt") format = InputFormat::TextDump;
  else if (lower == "html") format = InputFormat::Html;
  else if (lower == "warc") format = InputFormat::Warc;
  else return false;
  return true;
}

std::string_view input_format_name(InputFormat format) {
  switch (format) {
    case InputFormat::Auto: return "auto";
    case InputFormat::Jsonl: return "jsonl";
    case InputFormat::TextDump: return "text";
    case InputFormat::Html: return "html";
    case InputFormat::Warc: return "warc";
  }
  return "auto";
}

InputFormat sniff_format(std::string_view head) {
  std::size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  const std::string_view rest = head.substr(i);
  if (rest.substr(0, 5) == "WARC/") return InputFormat::Warc;
  if (!rest.empty() && rest[0] == '{') return InputFormat::Jsonl;
  if (!rest.empty() && rest[0] == '<') return InputFormat::Html;
  return InputFormat::TextDump;
}

std::vector<InputFile> expand_inputs(const std::vector<std::string>& arguments, InputFormat forced,
                                     const std::function<void(std::string_view, std::string_view)>& skip) {
  std::vector<InputFile> files;
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      files.push_back({"-", forced, "", 0});
      continue;
    }
    std::error_code ec;
    const fs::path root(argument);
    const fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) throw InputError(fmt::format("input '{}' does not exist", argument));
    if (fs::is_regular_file(status)) {
      bool unsupported = false;
      const InputFormat by_ext = format_from_extension(content_extension(root), &unsupported);
      files.push_back({argument, forced != InputFormat::Auto ? forced : by_ext, "", fs::file_size(root, ec)});
      continue;
    }
    if (!fs::is_directory(status)) throw InputError(fmt::format("input '{}' is not a file or folder", argument));

    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw InputError(fmt::format("cannot read folder '{}': {}", argument, ec.message()));
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) throw InputError(fmt::format("cannot read folder '{}': {}", argument, ec.message()));
      if (is_hidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& path : found) {
      bool unsupported = false;
      InputFormat format = format_from_extension(content_extension(path), &unsupported);
      if (forced != InputFormat::Auto) format = forced;
      else if (unsupported) {
        skip("unsupported file type", path.string());
        continue;
      }
      const fs::path relative = fs::relative(path.parent_path(), root, ec);
      std::string hint;
      if (!ec && !relative.empty() && relative != "." && !is_storage_folder_name(relative.filename().string()))
        hint = relative.filename().string();
      files.push_back({path.string(), format, hint, fs::file_size(path, ec)});
    }
  }
  return files;
}

}  // namespace byline
