// Text extraction from the handbook's HTML with gumbo (script and style skipped).
#include "handbook_text.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gumbo.h>

namespace agora::bench {
namespace {

void append_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT) {
    out += node->v.text.text;
    out += ' ';
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    append_text(static_cast<const GumboNode*>(children.data[i]), out);
  }
}

std::string page_text(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream html;
  html << file.rdbuf();
  const std::string source = html.str();
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, source.data(),
                                                 source.size());
  std::string text;
  append_text(output->root, text);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return text;
}

}  // namespace

std::vector<HandbookEdition> read_handbook(const std::filesystem::path& root,
                                           std::size_t max_bytes) {
  if (!std::filesystem::is_directory(root)) {
    throw std::runtime_error(root.string() + " is missing: apt-get install debian-handbook");
  }
  std::vector<HandbookEdition> editions;
  for (const auto& folder : std::filesystem::directory_iterator(root)) {
    if (!folder.is_directory()) continue;
    HandbookEdition edition{folder.path().filename().string(), {}, 0};
    std::vector<std::filesystem::path> pages;
    for (const auto& file : std::filesystem::directory_iterator(folder.path())) {
      if (file.path().extension() == ".html") pages.push_back(file.path());
    }
    std::sort(pages.begin(), pages.end());
    for (const auto& page : pages) {
      if (edition.bytes >= max_bytes) break;
      edition.pages.push_back(page_text(page));
      edition.bytes += edition.pages.back().size();
    }
    editions.push_back(std::move(edition));
  }
  std::sort(editions.begin(), editions.end(),
            [](const auto& a, const auto& b) { return a.folder < b.folder; });
  return editions;
}

}  // namespace agora::bench
