// A stored record as a schema.org LearningResource in JSON-LD: in the page that shows it
// (for web search engines) and in exports for other OER portals (the AMB profile).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/index/search.hpp"

namespace agora::index {

enum class JsonLdProfile {
  /// schema.org's own context, "@type"/"@id" and text labels: what web search engines read
  /// in a page's <script type="application/ld+json">.
  schema_org,
  /// AMB, the profile OERSI publishes: its context, "type"/"id", SKOS concepts for
  /// subjects, levels and resource types (HCRT), licences as {"id": URL}.
  amb,
};

/// What the record alone does not say.
struct JsonLdOptions {
  JsonLdProfile profile = JsonLdProfile::schema_org;
  /// The language whose concept labels a schema.org node shows.
  std::string label_language = "en";
  /// The page that describes the resource (mainEntityOfPage), when there is one.
  std::string page_url;
  /// The other versions of the work, as workTranslation (schema.org only).
  std::vector<Translation> translations;

  static JsonLdOptions of(JsonLdProfile profile) {
    JsonLdOptions options;
    options.profile = profile;
    return options;
  }
};

/// The LearningResource node for a stored record (the index's JSON, or an export line).
/// Reading the AMB node back with `agora-index add` gives the same id, title, address,
/// language, licence, work, concepts and names; Agora's own resource types become HCRT
/// concepts, and its levels and plain subjects (no scheme of theirs) become keywords.
nlohmann::json learning_resource(const nlohmann::json& stored, const JsonLdOptions& options);

/// The address of a licence: the Creative Commons deed for CC ids, SPDX's page otherwise.
std::string license_url(const std::string& spdx_id);

}  // namespace agora::index
