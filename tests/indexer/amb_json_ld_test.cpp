// AMB (the metadata profile OERSI publishes) and plain schema.org JSON-LD, read as records.
#include <fstream>

#include <catch2/catch.hpp>

#include "agora/index/record_builder.hpp"
#include "json_ld.hpp"

using namespace agora::index;
using nlohmann::json;

namespace {

json fixture(const std::string& name) {
  std::ifstream in(std::string(AGORA_SOURCE_DIR) + "/tests/fixtures/amb/" + name);
  REQUIRE(in);
  return json::parse(in);
}

BuiltRecord record_of(const json& node) {
  const JsonLdMapping mapped = native_from_json_ld(node);
  REQUIRE(mapped.error.empty());
  REQUIRE(mapped.fields);
  static const agora::analyzers::LanguageDetector detector;
  ImportItem item;
  item.where = {"amb.json", 1};
  item.fields = *mapped.fields;
  return build_record(item, "amb", detector);
}

}  // namespace

TEST_CASE("an AMB record is read whole", "[json-ld][amb]") {
  const BuiltRecord built = record_of(fixture("oersi-style.json"));
  for (const FieldError& error : built.errors) INFO(error.field << ": " << error.message);
  REQUIRE(built.errors.empty());
  const Record& record = *built.record;

  // "id" and "type" are the context's aliases of @id and @type.
  CHECK(record.id == "https://oer.example.org/kurs/lineare-algebra");
  CHECK(record.url == "https://oer.example.org/kurs/lineare-algebra");
  CHECK(record.title == "Lineare Algebra für Genossenschaftskassen");
  CHECK(record.language == "de");           // the first of the inLanguage list
  CHECK(record.license == "CC-BY-SA-4.0");  // from license.id

  // Concepts filter by their URI and keep their labels per language.
  const std::string maths = "https://w3id.org/kim/hochschulfaechersystematik/n105";
  CHECK(record.subjects == std::vector<std::string>{maths});
  CHECK(record.types == std::vector<std::string>{"https://w3id.org/kim/hcrt/course"});
  CHECK(record.levels ==
        std::vector<std::string>{"https://w3id.org/kim/educationalLevel/level_06"});
  REQUIRE(record.concept_labels.count(maths));
  CHECK(record.concept_labels.at(maths).at("de") == "Mathematik");
  CHECK(record.concept_labels.at(maths).at("en") == "Mathematics");
  CHECK(record.concept_labels.at(maths).at("uk") == "Математика");

  CHECK(record.authors == std::vector<std::string>{"Jana Beispiel", "Lernwerkstatt eG"});
  CHECK(record.publisher == "Offene Hochschule Nord");
  CHECK(record.date_published == "2023-09-01");

  // Stored as concepts, and what Agora does not index is kept for export.
  CHECK(record.stored["about"][0]["prefLabel"]["de"] == "Mathematik");
  CHECK(record.stored["isAccessibleForFree"] == true);
  CHECK(record.stored["contributor"][0]["name"] == "Karl Mitwirkend");
  CHECK(record.stored["mainEntityOfPage"][0]["id"] ==
        "https://portal.example.org/resources/lineare-algebra");
}

TEST_CASE("plain schema.org JSON-LD reads as it did", "[json-ld]") {
  const BuiltRecord built = record_of(fixture("schema-org-plain.json"));
  REQUIRE(built.errors.empty());
  CHECK(built.record->id == "https://learn.example.org/budgeting");
  CHECK(built.record->subjects == std::vector<std::string>{"financing"});
  CHECK(built.record->levels == std::vector<std::string>{"beginner"});
  CHECK(built.record->concept_labels.empty());
  CHECK(built.record->stored["educationalLevel"] == "beginner");  // a name stays a name
}

TEST_CASE("without an @context, type and id are the record's own fields", "[json-ld]") {
  // Only a context can alias the keywords; a bare "type" is not @type.
  const JsonLdMapping mapped =
      native_from_json_ld({{"@type", "Course"}, {"type", "workshop"}, {"name", "x"}});
  REQUIRE(mapped.fields);
  CHECK((*mapped.fields)["type"] == "workshop");
}

TEST_CASE("concepts are checked", "[record][amb]") {
  static const agora::analyzers::LanguageDetector detector;
  const auto errors_of = [&](const char* field, json value) {
    json fields = {
        {"id", "c"}, {"url", "https://x.example.org/c"}, {"title", "T"}, {"inLanguage", "en"}};
    fields[field] = std::move(value);
    return build_record(fields, "", detector).errors;
  };
  auto errors = errors_of("about", {{{"prefLabel", {{"en", "No id"}}}}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "about");
  CHECK_THAT(errors[0].message, Catch::Contains("\"id\" URI"));

  errors = errors_of("about",
                     {{{"id", "https://x.example.org/s"}, {"prefLabel", {{"not a tag!", "x"}}}}});
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].message, Catch::Contains("not a BCP-47"));

  errors = errors_of("educationalLevel", "Beginner");
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].message, Catch::Contains("lower case: 'beginner'"));

  errors = errors_of("educationalLevel", "expert");
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].message, Catch::Contains("not one of beginner"));

  errors = errors_of("isAccessibleForFree", "yes");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "isAccessibleForFree");
}

TEST_CASE("titles and descriptions are limited in characters, not bytes", "[record]") {
  static const agora::analyzers::LanguageDetector detector;
  const auto errors_of = [&](const std::string& title, const std::string& description) {
    return build_record({{"id", "c"},
                         {"url", "https://x.example.org/c"},
                         {"title", title},
                         {"description", description},
                         {"inLanguage", "zh"}},
                        "", detector)
        .errors;
  };
  std::string title;
  for (std::size_t i = 0; i < kMaxTitleCharacters; ++i) title += "合";  // 1,500 bytes
  CHECK(errors_of(title, "").empty());
  auto errors = errors_of(title + "作", "");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "title");
  CHECK_THAT(errors[0].message, Catch::Contains("501 characters"));

  errors = errors_of("T", std::string(kMaxDescriptionCharacters + 1, 'a'));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "description");
}
