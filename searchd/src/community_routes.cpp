// Collaboration handlers: each identifies the caller, checks CSRF for changes, reads the
// body, and hands over to the community layer, which checks rights and rules.
#include "community_routes.hpp"

#include "agora/analyzers/language_tag.hpp"
#include "agora/community/audit_log.hpp"
#include "agora/community/errors.hpp"
#include "agora/error.hpp"
#include "api_json.hpp"
#include "api_params.hpp"
#include "caller_auth.hpp"
#include "community_json.hpp"
#include "problem.hpp"
#include "request_body.hpp"
#include "request_pages.hpp"

namespace agora::searchd {
namespace {

using community::Caller;
using nlohmann::json;

std::string required_string(const json& body, const char* field) {
  const json& value = body.value(field, json());
  if (!value.is_string() || value.get<std::string>().empty()) {
    throw community::InvalidFields(field, "is required");
  }
  return value.get<std::string>();
}

std::int64_t request_id(const httplib::Request& request) {
  const std::string text = request.matches[1];
  if (text.size() > 15) throw NotFound("no request with id " + text);
  return std::stoll(text);
}

// A language filter, canonical ("pt-BR"), or empty; InvalidInput when it is not a tag.
std::string language_param(const httplib::Request& request, const char* name) {
  const std::string value = request.get_param_value(name);
  if (value.empty()) return value;
  try {
    return analyzers::parse_language_tag(value).canonical;
  } catch (const InvalidInput&) {
    throw InvalidInput(std::string(name) + ": '" + value + "' is not a BCP-47 language tag");
  }
}

// If-Match: "3" (the ETag of a submission is its latest revision); nullopt when absent.
std::optional<std::int64_t> if_match(const httplib::Request& request) {
  std::string value = request.get_header_value("If-Match");
  if (value.empty()) return std::nullopt;
  if (value.rfind("W/", 0) == 0) value = value.substr(2);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  if (value.empty() || value.size() > 9 ||
      value.find_first_not_of("0123456789") != std::string::npos) {
    throw InvalidInput("If-Match: '" + request.get_header_value("If-Match") +
                       "' must be a revision number in quotes, as the ETag gave it");
  }
  return std::stoll(value);
}

// A submission, with its latest revision as ETag for a later If-Match.
void send_submission(httplib::Response& response, const community::SubmissionView& submission,
                     int status = 200) {
  response.set_header("ETag", "\"" + std::to_string(submission.revision) + "\"");
  send_json(response, submission_json(submission), status);
}

// A resource as read: a submission carries its ETag, a published record none.
void send_resource(httplib::Response& response, const community::ResourceView& view) {
  if (view.submission) return send_submission(response, *view.submission);
  send_json(response, view.record);
}

bool flag_param(const httplib::Request& request, const char* name) {
  const std::string value = request.get_param_value(name);
  if (value.empty() || value == "false" || value == "0") return false;
  if (value == "true" || value == "1") return true;
  throw InvalidInput(std::string(name) + ": '" + value + "' must be true or false");
}

class Routes {
 public:
  explicit Routes(CommunityServices& services) : s_(services) {}

  // A caller for reading: an expired cookie just makes them anonymous.
  Caller reader(const httplib::Request& request) const {
    return identify(request, s_.accounts, false);
  }

  // A caller for changing something: expired sessions are refused, CSRF is checked.
  Caller writer(const httplib::Request& request, bool strict = true) const {
    Caller caller = identify(request, s_.accounts, strict);
    require_csrf(request, caller);
    return caller;
  }

  // Anyone may ask for a resource without an account; an address that asks very often
  // is slowed down. Signed-in learners are not limited.
  void limit_anonymous(const httplib::Request& request, const Caller& caller) const {
    if (caller.account || s_.anonymous_requests.take(request.remote_addr)) return;
    throw community::TooManyAttempts(
        "too many requests from your address; sign in, or try again later");
  }

  void signed_in(httplib::Response& response, const community::Session& session, int status) const {
    response.set_header("Set-Cookie", session_cookie(session, s_.config));
    send_json(response,
              {{"account", account_json(session.account)}, {"csrfToken", session.csrf_token}},
              status);
  }

  void sign_in(const httplib::Request& request, httplib::Response& response) const {
    const json body = json_object_body(request);
    signed_in(response,
              s_.accounts.sign_in(required_string(body, "username"),
                                  required_string(body, "password"), s_.config.session_hours),
              200);
  }

  void sign_out(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = writer(request);
    if (caller.by_session) s_.accounts.sign_out(caller.session_token);
    response.set_header("Set-Cookie", ended_session_cookie(s_.config));
    response.status = 204;
  }

  void register_account(const httplib::Request& request, httplib::Response& response) const {
    if (!s_.config.registration) {
      throw community::Forbidden("registration is closed; ask an admin for an account");
    }
    const json body = json_object_body(request);
    if (!s_.registrations.take(request.remote_addr)) {
      throw community::TooManyAttempts(
          "too many registrations from your address; try again in an hour");
    }
    const json& display = body.value("displayName", json(""));
    signed_in(
        response,
        s_.accounts.register_learner(required_string(body, "username"),
                                     display.is_string() ? display.get<std::string>() : "",
                                     required_string(body, "password"), s_.config.session_hours),
        201);
  }

  void me(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = identify(request, s_.accounts, true);
    community::require_role(caller, community::Role::learner);
    json body = {{"account", account_json(*caller.account)}};
    if (caller.by_session) body["csrfToken"] = caller.csrf_token;
    send_json(response, body);
  }

  void submit(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = writer(request);
    const json body = json_object_body(request);
    const community::SubmissionView submission =
        s_.submissions.submit(caller, body, flag_param(request, "allowSimilarTitle"));
    response.set_header("Location", resource_href(submission.id));
    send_submission(response, submission, 201);
  }

  void resource(const httplib::Request& request, httplib::Response& response) const {
    const std::string view = request.get_param_value("view");
    if (!view.empty() && view != "submission" && view != "published") {
      throw InvalidInput("view: '" + view + "' must be submission or published");
    }
    const Caller caller = reader(request);
    send_resource(response, s_.views.view(caller, request.matches[1], view == "submission"));
  }

  void register_routes(httplib::Server& server, const RouteWrapper& route) const {
    // Handlers keep their own copy of this small object (it holds only a reference to
    // the services, which outlive the server).
    const Routes self = *this;
    auto bind = [self](void (Routes::*method)(const httplib::Request&, httplib::Response&) const) {
      return
          [self, method](const httplib::Request& q, httplib::Response& r) { (self.*method)(q, r); };
    };
    server.Post("/api/session", route("/api/session", bind(&Routes::sign_in)));
    server.Delete("/api/session", route("/api/session", bind(&Routes::sign_out)));
    server.Post("/api/accounts", route("/api/accounts", bind(&Routes::register_account)));
    server.Get("/api/me", route("/api/me", bind(&Routes::me)));
    server.Get("/api/me/submissions", route("/api/me/submissions", [self](auto& q, auto& r) {
                 send_json(r, {{"submissions", submissions_json(self.s_.views.mine(
                                                   identify(q, self.s_.accounts, true)))}});
               }));

    server.Post("/api/resources", route("/api/resources", bind(&Routes::submit)));
    server.Get(R"(/api/resources/(.+)/history)",
               route("/api/resources/history", [self](auto& q, auto& r) {
                 send_json(r, history_json(self.s_.views.history(self.reader(q), q.matches[1])));
               }));
    server.Get(R"(/api/resources/(.+)/comments)",
               route("/api/resources/comments", [self](auto& q, auto& r) {
                 send_json(r, comments_json(self.s_.feedback.comments(q.matches[1])));
               }));
    server.Post(
        R"(/api/resources/(.+)/comments)",
        route("/api/resources/comments", [self](auto& q, auto& r) {
          const Caller caller = self.writer(q);
          send_json(
              r, comment_json(self.s_.feedback.comment(caller, q.matches[1], json_object_body(q))),
              201);
        }));
    server.Post(
        R"(/api/resources/(.+)/ratings)", route("/api/resources/ratings", [self](auto& q, auto& r) {
          const Caller caller = self.writer(q);
          send_json(r,
                    rating_json(self.s_.feedback.rate(caller, q.matches[1], json_object_body(q))));
        }));
    server.Post(
        R"(/api/resources/(.+)/reviews)", route("/api/resources/reviews", [self](auto& q, auto& r) {
          const Caller caller = self.writer(q);
          send_json(r, submission_json(
                           self.s_.reviews.review(caller, q.matches[1], json_object_body(q))));
        }));
    server.Post(R"(/api/resources/(.+)/restore)",
                route("/api/resources/restore", [self](auto& q, auto& r) {
                  const Caller caller = self.writer(q);
                  send_json(r, submission_json(self.s_.submissions.restore(caller, q.matches[1])));
                }));
    server.Get(R"(/api/resources/(.+))", route("/api/resources", bind(&Routes::resource)));
    server.Put(R"(/api/resources/(.+))", route("/api/resources", [self](auto& q, auto& r) {
                 const Caller caller = self.writer(q);
                 send_submission(r, self.s_.submissions.replace(caller, q.matches[1],
                                                                json_object_body(q), if_match(q)));
               }));
    server.Patch(R"(/api/resources/(.+))", route("/api/resources", [self](auto& q, auto& r) {
                   const Caller caller = self.writer(q);
                   send_submission(
                       r, self.s_.submissions.patch(caller, q.matches[1], json_object_body(q, true),
                                                    if_match(q)));
                 }));
    server.Delete(R"(/api/resources/(.+))", route("/api/resources", [self](auto& q, auto& r) {
                    const Caller caller = self.writer(q);
                    send_json(r, submission_json(self.s_.submissions.remove(caller, q.matches[1])));
                  }));

    server.Get("/api/reviews", route("/api/reviews", [self](auto& q, auto& r) {
                 check_parameters(q, {"lang"}, 5);
                 send_json(r, {{"pending", submissions_json(self.s_.reviews.queue(
                                               identify(q, self.s_.accounts, true),
                                               language_param(q, "lang")))}});
               }));

    server.Get("/api/requests", route("/api/requests", bind(&Routes::list_requests)));
    server.Post("/api/requests", route("/api/requests", [self](auto& q, auto& r) {
                  const Caller caller = self.writer(q, false);
                  self.limit_anonymous(q, caller);
                  const auto created = self.s_.requests.create(caller, json_object_body(q));
                  r.set_header("Location", request_href(created.id));
                  send_json(r, request_json(created), 201);
                }));
    server.Get(R"(/api/requests/(\d+))", route("/api/requests", [self](auto& q, auto& r) {
                 send_json(r, request_json(self.s_.requests.get(self.reader(q), request_id(q))));
               }));
    server.Post(
        R"(/api/requests/(\d+)/answer)", route("/api/requests/answer", [self](auto& q, auto& r) {
          const Caller caller = self.writer(q);
          send_json(
              r, request_json(self.s_.requests.answer(caller, request_id(q), json_object_body(q))));
        }));
    server.Post("/requests", route("/requests", bind(&Routes::request_form)));

    server.Get("/api/audit", route("/api/audit", [self](auto& q, auto& r) {
                 check_parameters(q, {"limit"}, 5);
                 const Caller caller = identify(q, self.s_.accounts, true);
                 community::require_role(caller, community::Role::admin);
                 std::int64_t limit = 100;
                 if (q.has_param("limit")) {
                   const std::string text = q.get_param_value("limit");
                   if (text.empty() || text.size() > 4 ||
                       text.find_first_not_of("0123456789") != std::string::npos) {
                     throw InvalidInput("limit: '" + text + "' must be a number from 1 to 1000");
                   }
                   limit = std::clamp<std::int64_t>(std::stoll(text), 1, 1000);
                 }
                 send_json(r, {{"entries",
                                self.s_.state.read([&](community::sqlite::Connection& connection) {
                                  return audit_json(community::recent_audit(connection, limit));
                                })}});
               }));
  }

  void list_requests(const httplib::Request& request, httplib::Response& response) const {
    check_parameters(request, {"q", "language", "status", "mine", "lang", "limit"}, 10);
    community::RequestFilter filter;
    filter.query = request.get_param_value("q");
    if (filter.query.size() > s_.config.max_query_bytes) {
      throw InvalidInput("q: at most " + std::to_string(s_.config.max_query_bytes) + " bytes");
    }
    filter.language = language_param(request, "language");
    filter.query_language =
        filter.language.empty() ? learner_language(request, s_.registry) : filter.language;
    if (request.has_param("status")) {
      const std::string status = request.get_param_value("status");
      filter.status = community::parse_state<community::RequestStatus>(status);
      if (!filter.status && status != "all") {
        throw InvalidInput("status: '" + status + "' must be open, answered or all");
      }
    }
    filter.mine = flag_param(request, "mine");
    const Caller caller = identify(request, s_.accounts, filter.mine);
    send_json(response, request_list_json(s_.requests.list(caller, filter)));
  }

  // The no-JavaScript request form of the /search page: a urlencoded POST answered with
  // an HTML page, in the interface language of the form.
  void request_form(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = writer(request, false);
    limit_anonymous(request, caller);
    const std::string ui = s_.ui_strings.choose(request.get_param_value("ui"));
    json body = json::object();
    for (const char* field : {"topic", "details", "language", "level"}) {
      if (!request.has_param(field)) continue;
      const std::string value = request.get_param_value(field);
      require_utf8(field, value);
      body[field] = value;
    }
    try {
      const json created = request_json(s_.requests.create(caller, body));
      response.status = 201;
      response.set_content(render_request_page(s_.ui_strings, ui, created, {}, caller.csrf_token),
                           "text/html; charset=utf-8");
    } catch (const community::Refusal&) {
      // The form again, with the problems next to their fields, under the status the API
      // would answer with.
      const Problem problem = problem_for(std::current_exception());
      response.status = problem.status;
      response.set_content(
          render_request_page(s_.ui_strings, ui, body, problem.extra.value("errors", json::array()),
                              caller.csrf_token),
          "text/html; charset=utf-8");
    }
  }

 private:
  CommunityServices& s_;
};

}  // namespace

void register_community_routes(httplib::Server& server, CommunityServices& services,
                               const RouteWrapper& route) {
  Routes(services).register_routes(server, route);
}

}  // namespace agora::searchd
