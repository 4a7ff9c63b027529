// What the collaboration layer reads from the search index.
#pragma once

#include <functional>
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

/// The usual implementation: a Searcher that the caller provides (and refreshes), such as
/// one per server thread.
class SearcherIndex final : public PublishedIndex {
 public:
  explicit SearcherIndex(std::function<index::Searcher&()> searcher)
      : searcher_(std::move(searcher)) {}
  std::optional<nlohmann::json> record(const std::string& id) override {
    return searcher_().resource(id);
  }
  std::vector<index::DuplicateCandidate> duplicates_of(const std::string& url,
                                                       const std::string& title,
                                                       const std::string& language) override {
    return searcher_().duplicates_of(url, title, language);
  }

 private:
  std::function<index::Searcher&()> searcher_;
};

}  // namespace agora::community
