// NFKC + full case folding through ICU's nfkc_cf normaliser, with an ASCII fast path.
#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "../utf8.hpp"
#include "agora/analyzers/stages.hpp"
#include "agora/error.hpp"

namespace agora::analyzers {
namespace {

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw InternalError(std::string("ICU nfkc_cf: ") + u_errorName(status));
  return *normalizer;
}

class CaseFolder final : public TokenStage {
 public:
  CaseFolder() : normalizer_(nfkc_casefold()) {}

  std::string_view name() const override { return "nfkc_casefold"; }

  void transform(Token& token) const override {
    if (utf8::is_ascii(token.term)) {
      for (char& c : token.term) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      return;
    }
    UErrorCode status = U_ZERO_ERROR;
    if (normalizer_.isNormalizedUTF8(token.term, status) && U_SUCCESS(status)) return;
    status = U_ZERO_ERROR;
    std::string folded;
    icu::StringByteSink<std::string> sink(&folded, static_cast<int32_t>(token.term.size()));
    normalizer_.normalizeUTF8(0, token.term, sink, nullptr, status);
    if (U_FAILURE(status)) {
      throw InternalError(std::string("ICU nfkc_cf normalisation: ") + u_errorName(status));
    }
    token.term = std::move(folded);
  }

 private:
  const icu::Normalizer2& normalizer_;
};

class TurkicLowercaser final : public TokenStage {
 public:
  std::string_view name() const override { return "turkic_lowercase"; }

  void transform(Token& token) const override {
    // Only the capital I and İ fold differently in Turkish; everything else is left to
    // the case folder that follows.
    if (token.term.find('I') == std::string::npos &&
        token.term.find("\u0130") == std::string::npos) {
      return;
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(token.term);
    text.toLower(icu::Locale("tr"));
    token.term.clear();
    text.toUTF8String(token.term);
  }
};

}  // namespace

std::unique_ptr<Stage> make_case_folder() { return std::make_unique<CaseFolder>(); }
std::unique_ptr<Stage> make_turkic_lowercaser() { return std::make_unique<TurkicLowercaser>(); }

}  // namespace agora::analyzers
