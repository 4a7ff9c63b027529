// The background writer that publishes approved work into the Xapian index.
#include "agora/community/index_sync.hpp"

#include <iostream>
#include <vector>

#include "agora/error.hpp"
#include "agora/index/index_writer.hpp"
#include "agora/index/record_builder.hpp"
#include "agora/index/search.hpp"
#include "resource_rows.hpp"

namespace agora::community {
namespace {

constexpr auto kRetryInterval = std::chrono::seconds(3);

struct PendingUpdate {
  std::string id;
  std::int64_t wanted = 0;
  std::optional<nlohmann::json> record;  ///< nullopt: remove from the index
  bool as_imported = false;              ///< take the record from the index, ratings from here
};

// An imported record as the index has it now (agora-index may have updated it since it was
// adopted), with the ratings of `ours`; `ours` itself when the index does not have it (a
// restore after a deletion).
nlohmann::json current_import(index::Searcher& reader, const std::string& id,
                              const nlohmann::json& ours) {
  std::optional<nlohmann::json> record = reader.resource(id);
  if (!record) return ours;
  if (ours.contains("aggregateRating")) (*record)["aggregateRating"] = ours["aggregateRating"];
  return *record;
}

}  // namespace

IndexSync::IndexSync(StateDatabase& state, std::filesystem::path index_directory,
                     const analyzers::Registry& registry)
    : state_(state), index_directory_(std::move(index_directory)), registry_(registry) {}

IndexSync::~IndexSync() { stop(); }

void IndexSync::notice_rebuilt_index() {
  std::string uuid;
  try {
    uuid = Xapian::Database(index_directory_.string()).get_uuid();
  } catch (const Xapian::DatabaseOpeningError&) {
    return;  // no index yet: the first publication creates it
  }
  const auto known = state_.read([](sqlite::Connection& connection) {
    sqlite::Statement query(connection, "SELECT value FROM settings WHERE key = 'index_uuid'");
    return query.step() ? query.text(0) : std::string();
  });
  if (known == uuid) return;
  // Imported records that the rebuilt index no longer has were dropped from the files they
  // came from: those stay out, whatever ratings they had.
  std::vector<std::string> dropped;
  {
    index::Searcher reader(index_directory_, registry_);
    const std::vector<std::string> imported = state_.read([](sqlite::Connection& connection) {
      std::vector<std::string> ids;
      sqlite::Statement query(connection, "SELECT id FROM resources WHERE status = 'published'");
      while (query.step()) {
        if (published_as_imported(connection, query.text(0))) ids.push_back(query.text(0));
      }
      return ids;
    });
    for (const std::string& id : imported) {
      if (!reader.resource(id)) dropped.push_back(id);
    }
  }
  state_.write([&](sqlite::Connection& connection) {
    // Deleted rows too: an index rebuilt from the original files may hold them again.
    sqlite::Statement(connection,
                      "UPDATE resources SET index_wanted = index_done + 1 "
                      "WHERE status IN ('published', 'deleted')")
        .run();
    for (const std::string& id : dropped) {
      sqlite::Statement(connection, "UPDATE resources SET index_done = index_wanted WHERE id = ?")
          .bind(1, id)
          .run();
    }
    sqlite::Statement(connection,
                      "INSERT INTO settings (key, value) VALUES ('index_uuid', ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, uuid)
        .run();
  });
}

bool IndexSync::sync_now() {
  std::lock_guard<std::mutex> lock(sync_mutex_);
  // Whatever fails here (another process writing the index, a full disk) leaves the rows
  // behind, and the background thread tries again.
  try {
    notice_rebuilt_index();
    write_pending();
    return true;
  } catch (const std::exception& error) {
    std::cerr << "agora-searchd: index not updated yet (will retry): " << error.what() << '\n';
  } catch (const Xapian::Error& error) {
    std::cerr << "agora-searchd: index not updated yet (will retry): " << error.get_description()
              << '\n';
  }
  return false;
}

void IndexSync::write_pending() {
  const std::vector<PendingUpdate> updates = state_.read([](sqlite::Connection& connection) {
    std::vector<PendingUpdate> found;
    sqlite::Statement query(
        connection, "SELECT id, index_wanted FROM resources WHERE index_wanted > index_done");
    while (query.step()) found.push_back({query.text(0), query.integer(1), std::nullopt, false});
    for (PendingUpdate& update : found) {
      update.record = record_to_publish(connection, update.id);
      update.as_imported = update.record && published_as_imported(connection, update.id);
    }
    return found;
  });
  if (updates.empty()) return;
  std::optional<index::Searcher> reader;
  index::IndexWriter writer(index_directory_, registry_);
  for (const PendingUpdate& update : updates) {
    if (!update.record) {
      writer.remove(update.id);
      continue;
    }
    std::optional<nlohmann::json> fields = update.record;
    if (update.as_imported) {
      if (!reader) reader.emplace(index_directory_, registry_);
      fields = current_import(*reader, update.id, *update.record);
    }
    index::ImportItem item;
    item.where = {"state:" + update.id, 0};
    item.fields = *fields;
    const index::BuiltRecord built = index::build_record(item, "", detector_);
    if (!built.record) {
      // Validated at submission; only a change of the rules since could get here.
      std::cerr << "agora-searchd: resource " << update.id
                << " no longer validates: " << built.errors.front().field << ": "
                << built.errors.front().message << '\n';
      continue;
    }
    writer.upsert(*built.record);
  }
  writer.commit();
  state_.write([&](sqlite::Connection& connection) {
    for (const PendingUpdate& update : updates) {
      sqlite::Statement(connection, "UPDATE resources SET index_done = ? WHERE id = ?")
          .bind_all(update.wanted, update.id)
          .run();
    }
  });
}

void IndexSync::sync_soon() {
  {
    std::lock_guard<std::mutex> lock(wake_mutex_);
    wanted_ = true;
  }
  wake_.notify_one();
}

void IndexSync::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void IndexSync::stop() {
  {
    std::lock_guard<std::mutex> lock(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void IndexSync::run() {
  for (;;) {
    try {
      sync_now();
    } catch (const std::exception& error) {
      std::cerr << "agora-searchd: index sync failed: " << error.what() << '\n';
    }
    std::unique_lock<std::mutex> lock(wake_mutex_);
    wake_.wait_for(lock, kRetryInterval, [this] { return wanted_ || stopping_; });
    if (stopping_) return;
    wanted_ = false;
  }
}

}  // namespace agora::community
