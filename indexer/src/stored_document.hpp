// What a document keeps besides its terms: the record and its text, in the document data.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

namespace agora::index {

/// Document data: the stored record as JSON, then, when there is a text, one NUL byte and
/// the text. Xapian compresses document data, which it does not do for value slots: the
/// text costs a third of its size on disk. A JSON dump never holds a raw NUL.
std::string document_data(const nlohmann::json& record, const std::string& text);

/// The stored record of a document, without its text.
nlohmann::json stored_record(const Xapian::Document& document);

/// The record's text, for snippets and export. Documents indexed before the text moved
/// into the data keep it in schema::kBodyText.
std::string body_text(const Xapian::Document& document);

}  // namespace agora::index
