// The declarative table of supported languages: what each chain needs beyond the defaults.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace agora::analyzers {

/// Extra orthographic cleanup for a script, applied after case folding.
enum class ScriptCleanup { none, arabic, persian };

/// Where a language's stopword list comes from, both maintained upstream: the Snowball
/// project's lists (Lingua::StopWords), or the stopwords-iso collection.
enum class StopwordSource { none, snowball, stopwords_iso };

/// Everything that distinguishes one language's analyzer from another's.
struct LanguageProfile {
  std::string tag;                             ///< registry key, a BCP-47 language or "und-Script"
  std::string name;                            ///< English display name
  std::string snowball{};                      ///< libstemmer algorithm, empty when there is none
  std::vector<std::string> elided_articles{};  ///< without the apostrophe
  std::vector<std::string> aliases{};          ///< other tags that mean the same language
  bool turkic_case = false;  ///< dotted/dotless i rules, endings after apostrophes
  ScriptCleanup cleanup = ScriptCleanup::none;
  StopwordSource stopwords = StopwordSource::none;  ///< none: every word is searched
};

/// Every supported language, the neutral analyzer ("und") and script defaults ("und-Arab").
const std::vector<LanguageProfile>& language_profiles();

/// Stopword list for a registry tag: one word per line, empty when there is none.
/// Generated at build time from maintained lists (see scripts/generate-stopwords.pl).
std::string_view stopword_list(std::string_view tag);

}  // namespace agora::analyzers
