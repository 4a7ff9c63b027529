// The background writer that publishes approved work into the Xapian index.
#include "agora/community/index_sync.hpp"

#include <iostream>
#include <vector>

#include "agora/error.hpp"
#include "agora/index/index_writer.hpp"
#include "agora/index/record_builder.hpp"
#include "resource_rows.hpp"

namespace agora::community {
namespace {

constexpr auto kRetryInterval = std::chrono::seconds(3);

struct PendingUpdate {
  std::string id;
  std::int64_t wanted = 0;
  std::optional<nlohmann::json> record;  ///< nullopt: remove from the index
};

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
  state_.write([&](sqlite::Connection& connection) {
    // Deleted rows too: an index rebuilt from the original files may hold them again.
    sqlite::Statement(connection,
                      "UPDATE resources SET index_wanted = index_done + 1 "
                      "WHERE status IN ('published', 'deleted')")
        .run();
    sqlite::Statement(connection,
                      "INSERT INTO settings (key, value) VALUES ('index_uuid', ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, uuid)
        .run();
  });
}

bool IndexSync::sync_now() {
  std::lock_guard<std::mutex> lock(sync_mutex_);
  notice_rebuilt_index();
  const std::vector<PendingUpdate> updates = state_.read([](sqlite::Connection& connection) {
    std::vector<PendingUpdate> found;
    sqlite::Statement query(connection,
                            "SELECT id, index_wanted FROM resources WHERE index_wanted > index_done");
    while (query.step()) found.push_back({query.text(0), query.integer(1), std::nullopt});
    for (PendingUpdate& update : found) update.record = record_to_publish(connection, update.id);
    return found;
  });
  if (updates.empty()) return true;
  try {
    index::IndexWriter writer(index_directory_, registry_);
    for (const PendingUpdate& update : updates) {
      if (!update.record) {
        writer.remove(update.id);
        continue;
      }
      index::ImportItem item;
      item.where = {"state:" + update.id, 0};
      item.fields = *update.record;
      const index::BuiltRecord built = index::build_record(item, "", detector_);
      if (!built.record) {
        // Validated at submission; only a change of the rules since could get here.
        std::cerr << "agora-searchd: resource " << update.id << " no longer validates: "
                  << built.errors.front().field << ": " << built.errors.front().message << '\n';
        continue;
      }
      writer.upsert(*built.record);
    }
    writer.commit();
  } catch (const Error& error) {
    std::cerr << "agora-searchd: index not updated yet (will retry): " << error.what() << '\n';
    return false;
  } catch (const Xapian::Error& error) {
    std::cerr << "agora-searchd: index not updated yet (will retry): "
              << error.get_description() << '\n';
    return false;
  }
  state_.write([&](sqlite::Connection& connection) {
    for (const PendingUpdate& update : updates) {
      sqlite::Statement(connection, "UPDATE resources SET index_done = ? WHERE id = ?")
          .bind_all(update.wanted, update.id)
          .run();
    }
  });
  return true;
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
