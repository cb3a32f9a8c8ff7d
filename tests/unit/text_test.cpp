#include <catch2/catch.hpp>

#include "common/text.h"

using namespace byline;

TEST_CASE("collapse_whitespace folds runs and Unicode spaces", "[unit][text]") {
  CHECK(collapse_whitespace("  a \t\n b\xC2\xA0\xC2\xA0 c ") == "a b c");
  CHECK(collapse_whitespace("") == "");
}

TEST_CASE("sanitize_utf8 replaces invalid bytes and drops control characters", "[unit][text]") {
  CHECK(sanitize_utf8("caf\xE9") == "caf\xEF\xBF\xBD");
  CHECK(sanitize_utf8(std::string("a\0b", 3)) == "ab");
  CHECK(sanitize_utf8("line\r\nnext") == "line\nnext");
  CHECK(is_valid_utf8("\xE0\xA4\xB9\xE0\xA4\xBF"));
  CHECK_FALSE(is_valid_utf8("\xC0\x80"));
}

TEST_CASE("decode_html_entities handles named and numeric references", "[unit][text]") {
  CHECK(decode_html_entities("Tom &amp; Jerry &#39;s &#x2019; &bogus; &") == "Tom & Jerry 's \xE2\x80\x99 &bogus; &");
}
