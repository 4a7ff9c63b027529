// Turkish and Azerbaijani case endings written after an apostrophe on a proper name.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "stage_check.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::check_stage;
using agora::test::transformed_term;

TEST_CASE("the ending after the apostrophe goes, the name stays", "[apostrophe_suffix]") {
  const auto stripper = make_apostrophe_suffix_stripper();
  CHECK(transformed_term(*stripper, "istanbul'da") == "istanbul");
  CHECK(transformed_term(*stripper, "ankara'nın") == "ankara");
  CHECK(transformed_term(*stripper, "atatürk'ün") == "atatürk");
}

TEST_CASE("a word without an apostrophe, or starting with one, is kept", "[apostrophe_suffix]") {
  const auto stripper = make_apostrophe_suffix_stripper();
  CHECK(transformed_term(*stripper, "kooperatif") == "kooperatif");
  CHECK(transformed_term(*stripper, "'tırnak") == "'tırnak");
}

TEST_CASE("in the Turkish chain, curly apostrophes and capitals strip alike",
          "[apostrophe_suffix]") {
  const auto stripper = make_apostrophe_suffix_stripper();
  // Alone, the stage sees only U+0027: the curly one is the unifier's job.
  check_stage(*stripper, {"İstanbul\u2019da Ankara'nın",
                          {"İstanbul\u2019da", "Ankara"},
                          "tr",
                          {"istanbul", "ankara"}});
  check_stage(*stripper, {"Bakı'da", {"Bakı"}, "az", {"bakı"}});
}
