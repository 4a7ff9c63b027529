// Stored records written as JSON-LD, in schema.org's vocabulary or in the AMB profile.
#include "agora/index/learning_resource.hpp"

#include <algorithm>
#include <regex>

#include "agora/base/text.hpp"
#include "agora/index/concept_labels.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

constexpr const char* kAmbContext = "https://w3id.org/kim/amb/context.jsonld";
constexpr const char* kHcrt = "https://w3id.org/kim/hcrt/";
// How a work key travels in JSON-LD; json_ld.cpp reads it back from exampleOfWork.
constexpr const char* kWorkUrn = "urn:agora:work:";

// Agora's resource types as the HCRT concepts AMB requires; guide and article are both
// texts there, a toolkit or a template is "other".
struct HcrtType {
  const char* agora;
  const char* hcrt;
  const char* label;  // HCRT's English prefLabel
};
constexpr HcrtType kHcrtTypes[] = {
    {"guide", "text", "Text"},
    {"article", "text", "Text"},
    {"course", "course", "Course"},
    {"video", "video", "Video"},
    {"book", "textbook", "Textbook"},
    {"exercise", "drill_and_practice", "Drill and Practice"},
    {"podcast", "audio", "Audio Recording"},
    {"presentation", "slide", "Presentation"},
    {"website", "web_page", "Web Page"},
    {"toolkit", "other", "Other"},
    {"template", "other", "Other"},
};

// The two profiles differ in how they spell JSON-LD's keywords.
struct Spelling {
  const char* type;
  const char* id;
};
Spelling spelling_of(JsonLdProfile profile) {
  return profile == JsonLdProfile::amb ? Spelling{"type", "id"} : Spelling{"@type", "@id"};
}

json as_list(const json& value) {
  if (value.is_null()) return json::array();
  return value.is_array() ? value : json::array({value});
}

bool is_concept(const json& value) { return value.is_object() && value.contains("id"); }

LabelsByLanguage labels_of(const json& concept_node) {
  LabelsByLanguage labels;
  const json& label = concept_node.value("prefLabel", json());
  if (label.is_string()) labels.emplace("und", label.get<std::string>());
  if (label.is_object()) {
    for (const auto& [language, text] : label.items()) {
      if (text.is_string()) labels.emplace(language, text.get<std::string>());
    }
  }
  return labels;
}

// Names as Person/Organization nodes; a bare name is a person for authors and
// contributors and an organisation for publishers, as it usually is.
json name_nodes(const json& names, const char* bare_type, Spelling spelling) {
  json nodes = json::array();
  for (const json& name : as_list(names)) {
    if (name.is_string()) {
      nodes.push_back({{spelling.type, bare_type}, {"name", name}});
    } else if (name.is_object() && name.contains("name")) {
      json node = {{spelling.type, name.value("type", name.value("@type", bare_type))},
                   {"name", name["name"]}};
      const json id = name.value("id", name.value("@id", json()));
      if (id.is_string()) node[spelling.id] = id;
      nodes.push_back(std::move(node));
    }
  }
  return nodes;
}

// Subjects, levels and types as schema.org reads them: concepts as DefinedTerms with the
// learner's label, everything else as text.
json schema_org_terms(const json& values, const std::string& language) {
  json terms = json::array();
  for (const json& value : as_list(values)) {
    if (is_concept(value)) {
      json term = {{"@type", "DefinedTerm"}, {"@id", value["id"]}};
      if (const auto label = label_for(labels_of(value), language)) term["name"] = *label;
      terms.push_back(std::move(term));
    } else if (value.is_string()) {
      terms.push_back(value);
    }
  }
  return terms;
}

// Keywords are a list once the record is built; a record read as it was written may still
// hold one text.
json keywords_of(const json& stored) { return as_list(stored.value("keywords", json())); }

// The fields both profiles write the same way.
void add_common(json& node, const json& stored, Spelling spelling) {
  for (const char* field :
       {"description", "datePublished", "dateModified", "isAccessibleForFree"}) {
    if (stored.contains(field)) node[field] = stored[field];
  }
  if (stored.contains("id")) node["identifier"] = stored["id"];
  if (json creators = name_nodes(stored.value("author", json()), "Person", spelling);
      !creators.empty()) {
    node["creator"] = std::move(creators);
  }
  if (json contributors = name_nodes(stored.value("contributor", json()), "Person", spelling);
      !contributors.empty()) {
    node["contributor"] = std::move(contributors);
  }
  if (json publishers = name_nodes(stored.value("publisher", json()), "Organization", spelling);
      !publishers.empty()) {
    node["publisher"] = std::move(publishers);
  }
  if (const json& work = stored.value("work", json()); work.is_string() && !work.empty()) {
    node["exampleOfWork"] = {{spelling.id, kWorkUrn + work.get<std::string>()}};
  }
  if (const json& rating = stored.value("aggregateRating", json()); rating.is_object()) {
    node["aggregateRating"] = {{spelling.type, "AggregateRating"},
                               {"ratingValue", rating.value("ratingValue", json())},
                               {"ratingCount", rating.value("ratingCount", json())},
                               {"bestRating", 5},
                               {"worstRating", 1}};
  }
}

json schema_org_node(const json& stored, const JsonLdOptions& options) {
  const Spelling spelling = spelling_of(JsonLdProfile::schema_org);
  json node = {{"@context", "https://schema.org"},
               {"@type", "LearningResource"},
               {"name", stored.value("title", json())},
               {"url", stored.value("url", json())}};
  if (!options.page_url.empty()) node["mainEntityOfPage"] = options.page_url;
  if (stored.contains("inLanguage")) node["inLanguage"] = stored["inLanguage"];
  if (const json& license = stored.value("license", json()); license.is_string()) {
    node["license"] = license_url(license.get<std::string>());
  }
  if (json keywords = keywords_of(stored); !keywords.empty()) node["keywords"] = keywords;
  for (const char* field : {"about", "learningResourceType", "educationalLevel"}) {
    json terms = schema_org_terms(stored.value(field, json()), options.label_language);
    if (!terms.empty()) node[field] = std::move(terms);
  }
  add_common(node, stored, spelling);
  json translations = json::array();
  for (const Translation& translation : options.translations) {
    translations.push_back({{"@type", "LearningResource"},
                            {"name", translation.title},
                            {"inLanguage", translation.language},
                            {"url", translation.url}});
  }
  if (!translations.empty()) node["workTranslation"] = std::move(translations);
  return node;
}

json amb_node(const json& stored, const JsonLdOptions& options) {
  const Spelling spelling = spelling_of(JsonLdProfile::amb);
  const std::string language = stored.value("inLanguage", "und");
  json node = {{"@context", json::array({kAmbContext, {{"@language", language}}})},
               {"id", stored.value("url", json())},
               {"type", json::array({"LearningResource"})},
               {"name", stored.value("title", json())}};
  if (stored.contains("inLanguage")) node["inLanguage"] = json::array({stored["inLanguage"]});
  if (const json& license = stored.value("license", json()); license.is_string()) {
    node["license"] = {{"id", license_url(license.get<std::string>())}};
  }
  if (!options.page_url.empty())
    node["mainEntityOfPage"] = json::array({{{"id", options.page_url}}});
  if (stored.contains("mainEntityOfPage")) node["mainEntityOfPage"] = stored["mainEntityOfPage"];
  // AMB takes concepts only: Agora's own levels and subjects are words for it.
  json keywords = keywords_of(stored);
  const auto concepts_only = [&](const char* field) {
    json concepts = json::array();
    for (const json& value : as_list(stored.value(field, json()))) {
      if (is_concept(value)) {
        concepts.push_back(value);
      } else if (value.is_string()) {
        keywords.push_back(value);
      }
    }
    return concepts;
  };
  json subjects = concepts_only("about");
  json levels = concepts_only("educationalLevel");
  json types = json::array();
  for (const json& type : as_list(stored.value("learningResourceType", json()))) {
    if (is_concept(type)) {
      types.push_back(type);
      continue;
    }
    const std::string name = type.is_string() ? type.get<std::string>() : "";
    const auto known = std::find_if(std::begin(kHcrtTypes), std::end(kHcrtTypes),
                                    [&](const HcrtType& hcrt) { return name == hcrt.agora; });
    if (known == std::end(kHcrtTypes)) continue;
    const json hcrt = {{"id", std::string(kHcrt) + known->hcrt},
                       {"prefLabel", {{"en", known->label}}}};
    if (std::find(types.begin(), types.end(), hcrt) == types.end()) types.push_back(hcrt);
  }
  if (!subjects.empty()) node["about"] = std::move(subjects);
  if (!levels.empty()) node["educationalLevel"] = std::move(levels);
  if (!types.empty()) node["learningResourceType"] = std::move(types);
  if (!keywords.empty()) node["keywords"] = std::move(keywords);
  add_common(node, stored, spelling);
  return node;
}

}  // namespace

json learning_resource(const json& stored, const JsonLdOptions& options) {
  return options.profile == JsonLdProfile::amb ? amb_node(stored, options)
                                               : schema_org_node(stored, options);
}

std::string license_url(const std::string& spdx_id) {
  // The inverse of normalise_license (record_builder.hpp) for the ids it makes.
  static const std::regex creative_commons(R"(^(CC|CC0|PDM)-?([A-Z-]*?)-?(\d\.\d)$)",
                                           std::regex::icase);
  std::smatch match;
  if (std::regex_match(spdx_id, match, creative_commons)) {
    const std::string family = lower_ascii(match[1].str());
    const std::string kind = lower_ascii(match[2].str());
    const std::string version = match[3].str();
    if (family == "cc0") return "https://creativecommons.org/publicdomain/zero/" + version + "/";
    if (family == "pdm") return "https://creativecommons.org/publicdomain/mark/" + version + "/";
    if (!kind.empty()) return "https://creativecommons.org/licenses/" + kind + "/" + version + "/";
  }
  return "https://spdx.org/licenses/" + spdx_id + ".html";
}

}  // namespace agora::index
