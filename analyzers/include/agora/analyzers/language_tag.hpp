// BCP-47 language tags, parsed and canonicalised by ICU.
#pragma once

#include <string>
#include <string_view>

namespace agora::analyzers {

/// The parts of a language tag the analyzers care about.
struct LanguageTag {
  std::string language;       ///< lower-case ISO 639 code ("pt", "zh"), "und" when absent
  std::string script;         ///< ISO 15924 code as written ("Hant"), may be empty
  std::string region;         ///< ISO 3166 or UN M.49 code as written ("BR"), may be empty
  std::string likely_script;  ///< the script ICU expects for the tag ("Latn" for "pt")
  std::string canonical;      ///< canonical BCP-47 form ("pt-BR", "he" for "iw")
};

/// Parses `tag` ("pt-BR", "zh_Hant_TW", "iw"). Throws agora::InvalidInput when the tag is
/// empty or not well-formed BCP-47.
LanguageTag parse_language_tag(std::string_view tag);

}  // namespace agora::analyzers
