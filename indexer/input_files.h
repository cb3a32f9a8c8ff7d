#pragma once
// Expands the inputs of `byline index` (files, folders, "-") into a list of
// files with their format. Folders are walked recursively in sorted order so
// runs are reproducible; a file's parent folder name may supply the section.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

enum class InputFormat { Auto, Jsonl, TextDump, Html, Warc };

// "auto", "jsonl", "text", "html", "warc"; returns false if unknown.
bool parse_input_format(std::string_view name, InputFormat& format);
std::string_view input_format_name(InputFormat format);

struct InputFile {
  std::string path;             // "-" for stdin
  InputFormat format;           // Auto: decided from the content when opened
  std::string section_hint;     // name of the folder below the input root, "" at the root
  std::uint64_t size = 0;       // bytes on disk, 0 if unknown
};

// Throws InputError naming the first argument that does not exist or cannot be
// read. Files inside folders that byline cannot read (by extension: images,
// archives…) are reported to `skip` with a reason and left out; hidden files
// and folders are ignored.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& arguments, InputFormat forced,
                                     const std::function<void(std::string_view reason, std::string_view path)>& skip);

// Format from the first bytes of a (decompressed) stream: "WARC/" -> Warc,
// "{" -> Jsonl, "<" -> Html, otherwise TextDump.
InputFormat sniff_format(std::string_view head);

}  // namespace byline
