// A scratch index with two published records, a state database, and callers of each role.
#pragma once

#include <memory>

#include "agora/community/accounts.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/feedback.hpp"
#include "agora/community/index_sync.hpp"
#include "agora/community/resource_requests.hpp"
#include "agora/community/resource_views.hpp"
#include "agora/community/review_desk.hpp"
#include "agora/community/submission_desk.hpp"
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
  community::SearcherIndex published_{directory_, shared_registry(),
                                      [this]() -> index::Searcher& { return searcher(); }};
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

    published = std::make_unique<ScratchIndex>(directory.path() / "index");
    const community::ReviewRules review{approvals, "community"};
    rules = std::make_unique<community::RecordRules>(shared_registry(), review.collection);
    sync = std::make_unique<community::IndexSync>(*state, published->as_published(), *rules);
    resources = std::make_unique<community::Resources>(*state, published->as_published(), *rules);
    submissions = std::make_unique<community::SubmissionDesk>(*state, published->as_published(),
                                                              *sync, *resources, *rules, review);
    reviews = std::make_unique<community::ReviewDesk>(*state, *sync, *rules, review);
    views = std::make_unique<community::ResourceViews>(*state, published->as_published(), review);
    feedback = std::make_unique<community::Feedback>(*state, *resources, *sync);
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
  std::unique_ptr<community::RecordRules> rules;
  std::unique_ptr<community::Resources> resources;
  std::unique_ptr<community::SubmissionDesk> submissions;
  std::unique_ptr<community::ReviewDesk> reviews;
  std::unique_ptr<community::ResourceViews> views;
  std::unique_ptr<community::Feedback> feedback;
  std::unique_ptr<community::ResourceRequests> requests;
};

/// How a call was refused.
enum class Refused {
  nothing,
  unauthenticated,
  forbidden,
  not_found,
  conflict,
  stale_revision,
  invalid_fields,
  too_many_attempts,
  invalid_input,
};

/// The kind of error a call is refused with, or Refused::nothing when it is not refused.
template <typename Call>
Refused refusal_of(Call&& call) {
  try {
    call();
  } catch (const community::Unauthenticated&) {
    return Refused::unauthenticated;
  } catch (const community::Forbidden&) {
    return Refused::forbidden;
  } catch (const community::Conflict&) {
    return Refused::conflict;
  } catch (const community::StaleRevision&) {
    return Refused::stale_revision;
  } catch (const community::InvalidFields&) {
    return Refused::invalid_fields;
  } catch (const community::TooManyAttempts&) {
    return Refused::too_many_attempts;
  } catch (const NotFound&) {
    return Refused::not_found;
  } catch (const InvalidInput&) {
    return Refused::invalid_input;
  }
  return Refused::nothing;
}

}  // namespace agora::test
