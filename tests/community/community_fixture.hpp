// A scratch index with two published records, a state database, and callers of each role.
#pragma once

#include <memory>

#include "agora/community/accounts.hpp"
#include "agora/community/feedback.hpp"
#include "agora/community/index_sync.hpp"
#include "agora/community/refusal.hpp"
#include "agora/community/resource_requests.hpp"
#include "agora/community/submissions.hpp"
#include "agora/index/index_writer.hpp"
#include "agora/index/record_builder.hpp"
#include "agora/index/search.hpp"
#include "temp_files.hpp"

namespace agora::test {

inline const analyzers::Registry& shared_registry() {
  static const analyzers::Registry registry;
  return registry;
}

/// The index as searchd reads it, reopened before each look so that commits show.
class ScratchIndex {
 public:
  explicit ScratchIndex(std::filesystem::path directory) : directory_(std::move(directory)) {}
  index::Searcher& searcher() {
    if (!searcher_) searcher_ = std::make_unique<index::Searcher>(directory_, shared_registry());
    searcher_->refresh();
    return *searcher_;
  }
  std::optional<nlohmann::json> record(const std::string& id) { return searcher().resource(id); }
  /// Ids of the hits for `query` in `language`.
  std::vector<std::string> search(const std::string& query, const std::string& language = "en") {
    index::SearchRequest request;
    request.query = query;
    request.learner_language = language;
    std::vector<std::string> ids;
    for (const auto& hit : searcher().search(request).hits) ids.push_back(hit.id);
    return ids;
  }
  community::SearcherIndex& as_published() { return published_; }

 private:
  std::filesystem::path directory_;
  std::unique_ptr<index::Searcher> searcher_;
  community::SearcherIndex published_{[this]() -> index::Searcher& { return searcher(); }};
};

inline nlohmann::json guide(const std::string& title, const std::string& url,
                            const std::string& language = "en") {
  return {{"title", title},
          {"url", url},
          {"inLanguage", language},
          {"description", "A practical guide for members of worker cooperatives."},
          {"learningResourceType", "guide"},
          {"license", "CC-BY-4.0"}};
}

struct CommunityFixture {
  explicit CommunityFixture(int approvals = 1) {
    {
      index::IndexWriter writer(directory.path() / "index", shared_registry());
      analyzers::LanguageDetector detector;
      for (const auto& [id, fields] :
           {std::pair{"imported-budget", guide("Participatory budgeting for housing cooperatives",
                                               "https://example.org/budgeting")},
            std::pair{"imported-meetings",
                      guide("Running fair meetings", "https://example.org/meetings")}}) {
        index::ImportItem item;
        item.fields = fields;
        item.fields["id"] = id;
        writer.upsert(*index::build_record(item, "seed", detector).record);
      }
      writer.commit();
    }
    state = std::make_unique<community::StateDatabase>(directory.path() / "state.sqlite");
    accounts = std::make_unique<community::Accounts>(*state);
    sync = std::make_unique<community::IndexSync>(*state, directory.path() / "index",
                                                  shared_registry());
    published = std::make_unique<ScratchIndex>(directory.path() / "index");
    submissions = std::make_unique<community::Submissions>(
        *state, published->as_published(), *sync, shared_registry(),
        community::ReviewRules{approvals, "community"});
    feedback = std::make_unique<community::Feedback>(*state, *submissions, *sync);
    requests = std::make_unique<community::ResourceRequests>(*state, published->as_published(),
                                                             shared_registry());
  }

  /// A signed-in caller (by token) with a new account of `role`.
  community::Caller caller(const std::string& username, community::Role role) {
    community::Caller caller;
    caller.account = accounts->create(username, "", role, std::nullopt, {std::nullopt, "test"});
    return caller;
  }

  TempDir directory;
  std::unique_ptr<community::StateDatabase> state;
  std::unique_ptr<community::Accounts> accounts;
  std::unique_ptr<community::IndexSync> sync;
  std::unique_ptr<ScratchIndex> published;
  std::unique_ptr<community::Submissions> submissions;
  std::unique_ptr<community::Feedback> feedback;
  std::unique_ptr<community::ResourceRequests> requests;
};

/// The HTTP status a call is refused with, or 0 when it is not refused.
template <typename Call>
int refusal_status(Call&& call) {
  try {
    call();
  } catch (const community::Refusal& refusal) {
    return refusal.status();
  } catch (const NotFound&) {
    return 404;
  } catch (const InvalidInput&) {
    return 400;
  }
  return 0;
}

}  // namespace agora::test
