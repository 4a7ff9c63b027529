// .jsonl and .json: native records and schema.org JSON-LD, one or many per file.
#include <fstream>

#include "agora/base/text.hpp"
#include "agora/base/utf8.hpp"
#include "agora/error.hpp"
#include "agora/index/importer.hpp"
#include "json_ld.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

// JSON does not say where a value sits once parsed: find each record by its id in the
// text instead, which is where a reader of the file would look too. Records come in file
// order, so each search starts where the previous one matched.
class RecordLocator {
 public:
  explicit RecordLocator(std::string_view text) : text_(text), lines_(text) {}

  int line_of(const json& fields, int fallback) {
    const auto id = fields.find("id");
    if (id == fields.end() || !id->is_string()) return fallback;
    const std::size_t found = text_.find(id->dump(), cursor_);
    if (found == std::string_view::npos) return fallback;
    cursor_ = found;
    return lines_.line_at(found);
  }

 private:
  std::string_view text_;
  LineIndex lines_;
  std::size_t cursor_ = 0;
};

// Sends each record of one parsed JSON value (a record, an array, a JSON-LD graph).
void emit(const json& value, const InputFile& file, int line, RecordLocator* locator,
          const ItemSink& sink) {
  std::vector<json> nodes;
  if (value.is_array()) {
    nodes = value.get<std::vector<json>>();
  } else if (is_json_ld(value)) {
    nodes = json_ld_nodes(value);
  } else {
    nodes = {value};
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const json& node = nodes[i];
    if (!node.is_object()) {
      sink(failure_item(
          file.display, line, "json",
          "record " + std::to_string(i + 1) + " is " + node.type_name() + ", expected an object"));
      continue;
    }
    json fields = node;
    if (is_json_ld(node)) {
      JsonLdMapping mapped = native_from_json_ld(node);
      if (!mapped.fields) {
        sink(failure_item(file.display, line, "@type", mapped.error));
        continue;
      }
      fields = std::move(*mapped.fields);
    }
    ImportItem item;
    item.where = {file.display, locator ? locator->line_of(fields, line) : line};
    item.fields = std::move(fields);
    sink(std::move(item));
  }
}

std::string describe(const json::parse_error& error) {
  // nlohmann's messages start with "[json.exception.parse_error.101] parse error at ...".
  std::string message = error.what();
  const std::size_t start = message.find("] ");
  return start == std::string::npos ? message : message.substr(start + 2);
}

class JsonReader final : public FormatReader {
 public:
  std::string_view name() const override { return "json"; }

  void read(const InputFile& file, const ReadOptions& options,
            const ItemSink& sink) const override {
    const std::string extension = file.path.extension().string();
    if (options.format == "jsonl" ||
        (options.format.empty() && (extension == ".jsonl" || extension == ".ndjson"))) {
      return read_lines(file, sink);
    }
    const std::string text = read_file_bytes(file.path.string());
    if (auto problem = utf8_problem(text)) {
      sink(failure_item(file.display, line_at(text, *first_invalid_utf8(text)), "encoding",
                        *problem));
      return;
    }
    read_document(file, text, sink);
  }

 private:
  // Line by line, so that a feed of a million records never sits in memory whole, and a
  // bad line costs that line only.
  static void read_lines(const InputFile& file, const ItemSink& sink) {
    std::ifstream in(file.path, std::ios::binary);
    if (!in) throw InvalidInput(file.display + ": cannot be opened");
    std::string row;
    for (int line = 1; std::getline(in, row); ++line) {
      if (row.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (const auto bad = first_invalid_utf8(row)) {
        sink(failure_item(file.display, line, "encoding",
                          "not valid UTF-8 at byte " + std::to_string(*bad + 1) +
                              " of the line; convert the file to UTF-8"));
        continue;
      }
      try {
        const json value = json::parse(row);
        if (value.is_object()) {
          emit(value, file, line, nullptr, sink);
        } else {
          sink(failure_item(
              file.display, line, "json",
              std::string("a JSON Lines line must be one object, not ") + value.type_name()));
        }
      } catch (const json::parse_error& error) {
        sink(failure_item(file.display, line, "json", describe(error)));
      }
    }
  }

  static void read_document(const InputFile& file, const std::string& text, const ItemSink& sink) {
    json document;
    try {
      document = json::parse(text);
    } catch (const json::parse_error& error) {
      sink(failure_item(file.display, line_at(text, error.byte), "json", describe(error)));
      return;
    }
    // A schema describes records; it is never one. Folders of records often hold theirs.
    if (document.is_object() && document.contains("$schema")) {
      ImportItem skipped;
      skipped.kind = ImportItem::Kind::skipped;
      skipped.where = {file.display, 1};
      skipped.failure = {"$schema", "a JSON Schema, not a record", 1};
      sink(std::move(skipped));
      return;
    }
    RecordLocator locator(text);
    emit(document, file, 1, &locator, sink);
  }
};

}  // namespace

std::unique_ptr<FormatReader> make_json_reader() { return std::make_unique<JsonReader>(); }

}  // namespace agora::index
