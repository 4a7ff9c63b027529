// Tag resolution, fallbacks and the chains the registry builds.
#include <catch2/catch.hpp>

#include "agora/analyzers/language_tag.hpp"
#include "agora/analyzers/registry.hpp"
#include "agora/error.hpp"

using namespace agora::analyzers;

TEST_CASE("tags are canonicalised with ICU", "[registry]") {
  CHECK(parse_language_tag("pt_BR").canonical == "pt-BR");
  CHECK(parse_language_tag("iw").language == "he");
  const LanguageTag chinese = parse_language_tag("zh-Hant-TW");
  CHECK(chinese.language == "zh");
  CHECK(chinese.script == "Hant");
  CHECK(chinese.region == "TW");
  CHECK(parse_language_tag("ur").likely_script == "Arab");
  CHECK_THROWS_AS(parse_language_tag(""), agora::InvalidInput);
  CHECK_THROWS_AS(parse_language_tag("not a tag!"), agora::InvalidInput);
}

TEST_CASE("tags resolve along language, script default, neutral", "[registry]") {
  const Registry registry;
  CHECK(registry.for_tag("pt-BR").language() == "pt");
  CHECK(registry.for_tag("nb").language() == "no");
  CHECK(registry.for_tag("nn-NO").language() == "no");
  CHECK(registry.for_tag("no").language() == "no");
  CHECK(registry.for_tag("zh-Hant-TW").language() == "zh");
  CHECK(registry.for_tag("hr-HR").language() == "sr");  // Serbian Snowball covers Croatian
  const Resolution urdu = registry.resolve("ur");
  CHECK(urdu.analyzer->language() == "und-Arab");
  CHECK_FALSE(urdu.exact);
  CHECK(registry.for_tag("und-Arab").language() == "und-Arab");
  const Resolution swahili = registry.resolve("sw");
  CHECK(swahili.analyzer->language() == "und");
  CHECK(registry.resolve("fr-CA").exact);
}

TEST_CASE("a malformed tag is an error that lists the supported tags", "[registry]") {
  const Registry registry;
  try {
    registry.resolve("12345678910");
    FAIL("expected InvalidInput");
  } catch (const agora::InvalidInput& error) {
    const std::string message = error.what();
    CHECK_THAT(message, Catch::Contains("12345678910"));
    CHECK_THAT(message, Catch::Contains("fr (French)"));
    CHECK_THAT(message, Catch::Contains("zh (Chinese)"));
  }
}

TEST_CASE("every Snowball language has its stemmer in the chain", "[registry]") {
  const Registry registry;
  int stemmed = 0;
  for (const Analyzer* analyzer : registry.analyzers()) {
    if (analyzer->stemmer().empty()) continue;
    ++stemmed;
    const auto stages = analyzer->stage_names(Purpose::index);
    const auto stemmer = std::find(stages.begin(), stages.end(), "snowball:" + analyzer->stemmer());
    const auto folder = std::find(stages.begin(), stages.end(), "accent_fold");
    CHECK(stemmer != stages.end());
    CHECK(folder < stemmer);  // stems are made from the case-folded, cleaned-up term
  }
  CHECK(stemmed >= 28);
}

TEST_CASE("the query chain is the index chain plus stopwords", "[registry]") {
  const Registry registry;
  const Analyzer& english = registry.for_tag("en");
  auto index = english.stage_names(Purpose::index);
  auto query = english.stage_names(Purpose::query);
  REQUIRE(query.size() == index.size() + 1);
  CHECK(std::equal(index.begin(), index.end(), query.begin()));
  CHECK(query.back() == "stopwords");
}
