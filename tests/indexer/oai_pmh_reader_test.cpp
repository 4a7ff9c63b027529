// OAI-PMH ListRecords harvests with oai_dc, and the ways a harvest goes wrong.
#include <catch2/catch.hpp>

#include "import_helpers.hpp"

using agora::index::ImportItem;
using agora::test::read_items;
using agora::test::TempDir;

namespace {
const char* kHarvest = R"(<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <responseDate>2026-01-01T00:00:00Z</responseDate>
  <request verb="ListRecords" metadataPrefix="oai_dc">https://oer.example.org/oai</request>
  <ListRecords>
    <record>
      <header><identifier>oai:oer.example.org:1</identifier><datestamp>2025-01-01</datestamp></header>
      <metadata>
        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
                   xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:title>Genossenschaften gründen</dc:title>
          <dc:description>Ein Kurs.</dc:description>
          <dc:identifier>urn:isbn:123</dc:identifier>
          <dc:identifier>https://oer.example.org/1</dc:identifier>
          <dc:language>de</dc:language>
          <dc:rights>CC-BY-4.0</dc:rights>
          <dc:type>course</dc:type>
          <dc:subject>cooperatives</dc:subject>
          <dc:subject>governance</dc:subject>
          <dc:creator>Anna Weber</dc:creator>
          <dc:date>2023-05-01</dc:date>
          <dc:relation>hasTranslation: https://oer.example.org/1-en</dc:relation>
          <dc:relation>isPartOf: https://oer.example.org/series</dc:relation>
          <dc:relation>IsTranslationOf:https://oer.example.org/original</dc:relation>
        </oai_dc:dc>
      </metadata>
    </record>
    <record>
      <header status="deleted"><identifier>oai:oer.example.org:2</identifier></header>
    </record>
  </ListRecords>
</OAI-PMH>
)";
}  // namespace

TEST_CASE("oai_dc records map to native fields — deleted records become deletions", "[oai]") {
  TempDir dir;
  const auto items = read_items(dir, "harvest.xml", kHarvest);
  REQUIRE(items.size() == 2);
  const auto& fields = items[0].fields;
  CHECK(fields["id"] == "oai:oer.example.org:1");
  CHECK(fields["title"] == "Genossenschaften gründen");
  CHECK(fields["url"] == "https://oer.example.org/1");
  CHECK(fields["inLanguage"] == "de");
  CHECK(fields["about"] == nlohmann::json::array({"cooperatives", "governance"}));
  CHECK(fields["author"] == nlohmann::json::array({"Anna Weber"}));
  CHECK(fields["collection"] == "oer.example.org");
  // Relations that name a translation are links to other versions; other relations are not.
  CHECK(fields["workTranslation"] == nlohmann::json::array({"https://oer.example.org/1-en",
                                                            "https://oer.example.org/original"}));
  CHECK(items[0].field_lines.at("workTranslation") == 22);
  CHECK(items[0].field_lines.at("title") == 11);
  CHECK(items[1].kind == ImportItem::Kind::deletion);
  CHECK(items[1].deleted_id == "oai:oer.example.org:2");
}

TEST_CASE("an OAI-PMH error response is a failure — noRecordsMatch is an empty harvest", "[oai]") {
  TempDir dir;
  const auto failed =
      read_items(dir, "error.xml",
                 "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n"
                 "<error code=\"badResumptionToken\">The token has expired</error></OAI-PMH>");
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].kind == ImportItem::Kind::failure);
  CHECK_THAT(failed[0].failure.message, Catch::Contains("badResumptionToken"));
  CHECK_THAT(failed[0].failure.message, Catch::Contains("expired"));
  CHECK(failed[0].where.line == 2);
  const auto empty = read_items(
      dir, "empty.xml", "<OAI-PMH><error code=\"noRecordsMatch\">nothing new</error></OAI-PMH>");
  CHECK(empty.empty());
}

TEST_CASE("malformed XML and foreign XML are failures with a line", "[oai]") {
  TempDir dir;
  const auto malformed =
      read_items(dir, "bad.xml", "<OAI-PMH>\n<ListRecords>\n<record>\n</OAI-PMH>");
  REQUIRE(malformed.size() == 1);
  CHECK(malformed[0].failure.field == "xml");
  CHECK(malformed[0].where.line >= 3);
  const auto foreign = read_items(dir, "rss.xml", "<rss><channel/></rss>");
  CHECK_THAT(foreign[0].failure.message, Catch::Contains("<rss>"));
}

TEST_CASE("a harvest that is not UTF-8 is refused with its line", "[oai]") {
  TempDir dir;
  const auto items =
      read_items(dir, "latin1.xml", "<OAI-PMH>\n<ListRecords>\n<dc:title>Caf\xE9</dc:title>");
  REQUIRE(items.size() == 1);
  CHECK(items[0].failure.field == "encoding");
  CHECK(items[0].where.line == 3);
}

TEST_CASE("IEEE LOM records map to native fields", "[oai][lom]") {
  TempDir dir;
  const char* lom = R"(<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <responseDate>2026-01-01T00:00:00Z</responseDate>
  <ListRecords>
    <record>
      <header><identifier>oai:lom.example.org:7</identifier></header>
      <metadata>
        <lom xmlns="http://ltsc.ieee.org/xsd/LOM">
          <general>
            <title><string language="en">Running a food co-op</string><string language="fr">Gérer une coopérative alimentaire</string></title>
            <language>fr</language>
            <description><string language="fr">Un guide pratique.</string></description>
            <keyword><string language="fr">alimentation</string></keyword>
            <keyword><string language="fr">coopérative</string></keyword>
          </general>
          <lifeCycle>
            <contribute>
              <role><source>LOMv1.0</source><value>author</value></role>
              <entity><![CDATA[BEGIN:VCARD
VERSION:3.0
FN:Claire Martin
END:VCARD]]></entity>
              <date><dateTime>2024-02-01</dateTime></date>
            </contribute>
            <contribute>
              <role><value>publisher</value></role>
              <entity>BEGIN:VCARD
FN:Coop Académie
END:VCARD</entity>
            </contribute>
          </lifeCycle>
          <technical><location>https://lom.example.org/food-coop</location></technical>
          <educational><learningResourceType><value>narrative text</value></learningResourceType></educational>
          <rights><description><string language="x-none">https://creativecommons.org/licenses/by/4.0/</string></description></rights>
          <classification><taxonPath><taxon><entry><string language="fr">économie sociale</string></entry></taxon></taxonPath></classification>
        </lom>
      </metadata>
    </record>
  </ListRecords>
</OAI-PMH>
)";
  const auto items = read_items(dir, "lom.xml", lom);
  REQUIRE(items.size() == 1);
  const auto& fields = items[0].fields;
  CHECK(fields["id"] == "oai:lom.example.org:7");
  CHECK(fields["title"] == "Gérer une coopérative alimentaire");  // the record's language
  CHECK(fields["inLanguage"] == "fr");
  CHECK(fields["description"] == "Un guide pratique.");
  CHECK(fields["keywords"] == nlohmann::json::array({"alimentation", "coopérative"}));
  CHECK(fields["author"] == nlohmann::json::array({"Claire Martin"}));
  CHECK(fields["publisher"] == "Coop Académie");
  CHECK(fields["datePublished"] == "2024-02-01");
  CHECK(fields["url"] == "https://lom.example.org/food-coop");
  CHECK(fields["learningResourceType"] == nlohmann::json::array({"narrative text"}));
  CHECK(fields["license"] == "https://creativecommons.org/licenses/by/4.0/");
  CHECK(fields["about"] == nlohmann::json::array({"économie sociale"}));
  CHECK(fields["collection"] == "lom.example.org");
}
