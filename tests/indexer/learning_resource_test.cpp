// Stored records written as JSON-LD: schema.org for pages, AMB for other portals, and AMB
// read back by the JSON-LD reader as the same record.
#include <catch2/catch.hpp>

#include "agora/index/learning_resource.hpp"
#include "agora/index/record_builder.hpp"
#include "json_ld.hpp"

using namespace agora::index;
using nlohmann::json;

namespace {

const json kStored = {
    {"id", "mutual-aid-en"},
    {"url", "https://learn.example.org/en/mutual-aid"},
    {"title", "Mutual aid for neighbourhood groups"},
    {"description", "How neighbours organise help."},
    {"inLanguage", "en"},
    {"license", "CC-BY-SA-4.0"},
    {"work", "mutual-aid"},
    {"author", "Ada Example"},
    {"publisher", {{{"name", "Commons Press"}, {"type", "Organization"}}}},
    {"keywords", {"care", "solidarity"}},
    {"about",
     {"cooperatives",
      {{"id", "https://w3id.org/kim/hochschulfaechersystematik/n105"},
       {"prefLabel", {{"de", "Mathematik"}, {"en", "Mathematics"}}}}}},
    {"educationalLevel", "beginner"},
    {"learningResourceType", {"guide", "video"}},
    {"aggregateRating", {{"ratingValue", 4.5}, {"ratingCount", 2}}},
};

}  // namespace

TEST_CASE("licence ids become the addresses normalise_license reads back") {
  CHECK(license_url("CC-BY-SA-4.0") == "https://creativecommons.org/licenses/by-sa/4.0/");
  CHECK(license_url("CC-BY-NC-ND-3.0") == "https://creativecommons.org/licenses/by-nc-nd/3.0/");
  CHECK(license_url("CC0-1.0") == "https://creativecommons.org/publicdomain/zero/1.0/");
  CHECK(license_url("PDM-1.0") == "https://creativecommons.org/publicdomain/mark/1.0/");
  CHECK(license_url("MIT") == "https://spdx.org/licenses/MIT.html");
  for (const char* id : {"CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-SA-4.0", "CC0-1.0", "PDM-1.0"}) {
    CHECK(normalise_license(license_url(id)) == std::optional<std::string>(id));
  }
}

TEST_CASE("schema.org: a LearningResource with the learner's labels and the other versions") {
  const json node = learning_resource(
      kStored, {JsonLdProfile::schema_org,
                "de",
                "https://agora.example/resource/mutual-aid-en",
                {{"mutual-aid-fr", "Entraide", "https://learn.example.org/fr/entraide", "fr"}}});
  CHECK(node["@context"] == "https://schema.org");
  CHECK(node["@type"] == "LearningResource");
  CHECK(node["name"] == "Mutual aid for neighbourhood groups");
  CHECK(node["license"] == "https://creativecommons.org/licenses/by-sa/4.0/");
  CHECK(node["mainEntityOfPage"] == "https://agora.example/resource/mutual-aid-en");
  CHECK(node["about"][0] == "cooperatives");
  CHECK(node["about"][1] == json({{"@type", "DefinedTerm"},
                                  {"@id", "https://w3id.org/kim/hochschulfaechersystematik/n105"},
                                  {"name", "Mathematik"}}));
  CHECK(node["creator"] == json::array({{{"@type", "Person"}, {"name", "Ada Example"}}}));
  CHECK(node["publisher"][0]["@type"] == "Organization");
  CHECK(node["aggregateRating"]["ratingValue"] == 4.5);
  CHECK(node["aggregateRating"]["bestRating"] == 5);
  REQUIRE(node["workTranslation"].size() == 1);
  CHECK(node["workTranslation"][0]["inLanguage"] == "fr");
  CHECK(node["workTranslation"][0]["url"] == "https://learn.example.org/fr/entraide");
  CHECK_FALSE(node.contains("type"));
}

TEST_CASE("AMB: its context and keywords, concepts only, HCRT for Agora's resource types") {
  const json node = learning_resource(kStored, JsonLdOptions::of(JsonLdProfile::amb));
  CHECK(node["@context"][0] == "https://w3id.org/kim/amb/context.jsonld");
  CHECK(node["@context"][1]["@language"] == "en");
  CHECK(node["id"] == "https://learn.example.org/en/mutual-aid");
  CHECK(node["type"] == json::array({"LearningResource"}));
  CHECK(node["inLanguage"] == json::array({"en"}));
  CHECK(node["license"] == json({{"id", "https://creativecommons.org/licenses/by-sa/4.0/"}}));
  CHECK(node["about"].size() == 1);
  CHECK(node["about"][0]["prefLabel"]["en"] == "Mathematics");
  CHECK(
      node["learningResourceType"] ==
      json::array({{{"id", "https://w3id.org/kim/hcrt/text"}, {"prefLabel", {{"en", "Text"}}}},
                   {{"id", "https://w3id.org/kim/hcrt/video"}, {"prefLabel", {{"en", "Video"}}}}}));
  CHECK_FALSE(node.contains("educationalLevel"));
  CHECK(node["keywords"] == json::array({"care", "solidarity", "cooperatives", "beginner"}));
  CHECK(node["creator"] == json::array({{{"type", "Person"}, {"name", "Ada Example"}}}));
  CHECK_FALSE(node.contains("@type"));
}

TEST_CASE("AMB read back by the JSON-LD reader keeps id, address, licence, work and concepts") {
  const JsonLdMapping mapped =
      native_from_json_ld(learning_resource(kStored, JsonLdOptions::of(JsonLdProfile::amb)));
  REQUIRE(mapped.error.empty());
  const json& fields = *mapped.fields;
  CHECK(fields["id"] == "mutual-aid-en");
  CHECK(fields["url"] == "https://learn.example.org/en/mutual-aid");
  CHECK(fields["title"] == "Mutual aid for neighbourhood groups");
  CHECK(fields["inLanguage"] == "en");
  CHECK(normalise_license(fields["license"].get<std::string>()) ==
        std::optional<std::string>("CC-BY-SA-4.0"));
  CHECK(fields["work"] == "mutual-aid");
  CHECK(fields["about"][0]["id"] == "https://w3id.org/kim/hochschulfaechersystematik/n105");
  CHECK(fields["author"][0]["name"] == "Ada Example");
}
