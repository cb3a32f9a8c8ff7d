#pragma once
// Character set of an HTML document and its conversion to UTF-8.
//
// Order of evidence: a byte-order mark (it cannot be wrong, which is why HTML5
// puts it before the HTTP header), the HTTP Content-Type charset, a <meta
// charset> or <meta http-equiv="Content-Type"> in the first 2 KiB, then a
// guess by uchardet. Declarations are checked against the bytes, because pages
// often lie: a declared legacy charset on bytes that are valid, non-ASCII UTF-8
// gives UTF-8; a declared UTF-8 on bytes that are mostly not UTF-8 gives the
// guess. Labels follow the WHATWG Encoding Standard's aliases (iso-8859-1 and
// us-ascii mean windows-1252, shift_jis means windows-31j, gb2312 means GBK…).
// Conversion is glibc iconv; invalid sequences become U+FFFD and the result is
// always valid UTF-8 (sanitize_utf8).

#include <string>
#include <string_view>

namespace byline {

// The iconv name for a charset label ("UTF-8", "WINDOWS-1252", "CP932"…),
// "" if the label is unknown to both the alias table and iconv.
std::string normalize_charset_label(std::string_view label);

// The charset declared by a <meta> tag in `head` (first 2 KiB are scanned),
// as written; "" if none.
std::string html_meta_charset(std::string_view head);

// uchardet's guess, normalised; "" if it has none.
std::string guess_charset(std::string_view bytes);

// Converts `bytes` in charset `iconv_name` to valid UTF-8; `errors` (optional)
// counts replaced sequences. An unknown charset is read as windows-1252.
std::string convert_to_utf8(std::string_view bytes, const std::string& iconv_name, std::size_t* errors = nullptr);

struct DecodedHtml {
  std::string utf8;
  std::string charset;  // iconv name used
  std::string source;   // "bom", "http", "meta", "utf-8 check", "guess", "default"
};

// Decodes an HTML document's bytes to UTF-8, given the HTTP charset ("" if none).
DecodedHtml decode_html(std::string_view bytes, std::string_view http_charset);

}  // namespace byline
