// The collaboration API's routes (docs/collaboration.md), in three groups that each take
// only the services they use.
#pragma once

#include <httplib.h>

#include "agora/analyzers/registry.hpp"
#include "agora/searchd/server_config.hpp"
#include "community_stack.hpp"
#include "live_settings.hpp"
#include "route_helpers.hpp"
#include "ui_strings.hpp"

namespace agora::searchd {

/// /api/session, /api/accounts, /api/password-reset, /api/me, /api/me/sessions and
/// /api/audit. Session lengths follow reloads of `settings`.
void register_account_routes(httplib::Server& server, CommunityStack& community,
                             const LiveSettings& settings, const RouteWrapper& route);

/// /api/resources/… (submissions, reviews, history, ratings, comments), /api/reviews and
/// /api/me/submissions.
void register_resource_routes(httplib::Server& server, CommunityStack& community,
                              const RouteWrapper& route);

/// /api/requests/… and the no-JavaScript form at /requests.
void register_request_routes(httplib::Server& server, CommunityStack& community,
                             const ServerConfig& config, const UiStrings& ui_strings,
                             const analyzers::Registry& registry, const RouteWrapper& route);

}  // namespace agora::searchd
