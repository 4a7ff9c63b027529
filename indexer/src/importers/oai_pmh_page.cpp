// OAI-PMH responses: the envelope (errors, resumption, dates) and each record's metadata,
// Dublin Core (oai_dc) or IEEE LOM, mapped to native record fields.
#include "oai_pmh_page.hpp"

#include <cstring>

#include <pugixml.hpp>

#include "agora/base/text.hpp"
#include "agora/base/utf8.hpp"
#include "agora/index/dublin_core.hpp"

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
  std::string target = trim_whitespace(value.substr(colon + 1));
  if (target.empty()) return std::nullopt;
  return target;
}

// "oai:oer.example.org:123" → "oer.example.org"
std::string repository_of(const std::string& identifier) {
  if (identifier.rfind("oai:", 0) != 0) return "";
  const std::size_t end = identifier.find(':', 4);
  return end == std::string::npos ? "" : identifier.substr(4, end - 4);
}

// Sets fields of one item, remembering the line of each.
class FieldSetter {
 public:
  FieldSetter(ImportItem& item, const LineIndex& lines) : item_(item), lines_(lines) {}

  void first(const char* field, const std::string& value, const pugi::xml_node& at) {
    if (value.empty() || item_.fields.contains(field)) return;
    item_.fields[field] = value;
    item_.field_lines[field] = lines_.line_at(at.offset_debug());
  }
  void append(const char* field, const std::string& value, const pugi::xml_node& at) {
    if (value.empty()) return;
    if (!item_.fields.contains(field)) item_.field_lines[field] = lines_.line_at(at.offset_debug());
    item_.fields[field].push_back(value);
  }

 private:
  ImportItem& item_;
  const LineIndex& lines_;
};

void read_dublin_core(const pugi::xml_node& dc, FieldSetter& set) {
  for (pugi::xml_node element : dc.children()) {
    const std::string value = trim_whitespace(element.child_value());
    const std::string_view name = local_name(element);
    if (name == "relation") {
      if (auto link = translation_relation(value)) set.append("workTranslation", *link, element);
      continue;
    }
    for (const DublinCoreElement& known : kDublinCoreElements) {
      if (known.element != name) continue;
      if (known.field == "url" && value.rfind("http", 0) != 0) break;
      const std::string field(known.field);
      if (known.repeated) {
        set.append(field.c_str(), value, element);
      } else {
        set.first(field.c_str(), value, element);
      }
      break;
    }
  }
}

// LOM's LangString: one <string language=".."> per language. The one in `language` (the
// record's own), else the first.
std::string lang_string(const pugi::xml_node& node, const std::string& language) {
  std::string chosen;
  for (pugi::xml_node string : node.children()) {
    if (local_name(string) != "string") continue;
    const std::string text = trim_whitespace(string.child_value());
    if (text.empty()) continue;
    if (chosen.empty()) chosen = text;
    if (!language.empty() && lower_ascii(string.attribute("language").value()) == language) {
      return text;
    }
  }
  return chosen.empty() ? trim_whitespace(node.child_value()) : chosen;
}

// vCard's formatted name ("FN:Anna Weber") of a LOM contributor entity.
std::string vcard_name(const std::string& vcard) {
  for (const std::string& line : split(vcard, '\n')) {
    const std::string clean = trim_whitespace(line);
    if (lower_ascii(clean.substr(0, 3)) == "fn:") return trim_whitespace(clean.substr(3));
  }
  return "";
}

void read_lom(const pugi::xml_node& lom, FieldSetter& set) {
  const pugi::xml_node general = child(lom, "general");
  const std::string language =
      lower_ascii(trim_whitespace(child(general, "language").child_value()));
  set.first("inLanguage", language, child(general, "language"));
  set.first("title", lang_string(child(general, "title"), language), child(general, "title"));
  set.first("description", lang_string(child(general, "description"), language),
            child(general, "description"));
  for (pugi::xml_node node : general.children()) {
    if (local_name(node) == "keyword") set.append("keywords", lang_string(node, language), node);
  }
  for (pugi::xml_node contribute : child(lom, "lifeCycle").children()) {
    if (local_name(contribute) != "contribute") continue;
    const std::string role =
        lower_ascii(trim_whitespace(child(child(contribute, "role"), "value").child_value()));
    for (pugi::xml_node entity : contribute.children()) {
      if (local_name(entity) != "entity") continue;
      const std::string name = vcard_name(entity.child_value());
      if (role == "author") set.append("author", name, entity);
      if (role == "publisher") set.first("publisher", name, entity);
    }
    if (role == "publisher" || role == "author") {
      set.first("datePublished",
                trim_whitespace(child(child(contribute, "date"), "dateTime").child_value()),
                contribute);
    }
  }
  for (pugi::xml_node location : child(lom, "technical").children()) {
    if (local_name(location) == "location")
      set.first("url", trim_whitespace(location.child_value()), location);
  }
  for (pugi::xml_node node : child(lom, "educational").children()) {
    if (local_name(node) == "learningResourceType") {
      set.append("learningResourceType", trim_whitespace(child(node, "value").child_value()), node);
    }
  }
  // A licence is named in the rights' description (a Creative Commons address or an
  // SPDX id, as repositories write it); the record rules say when it is neither.
  const pugi::xml_node rights = child(lom, "rights");
  set.first("license", lang_string(child(rights, "description"), language), rights);
  for (pugi::xml_node classification : lom.children()) {
    if (local_name(classification) != "classification") continue;
    for (pugi::xml_node path : classification.children()) {
      if (local_name(path) != "taxonPath") continue;
      for (pugi::xml_node taxon : path.children()) {
        if (local_name(taxon) == "taxon") {
          set.append("about", lang_string(child(taxon, "entry"), language), taxon);
        }
      }
    }
  }
}

void read_record(const pugi::xml_node& record, const std::string& source, const LineIndex& lines,
                 const ReadOptions& options, const ItemSink& sink) {
  ImportItem item;
  item.where = {source, lines.line_at(record.offset_debug())};
  const pugi::xml_node header = child(record, "header");
  const std::string identifier = trim_whitespace(child(header, "identifier").child_value());
  if (std::strcmp(header.attribute("status").value(), "deleted") == 0) {
    item.kind = ImportItem::Kind::deletion;
    item.deleted_id = identifier;
    sink(std::move(item));
    return;
  }
  item.fields["id"] = identifier;
  item.field_lines["id"] = lines.line_at(header.offset_debug());
  FieldSetter set(item, lines);
  const pugi::xml_node metadata = child(record, "metadata");
  if (const pugi::xml_node dc = child(metadata, "dc")) {
    read_dublin_core(dc, set);
  } else if (const pugi::xml_node lom = child(metadata, "lom")) {
    read_lom(lom, set);
  } else {
    item.kind = ImportItem::Kind::failure;
    item.failure = {"metadata", "no oai_dc or LOM metadata in this record", item.where.line};
    sink(std::move(item));
    return;
  }
  const std::string collection =
      options.collection.empty() ? repository_of(identifier) : options.collection;
  if (!collection.empty()) item.fields["collection"] = collection;
  sink(std::move(item));
}

}  // namespace

std::optional<OaiMetadata> metadata_of_prefix(std::string_view prefix) {
  if (prefix == "oai_dc") return OaiMetadata::dublin_core;
  if (prefix == "lom" || prefix == "lom_ieee" || prefix == "oai_lom" || prefix == "ieee_lom") {
    return OaiMetadata::lom;
  }
  return std::nullopt;
}

OaiPage read_oai_page(std::string_view xml, const std::string& source, const ReadOptions& options,
                      const ItemSink& sink) {
  OaiPage page;
  if (auto problem = utf8_problem(xml)) {
    page.unreadable = FieldError{"encoding", *problem, line_at(xml, *first_invalid_utf8(xml))};
    return page;
  }
  const LineIndex lines(xml);
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    page.unreadable = FieldError{"xml", parsed.description(),
                                 line_at(xml, static_cast<std::size_t>(parsed.offset))};
    return page;
  }
  const pugi::xml_node root = document.document_element();
  if (local_name(root) != "OAI-PMH") {
    page.unreadable = FieldError{"xml",
                                 "root element is <" + std::string(root.name()) +
                                     ">, expected an OAI-PMH response <OAI-PMH>",
                                 lines.line_at(root.offset_debug())};
    return page;
  }
  page.response_date = trim_whitespace(child(root, "responseDate").child_value());
  if (const pugi::xml_node error = child(root, "error")) {
    page.error_code = error.attribute("code").value();
    page.error_message = trim_whitespace(error.child_value());
    page.error_line = lines.line_at(error.offset_debug());
    return page;
  }
  if (const pugi::xml_node identify = child(root, "Identify")) {
    page.granularity = trim_whitespace(child(identify, "granularity").child_value());
    return page;
  }
  const pugi::xml_node list = child(root, "ListRecords");
  if (!list) {
    page.unreadable = FieldError{"oai-pmh",
                                 "no <ListRecords> in the response (only ListRecords harvests "
                                 "are imported)",
                                 lines.line_at(root.offset_debug())};
    return page;
  }
  for (pugi::xml_node record : list.children()) {
    const std::string_view name = local_name(record);
    if (name == "resumptionToken") page.resumption_token = trim_whitespace(record.child_value());
    if (name != "record") continue;
    read_record(record, source, lines, options, sink);
    ++page.records;
  }
  return page;
}

}  // namespace agora::index
