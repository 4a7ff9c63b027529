// What a hit shows, kept in one value slot so that showing it parses no stored record.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

namespace agora::index {

/// The fields of a stored record that a hit or a translation link shows.
struct DisplayFields {
  std::string id;
  std::string title;
  std::string url;
  std::string language = "und";
  std::string license;
  std::string description;
  std::string work;  ///< empty when the record belongs to no translation group
  std::vector<std::string> types;
};

/// The display fields of a stored record (its JSON-LD data), as the index keeps them in
/// schema::kDisplay.
std::string encode_display(const nlohmann::json& stored);

/// The display fields of an indexed document: from schema::kDisplay, or, for documents
/// indexed before the slot existed, from the stored record.
DisplayFields display_fields(const Xapian::Document& document);

/// The display fields from the value of schema::kDisplay.
DisplayFields decode_display(const std::string& encoded);

}  // namespace agora::index
