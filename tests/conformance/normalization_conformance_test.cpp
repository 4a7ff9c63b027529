// Unicode's NormalizationTest.txt: our normalising stages are idempotent on every input.
#include <catch2/catch.hpp>

#include <sstream>

#include "agora/analyzers/stages.hpp"
#include "agora/analyzers/word_segmenter.hpp"
#include "data_files.hpp"

using namespace agora::analyzers;

namespace {

// The five columns of a test line, each decoded to UTF-8.
std::vector<std::string> columns(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream fields(line.substr(0, line.find('#')));
  for (std::string column; std::getline(fields, column, ';') && out.size() < 5;) {
    std::string text;
    std::istringstream points(column);
    for (std::string hex; points >> hex;) {
      agora::test::append_utf8(text, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
    }
    out.push_back(text);
  }
  return out;
}

Token word(const std::string& text) {
  Token token;
  token.term = text;
  token.end = text.size();
  token.script = script_of(text);
  return token;
}

}  // namespace

TEST_CASE("case folding and accent folding are idempotent on NormalizationTest", "[conformance]") {
  const auto case_folder = make_case_folder();
  const auto accent_folder = make_accent_folder();
  std::istringstream lines(agora::test::read_data_file(
      agora::test::unicode_data_dir() + "/NormalizationTest.txt", "unicode-data"));
  int checked = 0, failures = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#' || line[0] == '@') continue;
    for (const std::string& text : columns(line)) {
      TokenList once{word(text)};
      case_folder->apply(once, text);
      accent_folder->apply(once, text);
      TokenList twice{word(once[0].term)};
      case_folder->apply(twice, once[0].term);
      TokenList folded_again{word(once[0].folded)};
      accent_folder->apply(folded_again, once[0].folded);
      ++checked;
      if (twice[0].term != once[0].term || folded_again[0].folded != once[0].folded) {
        ++failures;
        UNSCOPED_INFO("not idempotent: " << line);
      }
    }
  }
  CHECK(failures == 0);
  CHECK(checked > 90000);
}
