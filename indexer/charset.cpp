#include "indexer/charset.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <array>
#include <cerrno>
#include <memory>

#include "common/text.h"

namespace byline {

namespace {

struct Alias {
  std::string_view label;
  std::string_view name;
};

// WHATWG Encoding Standard aliases where they differ from iconv's reading.
constexpr std::array kAliases{
    Alias{"utf-8", "UTF-8"},          Alias{"utf8", "UTF-8"},
    Alias{"unicode-1-1-utf-8", "UTF-8"}, Alias{"x-unicode20utf8", "UTF-8"},
    Alias{"us-ascii", "WINDOWS-1252"}, Alias{"ascii", "WINDOWS-1252"},
    Alias{"iso-8859-1", "WINDOWS-1252"}, Alias{"iso8859-1", "WINDOWS-1252"},
    Alias{"iso_8859-1", "WINDOWS-1252"}, Alias{"latin1", "WINDOWS-1252"},
    Alias{"l1", "WINDOWS-1252"},       Alias{"cp1252", "WINDOWS-1252"},
    Alias{"x-cp1252", "WINDOWS-1252"}, Alias{"windows-1252", "WINDOWS-1252"},
    Alias{"shift_jis", "CP932"},       Alias{"shift-jis", "CP932"},
    Alias{"sjis", "CP932"},            Alias{"x-sjis", "CP932"},
    Alias{"ms_kanji", "CP932"},        Alias{"windows-31j", "CP932"},
    Alias{"csshiftjis", "CP932"},      Alias{"euc-jp", "EUC-JP"},
    Alias{"x-euc-jp", "EUC-JP"},       Alias{"gb2312", "GB18030"},
    Alias{"gbk", "GB18030"},           Alias{"x-gbk", "GB18030"},
    Alias{"cp936", "GB18030"},         Alias{"gb18030", "GB18030"},
    Alias{"csgb2312", "GB18030"},      Alias{"chinese", "GB18030"},
    Alias{"big5", "BIG5-HKSCS"},       Alias{"big5-hkscs", "BIG5-HKSCS"},
    Alias{"euc-kr", "CP949"},          Alias{"ks_c_5601-1987", "CP949"},
    Alias{"korean", "CP949"},          Alias{"windows-949", "CP949"},
    Alias{"iso-8859-9", "WINDOWS-1254"}, Alias{"latin5", "WINDOWS-1254"},
    Alias{"iso-8859-11", "WINDOWS-874"}, Alias{"tis-620", "WINDOWS-874"},
    Alias{"utf-16", "UTF-16LE"},       Alias{"utf-16le", "UTF-16LE"},
    Alias{"utf-16be", "UTF-16BE"},     Alias{"x-user-defined", "WINDOWS-1252"},
};

class Iconv {
 public:
  explicit Iconv(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

bool is_ascii(std::string_view bytes) {
  for (unsigned char c : bytes)
    if (c >= 0x80) return false;
  return true;
}

// What sanitize_utf8 would change, counted in one pass: invalid bytes and
// the control characters it drops (all C0 but tab and newline, and DEL).
struct Census {
  std::size_t multibyte = 0;  // well-formed multibyte sequences
  std::size_t invalid = 0;    // bytes that start no well-formed sequence
  std::size_t controls = 0;
};

Census utf8_census(std::string_view bytes) {
  Census census;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) ++census.controls;
      ++i;
      continue;
    }
    std::size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = len != 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (ok && len == 3) ok = !(c == 0xE0 && p[i + 1] < 0xA0) && !(c == 0xED && p[i + 1] > 0x9F);
    if (ok && len == 4) ok = !(c == 0xF0 && p[i + 1] < 0x90) && !(c == 0xF4 && p[i + 1] > 0x8F);
    if (ok) {
      ++census.multibyte;
      i += len;
    } else {
      ++census.invalid;
      ++i;
    }
  }
  return census;
}

// sanitize_utf8, skipped when the census shows it would change nothing (most
// pages: it is the costliest step of decoding otherwise).
std::string clean_utf8(std::string_view bytes, const Census& census) {
  if (census.invalid == 0 && census.controls == 0) return std::string(bytes);
  return sanitize_utf8(bytes);
}

}  // namespace

std::string normalize_charset_label(std::string_view label) {
  std::string lower = ascii_lower(trim(label));
  while (!lower.empty() && (lower.front() == '"' || lower.front() == '\'')) lower.erase(0, 1);
  while (!lower.empty() && (lower.back() == '"' || lower.back() == '\'')) lower.pop_back();
  if (lower.empty() || lower.size() > 40) return {};
  for (const Alias& alias : kAliases)
    if (alias.label == lower) return std::string(alias.name);
  std::string upper = lower;
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (Iconv(upper).ok()) return upper;
  return {};
}

std::string html_meta_charset(std::string_view head) {
  const std::string text = ascii_lower(head.substr(0, 2048));
  for (std::size_t at = text.find("<meta"); at != std::string::npos; at = text.find("<meta", at + 5)) {
    const std::size_t close = text.find('>', at);
    const std::string_view tag = std::string_view(text).substr(at, close == std::string::npos ? std::string::npos : close - at);
    const std::size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    std::size_t i = cs + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    const std::size_t start = i;
    while (i < tag.size() && tag[i] != '"' && tag[i] != '\'' && tag[i] != ';' && tag[i] != ' ' && tag[i] != '/' &&
           tag[i] != '>')
      ++i;
    if (i > start) return std::string(head.substr(at + start, i - start));
  }
  return {};
}

std::string guess_charset(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                                        &uchardet_delete);
  if (!detector) return {};
  // 64 KiB is plenty for a guess and bounds the cost on huge pages.
  if (uchardet_handle_data(detector.get(), bytes.data(), std::min<std::size_t>(bytes.size(), 64 << 10)) != 0) return {};
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return name == nullptr ? std::string() : normalize_charset_label(name);
}

std::string convert_to_utf8(std::string_view bytes, const std::string& iconv_name, std::size_t* errors) {
  std::size_t bad = 0;
  std::string out;
  if (iconv_name == "UTF-8") {
    const Census census = utf8_census(bytes);
    bad = census.invalid;
    out = clean_utf8(bytes, census);
  } else {
    Iconv cd(iconv_name);
    if (!cd.ok()) return convert_to_utf8(bytes, "WINDOWS-1252", errors);
    out.reserve(bytes.size() + bytes.size() / 2);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char buffer[1 << 14];
    while (in_left > 0) {
      char* outp = buffer;
      std::size_t out_left = sizeof buffer;
      const std::size_t rc = iconv(cd.get(), &in, &in_left, &outp, &out_left);
      out.append(buffer, static_cast<std::size_t>(outp - buffer));
      if (rc != static_cast<std::size_t>(-1)) break;
      if (errno == E2BIG) continue;
      // EILSEQ (invalid) or EINVAL (incomplete at the end): replace one byte.
      out += "\xEF\xBF\xBD";
      ++bad;
      ++in;
      --in_left;
      iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);
    }
    out = clean_utf8(out, utf8_census(out));
  }
  if (errors) *errors = bad;
  return out;
}

DecodedHtml decode_html(std::string_view bytes, std::string_view http_charset) {
  DecodedHtml result;
  const auto finish = [&](std::string_view data, std::string name, const char* source) {
    result.charset = std::move(name);
    result.source = source;
    result.utf8 = convert_to_utf8(data, result.charset);
    return result;
  };
  const auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF")) return finish(bytes.substr(3), "UTF-8", "bom");
  if (starts("\xFF\xFE")) return finish(bytes.substr(2), "UTF-16LE", "bom");
  if (starts("\xFE\xFF")) return finish(bytes.substr(2), "UTF-16BE", "bom");

  std::string declared = normalize_charset_label(http_charset);
  const char* source = "http";
  if (declared.empty()) {
    declared = normalize_charset_label(html_meta_charset(bytes));
    source = "meta";
    // A <meta> claiming UTF-16 is read by browsers as UTF-8 (the bytes that
    // spelled it out are ASCII, so it cannot be UTF-16).
    if (declared.rfind("UTF-16", 0) == 0) declared = "UTF-8";
  }
  if (is_ascii(bytes)) return finish(bytes, declared.empty() ? "UTF-8" : declared, declared.empty() ? "default" : source);

  const Census census = utf8_census(bytes);
  const std::size_t multibyte = census.multibyte, invalid = census.invalid;
  if (declared == "UTF-8" || declared.empty()) {
    // A few bad bytes in a UTF-8 page are damage, not another charset.
    if (invalid == 0 || multibyte >= 4 * invalid) {
      result.charset = "UTF-8";
      result.source = declared.empty() ? "utf-8 check" : source;
      result.utf8 = clean_utf8(bytes, census);
      return result;
    }
    const std::string guess = guess_charset(bytes);
    return finish(bytes, guess.empty() || guess == "UTF-8" ? "WINDOWS-1252" : guess, "guess");
  }
  if (declared.rfind("UTF-16", 0) == 0) return finish(bytes, declared, source);
  // A legacy declaration on bytes that are valid UTF-8 with multibyte
  // characters: valid UTF-8 by accident is very unlikely, a stale <meta> is not.
  if (invalid == 0 && multibyte > 0) {
    result.charset = "UTF-8";
    result.source = "utf-8 check";
    result.utf8 = clean_utf8(bytes, census);
    return result;
  }
  std::size_t errors = 0;
  std::string utf8 = convert_to_utf8(bytes, declared, &errors);
  if (errors > 2 && errors * 200 > bytes.size()) {
    const std::string guess = guess_charset(bytes);
    if (!guess.empty() && guess != declared) {
      std::size_t guess_errors = 0;
      std::string other = convert_to_utf8(bytes, guess, &guess_errors);
      if (guess_errors < errors) {
        result.utf8 = std::move(other);
        result.charset = guess;
        result.source = "guess";
        return result;
      }
    }
  }
  result.utf8 = std::move(utf8);
  result.charset = declared;
  result.source = source;
  return result;
}

}  // namespace byline
