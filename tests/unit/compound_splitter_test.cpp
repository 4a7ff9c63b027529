// The parts of compound tokens are added at the position of the whole.
#include <catch2/catch.hpp>

#include "agora/analyzers/stages.hpp"
#include "stage_check.hpp"
#include "token_helpers.hpp"

using namespace agora::analyzers;
using agora::test::check_stage;
using agora::test::run_stage;
using agora::test::terms;

using Terms = std::vector<std::string>;

TEST_CASE("dotted, camel-cased and snake-cased names gain their parts", "[compound_parts]") {
  const auto splitter = make_compound_splitter();
  CHECK(terms(run_stage(*splitter, "Array.prototype.map")) ==
        Terms{"Array.prototype.map", "Array", "prototype", "map"});
  CHECK(terms(run_stage(*splitter, "addEventListener")) ==
        Terms{"addEventListener", "add", "Event", "Listener"});
  CHECK(terms(run_stage(*splitter, "snake_case")) == Terms{"snake_case", "snake", "case"});
  CHECK(terms(run_stage(*splitter, "XMLHttpRequest")) ==
        Terms{"XMLHttpRequest", "XML", "Http", "Request"});
}

TEST_CASE("parts share the position of their whole", "[compound_parts]") {
  const auto splitter = make_compound_splitter();
  const TokenList tokens = run_stage(*splitter, "see Array.prototype.map");
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].position == 0);
  for (std::size_t i = 1; i < tokens.size(); ++i) CHECK(tokens[i].position == 1);
  CHECK(tokens[1].kind == TokenKind::word);
  CHECK(tokens[2].kind == TokenKind::part);
}

TEST_CASE("a plural of capitals and plain words are not split", "[compound_parts]") {
  const auto splitter = make_compound_splitter();
  CHECK(terms(run_stage(*splitter, "PDFs")) == Terms{"PDFs"});
  CHECK(terms(run_stage(*splitter, "cooperative")) == Terms{"cooperative"});
}

TEST_CASE("in the chain, a hyphenated word is also found written solid", "[compound_parts]") {
  const auto splitter = make_compound_splitter();
  // Word segmentation breaks at a hyphen, so alone the stage is given two plain words; in
  // the chain the technical-token merger joins them first, and the stage then adds the
  // solid form and the parts.
  check_stage(*splitter, {"co-operative",
                          {"co", "operative"},
                          "en",
                          {"co-operative", "cooperative", "co", "operative"}});
  // Parts are made from the source before case folding, then folded like any word.
  check_stage(*splitter, {"addEventListener",
                          {"addEventListener", "add", "Event", "Listener"},
                          "en",
                          {"addeventlistener", "add", "event", "listener"}});
  check_stage(*splitter, {"1,000 utf8",
                          {"1,000", "1", "000", "utf8", "utf", "8"},
                          "de",
                          {"1,000", "1", "000", "utf8", "utf", "8"}});
}
