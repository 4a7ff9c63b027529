// The collaboration API's routes (docs/collaboration.md).
#pragma once

#include <functional>
#include <string>

#include <httplib.h>

#include "agora/community/accounts.hpp"
#include "agora/community/feedback.hpp"
#include "agora/community/rate_limiter.hpp"
#include "agora/community/resource_requests.hpp"
#include "agora/community/resource_views.hpp"
#include "agora/community/review_desk.hpp"
#include "agora/community/submission_desk.hpp"
#include "agora/searchd/server_config.hpp"
#include "ui_strings.hpp"

namespace agora::searchd {

/// What the routes work with; owned by the server.
struct CommunityServices {
  const ServerConfig& config;
  const UiStrings& ui_strings;
  const analyzers::Registry& registry;
  community::StateDatabase& state;
  community::Accounts& accounts;
  community::SubmissionDesk& submissions;
  community::ReviewDesk& reviews;
  community::ResourceViews& views;
  community::Feedback& feedback;
  community::ResourceRequests& requests;
  community::RateLimiter& registrations;       ///< per client address
  community::RateLimiter& anonymous_requests;  ///< per client address
};

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
/// Wraps a handler with the server's error, metrics and CORS plumbing.
using RouteWrapper = std::function<httplib::Server::Handler(std::string label, Handler handler)>;

/// Registers the collaboration routes. Call before the read API's routes: the first
/// matching pattern wins, and /api/resources/ID/history must not be read as an ID.
void register_community_routes(httplib::Server& server, CommunityServices& services,
                               const RouteWrapper& route);

}  // namespace agora::searchd
