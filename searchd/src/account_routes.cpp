// Accounts over HTTP: signing in and out (here or everywhere), registering, resetting a
// password, who am I, and the audit log.
#include "community_routes.hpp"

#include "agora/base/parse.hpp"
#include "agora/community/audit_log.hpp"
#include "agora/community/errors.hpp"
#include "agora/error.hpp"
#include "api_json.hpp"
#include "api_params.hpp"
#include "caller_auth.hpp"
#include "community_json.hpp"
#include "request_body.hpp"

namespace agora::searchd {
namespace {

using community::Caller;
using nlohmann::json;

class AccountRoutes {
 public:
  AccountRoutes(const LiveSettings& settings, CommunityStack& community)
      : settings_(settings),
        gate_(community.accounts),
        accounts_(community.accounts),
        passwords_(community.passwords),
        registrations_(community.registrations),
        reset_failures_(community.reset_failures),
        state_(community.state) {}

  void signed_in(httplib::Response& response, const community::Session& session, int status) const {
    response.set_header("Set-Cookie", session_cookie(session, *settings_.get()));
    send_json(response,
              {{"account", account_json(session.account)}, {"csrfToken", session.csrf_token}},
              status);
  }

  void sign_in(const httplib::Request& request, httplib::Response& response) const {
    const json body = json_object_body(request);
    signed_in(response,
              accounts_.sign_in(required_string(body, "username"),
                                required_string(body, "password"), settings_.get()->session_hours),
              200);
  }

  void sign_out(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    if (caller.by_session) accounts_.sign_out(caller.session_token);
    response.set_header("Set-Cookie", ended_session_cookie(*settings_.get()));
    response.status = 204;
  }

  void end_sessions(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    community::require_role(caller, community::Role::learner);
    accounts_.end_sessions(caller.account->username, caller.actor());
    if (caller.by_session)
      response.set_header("Set-Cookie", ended_session_cookie(*settings_.get()));
    response.status = 204;
  }

  void register_account(const httplib::Request& request, httplib::Response& response) const {
    if (!settings_.get()->registration) {
      throw community::Forbidden("registration is closed; ask an admin for an account");
    }
    const json body = json_object_body(request);
    if (!registrations_.take(request.remote_addr)) {
      throw community::TooManyAttempts(
          "too many registrations from your address; try again in an hour");
    }
    const json& display = body.value("displayName", json(""));
    signed_in(response,
              accounts_.register_learner(required_string(body, "username"),
                                         display.is_string() ? display.get<std::string>() : "",
                                         required_string(body, "password"),
                                         settings_.get()->session_hours),
              201);
  }

  void reset_password(const httplib::Request& request, httplib::Response& response) const {
    const json body = json_object_body(request);
    // Counted per address, as failed sign-ins are per username: tokens carry 256 random
    // bits, but each guess should still cost the guesser more than it costs us.
    if (!reset_failures_.allows(request.remote_addr)) {
      throw community::TooManyAttempts(
          "too many failed password resets from your address; try again in 15 minutes");
    }
    try {
      passwords_.reset(required_string(body, "token"), required_string(body, "password"));
    } catch (const community::UnusableToken&) {
      reset_failures_.count(request.remote_addr);
      throw;
    }
    response.status = 204;
  }

  void me(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.signed_in(request);
    community::require_role(caller, community::Role::learner);
    json body = {{"account", account_json(*caller.account)}};
    if (caller.by_session) body["csrfToken"] = caller.csrf_token;
    send_json(response, body);
  }

  void audit(const httplib::Request& request, httplib::Response& response) const {
    check_parameters(request, {"limit"}, 5);
    community::require_role(gate_.signed_in(request), community::Role::admin);
    std::int64_t limit = 100;
    if (request.has_param("limit")) {
      limit = parse_whole_number(request.get_param_value("limit"), "limit", 1, 1000);
    }
    send_json(response, {{"entries", state_.read([&](community::sqlite::Connection& connection) {
                            return audit_json(community::recent_audit(connection, limit));
                          })}});
  }

 private:
  const LiveSettings& settings_;
  CallerGate gate_;
  community::Accounts& accounts_;
  community::Passwords& passwords_;
  community::RateLimiter& registrations_;
  community::RateLimiter& reset_failures_;
  community::StateDatabase& state_;
};

}  // namespace

void register_account_routes(httplib::Server& server, CommunityStack& community,
                             const LiveSettings& settings, const RouteWrapper& route) {
  const AccountRoutes self(settings, community);
  const auto bind = method_binder(self);
  server.Post("/api/session", route("/api/session", bind(&AccountRoutes::sign_in)));
  server.Delete("/api/session", route("/api/session", bind(&AccountRoutes::sign_out)));
  server.Post("/api/accounts", route("/api/accounts", bind(&AccountRoutes::register_account)));
  server.Post("/api/password-reset",
              route("/api/password-reset", bind(&AccountRoutes::reset_password)));
  server.Get("/api/me", route("/api/me", bind(&AccountRoutes::me)));
  server.Delete("/api/me/sessions", route("/api/me/sessions", bind(&AccountRoutes::end_sessions)));
  server.Get("/api/audit", route("/api/audit", bind(&AccountRoutes::audit)));
}

}  // namespace agora::searchd
