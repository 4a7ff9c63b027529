// .md: YAML front matter (the record's fields) and a CommonMark body (its text).
#include <cmark.h>
#include <yaml-cpp/yaml.h>

#include "agora/base/text.hpp"
#include "agora/base/utf8.hpp"
#include "agora/index/importer.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

// Front matter sits between a first line "---" and the next line "---" (or "...").
struct FrontMatter {
  std::string yaml;
  std::string body;
  int body_line = 0;  ///< line where the body starts
};

std::optional<FrontMatter> split_front_matter(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte-order mark
  if (text.substr(0, 4) != "---\n" && text.substr(0, 5) != "---\r\n") return std::nullopt;
  const std::size_t yaml_start = text.find('\n') + 1;
  for (std::size_t line_start = yaml_start; line_start < text.size();) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---" || line == "...") {
      FrontMatter parts;
      parts.yaml = text.substr(yaml_start, line_start - yaml_start);
      parts.body = line_end < text.size() ? text.substr(line_end + 1) : std::string_view();
      parts.body_line = line_at(text, line_end) + 1;
      return parts;
    }
    line_start = line_end + 1;
  }
  return std::nullopt;
}

// yaml-cpp leaves scalars untyped, which suits us: dates and ids stay as written.
json json_from_yaml(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return node.Scalar();
    case YAML::NodeType::Sequence: {
      json array = json::array();
      for (const auto& item : node) array.push_back(json_from_yaml(item));
      return array;
    }
    case YAML::NodeType::Map: {
      json object = json::object();
      for (const auto& entry : node) {
        object[entry.first.as<std::string>()] = json_from_yaml(entry.second);
      }
      return object;
    }
    default: return nullptr;
  }
}

// Plain text of a CommonMark document: the words a learner reads, without markup.
std::string plain_text(const std::string& markdown) {
  cmark_node* document = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  std::string text;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER &&
        (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK)) {
      text += cmark_node_get_literal(node);
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      text += ' ';
    } else if (event == CMARK_EVENT_EXIT &&
               (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
                type == CMARK_NODE_ITEM)) {
      text += '\n';
    }
  }
  cmark_iter_free(iter);
  cmark_node_free(document);
  return text;
}

class MarkdownReader final : public FormatReader {
 public:
  std::string_view name() const override { return "md"; }

  void read(const InputFile& file, const ReadOptions&, const ItemSink& sink) const override {
    const std::string text = read_file_bytes(file.path.string());
    auto fail = [&](int line, std::string field, std::string message) {
      sink(failure_item(file.display, line, std::move(field), std::move(message)));
    };
    ImportItem item;
    item.where = {file.display, 1};
    if (auto problem = utf8_problem(text)) {
      return fail(line_at(text, *first_invalid_utf8(text)), "encoding", *problem);
    }
    const std::optional<FrontMatter> parts = split_front_matter(text);
    if (!parts) {
      return fail(1, "front matter",
                  "missing: the file must start with a line '---', the YAML fields, and "
                  "another line '---'");
    }
    YAML::Node front;
    try {
      front = YAML::Load(parts->yaml);
    } catch (const YAML::Exception& error) {
      // Marks count from 0 within the front matter, which starts on line 2.
      return fail(error.mark.line + 2, "yaml", error.msg);
    }
    if (!front.IsMap()) {
      return fail(2, "front matter", "must be a YAML mapping of field: value lines");
    }
    for (const auto& entry : front) {
      if (!entry.first.IsScalar()) {
        return fail(entry.first.Mark().line + 2, "yaml", "field names must be plain text");
      }
    }
    item.fields = json_from_yaml(front);
    for (const auto& entry : front) {
      item.field_lines[entry.first.as<std::string>()] = entry.first.Mark().line + 2;
    }
    const std::string body = plain_text(parts->body);
    if (body.find_first_not_of(" \n") != std::string::npos) {
      item.fields["text"] = body;
      item.field_lines["text"] = parts->body_line;
    }
    sink(std::move(item));
  }
};

}  // namespace

std::unique_ptr<FormatReader> make_markdown_reader() { return std::make_unique<MarkdownReader>(); }

}  // namespace agora::index
