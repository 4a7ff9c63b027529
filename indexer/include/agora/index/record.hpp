// An open educational resource as Agora indexes it (schema.org LearningResource / LRMI).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace agora::index {

/// Display labels of the concepts a record names (SKOS prefLabel): concept URI →
/// BCP-47 language → label. A concept's URI is its filter value; the labels are what a
/// learner sees, in their language (concept_labels.hpp).
using ConceptLabels = std::map<std::string, std::map<std::string, std::string>>;

/// One validated resource. `stored` is what the index keeps for display and export:
/// the native record, unknown fields included.
struct Record {
  std::string id;
  std::string url;
  std::string title;
  std::string description;
  std::string text;
  std::string language = "und";     ///< canonical BCP-47 tag
  bool language_detected = false;   ///< true when CLD2 chose `language`
  double detection_confidence = 0;  ///< CLD2's confidence when detected
  std::string work;                 ///< declared translation group, lower case
  /// Other language versions of this resource, by url or id (schema.org workTranslation,
  /// hreflang alternates): the index groups linked records into one work (work_linker.hpp).
  std::vector<std::string> version_links;
  std::string license;              ///< SPDX id (CC URLs are mapped to SPDX ids)
  std::vector<std::string> types;   ///< learningResourceType: names or concept URIs
  std::vector<std::string> levels;  ///< educationalLevel: beginner.. or concept URIs
  std::vector<std::string> keywords;
  std::vector<std::string> subjects;  ///< about: names or concept URIs
  ConceptLabels concept_labels;       ///< labels of the concepts among types, levels, subjects
  std::vector<std::string> authors;
  std::string publisher;
  std::string date_published;  ///< ISO 8601 date as written (YYYY[-MM[-DD]])
  std::string date_modified;
  std::string collection;
  double rating_value = 0;  ///< aggregateRating.ratingValue, 1–5; 0 when unrated
  double rating_count = 0;  ///< aggregateRating.ratingCount
  nlohmann::json stored = nlohmann::json::object();
};

/// Where an input record came from, for messages of the form `file:line: field: problem`.
struct SourceLocation {
  std::string file;
  int line = 0;  ///< 1-based; 0 when the format cannot tell
};

/// One problem with one field of one record.
struct FieldError {
  std::string field;    ///< the record field, or a format-level name ("json", "yaml", "xml")
  std::string message;  ///< what is wrong, for a human
  int line = 0;         ///< line of the field when known, else the record's line
};

/// `file:line: field: message`, the one format of every import error.
std::string format_error(const SourceLocation& where, const FieldError& error);

}  // namespace agora::index
