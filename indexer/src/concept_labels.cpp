// Concept labels in the index metadata: one JSON language map per concept URI.
#include "agora/index/concept_labels.hpp"

#include <nlohmann/json.hpp>

namespace agora::index {
namespace {

using nlohmann::json;

// Xapian metadata keys are limited in length (like terms); longer URIs keep no labels.
constexpr std::size_t kMaxKeyBytes = 200;
constexpr std::string_view kKeyPrefix = "concept:";

std::string key_of(std::string_view uri) { return std::string(kKeyPrefix) + std::string(uri); }

bool is_concept(std::string_view value) {
  // Names (beginner, video) have no scheme; every concept is a URI.
  return value.find(':') != std::string_view::npos &&
         kKeyPrefix.size() + value.size() <= kMaxKeyBytes;
}

LabelsByLanguage parse_labels(const std::string& stored) {
  LabelsByLanguage labels;
  if (stored.empty()) return labels;
  const json parsed = json::parse(stored, nullptr, false);
  if (!parsed.is_object()) return labels;
  for (const auto& [language, label] : parsed.items()) {
    if (label.is_string()) labels[language] = label.get<std::string>();
  }
  return labels;
}

}  // namespace

std::optional<std::string> label_for(const LabelsByLanguage& labels, std::string_view language) {
  if (labels.empty()) return std::nullopt;
  const std::string tag(language);
  const std::string primary = tag.substr(0, tag.find('-'));
  for (const std::string& wanted : {tag, primary}) {
    if (const auto found = labels.find(wanted); found != labels.end()) return found->second;
  }
  // A regional label ("pt-BR") still serves a learner of the language ("pt").
  for (const auto& [label_language, label] : labels) {
    if (label_language.substr(0, label_language.find('-')) == primary) return label;
  }
  for (const char* wanted : {"en", "und"}) {
    if (const auto found = labels.find(wanted); found != labels.end()) return found->second;
  }
  return labels.begin()->second;
}

void store_concept_labels(Xapian::WritableDatabase& database, const ConceptLabels& labels) {
  for (const auto& [uri, by_language] : labels) {
    if (by_language.empty() || !is_concept(uri)) continue;
    const LabelsByLanguage kept = parse_labels(database.get_metadata(key_of(uri)));
    LabelsByLanguage merged = kept;
    for (const auto& [language, label] : by_language) merged[language] = label;
    if (merged != kept) database.set_metadata(key_of(uri), json(merged).dump());
  }
}

const LabelsByLanguage* ConceptLabelReader::labels(const Xapian::Database& database,
                                                   const std::string& value) {
  if (!is_concept(value)) return nullptr;
  auto found = cache_.find(value);
  if (found == cache_.end()) {
    found = cache_.emplace(value, parse_labels(database.get_metadata(key_of(value)))).first;
  }
  return found->second.empty() ? nullptr : &found->second;
}

}  // namespace agora::index
