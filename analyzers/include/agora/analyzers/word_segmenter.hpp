// Word segmentation with ICU's BreakIterator (UAX #29 plus dictionaries for CJK and SE Asian
// scripts).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agora/analyzers/token.hpp"

namespace agora::analyzers {

/// A span between two consecutive word boundaries, with ICU's rule status for it.
struct Segment {
  std::size_t begin = 0;         ///< byte offset
  std::size_t end = 0;           ///< byte offset, exclusive
  std::int32_t rule_status = 0;  ///< UBRK_WORD_* range the span falls in
};

/// Splits UTF-8 text at word boundaries using the rules of one ICU locale.
/// Thread-safe: each thread lazily gets its own BreakIterator.
class WordSegmenter {
 public:
  /// `icu_locale` selects locale-specific rules (e.g. "th", "ja", "" for root).
  explicit WordSegmenter(std::string icu_locale);

  /// Every span between boundaries, words and non-words alike.
  std::vector<Segment> segments(std::string_view utf8) const;

  /// The word-like spans (letters, numbers, kana, ideographs) as tokens whose `term` is the
  /// raw source text; positions count up from 0.
  TokenList tokens(std::string_view utf8, std::string_view language) const;

  const std::string& locale() const { return locale_; }

 private:
  std::string locale_;
};

/// Script of the first letter or digit of `utf8` (USCRIPT_COMMON when none).
UScriptCode script_of(std::string_view utf8);

}  // namespace agora::analyzers
