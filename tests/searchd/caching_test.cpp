// Vary, ETag and HTTP dates.
#include <catch2/catch.hpp>

#include "caching.hpp"

using namespace agora::searchd;

TEST_CASE("Vary lists each field once", "[caching]") {
  httplib::Response response;
  add_vary(response, "Origin");
  add_vary(response, "Accept-Language");
  add_vary(response, "Origin");
  CHECK(response.get_header_value("Vary") == "Origin, Accept-Language");
  CHECK(response.get_header_value_count("Vary") == 1);
}

TEST_CASE("compressible answers vary on Accept-Encoding, others do not", "[caching]") {
  httplib::Response json;
  json.set_content("{}", "application/json");
  vary_on_encoding(json);
  CHECK(json.get_header_value("Vary") == "Accept-Encoding");
  httplib::Response image;
  image.set_content("...", "image/png");
  vary_on_encoding(image);
  CHECK_FALSE(image.has_header("Vary"));
}

TEST_CASE("an entity tag is a quoted digest that changes with the bytes", "[caching]") {
  const std::string tag = entity_tag("<html></html>");
  CHECK(tag.size() == 34);
  CHECK(tag.front() == '"');
  CHECK(tag == entity_tag("<html></html>"));
  CHECK(tag != entity_tag("<html> </html>"));
}

TEST_CASE("file times become IMF-fixdate", "[caching]") {
  const std::chrono::sys_seconds moment =
      std::chrono::sys_days{std::chrono::year{2026} / 12 / 2} + std::chrono::hours{15};
  const auto time = std::chrono::file_clock::from_sys(moment);
  CHECK(http_date(time) == "Wed, 02 Dec 2026 15:00:00 GMT");
}
