// Properties every analyzer must keep on arbitrary input, including broken UTF-8.
#include <catch2/catch.hpp>

#include <random>

#include "agora/analyzers/registry.hpp"
#include "agora/analyzers/stages.hpp"

using namespace agora::analyzers;

namespace {

// Random text mixing scripts, separators, combining marks and raw invalid bytes.
std::string random_text(std::mt19937& random) {
  static const std::vector<std::string> pieces = {
      "a", "Z", "é",  "e\xCC\x81", "ß",  "İ",    "ı",    "Σ",        "ς",  "ё",   "ا",
      "ـ", "َ",  "ی",  "\u200C",    "中", "合作", "ア",   "한",       "ก",  "ສ",   "ក",
      "မ", "्",  "1",  "٣",         ".",  ",",    "-",    "'",        "’",  "+",   "#",
      "_", " ", "\n", "\t",        "😀",  "\xFF", "\xC3", "\xE2\x82", "l'", "C++", "x"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  std::string text;
  for (int i = length(random); i > 0; --i) text += pieces[pick(random)];
  return text;
}

}  // namespace

TEST_CASE("offsets in bounds, positions non-decreasing, terms non-empty", "[property]") {
  const Registry registry;
  std::mt19937 random(20261125);
  for (const Analyzer* analyzer : registry.analyzers()) {
    for (int round = 0; round < 300; ++round) {
      const std::string text = random_text(random);
      for (auto purpose : {Purpose::index, Purpose::query}) {
        const TokenList tokens = analyzer->analyze(text, purpose);
        std::uint32_t last_position = 0;
        for (const Token& token : tokens) {
          INFO(analyzer->language() << " on \"" << text << "\"");
          REQUIRE(token.begin < token.end);
          REQUIRE(token.end <= text.size());
          REQUIRE(token.position >= last_position);
          REQUIRE_FALSE(token.term.empty());
          last_position = token.position;
        }
      }
    }
  }
}

TEST_CASE("terms are already case-folded and folded forms already folded", "[property]") {
  const Registry registry;
  const auto case_folder = make_case_folder();
  const auto accent_folder = make_accent_folder();
  std::mt19937 random(7);
  for (const Analyzer* analyzer : registry.analyzers()) {
    for (int round = 0; round < 200; ++round) {
      for (const Token& token : analyzer->analyze(random_text(random))) {
        INFO(analyzer->language() << ": " << token.term);
        TokenList refold{token};
        case_folder->apply(refold, token.term);
        CHECK(refold[0].term == token.term);
        TokenList folded{token};
        folded[0].term = token.folded;
        accent_folder->apply(folded, token.folded);
        CHECK(folded[0].folded == token.folded);
      }
    }
  }
}
