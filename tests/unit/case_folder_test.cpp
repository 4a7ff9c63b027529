// NFKC case folding, including the language-aware Turkic pre-step.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::transformed_term;

TEST_CASE("case folding is full Unicode folding with NFKC", "[case]") {
  const auto folder = make_case_folder();
  CHECK(transformed_term(*folder, "LEARN") == "learn");
  CHECK(transformed_term(*folder, "Straße") == "strasse");
  CHECK(transformed_term(*folder, "STRAẞE") == "strasse");
  CHECK(transformed_term(*folder, "ΟΔΟΣ") == transformed_term(*folder, "οδος"));
  CHECK(transformed_term(*folder, "ﬁnance") == "finance");      // ligature, compatibility
  CHECK(transformed_term(*folder, "ＡＢＣ１２") == "abc12");    // fullwidth forms
  CHECK(transformed_term(*folder, "e\xCC\x81") == "\xC3\xA9");  // composed to NFC
}

TEST_CASE("Turkic lower-casing keeps dotted and dotless i apart", "[case]") {
  const auto turkic = make_turkic_lowercaser();
  const auto folder = make_case_folder();
  auto fold_tr = [&](const std::string& word) {
    return transformed_term(*folder, transformed_term(*turkic, word));
  };
  CHECK(fold_tr("IŞIK") == "ışık");
  CHECK(fold_tr("İstanbul") == "istanbul");
  // Without the Turkic step, "I" would become "i" and "IŞIK" would not meet "ışık".
  CHECK(transformed_term(*folder, "IŞIK") == "işik");
}

TEST_CASE("apostrophe variants become U+0027", "[case]") {
  const auto unifier = make_apostrophe_unifier();
  CHECK(transformed_term(*unifier, "l’école") == "l'école");
  CHECK(transformed_term(*unifier, "dell＇arte") == "dell'arte");
  CHECK(transformed_term(*unifier, "plain") == "plain");
}
