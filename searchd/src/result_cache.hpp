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

/// A least-recently-used cache of search results for one index, shared by the worker
/// threads. Entries belong to an index revision: the first lookup that sees a newer
/// revision (a commit by agora-index or an approval) empties the cache.
class ResultCache {
 public:
  explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

  /// The cached result of `request` at `revision`, or nullptr.
  std::shared_ptr<const index::SearchResult> find(const index::SearchRequest& request,
                                                  Xapian::rev revision);
  /// Keeps `result` of `request` at `revision`.
  void keep(const index::SearchRequest& request, Xapian::rev revision,
            std::shared_ptr<const index::SearchResult> result);

  std::size_t size() const;

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const index::SearchResult>>;
  void forget_older_than_locked(Xapian::rev revision);

  std::size_t capacity_;
  mutable std::mutex mutex_;
  Xapian::rev revision_ = 0;
  std::list<Entry> recent_;  ///< most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

/// Everything in a request that changes its result, as one string.
std::string cache_key(const index::SearchRequest& request);

}  // namespace agora::searchd
