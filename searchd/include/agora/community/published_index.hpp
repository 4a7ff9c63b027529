// What the collaboration layer reads from the search index.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/index/search.hpp"

namespace agora::community {

/// The index as the collaboration layer sees it: published records and their look-alikes.
/// searchd implements it with its per-thread searchers; tests with a scratch index.
class PublishedIndex {
 public:
  virtual ~PublishedIndex() = default;
  /// The stored record (with its text), or nullopt.
  virtual std::optional<nlohmann::json> record(const std::string& id) = 0;
  virtual std::vector<index::DuplicateCandidate> duplicates_of(const std::string& url,
                                                               const std::string& title,
                                                               const std::string& language) = 0;
};

}  // namespace agora::community
