// The handbook's pages read by the indexer's own HTML reader, so that the benchmarks
// measure the text the index is built from.
#include "handbook_text.hpp"

#include <algorithm>
#include <stdexcept>

#include "agora/index/importer.hpp"

namespace agora::bench {

std::vector<HandbookEdition> read_handbook(const std::filesystem::path& root,
                                           std::size_t max_bytes) {
  if (!std::filesystem::is_directory(root)) {
    throw std::runtime_error(root.string() + " is missing: apt-get install debian-handbook");
  }
  const index::FormatReader& html = *index::reader_for("html");
  std::vector<HandbookEdition> editions;
  for (const auto& folder : std::filesystem::directory_iterator(root)) {
    if (!folder.is_directory()) continue;
    HandbookEdition edition{folder.path().filename().string(), {}, {}, 0};
    std::vector<std::filesystem::path> pages;
    for (const auto& file : std::filesystem::directory_iterator(folder.path())) {
      if (file.path().extension() == ".html") pages.push_back(file.path());
    }
    std::sort(pages.begin(), pages.end());
    for (const auto& page : pages) {
      if (edition.bytes >= max_bytes) break;
      const std::string name = page.filename().string();
      html.read({page, name, name, name, std::nullopt, std::nullopt}, {},
                [&](index::ImportItem&& item) {
                  std::string text;
                  for (const char* field : {"title", "description", "text"}) {
                    if (item.fields.contains(field) && item.fields[field].is_string()) {
                      text += item.fields[field].get<std::string>();
                      text += '\n';
                    }
                  }
                  edition.bytes += text.size();
                  edition.pages.push_back(std::move(text));
                  edition.titles.push_back(item.fields.value("title", name));
                });
    }
    editions.push_back(std::move(edition));
  }
  std::sort(editions.begin(), editions.end(),
            [](const auto& a, const auto& b) { return a.folder < b.folder; });
  return editions;
}

}  // namespace agora::bench
