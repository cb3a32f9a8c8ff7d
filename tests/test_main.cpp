// The only Catch2 main of the suite; every test binary links it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
