// Accent-folded forms ("educación" → "educacion") for Latin, Greek and Cyrillic terms.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "../utf8.hpp"
#include "agora/analyzers/stages.hpp"
#include "agora/analyzers/word_segmenter.hpp"
#include "agora/error.hpp"

namespace agora::analyzers {
namespace {

// Only alphabets where diacritics are optional in everyday typing are folded; removing
// combining marks from Devanagari, Thai or Hebrew would change the letters themselves.
bool has_optional_diacritics(UScriptCode script) {
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC;
}

// Letters with a stroke or ligatures have no canonical decomposition, yet readers type
// them as the plain letter(s).
const char16_t* plain_spelling(UChar32 c) {
  switch (c) {
    case 0x0142: return u"l";   // ł
    case 0x00F8: return u"o";   // ø
    case 0x0111: return u"d";   // đ
    case 0x0127: return u"h";   // ħ
    case 0x0167: return u"t";   // ŧ
    case 0x0131: return u"i";   // dotless ı
    case 0x00E6: return u"ae";  // æ
    case 0x0153: return u"oe";  // œ
    case 0x00F0: return u"d";   // ð
    case 0x00FE: return u"th";  // þ
    default: return nullptr;
  }
}

const icu::Normalizer2& instance(const icu::Normalizer2* (*get)(UErrorCode&)) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = get(status);
  if (U_FAILURE(status)) throw InternalError(std::string("ICU normaliser: ") + u_errorName(status));
  return *normalizer;
}

class AccentFolder final : public TokenStage {
 public:
  AccentFolder()
      : nfd_(instance(&icu::Normalizer2::getNFDInstance)),
        nfc_(instance(&icu::Normalizer2::getNFCInstance)) {}

  std::string_view name() const override { return "accent_fold"; }

  void transform(Token& token) const override {
    // The script is taken from the term, not the source: NFKC can turn a symbol (ℏ) into
    // a letter (ħ), and folding must not depend on how the letter was first written.
    if (utf8::is_ascii(token.term) || !has_optional_diacritics(script_of(token.term))) {
      token.folded = token.term;
      return;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed =
        nfd_.normalize(icu::UnicodeString::fromUTF8(token.term), status);
    icu::UnicodeString bare;
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 c = decomposed.char32At(i);
      i += U16_LENGTH(c);
      if (u_charType(c) == U_NON_SPACING_MARK) continue;
      if (const char16_t* plain = plain_spelling(c)) {
        bare.append(plain);
      } else {
        bare.append(c);
      }
    }
    const icu::UnicodeString composed = nfc_.normalize(bare, status);
    if (U_FAILURE(status)) throw InternalError(std::string("ICU fold: ") + u_errorName(status));
    token.folded.clear();
    composed.toUTF8String(token.folded);
  }

 private:
  const icu::Normalizer2& nfd_;
  const icu::Normalizer2& nfc_;
};

}  // namespace

std::unique_ptr<Stage> make_accent_folder() { return std::make_unique<AccentFolder>(); }

}  // namespace agora::analyzers
