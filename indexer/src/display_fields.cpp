// Encoding and decoding the display slot.
#include "display_fields.hpp"

#include "agora/base/text.hpp"
#include "agora/index/index_schema.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

// Separates the items of the type list inside the display slot, whose fields are
// separated by schema::kListSeparator.
constexpr char kItemSeparator = '\x1e';

// A string field of a stored record, or `fallback` when it is missing or not a string.
std::string text_field(const json& record, const char* key, const char* fallback = "") {
  const auto found = record.find(key);
  return found != record.end() && found->is_string() ? found->get<std::string>() : fallback;
}

std::vector<std::string> string_list(const json& record, const char* key) {
  const auto found = record.find(key);
  if (found == record.end()) return {};
  if (found->is_string()) return {found->get<std::string>()};
  std::vector<std::string> out;
  if (found->is_array()) {
    for (const json& item : *found) {
      if (item.is_string()) out.push_back(item.get<std::string>());
      // A concept shows by its URI, which the searcher gives a label (concept_labels.hpp).
      if (item.is_object() && item.contains("id") && item["id"].is_string()) {
        out.push_back(item["id"].get<std::string>());
      }
    }
  }
  return out;
}

DisplayFields from_record(const json& record) {
  DisplayFields fields;
  fields.id = text_field(record, "id");
  fields.title = text_field(record, "title");
  fields.url = text_field(record, "url");
  fields.language = text_field(record, "inLanguage", "und");
  fields.license = text_field(record, "license");
  fields.description = text_field(record, "description");
  fields.work = text_field(record, "work");
  fields.types = string_list(record, "learningResourceType");
  return fields;
}

}  // namespace

std::string encode_display(const json& stored) {
  const DisplayFields fields = from_record(stored);
  const std::string separator(1, schema::kListSeparator);
  return join({fields.id, fields.title, fields.url, fields.language, fields.license,
               fields.description, fields.work, join(fields.types, std::string(1, kItemSeparator))},
              separator);
}

DisplayFields display_fields(const Xapian::Document& document) {
  const std::string encoded = document.get_value(schema::kDisplay);
  if (encoded.empty()) return from_record(json::parse(document.get_data()));
  return decode_display(encoded);
}

DisplayFields decode_display(const std::string& encoded) {
  // split() drops a trailing empty piece, so missing fields at the end are simply empty.
  std::vector<std::string> parts = split(encoded, schema::kListSeparator);
  parts.resize(8);
  DisplayFields fields;
  fields.id = std::move(parts[0]);
  fields.title = std::move(parts[1]);
  fields.url = std::move(parts[2]);
  fields.language = parts[3].empty() ? "und" : std::move(parts[3]);
  fields.license = std::move(parts[4]);
  fields.description = std::move(parts[5]);
  fields.work = std::move(parts[6]);
  if (!parts[7].empty()) fields.types = split(parts[7], kItemSeparator);
  return fields;
}

}  // namespace agora::index
