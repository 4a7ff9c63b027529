// The search index as the collaboration layer sees it: the only way community code reads
// or writes it.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/analyzers/registry.hpp"
#include "agora/index/record.hpp"
#include "agora/index/search.hpp"

namespace agora::community {

/// Published records, their look-alikes, and publishing. searchd implements it over its
/// per-thread searchers; tests over a scratch index.
class PublishedIndex {
 public:
  virtual ~PublishedIndex() = default;
  /// The stored record (with its text), or nullopt.
  virtual std::optional<nlohmann::json> record(const std::string& id) = 0;
  virtual std::vector<index::DuplicateCandidate> duplicates_of(const std::string& url,
                                                               const std::string& title,
                                                               const std::string& language) = 0;
  /// Which index this is (Xapian's UUID): it changes when the index is rebuilt from scratch.
  /// Empty when there is no index yet.
  virtual std::string identity() = 0;
  /// Writes `records` and removes `removals` in one commit.
  virtual void publish(const std::vector<index::Record>& records,
                       const std::vector<std::string>& removals) = 0;
};

/// The usual implementation: reads through a Searcher that the caller provides (and
/// refreshes), such as one per server thread; writes through the indexer's IndexWriter.
class SearcherIndex final : public PublishedIndex {
 public:
  SearcherIndex(std::filesystem::path directory, const analyzers::Registry& registry,
                std::function<index::Searcher&()> searcher)
      : directory_(std::move(directory)), registry_(registry), searcher_(std::move(searcher)) {}

  std::optional<nlohmann::json> record(const std::string& id) override;
  std::vector<index::DuplicateCandidate> duplicates_of(const std::string& url,
                                                       const std::string& title,
                                                       const std::string& language) override;
  std::string identity() override;
  void publish(const std::vector<index::Record>& records,
               const std::vector<std::string>& removals) override;

 private:
  std::filesystem::path directory_;
  const analyzers::Registry& registry_;
  std::function<index::Searcher&()> searcher_;
};

}  // namespace agora::community
