// Learners' requests over HTTP: asking (also from the no-JavaScript form), listing,
// reading and answering.
#include "community_routes.hpp"

#include "agora/community/errors.hpp"
#include "agora/error.hpp"
#include "api_json.hpp"
#include "api_params.hpp"
#include "community_json.hpp"
#include "problem.hpp"
#include "request_body.hpp"
#include "request_pages.hpp"

namespace agora::searchd {
namespace {

using community::Caller;
using nlohmann::json;

class RequestRoutes {
 public:
  RequestRoutes(CommunityStack& community, const ServerConfig& config, const UiStrings& ui_strings,
                const analyzers::Registry& registry)
      : gate_(community.accounts),
        requests_(community.requests),
        anonymous_requests_(community.anonymous_requests),
        config_(config),
        ui_strings_(ui_strings),
        registry_(registry) {}

  // Anyone may ask for a resource without an account; an address that asks very often
  // is slowed down. Signed-in learners are not limited.
  void limit_anonymous(const httplib::Request& request, const Caller& caller) const {
    if (caller.account || anonymous_requests_.take(request.remote_addr)) return;
    throw community::TooManyAttempts(
        "too many requests from your address; sign in, or try again later");
  }

  void create(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request, false);
    limit_anonymous(request, caller);
    const auto created = requests_.create(caller, json_object_body(request));
    response.set_header("Location", request_href(created.id));
    send_json(response, request_json(created), 201);
  }

  void get(const httplib::Request& request, httplib::Response& response) const {
    send_json(response, request_json(requests_.get(gate_.reader(request), request_id(request))));
  }

  void answer(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    send_json(response, request_json(requests_.answer(caller, request_id(request),
                                                      json_object_body(request))));
  }

  void list(const httplib::Request& request, httplib::Response& response) const {
    check_parameters(request, {"q", "language", "status", "mine", "lang", "limit"}, 10);
    community::RequestFilter filter;
    filter.query = request.get_param_value("q");
    if (filter.query.size() > config_.max_query_bytes) {
      throw InvalidInput("q: at most " + std::to_string(config_.max_query_bytes) + " bytes");
    }
    filter.language = language_param(request, "language");
    filter.query_language =
        filter.language.empty() ? learner_language(request, registry_) : filter.language;
    if (request.has_param("status")) {
      const std::string status = request.get_param_value("status");
      filter.status = community::parse_state<community::RequestStatus>(status);
      if (!filter.status && status != "all") {
        throw InvalidInput("status: '" + status + "' must be open, answered or all");
      }
    }
    filter.mine = flag_param(request, "mine");
    const Caller caller = filter.mine ? gate_.signed_in(request) : gate_.reader(request);
    send_json(response, request_list_json(requests_.list(caller, filter)));
  }

  // The no-JavaScript request form of the /search page: a urlencoded POST answered with
  // an HTML page, in the interface language of the form.
  void form(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request, false);
    limit_anonymous(request, caller);
    const std::string ui = ui_strings_.choose(request.get_param_value("ui"));
    json body = json::object();
    for (const char* field : {"topic", "details", "language", "level"}) {
      if (!request.has_param(field)) continue;
      const std::string value = request.get_param_value(field);
      require_utf8(field, value);
      body[field] = value;
    }
    try {
      const json created = request_json(requests_.create(caller, body));
      response.status = 201;
      response.set_content(render_request_page(ui_strings_, ui, created, {}, caller.csrf_token),
                           "text/html; charset=utf-8");
    } catch (const community::Refusal&) {
      // The form again, with the problems next to their fields, under the status the API
      // would answer with.
      const Problem problem = problem_for(std::current_exception());
      response.status = problem.status;
      response.set_content(
          render_request_page(ui_strings_, ui, body, problem.extra.value("errors", json::array()),
                              caller.csrf_token),
          "text/html; charset=utf-8");
    }
  }

 private:
  CallerGate gate_;
  community::ResourceRequests& requests_;
  community::RateLimiter& anonymous_requests_;
  const ServerConfig& config_;
  const UiStrings& ui_strings_;
  const analyzers::Registry& registry_;
};

}  // namespace

void register_request_routes(httplib::Server& server, CommunityStack& community,
                             const ServerConfig& config, const UiStrings& ui_strings,
                             const analyzers::Registry& registry, const RouteWrapper& route) {
  const RequestRoutes self(community, config, ui_strings, registry);
  const auto bind = method_binder(self);
  server.Get("/api/requests", route("/api/requests", bind(&RequestRoutes::list)));
  server.Post("/api/requests", route("/api/requests", bind(&RequestRoutes::create)));
  server.Get(R"(/api/requests/(\d+))", route("/api/requests", bind(&RequestRoutes::get)));
  server.Post(R"(/api/requests/(\d+)/answer)",
              route("/api/requests/answer", bind(&RequestRoutes::answer)));
  server.Post("/requests", route("/requests", bind(&RequestRoutes::form)));
}

}  // namespace agora::searchd
