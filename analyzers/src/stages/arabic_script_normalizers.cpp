// Arabic and Persian orthographic cleanup, the way Arabic-script readers expect search to behave.
#include "../utf8.hpp"
#include "agora/analyzers/stages.hpp"

namespace agora::analyzers {
namespace {

constexpr UChar32 kDrop = -1;

// Digits in Arabic-Indic (U+0660) and Extended Arabic-Indic (U+06F0) forms read as 0-9;
// NFKC leaves them alone.
UChar32 western_digit(UChar32 c) {
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  return c;
}

UChar32 arabic_form(UChar32 c) {
  if (c == 0x0640) return kDrop;                 // tatweel (kashida), pure stretching
  if (c >= 0x064B && c <= 0x065F) return kDrop;  // harakat: short vowels, shadda, sukun
  if (c == 0x0670) return kDrop;                 // superscript alef
  if (c >= 0x06D6 && c <= 0x06ED) return kDrop;  // Quranic annotation marks
  switch (c) {
    case 0x0622:  // alef with madda above
    case 0x0623:  // alef with hamza above
    case 0x0625:  // alef with hamza below
    case 0x0671:  // alef wasla
      return 0x0627;
    case 0x0649:  // alef maksura, written for final yeh in Egypt and elsewhere
      return 0x064A;
    default: return western_digit(c);
  }
}

UChar32 persian_form(UChar32 c) {
  switch (c) {
    case 0x064A:      // Arabic yeh
    case 0x0649:      // alef maksura
      return 0x06CC;  // Farsi yeh
    case 0x0643:      // Arabic kaf
      return 0x06A9;  // keheh, the Persian kaf
    case 0x06C0:      // heh with yeh above (ezafe)
    case 0x0629:      // teh marbuta in Arabic loanwords
      return 0x0647;
    case 0x200C:  // zero-width non-joiner: "می‌خواهم" and "میخواهم" are the same
                  // word
      return kDrop;
    default: return western_digit(c);
  }
}

template <UChar32 (*Map)(UChar32)>
class CodePointMapper final : public TokenStage {
 public:
  explicit CodePointMapper(std::string_view name) : name_(name) {}
  std::string_view name() const override { return name_; }

  void transform(Token& token) const override {
    if (utf8::is_ascii(token.term)) return;
    token.term = utf8::map_code_points(token.term, Map);
  }

 private:
  std::string_view name_;
};

}  // namespace

std::unique_ptr<Stage> make_arabic_normalizer() {
  return std::make_unique<CodePointMapper<arabic_form>>("arabic_normalize");
}

std::unique_ptr<Stage> make_persian_normalizer() {
  return std::make_unique<CodePointMapper<persian_form>>("persian_normalize");
}

}  // namespace agora::analyzers
