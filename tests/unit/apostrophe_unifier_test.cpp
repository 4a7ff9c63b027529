// Typographic apostrophes become U+0027, so that "l’école" and "l'école" are one word.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "stage_check.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::check_stage;
using agora::test::transformed_term;

TEST_CASE("each typographic apostrophe becomes the ASCII one", "[apostrophes]") {
  const auto unifier = make_apostrophe_unifier();
  CHECK(transformed_term(*unifier, "l\u2019école") == "l'école");  // right single quote
  CHECK(transformed_term(*unifier, "l\u2018école") == "l'école");  // left single quote
  CHECK(transformed_term(*unifier, "l\u02BCécole") == "l'école");  // modifier letter
  CHECK(transformed_term(*unifier, "l\u2032école") == "l'école");  // prime
  CHECK(transformed_term(*unifier, "l\uFF07école") == "l'école");  // fullwidth
  CHECK(transformed_term(*unifier, "l`école") == "l'école");       // grave accent
}

TEST_CASE("other quotation marks and plain words are left as they are", "[apostrophes]") {
  const auto unifier = make_apostrophe_unifier();
  CHECK(transformed_term(*unifier, "«école»") == "«école»");
  CHECK(transformed_term(*unifier, "don't") == "don't");
  CHECK(transformed_term(*unifier, "coopérative") == "coopérative");
}

TEST_CASE("in the chain, a curly apostrophe elides like a straight one", "[apostrophes]") {
  const auto unifier = make_apostrophe_unifier();
  // French: unified first, so the elision stripper sees "l'" and "d'".
  check_stage(*unifier, {"L\u2019école d\u2019été", {"L'école", "d'été"}, "fr", {"école", "été"}});
  // English keeps the contraction whole, in the one form a learner types.
  check_stage(*unifier, {"don\u2019t", {"don't"}, "en", {"don't"}});
}
