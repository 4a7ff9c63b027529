#include "live_dictionaries.hpp"

#include <chrono>
#include <cmath>
#include <iostream>
#include <string>

#include "agora/error.hpp"

namespace agora::searchd {

LiveDictionaries::LiveDictionaries(const ServerConfig& config, const analyzers::Registry& registry)
    : registry_(registry), loaded_(source_of(config)), current_(load(loaded_)) {}

LiveDictionaries::Source LiveDictionaries::source_of(const ServerConfig& config) {
  Source source;
  source.translation = config.translation;
  if (!source.translation) return source;
  source.path = config.dictionaries.empty() ? index::default_compiled_dictionaries_path()
                                            : std::filesystem::path(config.dictionaries);
  std::error_code missing;
  const auto modified = std::filesystem::last_write_time(source.path, missing);
  if (!missing) source.modified = modified;
  return source;
}

// What is missing is said once per mapping, not per query.
std::shared_ptr<const index::Dictionaries> LiveDictionaries::load(const Source& source) const {
  auto dictionaries = std::make_shared<index::Dictionaries>();
  if (!source.translation) return dictionaries;
  const auto start = std::chrono::steady_clock::now();
  try {
    *dictionaries = index::Dictionaries::open(source.path, registry_);
  } catch (const InvalidInput& error) {
    std::cerr << "agora-searchd: translation: " << error.what() << '\n';
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (dictionaries->empty()) {
    std::cerr << "agora-searchd: translation: no dictionaries found; queries are searched "
                 "as typed (docs/cross-lingual.md)\n";
  } else {
    std::cerr << "agora-searchd: translation: " << dictionaries->sources().size()
              << " dictionaries, " << dictionaries->bytes() / (1 << 20) << " MB mapped in "
              << std::round(seconds * 1e4) / 10 << " ms\n";
  }
  return dictionaries;
}

bool LiveDictionaries::reload(const ServerConfig& config) {
  Source source = source_of(config);
  if (source == loaded_) return false;
  current_.replace(load(source));
  loaded_ = std::move(source);
  return true;
}

}  // namespace agora::searchd
