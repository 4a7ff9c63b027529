// Overlapping bigrams for Hangul and unsegmented Han/kana.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::terms;

TEST_CASE("Korean words get overlapping bigrams at their own position", "[cjk]") {
  TokenList tokens{agora::test::token_of("협동조합")};
  make_cjk_bigrammer()->apply(tokens, "협동조합");
  CHECK(terms(tokens) == std::vector<std::string>{"협동조합", "협동", "동조", "조합"});
  for (const auto& token : tokens) CHECK(token.position == 0);
  CHECK(tokens[1].kind == TokenKind::part);
}

TEST_CASE("two-character words and Latin words get no bigrams", "[cjk]") {
  TokenList tokens{agora::test::token_of("合作"), agora::test::token_of("cooperative")};
  make_cjk_bigrammer()->apply(tokens, "");
  CHECK(terms(tokens) == std::vector<std::string>{"合作", "cooperative"});
}

TEST_CASE("a CJK word joined to Latin text gets no bigrams", "[cjk]") {
  TokenList tokens{agora::test::token_of("ア-abc")};
  make_cjk_bigrammer()->apply(tokens, "ア-abc");
  CHECK(tokens.size() == 1);
}
