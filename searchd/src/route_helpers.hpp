// What the collaboration routes share: the handler types, who is calling, and the
// parameters and headers several routes read.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "agora/community/accounts.hpp"
#include "agora/community/views.hpp"

namespace agora::searchd {

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
/// Wraps a handler with the server's error, metrics and CORS plumbing.
using RouteWrapper = std::function<httplib::Server::Handler(std::string label, Handler handler)>;

/// `bind(&Routes::method)`: a handler calling `method` on its own copy of `routes` (route
/// objects hold only references to what outlives the server).
template <typename Routes>
auto method_binder(const Routes& routes) {
  return [routes](void (Routes::*method)(const httplib::Request&, httplib::Response&) const) {
    return Handler([routes, method](const httplib::Request& request, httplib::Response& response) {
      (routes.*method)(request, response);
    });
  };
}

/// Who is calling, as each kind of route needs it.
class CallerGate {
 public:
  explicit CallerGate(community::Accounts& accounts) : accounts_(accounts) {}
  /// A caller for reading: an expired cookie just makes them anonymous.
  community::Caller reader(const httplib::Request& request) const;
  /// A signed-in caller, or anonymous; an expired session is refused.
  community::Caller signed_in(const httplib::Request& request) const;
  /// A caller for changing something: CSRF is checked, and with `strict` an expired
  /// session is refused.
  community::Caller writer(const httplib::Request& request, bool strict = true) const;
  community::Accounts& accounts() const { return accounts_; }

 private:
  community::Accounts& accounts_;
};

/// The string `field` of a body, not empty; InvalidFields otherwise.
std::string required_string(const nlohmann::json& body, const char* field);
/// A true/false query parameter, false when absent.
bool flag_param(const httplib::Request& request, const char* name);
/// A language filter, canonical ("pt-BR"), or empty; InvalidInput when it is not a tag.
std::string language_param(const httplib::Request& request, const char* name);
/// If-Match: "3" (the ETag of a submission is its latest revision); nullopt when absent.
std::optional<std::int64_t> if_match(const httplib::Request& request);
/// The request id matched in the path.
std::int64_t request_id(const httplib::Request& request);

/// A submission, with its latest revision as ETag for a later If-Match.
void send_submission(httplib::Response& response, const community::SubmissionView& submission,
                     int status = 200);

}  // namespace agora::searchd
