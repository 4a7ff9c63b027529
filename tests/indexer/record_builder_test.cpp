// Record validation: every field checked, errors named by field and line.
#include <catch2/catch.hpp>

#include "agora/index/record_builder.hpp"

using namespace agora::index;
using nlohmann::json;

namespace {

ImportItem item_of(json fields) {
  ImportItem item;
  item.where = {"input.jsonl", 7};
  item.fields = std::move(fields);
  return item;
}

json valid() {
  return {{"id", "coop-101"},
          {"url", "https://learn.example.org/coop"},
          {"title", "Co-operatives 101"},
          {"inLanguage", "pt_BR"},
          {"license", "https://creativecommons.org/licenses/by-sa/4.0/"},
          {"learningResourceType", "Course, Video"},
          {"educationalLevel", "beginner"},
          {"keywords", "co-operatives, governance , "},
          {"about", {"Cooperatives"}},
          {"author", {{{"name", "Ana"}}, "Bruno"}},
          {"datePublished", "2024-03-12"},
          {"fundingProgramme", "Erasmus+"}};
}

const agora::analyzers::LanguageDetector detector;

}  // namespace

TEST_CASE("a valid record is normalised", "[record]") {
  const BuiltRecord built = build_record(item_of(valid()), "agora-samples", detector);
  REQUIRE(built.errors.empty());
  const Record& record = *built.record;
  CHECK(record.language == "pt-BR");
  CHECK(record.license == "CC-BY-SA-4.0");
  CHECK(record.types == std::vector<std::string>{"course", "video"});
  CHECK(record.levels == std::vector<std::string>{"beginner"});
  CHECK(record.keywords == std::vector<std::string>{"co-operatives", "governance"});
  CHECK(record.subjects == std::vector<std::string>{"cooperatives"});
  CHECK(record.authors == std::vector<std::string>{"Ana", "Bruno"});
  CHECK(record.collection == "agora-samples");
  CHECK(record.stored["fundingProgramme"] == "Erasmus+");  // unknown fields are kept
  CHECK(record.stored["license"] == "CC-BY-SA-4.0");
}

TEST_CASE("every bad field is reported, with the line where it was written", "[record]") {
  json fields = valid();
  fields.erase("title");
  fields["id"] = "has spaces";
  fields["url"] = "ftp://example.org/x";
  fields["inLanguage"] = "not a tag!";
  fields["license"] = "all rights reserved, ask us";
  fields["educationalLevel"] = "expert";
  fields["datePublished"] = "12/03/2024";
  fields["keywords"] = 42;
  ImportItem item = item_of(fields);
  item.field_lines["url"] = 9;
  const BuiltRecord built = build_record(item, "", detector);
  CHECK_FALSE(built.record);
  std::map<std::string, int> lines;
  for (const FieldError& error : built.errors) lines[error.field] = error.line;
  for (const char* field : {"title", "id", "url", "inLanguage", "license", "educationalLevel",
                            "datePublished", "keywords"}) {
    INFO(field);
    CHECK(lines.count(field) == 1);
  }
  CHECK(lines["url"] == 9);
  CHECK(lines["title"] == 7);
  CHECK(format_error(item.where, built.errors.front()) ==
        "input.jsonl:7: " + built.errors.front().field + ": " + built.errors.front().message);
}

TEST_CASE("a missing language is detected and marked as detected", "[record]") {
  json fields = valid();
  fields.erase("inLanguage");
  fields["description"] =
      "As cooperativas são empresas de propriedade dos seus membros, que decidem em conjunto "
      "sobre os objetivos, a distribuição dos excedentes e a forma de organizar o trabalho.";
  const BuiltRecord built = build_record(item_of(fields), "", detector);
  REQUIRE(built.record);
  CHECK(built.record->language == "pt");
  CHECK(built.record->language_detected);
  CHECK(built.record->stored["languageDetected"]["inLanguage"] == "pt");
}

TEST_CASE("licenses: SPDX ids pass, Creative Commons URLs map to them", "[record]") {
  CHECK(normalise_license("CC-BY-4.0") == "CC-BY-4.0");
  CHECK(normalise_license("CC BY-NC-SA 4.0") == "CC-BY-NC-SA-4.0");
  CHECK(normalise_license("https://creativecommons.org/publicdomain/zero/1.0/") == "CC0-1.0");
  CHECK(normalise_license("http://creativecommons.org/licenses/by-nd/3.0/deed.fr") ==
        "CC-BY-ND-3.0");
  CHECK_FALSE(normalise_license("see our website"));
}

TEST_CASE("null fields mean absent — odd types in kept marks are ignored", "[record]") {
  json fields = valid();
  fields["description"] = nullptr;
  fields["license"] = nullptr;
  fields["languageDetected"] = {{"inLanguage", 5}, {"confidence", "high"}};
  const BuiltRecord built = build_record(item_of(fields), "", detector);
  REQUIRE(built.errors.empty());
  CHECK_FALSE(built.record->stored.contains("description"));
  CHECK_FALSE(built.record->language_detected);
}

TEST_CASE("dates: a time only after a full date", "[record]") {
  for (const char* bad : {"2024T::", "2024T10:30", "2024-13-01", "2024-02-40", "March 2024"}) {
    json fields = valid();
    fields["datePublished"] = bad;
    INFO(bad);
    CHECK_FALSE(build_record(item_of(fields), "", detector).record);
  }
  for (const char* good : {"2024", "2024-03", "2024-03-12", "2024-03-12T10:30:00Z"}) {
    json fields = valid();
    fields["datePublished"] = good;
    INFO(good);
    CHECK(build_record(item_of(fields), "", detector).record);
  }
}

TEST_CASE("a long undeclared text is detected even when cut inside a character", "[record]") {
  json fields = valid();
  fields.erase("inLanguage");
  std::string text;
  while (text.size() < 30000) {
    text += "Кооперативът е сдружение на хора, които заедно притежават и управляват предприятие. ";
  }
  fields["text"] = text;
  const BuiltRecord built = build_record(item_of(fields), "", detector);
  REQUIRE(built.record);
  CHECK(built.record->language == "bg");
}
