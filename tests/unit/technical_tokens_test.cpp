// Technical tokens stay findable whole and by their parts.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::run_stage;
using agora::test::terms;

namespace {
TokenList merged_and_split(const std::string& text) {
  TokenList tokens = WordSegmenter("").tokens(text, "en");
  make_technical_token_merger()->apply(tokens, text);
  make_compound_splitter()->apply(tokens, text);
  return tokens;
}
}  // namespace

TEST_CASE("C++ and C# are rejoined", "[technical]") {
  CHECK(terms(run_stage(*make_technical_token_merger(), "learn C++ and C# today")) ==
        std::vector<std::string>{"learn", "C++", "and", "C#", "today"});
}

TEST_CASE("a hash after a long word is not a language name", "[technical]") {
  CHECK(terms(run_stage(*make_technical_token_merger(), "issue#12")) ==
        std::vector<std::string>{"issue", "12"});
}

TEST_CASE("hyphenated words become one token with positions renumbered", "[technical]") {
  const auto tokens = run_stage(*make_technical_token_merger(), "send an e-mail now");
  REQUIRE(terms(tokens) == std::vector<std::string>{"send", "an", "e-mail", "now"});
  CHECK(tokens[3].position == 3);
}

TEST_CASE("a hyphen between spaced words does not join them", "[technical]") {
  CHECK(terms(run_stage(*make_technical_token_merger(), "left - right")) ==
        std::vector<std::string>{"left", "right"});
}

TEST_CASE("dotted, camelCase and snake_case tokens get their parts", "[technical]") {
  const auto tokens = merged_and_split("Array.prototype.map addEventListener snake_case");
  CHECK(terms(tokens) == std::vector<std::string>{"Array.prototype.map", "Array", "prototype",
                                                  "map", "addEventListener", "add", "Event",
                                                  "Listener", "snake_case", "snake", "case"});
  for (const auto& token : tokens) {
    if (token.kind == TokenKind::part)
      CHECK((token.position == 0 || token.position == 1 || token.position == 2));
  }
  const std::string text = "Array.prototype.map";
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "prototype");
}

TEST_CASE("acronyms are split before a real word, plurals of acronyms are not", "[technical]") {
  CHECK(terms(merged_and_split("XMLHttpRequest")) ==
        std::vector<std::string>{"XMLHttpRequest", "XML", "Http", "Request"});
  CHECK(terms(merged_and_split("PDFs")) == std::vector<std::string>{"PDFs"});
}

TEST_CASE("numbers are findable whole and by their groups", "[technical]") {
  CHECK(terms(merged_and_split("1,000.50")) ==
        std::vector<std::string>{"1,000.50", "1", "000", "50"});
  CHECK(terms(merged_and_split("e-mail")) ==
        std::vector<std::string>{"e-mail", "email", "e", "mail"});
  CHECK(terms(merged_and_split("co-operative")) ==
        std::vector<std::string>{"co-operative", "cooperative", "co", "operative"});
}
