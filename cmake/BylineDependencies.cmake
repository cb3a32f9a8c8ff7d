# Every third-party dependency is wrapped once as an imported target here, so the
# libraries below only ever say `target_link_libraries(x PRIVATE byline::xapian)`.
# All of them come from Debian packages (see scripts/setup.sh).

find_package(PkgConfig REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
# simdjson: the stored fields are read back for every hit shown (Debian's libsimdjson-dev).
find_package(simdjson REQUIRED)

# Xapian's CMake config only sets variables; give it a target.
find_package(Xapian REQUIRED)
add_library(byline_xapian INTERFACE)
target_include_directories(byline_xapian SYSTEM INTERFACE ${XAPIAN_INCLUDE_DIR})
target_link_libraries(byline_xapian INTERFACE ${XAPIAN_LIBRARIES})
add_library(byline::xapian ALIAS byline_xapian)

pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
add_library(byline::zstd ALIAS PkgConfig::ZSTD)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
add_library(byline::gumbo ALIAS PkgConfig::GUMBO)
# Brotli (HTTP `Content-Encoding: br`, decoder only) and uchardet (charset
# guessing for pages that declare none): Debian's libbrotli-dev, libuchardet-dev.
pkg_check_modules(BROTLIDEC REQUIRED IMPORTED_TARGET libbrotlidec)
add_library(byline::brotli ALIAS PkgConfig::BROTLIDEC)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
add_library(byline::uchardet ALIAS PkgConfig::UCHARDET)
# cpp-httplib (`byline serve`): Debian's libcpp-httplib-dev is compiled, with
# TLS, zlib and brotli on; its pkg-config file carries the matching defines.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(byline::httplib ALIAS PkgConfig::HTTPLIB)

# libstemmer (Snowball's C library, for languages Xapian lacks such as Hindi)
# ships neither a CMake config nor a pkg-config file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY NAMES stemmer REQUIRED)
add_library(byline_stemmer INTERFACE)
target_include_directories(byline_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(byline_stemmer INTERFACE ${STEMMER_LIBRARY})
add_library(byline::stemmer ALIAS byline_stemmer)

if(BYLINE_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
