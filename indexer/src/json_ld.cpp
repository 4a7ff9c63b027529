// JSON-LD (schema.org LearningResource, CreativeWork and kin) to native records.
#include "json_ld.hpp"

#include <map>
#include <set>
#include <vector>

namespace agora::index {
namespace {

using nlohmann::json;

// schema.org types that describe a creative work, with the learningResourceType they imply.
const std::map<std::string, std::string>& creative_work_types() {
  static const std::map<std::string, std::string> types = {
      {"LearningResource", ""},
      {"CreativeWork", ""},
      {"Course", "course"},
      {"Book", "book"},
      {"VideoObject", "video"},
      {"Article", "article"},
      {"HowTo", "guide"},
      {"Quiz", "exercise"},
      {"PodcastEpisode", "podcast"},
      {"PresentationDigitalDocument", "presentation"},
      {"WebPage", ""}};
  return types;
}

// JSON-LD keywords that a context may alias to plain names, as AMB's does ("type", "id").
const json& keyword(const json& node, const char* name) {
  static const json none;
  const std::string at = std::string("@") + name;
  if (node.contains(at)) return node[at];
  if (node.contains(name) && node.contains("@context")) return node[name];
  return none;
}

// The first @type that is a creative work, or "" when none is.
std::string creative_work_type(const json& node) {
  const json& type = keyword(node, "type");
  const auto known = [](const json& value) {
    return value.is_string() && creative_work_types().count(value.get<std::string>()) != 0;
  };
  if (known(type)) return type.get<std::string>();
  if (type.is_array()) {
    for (const json& item : type) {
      if (known(item)) return item.get<std::string>();
    }
  }
  return "";
}

// schema.org allows a text or a typed node in most places: take the node's name or id.
json text_of(const json& value) {
  if (value.is_object()) {
    for (const char* key : {"name", "value", "@id", "id", "url"}) {
      if (value.contains(key)) return value[key];
    }
    return json();
  }
  if (value.is_array()) {
    json out = json::array();
    for (const json& item : value) {
      json text = text_of(item);
      if (!text.is_null()) out.push_back(text);
    }
    return out;
  }
  return value;
}

// A subject, level or resource type: a SKOS concept ({"id": URI, "prefLabel": {...}}) is
// kept whole, so that the record can filter by its URI and show its labels; anything else
// is read as text.
json concept_or_text(const json& value) {
  if (value.is_array()) {
    json out = json::array();
    for (const json& item : value) {
      json read = concept_or_text(item);
      if (!read.is_null()) out.push_back(std::move(read));
    }
    return out;
  }
  if (value.is_object() && (value.contains("prefLabel") || value.contains("id") ||
                            (value.contains("@id") && !value.contains("name")))) {
    json concept_node = {{"id", value.contains("id") ? value["id"] : value["@id"]}};
    if (value.contains("prefLabel")) concept_node["prefLabel"] = value["prefLabel"];
    return concept_node;
  }
  return text_of(value);
}

// AMB writes inLanguage as a list; a record has one language, the first.
json first_language(const json& value) {
  const json text = text_of(value);
  if (text.is_array()) return text.empty() ? json() : text.front();
  return text;
}

constexpr std::string_view kWorkUrn = "urn:agora:work:";

// "urn:agora:work:start-a-coop" → "start-a-coop"; any other id is used as it is.
std::string work_key(const json& reference) {
  const json id = text_of(reference);
  if (!id.is_string()) return "";
  const std::string text = id.get<std::string>();
  return text.rfind(kWorkUrn, 0) == 0 ? text.substr(kWorkUrn.size()) : text;
}

// A reference to a work by its Agora name, rather than to another resource.
bool names_a_work(const json& reference) {
  const json id = text_of(reference);
  return id.is_string() && id.get<std::string>().rfind(kWorkUrn, 0) == 0;
}

// Adds the address (or id) of each resource `value` names to the list `links`: a text,
// a node with a url or an @id, or a list of those.
void append_links(json& links, const json& value) {
  if (!links.is_array()) links = json::array();
  if (value.is_array()) {
    for (const json& item : value) append_links(links, item);
    return;
  }
  json link = value;
  if (value.is_object()) {
    link = value.contains("url") ? value["url"] : value.contains("@id") ? value["@id"] : json();
  }
  if (link.is_string()) links.push_back(link);
}

}  // namespace

bool is_json_ld(const json& node) {
  return node.is_object() &&
         (node.contains("@type") || node.contains("@context") || node.contains("@graph"));
}

std::vector<json> json_ld_nodes(const json& document) {
  if (document.is_array()) return document.get<std::vector<json>>();
  if (document.is_object() && document.contains("@graph") && document["@graph"].is_array()) {
    return document["@graph"].get<std::vector<json>>();
  }
  return {document};
}

JsonLdMapping native_from_json_ld(const json& node) {
  if (!node.is_object()) {
    return {std::nullopt, std::string("a JSON-LD node must be an object, not ") + node.type_name()};
  }
  const std::string type = creative_work_type(node);
  if (type.empty()) {
    return {std::nullopt, "@type " + (node.contains("@type") ? node["@type"].dump() : "(none)") +
                              " is not a creative work (expected LearningResource, "
                              "CreativeWork, Course, Book, VideoObject, Article, ...)"};
  }
  json fields = json::object();
  // Direct renames from schema.org to the native record.
  static const std::map<std::string, std::string> renamed = {
      {"name", "title"},
      {"headline", "title"},
      {"articleBody", "text"},
      {"description", "description"},
      {"text", "text"},
      {"url", "url"},
      {"inLanguage", "inLanguage"},
      {"license", "license"},
      {"keywords", "keywords"},
      {"about", "about"},
      {"learningResourceType", "learningResourceType"},
      {"educationalLevel", "educationalLevel"},
      {"author", "author"},
      {"creator", "author"},
      {"publisher", "publisher"},
      {"datePublished", "datePublished"},
      {"dateModified", "dateModified"},
      {"collection", "collection"},
      {"work", "work"}};
  static const std::set<std::string> kept_as_nodes = {"author", "creator", "publisher"};
  static const std::set<std::string> concepts = {"about", "learningResourceType",
                                                 "educationalLevel"};
  const bool aliased = node.contains("@context");
  for (const auto& [key, value] : node.items()) {
    if (key.empty() || key[0] == '@') continue;
    if (aliased && (key == "type" || key == "id")) continue;  // read as @type and @id
    if (auto found = renamed.find(key); found != renamed.end()) {
      if (fields.contains(found->second)) continue;
      if (kept_as_nodes.count(key)) {
        fields[found->second] = value;
      } else if (concepts.count(key)) {
        fields[found->second] = concept_or_text(value);
      } else if (key == "inLanguage") {
        fields[found->second] = first_language(value);
      } else {
        fields[found->second] = text_of(value);
      }
    } else if (key == "identifier") {
      fields["id"] = text_of(value);
    } else if (key == "translationOfWork" && !names_a_work(value)) {
      // The original version is a resource of its own: a link, which the index resolves
      // when (or if) that resource arrives, like the original's own workTranslation.
      append_links(fields["workTranslation"], value);
    } else if (key == "workTranslation") {
      append_links(fields["workTranslation"], value);
    } else if (key == "isPartOf" || key == "translationOfWork" || key == "exampleOfWork") {
      if (!fields.contains("work")) fields["work"] = work_key(value);
    } else {
      fields[key] = value;  // unknown properties are kept
    }
  }
  if (const json& id = keyword(node, "id"); id.is_string()) {
    if (!fields.contains("id")) fields["id"] = id;
    if (!fields.contains("url")) fields["url"] = id;
  }
  const std::string& implied = creative_work_types().at(type);
  if (!fields.contains("learningResourceType") && !implied.empty()) {
    fields["learningResourceType"] = implied;
  }
  return {fields, ""};
}

}  // namespace agora::index
