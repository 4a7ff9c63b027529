// The background writer that publishes approved work into the Xapian index.
#include "agora/community/index_sync.hpp"

#include <iostream>
#include <vector>

#include <xapian.h>

#include "agora/error.hpp"
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
nlohmann::json current_import(PublishedIndex& index, const std::string& id,
                              const nlohmann::json& ours) {
  std::optional<nlohmann::json> record = index.record(id);
  if (!record) return ours;
  if (ours.contains("aggregateRating")) (*record)["aggregateRating"] = ours["aggregateRating"];
  return *record;
}

}  // namespace

IndexSync::IndexSync(StateDatabase& state, PublishedIndex& index, const RecordRules& rules)
    : state_(state), index_(index), rules_(rules) {}

IndexSync::~IndexSync() { stop(); }

void IndexSync::notice_rebuilt_index() {
  const std::string uuid = index_.identity();
  if (uuid.empty()) return;  // no index yet: the first publication creates it
  const auto known = state_.read([](sqlite::Connection& connection) {
    sqlite::Statement query(connection, "SELECT value FROM settings WHERE key = 'index_uuid'");
    return query.step() ? query.text(0) : std::string();
  });
  if (known == uuid) return;
  // Imported records that the rebuilt index no longer has were dropped from the files they
  // came from: those stay out, whatever ratings they had.
  std::vector<std::string> dropped;
  const std::vector<std::string> imported = state_.read([](sqlite::Connection& connection) {
    std::vector<std::string> ids;
    sqlite::Statement query(connection, "SELECT id FROM resources WHERE status = ?");
    query.bind(1, name_of(ResourceStatus::published));
    while (query.step()) {
      if (published_as_imported(connection, query.text(0))) ids.push_back(query.text(0));
    }
    return ids;
  });
  for (const std::string& id : imported) {
    if (!index_.record(id)) dropped.push_back(id);
  }
  state_.write([&](sqlite::Connection& connection) {
    // Deleted rows too: an index rebuilt from the original files may hold them again.
    sqlite::Statement(connection,
                      "UPDATE resources SET index_wanted = index_done + 1 "
                      "WHERE status IN (?, ?)")
        .bind_all(name_of(ResourceStatus::published), name_of(ResourceStatus::deleted))
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
  std::vector<index::Record> records;
  std::vector<std::string> removals;
  std::vector<const PendingUpdate*> written;
  std::vector<std::pair<const PendingUpdate*, std::string>> refused;
  for (const PendingUpdate& update : updates) {
    if (!update.record) {
      removals.push_back(update.id);
      written.push_back(&update);
      continue;
    }
    const nlohmann::json fields =
        update.as_imported ? current_import(index_, update.id, *update.record) : *update.record;
    index::BuiltRecord built = rules_.check_published(fields);
    if (!built.record) {
      // Validated at submission; a change of the rules since can get here. The row stays
      // behind, with the reason where its author and reviewers see it.
      refused.emplace_back(&update,
                           built.errors.front().field + ": " + built.errors.front().message);
      continue;
    }
    records.push_back(std::move(*built.record));
    written.push_back(&update);
  }
  if (!written.empty()) index_.publish(records, removals);
  state_.write([&](sqlite::Connection& connection) {
    for (const PendingUpdate* update : written) {
      sqlite::Statement(connection,
                        "UPDATE resources SET index_done = ?, index_problem = NULL WHERE id = ?")
          .bind_all(update->wanted, update->id)
          .run();
    }
    for (const auto& [update, problem] : refused) {
      sqlite::Statement(connection,
                        "UPDATE resources SET index_problem = ? "
                        "WHERE id = ? AND index_problem IS NOT ?")
          .bind_all(problem, update->id, problem)
          .run();
      // Said once, not at every retry.
      if (connection.changes() > 0) {
        std::cerr << "agora-searchd: resource " << update->id
                  << " is kept out of the index: " << problem << '\n';
      }
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
