#include "common/facet_column_format.h"

#include <charconv>

#include <fmt/format.h>

namespace byline::facet_column {

namespace {

template <typename T>
bool parse_number(std::string_view text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

const Dimension* dimension_of_slot(unsigned slot) {
  for (const Dimension& d : kDimensions)
    if (d.slot == slot) return &d;
  return nullptr;
}

std::string chunk_key(std::string_view dimension, std::uint32_t chunk) {
  return fmt::format("{}{}.{}", schema::metadata::kFacetColumnPrefix, dimension, chunk);
}

std::string dictionary_key(std::string_view dimension) {
  return fmt::format("{}dict.{}", schema::metadata::kFacetColumnPrefix, dimension);
}

std::string encode_header(const Header& h) {
  return fmt::format("{} {} {} {} {} {}", h.format, h.chunk_docs, h.last_docid, h.doccount, h.revision, h.story_codes);
}

std::optional<Header> decode_header(std::string_view text) {
  std::vector<std::string_view> fields;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    fields.push_back(text.substr(0, space));
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
  }
  Header h;
  if (fields.size() != 6 || !parse_number(fields[0], h.format) || !parse_number(fields[1], h.chunk_docs) ||
      !parse_number(fields[2], h.last_docid) || !parse_number(fields[3], h.doccount) ||
      !parse_number(fields[4], h.revision) || !parse_number(fields[5], h.story_codes))
    return std::nullopt;
  if (h.format != kFormat || h.chunk_docs != kChunkDocs) return std::nullopt;
  return h;
}

std::string encode_chunk(const std::vector<std::uint32_t>& codes) {
  std::uint32_t largest = 0;
  for (std::uint32_t c : codes) largest = std::max(largest, c);
  const unsigned width = largest <= 0xff ? 1 : largest <= 0xffff ? 2 : 4;
  std::string out;
  out.reserve(1 + codes.size() * width);
  out.push_back(static_cast<char>(width));
  for (std::uint32_t c : codes)
    for (unsigned b = 0; b < width; ++b) out.push_back(static_cast<char>((c >> (8 * b)) & 0xff));
  return out;
}

std::optional<std::vector<std::uint32_t>> decode_chunk(std::string_view bytes) {
  if (bytes.empty()) return std::nullopt;
  const unsigned width = static_cast<unsigned char>(bytes[0]);
  if (width != 1 && width != 2 && width != 4) return std::nullopt;
  const std::size_t payload = bytes.size() - 1;
  if (payload % width != 0 || payload / width > kChunkDocs) return std::nullopt;
  std::vector<std::uint32_t> codes(payload / width);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + 1);
  for (std::size_t i = 0; i < codes.size(); ++i, p += width) {
    std::uint32_t c = 0;
    for (unsigned b = 0; b < width; ++b) c |= std::uint32_t{p[b]} << (8 * b);
    codes[i] = c;
  }
  return codes;
}

void append_dictionary_entry(std::string& dictionary, std::string_view value) {
  // Length as a little-endian base-128 varint, then the bytes.
  std::size_t n = value.size();
  do {
    const unsigned char low = n & 0x7f;
    n >>= 7;
    dictionary.push_back(static_cast<char>(n ? low | 0x80 : low));
  } while (n);
  dictionary.append(value);
}

std::optional<std::vector<std::string>> decode_dictionary(std::string_view bytes) {
  std::vector<std::string> entries;
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t n = 0;
    unsigned shift = 0;
    for (;;) {
      if (i >= bytes.size() || shift > 28) return std::nullopt;
      const unsigned char c = static_cast<unsigned char>(bytes[i++]);
      n |= std::size_t{c & 0x7fu} << shift;
      shift += 7;
      if (!(c & 0x80)) break;
    }
    if (n > bytes.size() - i) return std::nullopt;
    entries.emplace_back(bytes.substr(i, n));
    i += n;
  }
  return entries;
}

std::optional<Xapian::rev> database_revision(const Xapian::Database& db) {
  if (db.size() != 1) return std::nullopt;
  try {
    return db.get_revision();
  } catch (const Xapian::InvalidOperationError&) {
    return std::nullopt;
  } catch (const Xapian::UnimplementedError&) {
    return std::nullopt;
  }
}

}  // namespace byline::facet_column
