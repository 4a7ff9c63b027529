// Language identification for text whose language nobody declared (CLD2).
#pragma once

#include <string>
#include <string_view>

namespace agora::analyzers {

/// The outcome of identifying a text's language.
struct Detection {
  std::string language = "und";  ///< canonical BCP-47 tag, "und" when unknown
  double confidence = 0.0;       ///< 0..1: share of the text in that language, 0 when unknown
  bool reliable = false;         ///< CLD2's verdict, and enough text to trust it
};

/// Identifies languages with CLD2. Stateless and thread-safe.
class LanguageDetector {
 public:
  /// Texts shorter than this many bytes of letters are "und": a few words are not
  /// enough to tell Spanish from Galician or Danish from Norwegian.
  static constexpr int kMinimumLetterBytes = 24;

  /// Detects the dominant language of UTF-8 `text` (invalid UTF-8 yields "und").
  Detection detect(std::string_view text) const;
};

}  // namespace agora::analyzers
