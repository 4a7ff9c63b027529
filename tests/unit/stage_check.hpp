// One check of a stage in two settings: alone, on the words of a text, and inside the full
// chain of a language, where the stages before it decide what it is given.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "shared_registry.hpp"
#include "token_helpers.hpp"

namespace agora::test {

/// What a stage should make of `input`: `alone` are the terms of the stage run by itself
/// over the segmented input; `in_chain` are the terms of `language`'s whole index chain,
/// parts of compounds included, in order.
struct StageExpectation {
  std::string input;
  std::vector<std::string> alone;
  std::string language;
  std::vector<std::string> in_chain;
};

inline void check_stage(const analyzers::Stage& stage, const StageExpectation& expected) {
  INFO("stage " << stage.name() << ", input \"" << expected.input << "\", chain "
                << expected.language);
  CHECK(terms(run_stage(stage, expected.input)) == expected.alone);
  const analyzers::Analyzer& chain = shared_registry().for_tag(expected.language);
  const std::vector<std::string> names = chain.stage_names(analyzers::Purpose::index);
  REQUIRE(std::find(names.begin(), names.end(), stage.name()) != names.end());
  CHECK(terms(chain.analyze(expected.input)) == expected.in_chain);
}

}  // namespace agora::test
