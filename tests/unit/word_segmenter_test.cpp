// Word segmentation: UAX #29 words, dictionary segmentation, offsets and kinds.
#include <catch2/catch.hpp>

#include "agora/analyzers/word_segmenter.hpp"
#include "token_helpers.hpp"

using agora::analyzers::TokenKind;
using agora::analyzers::WordSegmenter;

TEST_CASE("words are cut at UAX #29 boundaries with byte offsets", "[segmenter]") {
  const std::string text = "Les coopératives, 2024!";
  const auto tokens = WordSegmenter("fr").tokens(text, "fr");
  REQUIRE(agora::test::terms(tokens) == std::vector<std::string>{"Les", "coopératives", "2024"});
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "coopératives");
  CHECK(tokens[2].kind == TokenKind::number);
  CHECK(tokens[2].position == 2);
  CHECK(tokens[1].script == USCRIPT_LATIN);
}

TEST_CASE("Thai, Lao, Khmer and Burmese are split by ICU dictionaries", "[segmenter]") {
  const auto thai = WordSegmenter("th").tokens("สหกรณ์การเกษตร", "th");
  CHECK(thai.size() >= 2);
  const auto khmer = WordSegmenter("km").tokens("សហករណ៍កសិកម្ម", "km");
  CHECK(khmer.size() >= 2);
}

TEST_CASE("Chinese and Japanese are split into words, marked ideographic", "[segmenter]") {
  const auto chinese = WordSegmenter("zh").tokens("我们学习合作社的历史", "zh");
  CHECK(chinese.size() >= 4);
  for (const auto& token : chinese) CHECK(token.kind == TokenKind::ideographic);
  const auto japanese = WordSegmenter("ja").tokens("協同組合について学びます", "ja");
  CHECK(japanese.size() >= 3);
}

TEST_CASE("segments cover the whole text, words and separators", "[segmenter]") {
  const std::string text = "a, b";
  const auto segments = WordSegmenter("").segments(text);
  REQUIRE(segments.size() == 4);
  CHECK(segments.front().begin == 0);
  CHECK(segments.back().end == text.size());
}

TEST_CASE("empty and ill-formed input do not crash", "[segmenter]") {
  CHECK(WordSegmenter("").tokens("", "und").empty());
  const std::string broken = "ab\xC3(cd\xFF";
  const auto tokens = WordSegmenter("").tokens(broken, "und");
  for (const auto& token : tokens) CHECK(token.end <= broken.size());
}
