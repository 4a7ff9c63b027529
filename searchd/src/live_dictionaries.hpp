// The query-translation dictionaries that searches use: read at start, and read again on
// a reload when the settings name other ones or `agora-index dictionaries` rewrote them.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "agora/analyzers/registry.hpp"
#include "agora/index/dictionaries.hpp"
#include "agora/searchd/server_config.hpp"
#include "live_settings.hpp"

namespace agora::searchd {

class LiveDictionaries {
 public:
  LiveDictionaries(const ServerConfig& config, const analyzers::Registry& registry);

  /// The dictionaries to search with; kept alive by the caller while it uses them.
  std::shared_ptr<const index::Dictionaries> get() const { return current_.get(); }

  /// Maps them again when translation was turned on or off, another file is named, or
  /// the file changed since it was mapped; true when it did. What it found is logged.
  bool reload(const ServerConfig& config);

 private:
  /// The file's identity when it was mapped: another file or a rewrite changes it.
  struct Source {
    bool translation = false;
    std::filesystem::path path;
    std::optional<std::filesystem::file_time_type> modified;
    bool operator==(const Source&) const = default;
  };
  static Source source_of(const ServerConfig& config);
  std::shared_ptr<const index::Dictionaries> load(const Source& source) const;

  const analyzers::Registry& registry_;
  Source loaded_;
  Live<index::Dictionaries> current_;
};

}  // namespace agora::searchd
