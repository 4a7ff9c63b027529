// Recent result pages, so that a repeated search (a shared link, a page reload, the same
// popular query from many learners) costs a lookup.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "agora/index/search.hpp"

namespace agora::searchd {

/// Which index, at which commit, a result was computed from. An index rebuilt or
/// compacted into place has another uuid and starts again at a low revision.
struct IndexVersion {
  IndexVersion(Xapian::rev revision, std::string uuid = {})
      : revision(revision), uuid(std::move(uuid)) {}
  Xapian::rev revision;
  std::string uuid;
};

/// A least-recently-used cache of search results for one index, shared by the worker
/// threads. Entries belong to an index version: the first lookup that sees a newer
/// revision (a commit by agora-index or an approval) or another index empties the cache.
class ResultCache {
 public:
  explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

  /// The cached result of `request` at `version`, or nullptr.
  std::shared_ptr<const index::SearchResult> find(const index::SearchRequest& request,
                                                  const IndexVersion& version);
  /// Keeps `result` of `request` at `version`.
  void keep(const index::SearchRequest& request, const IndexVersion& version,
            std::shared_ptr<const index::SearchResult> result);

  std::size_t size() const;

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const index::SearchResult>>;
  /// Empties the cache for a newer version; true when `version` is the cache's.
  bool adopt_locked(const IndexVersion& version);

  std::size_t capacity_;
  mutable std::mutex mutex_;
  IndexVersion version_{0};
  std::list<Entry> recent_;  ///< most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

/// Everything in a request that changes its result, as one string.
std::string cache_key(const index::SearchRequest& request);

}  // namespace agora::searchd
