#include "agora/index/schema_check.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "agora/error.hpp"
#include "agora/index/index_schema.hpp"

namespace agora::index {
namespace {

// The versions this build searches. When kVersion changes and the reader can still make
// sense of the previous one, keep it here, with its fixture in tests/fixtures and a case in
// tests/indexer/compatibility_test.cpp.
constexpr std::string_view kReadableVersions[] = {schema::kVersion};

// A path as a shell word: quoted when it holds anything but the harmless characters.
std::string shell_word(const std::string& text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("/._-+:@").find(c) != std::string_view::npos;
  });
  if (plain) return text;
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

std::string rebuild_commands(const std::filesystem::path& directory) {
  std::filesystem::path trimmed = directory;
  if (!trimmed.has_filename()) trimmed = trimmed.parent_path();
  const std::string old_index = shell_word(trimmed.string());
  const std::string records = shell_word(trimmed.string() + ".jsonl");
  const std::string new_index = shell_word(trimmed.string() + ".new");
  return "  agora-index export --db " + old_index + " > " + records + "\n  agora-index add --db " +
         new_index + " " + records + "\n  mv " + old_index + " " +
         shell_word(trimmed.string() + ".old") + " && mv " + new_index + " " + old_index + "\n";
}

void require_readable_schema(const Xapian::Database& database,
                             const std::filesystem::path& directory) {
  const std::string version = database.get_metadata(std::string(schema::kVersionKey));
  if (version.empty() && database.get_doccount() == 0) return;
  if (std::find(std::begin(kReadableVersions), std::end(kReadableVersions), version) !=
      std::end(kReadableVersions)) {
    return;
  }
  const std::string found = version.empty() ? "no schema version (made before versions were kept)"
                                            : "schema version " + version;
  throw CorruptIndex("index " + directory.string() + " has " + found + "; this build reads " +
                     std::string(schema::kVersion) + ". Rebuild it from its records:\n" +
                     rebuild_commands(directory));
}

}  // namespace agora::index
