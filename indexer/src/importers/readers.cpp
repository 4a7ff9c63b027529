// Chooses a reader by --format name or file extension.
#include <map>

#include "agora/index/importer.hpp"

namespace agora::index {

ImportItem failure_item(const std::string& file, int line, std::string field, std::string message) {
  ImportItem item;
  item.kind = ImportItem::Kind::failure;
  item.where = {file, line};
  item.failure = {std::move(field), std::move(message), line};
  return item;
}

const FormatReader* reader_for(std::string_view format_or_extension) {
  static const auto json = make_json_reader();
  static const auto markdown = make_markdown_reader();
  static const auto html = make_html_reader();
  static const auto oai = make_oai_pmh_reader();
  static const std::map<std::string_view, const FormatReader*> by_name = {
      {"json", json.get()},   {"jsonl", json.get()},  {"jsonld", json.get()},
      {"ndjson", json.get()}, {"md", markdown.get()}, {"markdown", markdown.get()},
      {"html", html.get()},   {"htm", html.get()},    {"xml", oai.get()},
      {"oai", oai.get()}};
  if (!format_or_extension.empty() && format_or_extension.front() == '.') {
    format_or_extension.remove_prefix(1);
  }
  const auto found = by_name.find(format_or_extension);
  return found == by_name.end() ? nullptr : found->second;
}

}  // namespace agora::index
