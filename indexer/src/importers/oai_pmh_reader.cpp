// .xml: OAI-PMH 2.0 ListRecords responses with oai_dc (Dublin Core) metadata.
#include <pugixml.hpp>

#include <cstring>
#include <optional>

#include "agora/base/text.hpp"
#include "agora/base/utf8.hpp"
#include "agora/index/importer.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

// Element name without its namespace prefix ("dc:title" → "title").
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
  for (pugi::xml_node node : parent.children()) {
    if (local_name(node) == name) return node;
  }
  return {};
}

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last + 1 - first));
}

// "oai:oer.example.org:123" → "oer.example.org"
// Dublin Core has no element for translations; repositories write the relation type in
// front of the related resource, in the words of DataCite and DCMI ("hasTranslation:
// https://..", "isTranslationOf: https://.."), or "translation:". The resource named, or
// nullopt for relations of other kinds (a series, a format, a source).
std::optional<std::string> translation_relation(const std::string& value) {
  const std::size_t colon = value.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string kind = lower_ascii(value.substr(0, colon));
  if (kind != "hastranslation" && kind != "istranslationof" && kind != "translation") {
    return std::nullopt;
  }
  std::string target = trimmed(value.substr(colon + 1));
  if (target.empty()) return std::nullopt;
  return target;
}

std::string repository_of(const std::string& identifier) {
  if (identifier.rfind("oai:", 0) != 0) return "";
  const std::size_t end = identifier.find(':', 4);
  return end == std::string::npos ? "" : identifier.substr(4, end - 4);
}

class OaiPmhReader final : public FormatReader {
 public:
  std::string_view name() const override { return "xml"; }

  void read(const InputFile& file, const ReadOptions& options,
            const ItemSink& sink) const override {
    const std::string xml = read_file_bytes(file.path.string());
    auto fail = [&](int line, std::string field, std::string message) {
      sink(failure_item(file.display, line, std::move(field), std::move(message)));
    };
    if (auto problem = utf8_problem(xml)) {
      return fail(line_at(xml, *first_invalid_utf8(xml)), "encoding", *problem);
    }
    const LineIndex lines(xml);
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size());
    if (!parsed) {
      return fail(line_at(xml, static_cast<std::size_t>(parsed.offset)), "xml",
                  parsed.description());
    }
    const pugi::xml_node root = document.document_element();
    if (local_name(root) != "OAI-PMH") {
      return fail(lines.line_at(root.offset_debug()), "xml",
                  "root element is <" + std::string(root.name()) +
                      ">, expected an OAI-PMH response <OAI-PMH>");
    }
    if (const pugi::xml_node error = child(root, "error")) {
      const std::string code = error.attribute("code").value();
      if (code == "noRecordsMatch") return;  // an empty harvest, not a failure
      return fail(
          lines.line_at(error.offset_debug()), "oai-pmh",
          "the repository answered with error " + code + ": " + trimmed(error.child_value()));
    }
    const pugi::xml_node list = child(root, "ListRecords");
    if (!list) {
      return fail(lines.line_at(root.offset_debug()), "oai-pmh",
                  "no <ListRecords> in the response (only ListRecords harvests are imported)");
    }
    for (pugi::xml_node record : list.children()) {
      if (local_name(record) != "record") continue;
      read_record(record, file, lines, options, sink);
    }
  }

 private:
  static void read_record(const pugi::xml_node& record, const InputFile& file,
                          const LineIndex& lines, const ReadOptions& options,
                          const ItemSink& sink) {
    ImportItem item;
    item.where = {file.display, lines.line_at(record.offset_debug())};
    const pugi::xml_node header = child(record, "header");
    const std::string identifier = trimmed(child(header, "identifier").child_value());
    if (std::strcmp(header.attribute("status").value(), "deleted") == 0) {
      item.kind = ImportItem::Kind::deletion;
      item.deleted_id = identifier;
      sink(std::move(item));
      return;
    }
    json& fields = item.fields;
    fields["id"] = identifier;
    item.field_lines["id"] = lines.line_at(header.offset_debug());
    const pugi::xml_node dc = child(child(record, "metadata"), "dc");
    if (!dc) {
      item.kind = ImportItem::Kind::failure;
      item.failure = {"metadata", "no oai_dc metadata in this record", item.where.line};
      sink(std::move(item));
      return;
    }
    for (pugi::xml_node element : dc.children()) {
      const std::string value = trimmed(element.child_value());
      if (value.empty()) continue;
      const std::string_view name = local_name(element);
      const int line = lines.line_at(element.offset_debug());
      auto first = [&](const char* field) {
        if (fields.contains(field)) return;
        fields[field] = value;
        item.field_lines[field] = line;
      };
      auto append = [&](const char* field) {
        if (!fields.contains(field)) item.field_lines[field] = line;
        fields[field].push_back(value);
      };
      if (name == "title")
        first("title");
      else if (name == "description")
        first("description");
      else if (name == "identifier" && value.rfind("http", 0) == 0)
        first("url");
      else if (name == "language")
        first("inLanguage");
      else if (name == "rights")
        first("license");
      else if (name == "type")
        append("learningResourceType");
      else if (name == "subject")
        append("about");
      else if (name == "creator")
        append("author");
      else if (name == "publisher")
        first("publisher");
      else if (name == "date")
        first("datePublished");
      else if (name == "relation") {
        if (auto link = translation_relation(value)) {
          if (!fields.contains("workTranslation")) item.field_lines["workTranslation"] = line;
          fields["workTranslation"].push_back(*link);
        }
      }
    }
    const std::string collection =
        options.collection.empty() ? repository_of(identifier) : options.collection;
    if (!collection.empty()) fields["collection"] = collection;
    sink(std::move(item));
  }
};

}  // namespace

std::unique_ptr<FormatReader> make_oai_pmh_reader() { return std::make_unique<OaiPmhReader>(); }

}  // namespace agora::index
