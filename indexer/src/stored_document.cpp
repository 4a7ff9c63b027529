// Packing and unpacking the record and text a document keeps.
#include "stored_document.hpp"

#include "agora/index/index_schema.hpp"

namespace agora::index {

std::string document_data(const nlohmann::json& record, const std::string& text) {
  std::string data = record.dump();
  if (!text.empty()) {
    data += '\0';
    data += text;
  }
  return data;
}

nlohmann::json stored_record(const Xapian::Document& document) {
  const std::string data = document.get_data();
  const std::size_t separator = data.find('\0');
  return nlohmann::json::parse(separator == std::string::npos ? data : data.substr(0, separator));
}

std::string body_text(const Xapian::Document& document) {
  const std::string data = document.get_data();
  const std::size_t separator = data.find('\0');
  if (separator == std::string::npos) return document.get_value(schema::kBodyText);
  return data.substr(separator + 1);
}

}  // namespace agora::index
