// Supported languages. Adding one: a row here and a golden file under tests/golden/<tag>/.
#include "language_profiles.hpp"

namespace agora::analyzers {

const std::vector<LanguageProfile>& language_profiles() {
  // A table, one language a row: kept as written rather than one field a line.
  // clang-format off
  static const std::vector<LanguageProfile> profiles = {
      // Languages with a Snowball stemmer.
      {.tag = "ar", .name = "Arabic", .snowball = "arabic", .cleanup = ScriptCleanup::arabic},
      {.tag = "ca", .name = "Catalan", .snowball = "catalan",
       .elided_articles = {"l", "d", "s", "m", "n", "t"}},
      {.tag = "da", .name = "Danish", .snowball = "danish"},
      {.tag = "de", .name = "German", .snowball = "german"},
      {.tag = "el", .name = "Greek", .snowball = "greek"},
      {.tag = "en", .name = "English", .snowball = "english"},
      {.tag = "es", .name = "Spanish", .snowball = "spanish"},
      {.tag = "eu", .name = "Basque", .snowball = "basque"},
      {.tag = "fi", .name = "Finnish", .snowball = "finnish"},
      {.tag = "fr", .name = "French", .snowball = "french",
       .elided_articles = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu",
                           "jusqu", "quoiqu"}},
      {.tag = "ga", .name = "Irish", .snowball = "irish"},
      {.tag = "hi", .name = "Hindi", .snowball = "hindi"},
      {.tag = "hu", .name = "Hungarian", .snowball = "hungarian"},
      {.tag = "hy", .name = "Armenian", .snowball = "armenian"},
      {.tag = "id", .name = "Indonesian", .snowball = "indonesian", .aliases = {"ms"}},
      {.tag = "it", .name = "Italian", .snowball = "italian",
       .elided_articles = {"l", "d", "c", "s", "m", "t", "v", "un", "all", "dall", "dell",
                           "nell", "sull", "coll", "pell", "quest", "quell", "bell"}},
      {.tag = "lt", .name = "Lithuanian", .snowball = "lithuanian"},
      {.tag = "ne", .name = "Nepali", .snowball = "nepali"},
      {.tag = "nl", .name = "Dutch", .snowball = "dutch"},
      {.tag = "no", .name = "Norwegian", .snowball = "norwegian", .aliases = {"nb", "nn"}},
      {.tag = "pt", .name = "Portuguese", .snowball = "portuguese"},
      {.tag = "ro", .name = "Romanian", .snowball = "romanian"},
      {.tag = "ru", .name = "Russian", .snowball = "russian"},
      {.tag = "sr", .name = "Serbian", .snowball = "serbian", .aliases = {"hr", "bs", "sh"}},
      {.tag = "sv", .name = "Swedish", .snowball = "swedish"},
      {.tag = "ta", .name = "Tamil", .snowball = "tamil"},
      {.tag = "tr", .name = "Turkish", .snowball = "turkish", .turkic_case = true},
      {.tag = "yi", .name = "Yiddish", .snowball = "yiddish"},
      // Languages without a Snowball stemmer: segmentation, normalisation and stopwords.
      {.tag = "az", .name = "Azerbaijani", .turkic_case = true},
      {.tag = "cs", .name = "Czech"},
      {.tag = "fa", .name = "Persian", .cleanup = ScriptCleanup::persian},
      {.tag = "he", .name = "Hebrew"},
      {.tag = "ja", .name = "Japanese"},
      {.tag = "km", .name = "Khmer"},
      {.tag = "ko", .name = "Korean"},
      {.tag = "lo", .name = "Lao"},
      {.tag = "my", .name = "Burmese"},
      {.tag = "pl", .name = "Polish"},
      {.tag = "th", .name = "Thai"},
      {.tag = "uk", .name = "Ukrainian"},
      {.tag = "vi", .name = "Vietnamese"},
      {.tag = "zh", .name = "Chinese"},
      // Fallbacks for languages we have no entry for.
      {.tag = "und-Arab", .name = "Arabic script", .cleanup = ScriptCleanup::arabic},
      {.tag = "und", .name = "Language-neutral"},
  };
  // clang-format on
  return profiles;
}

}  // namespace agora::analyzers
