// Language tag parsing with ICU: well-formedness, CLDR alias canonicalisation, likely script.
#include "agora/analyzers/language_tag.hpp"

#include <algorithm>

#include <unicode/locid.h>

#include "agora/error.hpp"

namespace agora::analyzers {

LanguageTag parse_language_tag(std::string_view tag) {
  std::string text(tag);
  std::replace(text.begin(), text.end(), '_', '-');  // accept POSIX-style "pt_BR" too
  if (text.empty()) throw InvalidInput("empty language tag");
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(text, status);
  if (U_FAILURE(status) || locale.isBogus()) {
    throw InvalidInput("'" + std::string(tag) + "' is not a well-formed BCP-47 language tag");
  }
  // Maps deprecated codes to current ones (iw → he, in → id) as CLDR says.
  status = U_ZERO_ERROR;
  locale.canonicalize(status);
  if (U_FAILURE(status)) {
    throw InvalidInput("'" + std::string(tag) +
                       "' cannot be canonicalised: " + u_errorName(status));
  }
  LanguageTag parsed;
  parsed.language = *locale.getLanguage() ? locale.getLanguage() : "und";
  parsed.script = locale.getScript();
  parsed.region = locale.getCountry();
  status = U_ZERO_ERROR;
  parsed.canonical = locale.toLanguageTag<std::string>(status);
  icu::Locale likely = locale;
  status = U_ZERO_ERROR;
  likely.addLikelySubtags(status);
  if (U_SUCCESS(status)) parsed.likely_script = likely.getScript();
  return parsed;
}

}  // namespace agora::analyzers
