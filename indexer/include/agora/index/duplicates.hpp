// What makes two resources the same: their address, or a near-identical title.
#pragma once

#include <string>
#include <vector>

#include "agora/analyzers/analyzer.hpp"

namespace agora::index {

/// The address with what rarely changes the resource taken away: the scheme, "www.",
/// letter case, the fragment and a trailing "/" ("HTTPS://www.Example.org/A/#x"
/// → "example.org/a").
std::string url_key(const std::string& url);

/// The words of a title as the index folds them (case and accents), parts of compounds
/// left out: "Créer une Coopérative" → {"creer", "une", "cooperative"}.
std::vector<std::string> title_words(const std::string& title, const analyzers::Analyzer& analyzer);

/// The title words as one string ("creer une cooperative"): how the index (value slot
/// kTitleSort) and the collaboration state keep them.
std::string title_key(const std::vector<std::string>& words);
/// The words of a title_key() again.
std::vector<std::string> words_of_title_key(std::string_view key);

/// Same words, or titles of four words or more that differ by one word (added, dropped
/// or replaced).
bool near_identical_titles(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace agora::index
