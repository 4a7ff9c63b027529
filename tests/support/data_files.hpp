// Locating the conformance data that Debian packages install, with overrides for elsewhere.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>

#include <unicode/utf8.h>

namespace agora::test {

/// `$variable` when set, otherwise `fallback`.
inline std::string directory_from_env(const char* variable, const char* fallback) {
  const char* value = std::getenv(variable);
  return value && *value ? value : fallback;
}

/// Unicode data files (Debian package unicode-data); override with AGORA_UNICODE_DATA.
inline std::string unicode_data_dir() {
  return directory_from_env("AGORA_UNICODE_DATA", "/usr/share/unicode");
}

/// Snowball vocabularies (Debian package snowball-data); override with AGORA_SNOWBALL_DATA.
inline std::string snowball_data_dir() {
  return directory_from_env("AGORA_SNOWBALL_DATA", "/usr/share/snowball/data");
}

/// Opens `path` or throws with the package that provides it.
inline std::ifstream open_data_file(const std::string& path, const std::string& package) {
  std::ifstream file(path);
  if (!file) {
    throw std::runtime_error(path + " is missing: apt-get install " + package +
                             " (or run scripts/install-deps.sh)");
  }
  return file;
}

/// The whole content of `path`, or of `path`.gz / `path`.bz2 as Debian sometimes ships
/// large files compressed; throws with the package name when none exists.
inline std::string read_data_file(const std::string& path, const std::string& package) {
  for (const auto& [suffix, command] : {std::pair{".gz", "zcat"}, std::pair{".bz2", "bzcat"}}) {
    if (!std::ifstream(path + suffix)) continue;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(
        popen((std::string(command) + " '" + path + suffix + "'").c_str(), "r"), pclose);
    if (!pipe) throw std::runtime_error(std::string("cannot run ") + command);
    std::string content;
    char buffer[1 << 16];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) {
      content.append(buffer, n);
    }
    return content;
  }
  std::ifstream file = open_data_file(path, package);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

/// Appends the UTF-8 encoding of one code point (surrogates included, as test data has them).
inline void append_utf8(std::string& out, char32_t c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
  out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace agora::test
