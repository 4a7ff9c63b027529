// The LRU of result pages.
#include "result_cache.hpp"

namespace agora::searchd {

std::string cache_key(const index::SearchRequest& request) {
  // Fields are separated by a byte no parameter may contain (parameters are checked UTF-8
  // text without control characters), so two requests never share a key.
  constexpr char kSeparator = '\x1f';
  std::string key = request.query;
  key += kSeparator + request.learner_language;
  key += kSeparator + std::to_string(request.offset) + kSeparator + std::to_string(request.limit);
  key += kSeparator + std::to_string(static_cast<int>(request.sort));
  key += kSeparator + std::string(request.translate ? "t" : "");
  for (const auto& [facet, values] : request.filters) {
    key += kSeparator + facet;
    for (const std::string& value : values) key += '\x1e' + value;
  }
  return key;
}

bool ResultCache::adopt_locked(const IndexVersion& version) {
  // Only forward within one index: a worker whose searcher has not reopened yet must not
  // empty the cache that the others have filled for the newer revision.
  if (version.uuid == version_.uuid && version.revision <= version_.revision) {
    return version.revision == version_.revision;
  }
  recent_.clear();
  by_key_.clear();
  version_ = version;
  return true;
}

std::shared_ptr<const index::SearchResult> ResultCache::find(const index::SearchRequest& request,
                                                             const IndexVersion& version) {
  if (capacity_ == 0) return nullptr;
  const std::string key = cache_key(request);
  std::lock_guard<std::mutex> lock(mutex_);
  if (!adopt_locked(version)) return nullptr;
  const auto found = by_key_.find(key);
  if (found == by_key_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, found->second);
  return found->second->second;
}

void ResultCache::keep(const index::SearchRequest& request, const IndexVersion& version,
                       std::shared_ptr<const index::SearchResult> result) {
  if (capacity_ == 0) return;
  std::string key = cache_key(request);
  std::lock_guard<std::mutex> lock(mutex_);
  if (!adopt_locked(version) || by_key_.count(key)) return;
  recent_.emplace_front(key, std::move(result));
  by_key_.emplace(std::move(key), recent_.begin());
  if (recent_.size() > capacity_) {
    by_key_.erase(recent_.back().first);
    recent_.pop_back();
  }
}

std::size_t ResultCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return recent_.size();
}

}  // namespace agora::searchd
