// `agora-index analyze`, run in-process.
#include <catch2/catch.hpp>

#include <sstream>

#include "agora/error.hpp"
#include "agora/index/cli_commands.hpp"

using agora::index::cli::run_analyze;

namespace {
struct Run {
  int code;
  std::string out;
  std::string err;
};

Run analyze(const std::vector<std::string>& args, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = run_analyze(args, {in, out, err});
  return {code, out.str(), err.str()};
}
}  // namespace

TEST_CASE("tokens are printed as position, term, stem", "[cli]") {
  const Run run = analyze({"--lang", "en"}, "Learning cooperatives");
  CHECK(run.code == 0);
  CHECK(run.out == "0\tlearning\tlearn\n1\tcooperatives\tcooper\n");
}

TEST_CASE("analyze --words prints exactly one line per input line", "[cli]") {
  const Run run = analyze({"--lang", "fr", "--words"}, "coopératives\n\n!!!\nl'école\r\n");
  CHECK(run.out == "cooper\n\n\nécol\n");
}

TEST_CASE("analyze --detect prints language and confidence", "[cli]") {
  const Run paragraph = analyze(
      {"--detect"},
      "Die Genossenschaft ist ein Zusammenschluss von Personen, die gemeinsam ein Unternehmen "
      "betreiben und demokratisch über seine Ziele entscheiden.");
  CHECK_THAT(paragraph.out, Catch::StartsWith("de\t"));
  CHECK(analyze({"--detect"}, "ok").out == "und\t0.00\n");
}

TEST_CASE("a bad tag names the supported ones — an unknown one falls back with a note", "[cli]") {
  CHECK_THROWS_WITH(analyze({"--lang", "!!"}, "x"), Catch::Contains("ca (Catalan)"));
  const Run swahili = analyze({"--lang", "sw"}, "ushirika");
  CHECK(swahili.code == 0);
  CHECK_THAT(swahili.err, Catch::Contains("using Language-neutral (und)"));
}

TEST_CASE("analyze --explain shows both chains — wrong options are refused", "[cli]") {
  const Run run = analyze({"--lang", "tr", "--explain"}, "");
  CHECK_THAT(run.out, Catch::Contains("turkic_lowercase nfkc_casefold"));
  CHECK_THAT(run.out, Catch::Contains("snowball:turkish"));
  CHECK_THAT(run.out, Catch::EndsWith(" stopwords\n"));  // the query chain ends with them
  CHECK_THROWS_AS(analyze({"--bogus"}, ""), agora::InvalidInput);
  CHECK_THROWS_AS(analyze({"--words", "--detect"}, ""), agora::InvalidInput);
  CHECK_THROWS_AS(analyze({"--lang"}, ""), agora::InvalidInput);
}
