// A term never starts or ends with joining punctuation, whatever earlier stages left.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "stage_check.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::check_stage;
using agora::test::transformed_term;

TEST_CASE("joiners at either end are trimmed", "[trim_joiners]") {
  const auto trimmer = make_edge_punctuation_trimmer();
  CHECK(transformed_term(*trimmer, "x-") == "x");
  CHECK(transformed_term(*trimmer, "_init_") == "init");
  CHECK(transformed_term(*trimmer, "l'") == "l");
  CHECK(transformed_term(*trimmer, ".,hello-_") == "hello");
}

TEST_CASE("joiners inside a term and other symbols stay", "[trim_joiners]") {
  const auto trimmer = make_edge_punctuation_trimmer();
  CHECK(transformed_term(*trimmer, "e-mail") == "e-mail");
  CHECK(transformed_term(*trimmer, "v1.2") == "v1.2");
  CHECK(transformed_term(*trimmer, "c++") == "c++");
  CHECK(transformed_term(*trimmer, "c#") == "c#");
}

TEST_CASE("a term of joiners only becomes empty, and the analyzer drops it", "[trim_joiners]") {
  const auto trimmer = make_edge_punctuation_trimmer();
  CHECK(transformed_term(*trimmer, "...").empty());
  CHECK(transformed_term(*trimmer, "'").empty());
}

TEST_CASE("in the chain, what elision leaves is trimmed", "[trim_joiners]") {
  const auto trimmer = make_edge_punctuation_trimmer();
  // A bare "l'" is not elided (nothing follows it), so the trimmer makes it "l".
  check_stage(*trimmer, {"l' école", {"l", "école"}, "fr", {"l", "école"}});
  // Segmentation keeps underscores inside a word, and "C++" is whole only once the
  // merger before it has joined the symbols; the trimmer leaves those alone.
  check_stage(*trimmer, {"C++ _init_", {"C", "init"}, "en", {"c++", "init"}});
}
