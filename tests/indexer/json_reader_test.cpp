// Native JSON, JSON Lines and JSON-LD input, including broken files.
#include <catch2/catch.hpp>

#include "import_helpers.hpp"

using agora::index::ImportItem;
using agora::test::read_items;
using agora::test::TempDir;

TEST_CASE("JSON Lines: each line a record, broken lines reported with their number", "[json]") {
  TempDir dir;
  const auto items = read_items(dir, "feed.jsonl",
                                "{\"id\": \"a\", \"title\": \"One\"}\n"
                                "\n"
                                "{\"id\": \"b\", \"title\": \"Tw\n"
                                "[1, 2]\n"
                                "{\"id\": \"c\", \"title\": \"Three\"}\n");
  REQUIRE(items.size() == 4);
  CHECK(items[0].kind == ImportItem::Kind::record);
  CHECK(items[0].fields["title"] == "One");
  CHECK(items[1].kind == ImportItem::Kind::failure);
  CHECK(items[1].where.line == 3);
  CHECK(items[1].failure.field == "json");
  CHECK(items[2].kind == ImportItem::Kind::failure);
  CHECK(items[2].where.line == 4);
  CHECK(items[3].fields["id"] == "c");
  CHECK(items[3].where.line == 5);
}

TEST_CASE("a JSON array is located record by record", "[json]") {
  TempDir dir;
  const auto items = read_items(dir, "records.json",
                                "[\n  {\"id\": \"first\", \"title\": \"A\"},\n\n"
                                "  {\"id\": \"second\", \"title\": \"B\"}\n]\n");
  REQUIRE(items.size() == 2);
  CHECK(items[0].where.line == 2);
  CHECK(items[1].where.line == 4);
}

TEST_CASE("a truncated JSON file is one failure at the line where it breaks", "[json]") {
  TempDir dir;
  const auto items = read_items(dir, "broken.json", "[\n {\"id\": \"x\",\n  \"title\": ");
  REQUIRE(items.size() == 1);
  CHECK(items[0].kind == ImportItem::Kind::failure);
  CHECK(items[0].where.line == 3);
  CHECK_THAT(items[0].failure.message, Catch::Contains("unexpected end of input"));
}

TEST_CASE("JSON-LD graphs map schema.org properties to the native record", "[json]") {
  TempDir dir;
  const auto items = read_items(dir, "tools.json", R"({
  "@context": "https://schema.org",
  "@graph": [
    {"@type": "LearningResource", "@id": "https://tools.example.net/a", "identifier": "tool-a",
     "name": "Nextcloud for associations", "inLanguage": "en",
     "about": [{"@type": "Thing", "name": "open-source"}],
     "author": {"@type": "Person", "name": "Ada"},
     "isPartOf": {"@id": "urn:agora:work:nextcloud"}, "fundingBody": "EU"},
    {"@type": "Course", "name": "Governance", "url": "https://x.example.org/c"},
    {"@type": "Organization", "name": "Not a resource"}
  ]
})");
  REQUIRE(items.size() == 3);
  const auto& tool = items[0].fields;
  CHECK(tool["id"] == "tool-a");
  CHECK(tool["title"] == "Nextcloud for associations");
  CHECK(tool["url"] == "https://tools.example.net/a");
  CHECK(tool["about"] == nlohmann::json::array({"open-source"}));
  CHECK(tool["author"]["name"] == "Ada");
  CHECK(tool["work"] == "nextcloud");
  CHECK(tool["fundingBody"] == "EU");  // unknown properties are kept
  CHECK(items[1].fields["learningResourceType"] == "course");
  CHECK(items[2].kind == ImportItem::Kind::failure);
  CHECK(items[2].failure.field == "@type");
}

TEST_CASE("JSON-LD workTranslation and translationOfWork become links to other versions",
          "[json]") {
  TempDir dir;
  const auto items = read_items(dir, "versions.json", R"([
    {"@type": "Article", "@id": "https://ex.org/en/a", "name": "Budgets", "inLanguage": "en",
     "workTranslation": [{"@type": "Article", "@id": "https://ex.org/fr/a"}, "https://ex.org/de/a"]},
    {"@type": "Article", "@id": "https://ex.org/fr/a", "name": "Budgets", "inLanguage": "fr",
     "translationOfWork": {"@id": "https://ex.org/en/a"}},
    {"@type": "Article", "@id": "https://ex.org/es/a", "name": "Presupuestos", "inLanguage": "es",
     "translationOfWork": {"@id": "urn:agora:work:budgets"}}
  ])");
  REQUIRE(items.size() == 3);
  CHECK(items[0].fields["workTranslation"] ==
        nlohmann::json::array({"https://ex.org/fr/a", "https://ex.org/de/a"}));
  CHECK_FALSE(items[0].fields.contains("work"));
  // A translation of another resource links to it; a translation of a named work is in it.
  CHECK(items[1].fields["workTranslation"] == nlohmann::json::array({"https://ex.org/en/a"}));
  CHECK_FALSE(items[1].fields.contains("work"));
  CHECK(items[2].fields["work"] == "budgets");
  CHECK_FALSE(items[2].fields.contains("workTranslation"));
}

TEST_CASE("invalid UTF-8 is refused with its line", "[json]") {
  TempDir dir;
  const auto items = read_items(dir, "latin1.jsonl",
                                "{\"id\": \"a\"}\n{\"title\": \"caf\xE9\"}\n{\"id\": \"c\"}\n");
  // JSON Lines are read line by line: the bad line is refused, the others still come.
  REQUIRE(items.size() == 3);
  CHECK(items[0].kind == ImportItem::Kind::record);
  CHECK(items[1].failure.field == "encoding");
  CHECK(items[1].where.line == 2);
  CHECK(items[2].fields["id"] == "c");
  const auto document = read_items(dir, "latin1.json", "[\n{\"title\": \"caf\xE9\"}\n]\n");
  REQUIRE(document.size() == 1);
  CHECK(document[0].failure.field == "encoding");
  CHECK(document[0].where.line == 2);
}

TEST_CASE("the jsonl format reads any file as JSON Lines — .ndjson is JSON Lines", "[json]") {
  TempDir dir;
  const std::string lines = "{\"id\": \"a\"}\n{\"id\": \"b\"}\n";
  agora::index::ReadOptions forced;
  forced.format = "jsonl";
  CHECK(read_items(dir, "feed.txt.json", lines, forced).size() == 2);
  CHECK(read_items(dir, "feed.ndjson", lines).size() == 2);
}
