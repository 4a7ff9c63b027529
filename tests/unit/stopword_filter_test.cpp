// Query-time stopwords: dropped, but never every word.
#include <catch2/catch.hpp>

#include "agora/analyzers/registry.hpp"
#include "agora/analyzers/stages.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::run_stage;
using agora::test::terms;

TEST_CASE("stopwords are removed from a query", "[stop]") {
  const auto filter = make_stopword_filter({"the", "of"});
  CHECK(terms(run_stage(*filter, "the history of cooperatives")) ==
        std::vector<std::string>{"history", "cooperatives"});
}

TEST_CASE("a query of only stopwords keeps every word", "[stop]") {
  const auto filter = make_stopword_filter({"to", "be", "or", "not"});
  CHECK(terms(run_stage(*filter, "to be or not to be")).size() == 6);
}

TEST_CASE("registry analyzers use stopwords at query time only", "[stop]") {
  const Registry registry;
  const Analyzer& french = registry.for_tag("fr");
  CHECK(terms(french.analyze("La coopérative de France", Purpose::query)) ==
        std::vector<std::string>{"coopérative", "france"});
  CHECK(french.analyze("La coopérative de France", Purpose::index).size() == 4);
  // Stopwords meet terms after the same normalisation: "C’est" is elided to "est".
  CHECK(terms(french.analyze("C’est l’école", Purpose::query)) ==
        std::vector<std::string>{"école"});
}
