// Reads a dictionary in the dictd format FreeDict ships: NAME.index (one line per
// headword: the word, then the offset and length of its article in base64 digits) and
// NAME.dict.dz (the articles, dictzip-compressed, which any gzip reader can inflate).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "agora/index/dictionaries.hpp"

namespace agora::index {

/// Every headword of the pair at `base` ("…/freedict-eng-fra", without extension) with the
/// translations its articles give. Throws agora::InvalidInput naming the file and line of
/// the first malformed index line, an article outside the data, or unreadable data.
std::vector<DictionaryEntry> read_dictd(const std::filesystem::path& base);

/// The translations one article lists (exposed for tests). FreeDict articles differ in
/// shape between editions: a headword line, then either numbered senses ("1. a, b") or
/// one line of translations, followed by indented examples, notes and cross-references,
/// and in the Wiktionary-based editions a line of English gloss after each sense.
std::vector<std::string> translations_in_article(std::string_view article);

/// Splits one line of translations ("Netz <neut>, Netzwerk [comp.]; réseau") into its
/// alternatives, without grammatical labels, usage notes or trailing examples.
std::vector<std::string> split_alternatives(std::string_view line);

}  // namespace agora::index
