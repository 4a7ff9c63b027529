// Unicode's WordBreakTest.txt: our segmenter (before our merges) agrees on every line.
#include <catch2/catch.hpp>

#include <sstream>

#include "agora/analyzers/word_segmenter.hpp"
#include "data_files.hpp"

using agora::analyzers::WordSegmenter;

namespace {

// One test line: the text, and the byte offsets where a boundary must be.
struct BreakCase {
  std::string text;
  std::vector<std::size_t> boundaries;
  bool encodable = true;  // surrogate code points cannot be written as UTF-8
};

// "÷ 0041 × 0308 ÷ 0020 ÷	# comment": ÷ marks a boundary, × marks none.
BreakCase parse_line(const std::string& line) {
  BreakCase parsed;
  std::istringstream fields(line.substr(0, line.find('#')));
  for (std::string field; fields >> field;) {
    if (field == "\xC3\xB7") {  // ÷
      parsed.boundaries.push_back(parsed.text.size());
    } else if (field != "\xC3\x97") {  // not ×: a code point
      const auto c = static_cast<char32_t>(std::stoul(field, nullptr, 16));
      if (c >= 0xD800 && c <= 0xDFFF) parsed.encodable = false;
      agora::test::append_utf8(parsed.text, c);
    }
  }
  return parsed;
}

}  // namespace

TEST_CASE("segmentation agrees with WordBreakTest.txt on every line", "[conformance]") {
  std::ifstream file = agora::test::open_data_file(
      agora::test::unicode_data_dir() + "/auxiliary/WordBreakTest.txt", "unicode-data");
  const WordSegmenter segmenter("");
  const WordSegmenter colon_as_mid_letter("sv");
  auto boundaries = [](const WordSegmenter& rules, const std::string& text) {
    std::vector<std::size_t> found{0};
    for (const auto& segment : rules.segments(text)) found.push_back(segment.end);
    return found;
  };
  int checked = 0, disagreements = 0, colon_tailoring = 0, unencodable = 0, line_number = 0;
  for (std::string line; std::getline(file, line);) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const BreakCase expected = parse_line(line);
    if (!expected.encodable) {
      ++unencodable;
      continue;
    }
    ++checked;
    if (boundaries(segmenter, expected.text) == expected.boundaries) continue;
    if (expected.text.find(':') != std::string::npos &&
        boundaries(colon_as_mid_letter, expected.text) == expected.boundaries) {
      ++colon_tailoring;
    } else {
      ++disagreements;
      UNSCOPED_INFO("WordBreakTest.txt:" << line_number << ": " << line);
    }
  }
  INFO(checked << " lines checked, " << unencodable << " skipped (surrogates in UTF-8)");
  WARN(colon_tailoring << " of " << checked << " lines differ only by CLDR's colon tailoring");
  CHECK(disagreements == 0);
  CHECK(checked > 1800);
}
