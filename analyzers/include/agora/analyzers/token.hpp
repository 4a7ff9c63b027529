// A token: one searchable unit cut from a text, with its normalised forms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uscript.h>

namespace agora::analyzers {

/// What the segmenter recognised the token as.
enum class TokenKind : std::uint8_t {
  word,         ///< letters (alphabetic or dictionary-segmented words)
  number,       ///< digits, possibly with separators ("1,000", "3.14")
  ideographic,  ///< Han, kana or Hangul text
  part,         ///< a piece of a larger token at the same position (compound part, bigram)
};

/// One token of analysed text. Stages rewrite `term`, `folded` and `stem` in turn.
struct Token {
  std::string term;            ///< normalised form: NFKC, case-folded, script-specific cleanup
  std::string folded;          ///< `term` without accents; equal to `term` when nothing folds
  std::string stem;            ///< stemmed `term`; equal to `term` for languages without a stemmer
  std::size_t begin = 0;       ///< byte offset of the first source byte
  std::size_t end = 0;         ///< byte offset one past the last source byte
  std::uint32_t position = 0;  ///< word position; parts share the position of their whole
  TokenKind kind = TokenKind::word;
  UScriptCode script = USCRIPT_COMMON;  ///< script of the token's first letter
  std::string_view language;            ///< tag of the analyzer that produced the token
};

using TokenList = std::vector<Token>;

}  // namespace agora::analyzers
