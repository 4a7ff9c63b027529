// Plain text of the debian-handbook's HTML pages, the benchmark corpus.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace agora::bench {

/// Where Debian's `debian-handbook` package installs the HTML book.
inline const std::filesystem::path kHandbookDir = "/usr/share/doc/debian-handbook/html";

/// One language edition of the handbook: its folder name ("pt-BR") and page texts.
struct HandbookEdition {
  std::string folder;
  std::vector<std::string> pages;
  std::vector<std::string> titles;  ///< of each page, in the same order
  std::size_t bytes = 0;
};

/// Reads every edition under `root`, keeping at most `max_bytes` of text per edition.
std::vector<HandbookEdition> read_handbook(const std::filesystem::path& root,
                                           std::size_t max_bytes);

}  // namespace agora::bench
