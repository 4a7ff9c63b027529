// Learners' requests for resources Agora does not have yet, and contributors' answers.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "agora/analyzers/registry.hpp"
#include "agora/community/accounts.hpp"
#include "agora/community/published_index.hpp"
#include "agora/community/state_database.hpp"
#include "agora/community/views.hpp"

namespace agora::community {

/// How requests are listed.
struct RequestFilter {
  std::string query;           ///< words matched in topic and details; empty: all
  std::string query_language;  ///< analyzer for the query words
  std::string language;        ///< requests in this language (primary subtag); empty: all
  std::optional<RequestStatus> status = RequestStatus::open;  ///< nullopt: all
  bool mine = false;                                          ///< only the caller's own
  std::size_t limit = 50;
};

class ResourceRequests {
 public:
  ResourceRequests(StateDatabase& state, PublishedIndex& index, const analyzers::Registry& registry)
      : state_(state), index_(index), registry_(registry) {}

  /// {"topic", "details", "language", "level"} from anyone, signed in or not.
  RequestView create(const Caller& caller, const nlohmann::json& body);
  /// Newest first, at most filter.limit, with the number that matched.
  RequestList list(const Caller& caller, const RequestFilter& filter);
  RequestView get(const Caller& caller, std::int64_t id);
  /// {"resourceId", "note"} from a contributor: links a published resource.
  RequestView answer(const Caller& caller, std::int64_t id, const nlohmann::json& body);

 private:
  /// Folded words and stems of `text`, space-separated with a space at each end, so
  /// that a word is matched with LIKE '% word %'.
  std::string search_terms(const std::string& text, const std::string& language) const;

  StateDatabase& state_;
  PublishedIndex& index_;
  const analyzers::Registry& registry_;
};

}  // namespace agora::community
