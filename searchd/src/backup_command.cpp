#include "backup_command.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <ostream>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "agora/build_info.hpp"
#include "agora/community/secrets.hpp"
#include "agora/community/state_snapshot.hpp"
#include "agora/error.hpp"
#include "agora/index/index_snapshot.hpp"
#include "agora/index/schema_check.hpp"

namespace agora::searchd {

namespace fs = std::filesystem;

namespace {

constexpr const char* kManifest = "backup.json";
constexpr const char* kIndex = "index";
constexpr const char* kState = "state.sqlite";

// `path` without a trailing slash, so that siblings can be named after it.
fs::path trimmed(const std::string& path) {
  fs::path made(path);
  return made.has_filename() ? made : made.parent_path();
}

// NAME.replaced-20261204T101500Z beside NAME.
fs::path aside(const fs::path& path) {
  char stamp[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", std::gmtime(&now));
  fs::path moved = path;
  moved += std::string(".replaced-") + stamp;
  // Two restores within a second must not put the second's old files onto the first's.
  for (int again = 2; fs::exists(moved); ++again) {
    moved = path;
    moved += std::string(".replaced-") + stamp + "-" + std::to_string(again);
  }
  return moved;
}

void write_manifest(const fs::path& file, const nlohmann::json& manifest) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << manifest.dump(2) << '\n';
  out.close();
  if (!out) throw InvalidInput(file.string() + " cannot be written");
}

nlohmann::json read_manifest(const fs::path& directory) {
  const fs::path file = directory / kManifest;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw InvalidInput(directory.string() + " is not an Agora backup (it has no " + kManifest +
                       ")");
  }
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& error) {
    throw InvalidInput(file.string() + ": " + error.what());
  }
}

}  // namespace

void back_up(const ServerConfig& config, const std::string& directory, std::ostream& out) {
  const fs::path target(directory);
  if (fs::exists(target) && !fs::is_empty(target)) {
    throw InvalidInput(directory + " is not empty: back up into a new folder");
  }
  fs::create_directories(target);
  // The index first: a state newer than its index is caught up at start-up
  // (state_snapshot.hpp), an index newer than its state would keep what the state undid.
  const index::IndexSnapshot index = index::snapshot_index(config.db, target / kIndex);
  nlohmann::json manifest = {
      {"agora_version", kVersion},
      {"created", community::iso_time(community::now_seconds())},
      {"index",
       {{"from", config.db},
        {"documents", index.documents},
        {"revision", index.revision},
        {"schema_version", index.schema_version}}},
  };
  const fs::path state = state_path(config);
  if (fs::exists(state)) {
    const int version = community::snapshot_state(state, target / kState);
    manifest["state"] = {{"from", state.string()}, {"schema_version", version}};
  }
  write_manifest(target / kManifest, manifest);
  out << "backed up " << index.documents << " documents (revision " << index.revision << ")"
      << (manifest.contains("state") ? " and the state database" : " (no state database yet)")
      << " into " << directory << '\n';
}

void restore(const ServerConfig& config, const std::string& directory, std::ostream& out) {
  const fs::path source(directory);
  const nlohmann::json manifest = read_manifest(source);
  const fs::path index_copy = source / kIndex;
  try {
    index::require_readable_schema(Xapian::Database(index_copy.string()), index_copy);
  } catch (const Xapian::DatabaseOpeningError& error) {
    throw InvalidInput(index_copy.string() +
                       " is not a readable index: " + error.get_description());
  }
  const bool has_state = manifest.contains("state");
  if (has_state && !fs::exists(source / kState)) {
    throw InvalidInput(directory + ": " + kManifest + " names a state database but " + kState +
                       " is missing");
  }

  // Copy first, then swap: a failure half-way leaves the running data as it was.
  const fs::path db = trimmed(config.db);
  fs::path incoming = db;
  incoming += ".restoring";
  fs::remove_all(incoming);
  if (db.has_parent_path()) fs::create_directories(db.parent_path());
  fs::copy(index_copy, incoming, fs::copy_options::recursive);
  if (fs::exists(db)) {
    const fs::path moved = aside(db);
    fs::rename(db, moved);
    out << "moved the index that was there to " << moved.string() << '\n';
  }
  fs::rename(incoming, db);
  out << "restored the index (" << manifest["index"].value("documents", 0) << " documents)\n";

  if (has_state) {
    const fs::path state = state_path(config);
    if (fs::exists(state)) {
      const fs::path moved = aside(state);
      for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::path file = state, file_moved = moved;
        file += suffix;
        file_moved += suffix;
        if (fs::exists(file)) fs::rename(file, file_moved);
      }
      out << "moved the state database that was there to " << moved.string() << '\n';
    }
    community::restore_state(source / kState, state);
    out << "restored the state database; the daemon writes its published resources into the "
           "index again when it starts\n";
  }
}

}  // namespace agora::searchd
