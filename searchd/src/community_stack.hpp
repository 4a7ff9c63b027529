// The collaboration layer as one server runs it: its state, its services and the index
// they publish into, built from the server's settings.
#pragma once

#include <functional>

#include "agora/community/accounts.hpp"
#include "agora/community/feedback.hpp"
#include "agora/community/index_sync.hpp"
#include "agora/community/passwords.hpp"
#include "agora/community/published_index.hpp"
#include "agora/community/rate_limiter.hpp"
#include "agora/community/record_rules.hpp"
#include "agora/community/resource_requests.hpp"
#include "agora/community/resource_views.hpp"
#include "agora/community/resources.hpp"
#include "agora/community/review_desk.hpp"
#include "agora/community/state_database.hpp"
#include "agora/community/submission_desk.hpp"
#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

/// Owns every collaboration service; members are built in the order they depend on each
/// other. `searcher` gives the calling thread's searcher of the index.
struct CommunityStack {
  CommunityStack(const ServerConfig& config, const analyzers::Registry& registry,
                 std::function<index::Searcher&()> searcher);

  community::StateDatabase state;
  community::Accounts accounts;
  community::Passwords passwords;
  community::SearcherIndex published;
  const community::ReviewRules review_rules;
  const community::RecordRules record_rules;
  community::IndexSync index_sync;
  community::Resources resources;
  community::SubmissionDesk submissions;
  community::ReviewDesk reviews;
  community::ResourceViews views;
  community::Feedback feedback;
  community::ResourceRequests requests;
  community::RateLimiter registrations;       ///< per client address
  community::RateLimiter anonymous_requests;  ///< per client address
  community::RateLimiter reset_failures;      ///< per client address, like failed sign-ins
};

}  // namespace agora::searchd
