// Keeps the search index in step with what the collaboration state says is published.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "agora/community/published_index.hpp"
#include "agora/community/record_rules.hpp"
#include "agora/community/state_database.hpp"

namespace agora::community {

/// Each resource row counts the index updates it wants (index_wanted) and the ones done
/// (index_done). A sync writes the published revision (with its ratings) of every row
/// that is behind, or removes it from the index when it is no longer published, commits,
/// then marks the rows done. A crash between the state commit and the index commit only
/// leaves rows behind, and the next sync (at start-up at the latest) catches up.
/// An index rebuilt from scratch (a new Xapian UUID) gets every published resource again.
/// A record that no longer passes the record rules stays behind with the reason in its
/// row (`index_problem`, shown with the submission), and is tried again at each sync.
class IndexSync {
 public:
  IndexSync(StateDatabase& state, PublishedIndex& index, const RecordRules& rules);
  ~IndexSync();

  /// Catches up now, on the calling thread; false when the index could not be written
  /// (another writer holds it), in which case the background thread retries.
  bool sync_now();
  /// Asks the background thread to catch up soon (ratings need not be instant).
  void sync_soon();
  /// Starts the background thread, which catches up at once and then every few seconds.
  void start();
  void stop();

 private:
  void run();
  /// Writes every row that is behind into the index, commits, then marks them done.
  void write_pending();
  /// Marks every published or deleted row as behind when the index is not the one the
  /// state last saw (run.sh rebuilds it from the corpus, for instance).
  void notice_rebuilt_index();

  StateDatabase& state_;
  PublishedIndex& index_;
  const RecordRules& rules_;
  std::mutex sync_mutex_;  ///< one sync at a time: Xapian allows one writer
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace agora::community
