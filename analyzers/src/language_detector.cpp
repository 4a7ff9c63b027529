// CLD2 behind a small interface: honest "und" for short or ambiguous text.
#include "agora/analyzers/language_detector.hpp"

#include <cld2/public/compact_lang_det.h>

#include "agora/analyzers/language_tag.hpp"
#include "agora/error.hpp"

namespace CLD2 {
// Declared in CLD2's internal lang_script.h, which the Debian package ships but does not
// let us include on its own; the symbol is exported by the library.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace agora::analyzers {

Detection LanguageDetector::detect(std::string_view text) const {
  Detection result;
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::Language language = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, nullptr, 0, top3,
      percent3, scores3, nullptr, &text_bytes, &reliable, &valid_prefix);
  if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) return result;
  if (!reliable || text_bytes < kMinimumLetterBytes) return result;
  try {
    result.language = parse_language_tag(CLD2::LanguageCode(language)).canonical;
  } catch (const InvalidInput&) {
    return result;  // CLD2 pseudo-languages ("xx-Qaai") are not languages we can index
  }
  result.confidence = percent3[0] / 100.0;
  result.reliable = true;
  return result;
}

}  // namespace agora::analyzers
