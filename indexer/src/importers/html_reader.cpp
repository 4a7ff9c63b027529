// .html/.htm: metadata from <head> (and embedded JSON-LD), the main text from <body>.
#include <gumbo.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>

#include "agora/base/text.hpp"
#include "agora/base/utf8.hpp"
#include "agora/index/duplicates.hpp"
#include "agora/index/importer.hpp"
#include "agora/index/url_reference.hpp"
#include "json_ld.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

struct GumboDocument {
  explicit GumboDocument(const std::string& html)
      : output(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())) {}
  ~GumboDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output); }
  GumboDocument(const GumboDocument&) = delete;
  GumboDocument& operator=(const GumboDocument&) = delete;
  GumboOutput* output;
};

std::string attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found ? found->value : "";
}

// Calls `visit` for every element below `node`, depth first.
template <typename Visit>
void for_each_element(const GumboNode* node, Visit&& visit) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  visit(node);
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    for_each_element(static_cast<const GumboNode*>(children.data[i]), visit);
  }
}

const GumboNode* first_element(const GumboNode* root, GumboTag tag) {
  const GumboNode* found = nullptr;
  for_each_element(root, [&](const GumboNode* node) {
    if (!found && node->v.element.tag == tag) found = node;
  });
  return found;
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: return true;
    default: return false;
  }
}

// Page furniture that is not the resource's content.
bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_HEAD: return true;
    default: return false;
  }
}

void append_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (node->type == GUMBO_NODE_WHITESPACE) {
    out += ' ';
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || is_skipped(node->v.element.tag)) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    append_text(static_cast<const GumboNode*>(children.data[i]), out);
  }
  if (is_block(node->v.element.tag)) out += '\n';
}

std::string text_of(const GumboNode* node) {
  std::string text;
  append_text(node, text);
  return text;
}

// The charset a page declares (<meta charset> or http-equiv Content-Type), lower case.
std::string declared_charset(const GumboNode* root) {
  std::string charset;
  for_each_element(root, [&](const GumboNode* node) {
    if (!charset.empty() || node->v.element.tag != GUMBO_TAG_META) return;
    charset = lower_ascii(attribute(node, "charset"));
    if (!charset.empty()) return;
    if (lower_ascii(attribute(node, "http-equiv")) != "content-type") return;
    const std::string content = lower_ascii(attribute(node, "content"));
    const std::size_t at = content.find("charset=");
    if (at != std::string::npos) charset = content.substr(at + 8);
  });
  return charset;
}

// Converts `bytes` from `charset` to UTF-8 with ICU; nullopt when ICU does not know it.
std::optional<std::string> to_utf8(const std::string& bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t needed = ucnv_convert("UTF-8", charset.c_str(), nullptr, 0, bytes.data(),
                                      static_cast<int32_t>(bytes.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::nullopt;
  std::string converted(static_cast<std::size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  ucnv_convert("UTF-8", charset.c_str(), converted.data(), needed, bytes.data(),
               static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  return converted;
}

int line_of(const GumboNode* node) { return static_cast<int>(node->v.element.start_pos.line); }

class HtmlReader final : public FormatReader {
 public:
  std::string_view name() const override { return "html"; }

  void read(const InputFile& file, const ReadOptions& options,
            const ItemSink& sink) const override {
    std::string html = read_file_bytes(file.path.string());
    auto fail = [&](int line, std::string field, std::string message) {
      sink(failure_item(file.display, line, std::move(field), std::move(message)));
    };
    ImportItem item;
    item.where = {file.display, 1};
    std::unique_ptr<GumboDocument> document = std::make_unique<GumboDocument>(html);
    const std::string charset = declared_charset(document->output->root);
    if (!charset.empty() && charset != "utf-8" && charset != "utf8") {
      std::optional<std::string> converted = to_utf8(html, charset);
      if (!converted) return fail(1, "encoding", "unknown charset '" + charset + "'");
      html = std::move(*converted);
      document = std::make_unique<GumboDocument>(html);
    } else if (auto problem = utf8_problem(html)) {
      return fail(line_at(html, *first_invalid_utf8(html)), "encoding",
                  *problem + " or declare its charset in <meta charset>");
    }
    const GumboNode* root = document->output->root;
    json& fields = item.fields;
    auto set = [&](const char* field, const std::string& value, const GumboNode* where) {
      if (value.empty() || fields.contains(field)) return;
      fields[field] = value;
      item.field_lines[field] = line_of(where);
    };
    read_embedded_json_ld(root, item);
    // Asked for explicitly: wins over <html lang>.
    if (file.path_language) fields["inLanguage"] = *file.path_language;
    set("inLanguage", attribute(root, "lang"), root);
    if (const GumboNode* title = first_element(root, GUMBO_TAG_TITLE)) {
      set("title", text_of_title(title), title);
    }
    std::vector<std::string> alternates;
    for_each_element(root, [&](const GumboNode* node) {
      if (node->v.element.tag == GUMBO_TAG_META) {
        const std::string name =
            lower_ascii(attribute(node, "name")) + lower_ascii(attribute(node, "property"));
        const std::string content = attribute(node, "content");
        if (name == "description" || name == "og:description") set("description", content, node);
        if (name == "keywords") set("keywords", content, node);
        if (name == "author") set("author", content, node);
      } else if (node->v.element.tag == GUMBO_TAG_LINK) {
        const std::string rel = lower_ascii(attribute(node, "rel"));
        if (rel == "canonical") set("url", attribute(node, "href"), node);
        if (rel == "license") set("license", attribute(node, "href"), node);
        // <link rel="alternate" hreflang="fr" href="..">: the same page in another
        // language (x-default included), as sites tell search engines.
        if (has_token(rel, "alternate") && !attribute(node, "hreflang").empty() &&
            !attribute(node, "href").empty()) {
          alternates.push_back(attribute(node, "href"));
          if (!item.field_lines.count("workTranslation")) {
            item.field_lines["workTranslation"] = line_of(node);
          }
        }
      }
    });
    const GumboNode* content = first_element(root, GUMBO_TAG_MAIN);
    if (!content) content = first_element(root, GUMBO_TAG_ARTICLE);
    if (!content) content = first_element(root, GUMBO_TAG_BODY);
    if (content && !fields.contains("text")) set("text", text_of(content), content);
    if (!fields.contains("id")) fields["id"] = file.id_from_path;
    resolve_page_address(options, file, fields);
    add_version_links(alternates, item);
    sink(std::move(item));
  }

 private:
  // The page's own address is --base-url joined with its path by RFC 3986 rules; a
  // relative canonical link is resolved against it (a page's <link rel=canonical
  // href="apt.html"> names a sibling). Without a base, a relative link is left as
  // written, so that validation names it.
  static void resolve_page_address(const ReadOptions& options, const InputFile& file,
                                   json& fields) {
    std::optional<std::string> page;
    if (!options.base_url.empty()) {
      page = resolve_reference(options.base_url, path_reference(file.relative));
    }
    if (!fields.contains("url")) {
      if (page) fields["url"] = *page;
      return;
    }
    if (!fields["url"].is_string()) return;
    const std::string canonical = fields["url"].get<std::string>();
    if (auto absolute = resolve_reference(page.value_or(""), canonical)) fields["url"] = *absolute;
  }

  static bool has_token(const std::string& list, std::string_view token) {
    std::size_t start = 0;
    while (start < list.size()) {
      const std::size_t end = std::min(list.find_first_of(" \t\n\r\f", start), list.size());
      if (std::string_view(list).substr(start, end - start) == token) return true;
      start = end + 1;
    }
    return false;
  }

  // Alternates are made absolute against the page's address; the page itself, which
  // sites list among its own alternates, is left out. A link that cannot be resolved is
  // kept as written, so that validation names it.
  static void add_version_links(const std::vector<std::string>& alternates, ImportItem& item) {
    if (alternates.empty() || item.fields.contains("workTranslation")) return;
    json& fields = item.fields;
    const std::string self =
        fields.contains("url") && fields["url"].is_string() ? fields["url"].get<std::string>() : "";
    json links = json::array();
    for (const std::string& href : alternates) {
      const std::optional<std::string> absolute = resolve_reference(self, href);
      const std::string link = absolute.value_or(href);
      if (!self.empty() && url_key(link) == url_key(self)) continue;
      if (std::find(links.begin(), links.end(), link) == links.end()) links.push_back(link);
    }
    if (!links.empty()) fields["workTranslation"] = std::move(links);
  }

  static std::string text_of_title(const GumboNode* title) {
    std::string text = text_of(title);
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
  }

  // <script type="application/ld+json"> describing the page as a creative work.
  static void read_embedded_json_ld(const GumboNode* root, ImportItem& item) {
    for_each_element(root, [&](const GumboNode* node) {
      if (node->v.element.tag != GUMBO_TAG_SCRIPT ||
          lower_ascii(attribute(node, "type")) != "application/ld+json" ||
          node->v.element.children.length == 0) {
        return;
      }
      const auto* text = static_cast<const GumboNode*>(node->v.element.children.data[0]);
      const json document = json::parse(text->v.text.text, nullptr, /*allow_exceptions=*/false);
      if (document.is_discarded()) return;  // broken metadata: fall back to <head>
      for (const json& candidate : json_ld_nodes(document)) {
        JsonLdMapping mapped = native_from_json_ld(candidate);
        if (!mapped.fields) continue;
        for (auto& [key, value] : mapped.fields->items()) {
          if (!item.fields.contains(key)) {
            item.fields[key] = value;
            item.field_lines[key] = line_of(node);
          }
        }
        return;
      }
    });
  }
};

}  // namespace

std::unique_ptr<FormatReader> make_html_reader() { return std::make_unique<HtmlReader>(); }

}  // namespace agora::index
