// Turns the fields a reader found into a validated Record, or says what is wrong.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agora/analyzers/language_detector.hpp"
#include "agora/index/importer.hpp"
#include "agora/index/record.hpp"

namespace agora::index {

/// Lengths as corpus/schema/record.schema.json gives them (maxLength counts characters);
/// a test holds the schema to these.
inline constexpr std::size_t kMaxTitleCharacters = 500;
inline constexpr std::size_t kMaxDescriptionCharacters = 10000;

/// A record, or every problem that kept it out (all fields are checked, not just the first).
struct BuiltRecord {
  std::optional<Record> record;
  std::vector<FieldError> errors;
};

/// Validates `item.fields` against the record schema (corpus/schema/record.schema.json),
/// normalises them (license URLs to SPDX ids, keywords to lists) and detects the language
/// when none is declared. `default_collection` applies when the record names none.
BuiltRecord build_record(const ImportItem& item, const std::string& default_collection,
                         const analyzers::LanguageDetector& detector);

/// The same rules for a record that no file holds (one sent to the collaboration API, or
/// kept in its state database): errors carry no line.
BuiltRecord build_record(const nlohmann::json& fields, const std::string& default_collection,
                         const analyzers::LanguageDetector& detector);

/// "https://creativecommons.org/licenses/by-sa/4.0/" → "CC-BY-SA-4.0"; SPDX ids are
/// returned as they are; nullopt for anything else.
std::optional<std::string> normalise_license(const std::string& license);

}  // namespace agora::index
