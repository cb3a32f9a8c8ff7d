# Warnings and sanitizer flags live on one interface target that every byline
# target links privately; nothing is added to global flags.
add_library(byline_build_flags INTERFACE)
target_compile_options(byline_build_flags INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow=local -Wno-missing-field-initializers>)
if(BYLINE_SANITIZE)
  target_compile_options(byline_build_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(byline_build_flags INTERFACE -fsanitize=address,undefined)
endif()
add_library(byline::build_flags ALIAS byline_build_flags)
