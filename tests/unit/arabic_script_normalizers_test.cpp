// Arabic and Persian orthographic cleanup.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::transformed_term;

TEST_CASE("Arabic: tatweel and harakat removed, alef variants unified", "[arabic]") {
  const auto arabic = make_arabic_normalizer();
  CHECK(transformed_term(*arabic, "التَّعاوُنِيّة") == "التعاونية");
  CHECK(transformed_term(*arabic, "تمويـــل") == "تمويل");
  CHECK(transformed_term(*arabic, "أحمد") == "احمد");
  CHECK(transformed_term(*arabic, "إسلام") == "اسلام");
  CHECK(transformed_term(*arabic, "آمن") == "امن");
  CHECK(transformed_term(*arabic, "مستشفى") == "مستشفي");
  CHECK(transformed_term(*arabic, "٢٠٢٤") == "2024");
}

TEST_CASE("Persian: Arabic yeh and kaf become Persian forms, ZWNJ dropped", "[persian]") {
  const auto persian = make_persian_normalizer();
  CHECK(transformed_term(*persian, "كتاب") == "کتاب");
  CHECK(transformed_term(*persian, "تعاوني") == "تعاونی");
  CHECK(transformed_term(*persian, "می\u200Cخواهیم") == "میخواهیم");
  CHECK(transformed_term(*persian, "۱۴۰۳") == "1403");
}

TEST_CASE("Latin text passes through untouched", "[arabic]") {
  CHECK(transformed_term(*make_arabic_normalizer(), "cafe") == "cafe");
}
