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

// The first @type that is a creative work, or "" when none is.
std::string creative_work_type(const json& node) {
  const json type = node.contains("@type") ? node["@type"] : json();
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
    for (const char* key : {"name", "value", "@id", "url"}) {
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
      {"publisher", "publisher"},
      {"datePublished", "datePublished"},
      {"dateModified", "dateModified"},
      {"collection", "collection"},
      {"work", "work"}};
  static const std::set<std::string> kept_as_nodes = {"author", "publisher"};
  for (const auto& [key, value] : node.items()) {
    if (key.empty() || key[0] == '@') continue;
    if (auto found = renamed.find(key); found != renamed.end()) {
      if (!fields.contains(found->second)) {
        fields[found->second] = kept_as_nodes.count(key) ? value : text_of(value);
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
  if (!fields.contains("id") && node.contains("@id")) fields["id"] = node["@id"];
  if (!fields.contains("url") && node.contains("@id")) fields["url"] = node["@id"];
  const std::string& implied = creative_work_types().at(type);
  if (!fields.contains("learningResourceType") && !implied.empty()) {
    fields["learningResourceType"] = implied;
  }
  return {fields, ""};
}

}  // namespace agora::index
