// Strict number parsing: the whole text, in range, or a message naming where.
#include <catch2/catch.hpp>

#include "agora/base/parse.hpp"
#include "agora/error.hpp"

using agora::InvalidInput;
using agora::parse_decimal;
using agora::parse_whole_number;
using agora::parse_whole_number_as;

TEST_CASE("whole numbers are the whole text, within their bounds", "[parse]") {
  CHECK(parse_whole_number("8080", "--port", 0, 65535) == 8080);
  CHECK(parse_whole_number("0", "--port", 0, 65535) == 0);
  CHECK(parse_whole_number("-3", "offset", -5, 5) == -3);
  CHECK(parse_whole_number_as<unsigned>("2", "--jobs", 1, 64) == 2u);
  for (const char* bad : {"12abc", "", " 12", "12 ", "+12", "1e3", "0x10", "12.0", "٣"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_whole_number(bad, "--port", 0, 65535), InvalidInput);
  }
  CHECK_THROWS_WITH(parse_whole_number("70000", "--port", 0, 65535),
                    "--port: '70000' must be a whole number from 0 to 65535");
  CHECK_THROWS_WITH(parse_whole_number("-1", "--jobs", 1, 64),
                    "--jobs: '-1' must be a whole number from 1 to 64");
  // Beyond 64 bits is out of range, not wrapped around.
  CHECK_THROWS_AS(parse_whole_number("99999999999999999999", "n", 0, 10), InvalidInput);
}

TEST_CASE("decimals are written plainly and checked against their bounds", "[parse]") {
  CHECK(parse_decimal("0.5", "--header-timeout", 0.1, 3600) == Approx(0.5));
  CHECK(parse_decimal("12", "--header-timeout", 0.1, 3600) == Approx(12));
  for (const char* bad : {"0", "3601", "1e2", "nan", "inf", "", "0.5s", " 1"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_decimal(bad, "--header-timeout", 0.1, 3600), InvalidInput);
  }
  CHECK_THROWS_WITH(parse_decimal("0", "--header-timeout", 0.1, 3600),
                    "--header-timeout: '0' must be a number from 0.1 to 3600");
}
