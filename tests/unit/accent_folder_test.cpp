// Accent folding for optional diacritics, and only for scripts where they are optional.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;

namespace {
std::string folded(const std::string& term) {
  TokenList tokens{agora::test::token_of(term)};
  make_accent_folder()->apply(tokens, term);
  return tokens[0].folded;
}
}  // namespace

TEST_CASE("Latin, Greek and Cyrillic accents fold", "[fold]") {
  CHECK(folded("educación") == "educacion");
  CHECK(folded("coopératives") == "cooperatives");
  CHECK(folded("łódź") == "lodz");
  CHECK(folded("søren") == "soren");
  CHECK(folded("œuvre") == "oeuvre");
  CHECK(folded("άνθρωποι") == "ανθρωποι");
  CHECK(folded("ёлка") == "елка");
}

TEST_CASE("marks that are letters in other scripts are kept", "[fold]") {
  CHECK(folded("हिन्दी") == "हिन्दी");
  CHECK(folded("สหกรณ์") == "สหกรณ์");
}

TEST_CASE("ASCII terms are their own folded form", "[fold]") { CHECK(folded("plain") == "plain"); }
