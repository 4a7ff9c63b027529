// Supported languages. Adding one: a row here and a golden file under tests/golden/<tag>/.
// The build reads the stopword sources from this table too (tools/stopword_plan.cpp).
#include "language_profiles.hpp"

namespace agora::analyzers {

const std::vector<LanguageProfile>& language_profiles() {
  // A table, one language a row: kept as written rather than one field a line.
  // clang-format off
  static const std::vector<LanguageProfile> profiles = {
      // Languages with a Snowball stemmer.
      {.tag = "ar", .name = "Arabic", .snowball = "arabic", .cleanup = ScriptCleanup::arabic, .stopwords = StopwordSource::stopwords_iso},
      {.tag = "ca", .name = "Catalan", .snowball = "catalan",
       .elided_articles = {"l", "d", "s", "m", "n", "t"}, .stopwords = StopwordSource::stopwords_iso},
      {.tag = "da", .name = "Danish", .snowball = "danish", .stopwords = StopwordSource::snowball},
      {.tag = "de", .name = "German", .snowball = "german", .stopwords = StopwordSource::snowball},
      {.tag = "el", .name = "Greek", .snowball = "greek", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "en", .name = "English", .snowball = "english", .stopwords = StopwordSource::snowball},
      {.tag = "es", .name = "Spanish", .snowball = "spanish", .stopwords = StopwordSource::snowball},
      {.tag = "eu", .name = "Basque", .snowball = "basque", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "fi", .name = "Finnish", .snowball = "finnish", .stopwords = StopwordSource::snowball},
      {.tag = "fr", .name = "French", .snowball = "french",
       .elided_articles = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu",
                           "jusqu", "quoiqu"}, .stopwords = StopwordSource::snowball},
      {.tag = "ga", .name = "Irish", .snowball = "irish", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "hi", .name = "Hindi", .snowball = "hindi", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "hu", .name = "Hungarian", .snowball = "hungarian", .stopwords = StopwordSource::snowball},
      {.tag = "hy", .name = "Armenian", .snowball = "armenian", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "id", .name = "Indonesian", .snowball = "indonesian", .aliases = {"ms"}, .stopwords = StopwordSource::snowball},
      {.tag = "it", .name = "Italian", .snowball = "italian",
       .elided_articles = {"l", "d", "c", "s", "m", "t", "v", "un", "all", "dall", "dell",
                           "nell", "sull", "coll", "pell", "quest", "quell", "bell"}, .stopwords = StopwordSource::snowball},
      {.tag = "lt", .name = "Lithuanian", .snowball = "lithuanian", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "ne", .name = "Nepali", .snowball = "nepali"},
      {.tag = "nl", .name = "Dutch", .snowball = "dutch", .stopwords = StopwordSource::snowball},
      {.tag = "no", .name = "Norwegian", .snowball = "norwegian", .aliases = {"nb", "nn"}, .stopwords = StopwordSource::snowball},
      {.tag = "pt", .name = "Portuguese", .snowball = "portuguese", .stopwords = StopwordSource::snowball},
      {.tag = "ro", .name = "Romanian", .snowball = "romanian", .stopwords = StopwordSource::snowball},
      {.tag = "ru", .name = "Russian", .snowball = "russian", .stopwords = StopwordSource::snowball},
      {.tag = "sr", .name = "Serbian", .snowball = "serbian", .aliases = {"hr", "bs", "sh"}},
      {.tag = "sv", .name = "Swedish", .snowball = "swedish", .stopwords = StopwordSource::snowball},
      {.tag = "ta", .name = "Tamil", .snowball = "tamil"},
      {.tag = "tr", .name = "Turkish", .snowball = "turkish", .turkic_case = true, .stopwords = StopwordSource::stopwords_iso},
      {.tag = "yi", .name = "Yiddish", .snowball = "yiddish"},
      // Languages without a Snowball stemmer: segmentation, normalisation and stopwords.
      {.tag = "az", .name = "Azerbaijani", .turkic_case = true},
      {.tag = "cs", .name = "Czech", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "fa", .name = "Persian", .cleanup = ScriptCleanup::persian, .stopwords = StopwordSource::stopwords_iso},
      {.tag = "he", .name = "Hebrew", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "ja", .name = "Japanese", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "km", .name = "Khmer"},
      {.tag = "ko", .name = "Korean", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "lo", .name = "Lao"},
      {.tag = "my", .name = "Burmese"},
      {.tag = "pl", .name = "Polish", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "th", .name = "Thai", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "uk", .name = "Ukrainian", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "vi", .name = "Vietnamese", .stopwords = StopwordSource::stopwords_iso},
      {.tag = "zh", .name = "Chinese", .stopwords = StopwordSource::stopwords_iso},
      // Fallbacks for languages we have no entry for.
      {.tag = "und-Arab", .name = "Arabic script", .cleanup = ScriptCleanup::arabic},
      {.tag = "und", .name = "Language-neutral"},
  };
  // clang-format on
  return profiles;
}

}  // namespace agora::analyzers
