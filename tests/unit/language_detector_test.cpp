// Language identification: confident on paragraphs, honest on a few words.
#include <catch2/catch.hpp>

#include "agora/analyzers/language_detector.hpp"

using agora::analyzers::LanguageDetector;

TEST_CASE("paragraphs are identified with high confidence", "[detect]") {
  const LanguageDetector detector;
  const auto french = detector.detect(
      "Une coopérative est une association autonome de personnes volontairement réunies pour "
      "satisfaire leurs aspirations et besoins économiques, sociaux et culturels communs.");
  CHECK(french.language == "fr");
  CHECK(french.reliable);
  CHECK(french.confidence > 0.8);
  const auto greek = detector.detect(
      "Ο συνεταιρισμός είναι μια αυτόνομη ένωση προσώπων που ενώνονται εθελοντικά για να "
      "ικανοποιήσουν τις κοινές οικονομικές, κοινωνικές και πολιτιστικές ανάγκες τους.");
  CHECK(greek.language == "el");
  const auto hebrew = detector.detect(
      "קואופרטיב הוא התאגדות אוטונומית של בני אדם המתאחדים מרצונם כדי לספק את צורכיהם "
      "הכלכליים, החברתיים והתרבותיים המשותפים.");
  CHECK(hebrew.language == "he");  // CLD2 says "iw"; we answer in current BCP-47
}

TEST_CASE("a few words are 'und', not a guess", "[detect]") {
  const LanguageDetector detector;
  const auto few = detector.detect("hola amigo");
  CHECK(few.language == "und");
  CHECK(few.confidence == 0.0);
  CHECK_FALSE(few.reliable);
  CHECK(detector.detect("").language == "und");
  CHECK(detector.detect("12345 67890 !!! ???").language == "und");
}

TEST_CASE("invalid UTF-8 is 'und'", "[detect]") {
  CHECK(LanguageDetector().detect("\xFF\xFE coopérative \xC3").language == "und");
}
