// Elided articles are stripped only when they are in the language's list.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::transformed_term;

TEST_CASE("French, Italian and Catalan elisions", "[elision]") {
  const auto french = make_elision_stripper({"l", "d", "qu"});
  CHECK(transformed_term(*french, "l'école") == "école");
  CHECK(transformed_term(*french, "qu'il") == "il");
  CHECK(transformed_term(*french, "aujourd'hui") == "aujourd'hui");  // not an article
  const auto italian = make_elision_stripper({"dell", "un"});
  CHECK(transformed_term(*italian, "dell'arte") == "arte");
  CHECK(transformed_term(*italian, "un'altra") == "altra");
  const auto catalan = make_elision_stripper({"d", "s"});
  CHECK(transformed_term(*catalan, "d'una") == "una");
}

TEST_CASE("a bare article or a trailing apostrophe is left alone", "[elision]") {
  const auto french = make_elision_stripper({"l"});
  CHECK(transformed_term(*french, "l'") == "l'");
  CHECK(transformed_term(*french, "'école") == "'école");
}
