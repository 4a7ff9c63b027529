// schema.org JSON-LD nodes mapped to Agora's native record fields.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace agora::index {

/// True when `node` is JSON-LD (has "@type" or "@context") rather than a native record.
bool is_json_ld(const nlohmann::json& node);

/// Native record fields for one JSON-LD node, or an error message when the node's @type is
/// not a creative work we can index. Unknown properties are kept as they are.
struct JsonLdMapping {
  std::optional<nlohmann::json> fields;
  std::string error;
};
JsonLdMapping native_from_json_ld(const nlohmann::json& node);

/// The nodes of a JSON-LD document: the "@graph" items, or the document itself.
std::vector<nlohmann::json> json_ld_nodes(const nlohmann::json& document);

}  // namespace agora::index
