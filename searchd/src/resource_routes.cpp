// Resources over HTTP: submitting, reading, editing, deleting, reviewing, rating and
// commenting.
#include "community_routes.hpp"

#include "agora/error.hpp"
#include "api_json.hpp"
#include "api_params.hpp"
#include "community_json.hpp"
#include "request_body.hpp"

namespace agora::searchd {
namespace {

using community::Caller;
using nlohmann::json;

// A resource as read: a submission carries its ETag, a published record none.
void send_resource(httplib::Response& response, const community::ResourceView& view) {
  if (view.submission) return send_submission(response, *view.submission);
  send_json(response, view.record);
}

class ResourceRoutes {
 public:
  explicit ResourceRoutes(CommunityStack& community)
      : gate_(community.accounts),
        submissions_(community.submissions),
        reviews_(community.reviews),
        views_(community.views),
        feedback_(community.feedback) {}

  void submit(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    const json body = json_object_body(request);
    const community::SubmissionView submission =
        submissions_.submit(caller, body, flag_param(request, "allowSimilarTitle"));
    response.set_header("Location", resource_href(submission.id));
    send_submission(response, submission, 201);
  }

  void resource(const httplib::Request& request, httplib::Response& response) const {
    const std::string view = request.get_param_value("view");
    if (!view.empty() && view != "submission" && view != "published") {
      throw InvalidInput("view: '" + view + "' must be submission or published");
    }
    send_resource(response,
                  views_.view(gate_.reader(request), request.matches[1], view == "submission"));
  }

  void mine(const httplib::Request& request, httplib::Response& response) const {
    send_json(response, {{"submissions", submissions_json(views_.mine(gate_.signed_in(request)))}});
  }

  void history(const httplib::Request& request, httplib::Response& response) const {
    send_json(response, history_json(views_.history(gate_.reader(request), request.matches[1])));
  }

  void comments(const httplib::Request& request, httplib::Response& response) const {
    send_json(response, comments_json(feedback_.comments(request.matches[1])));
  }

  void comment(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    send_json(
        response,
        comment_json(feedback_.comment(caller, request.matches[1], json_object_body(request))),
        201);
  }

  void rate(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    send_json(response,
              rating_json(feedback_.rate(caller, request.matches[1], json_object_body(request))));
  }

  void review(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    send_json(response, submission_json(reviews_.review(caller, request.matches[1],
                                                        json_object_body(request))));
  }

  void queue(const httplib::Request& request, httplib::Response& response) const {
    check_parameters(request, {"lang"}, 5);
    send_json(response,
              {{"pending", submissions_json(reviews_.queue(gate_.signed_in(request),
                                                           language_param(request, "lang")))}});
  }

  void restore(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    send_json(response, submission_json(submissions_.restore(caller, request.matches[1])));
  }

  void replace(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    send_submission(response, submissions_.replace(caller, request.matches[1],
                                                   json_object_body(request), if_match(request)));
  }

  void patch(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    send_submission(response,
                    submissions_.patch(caller, request.matches[1], json_object_body(request, true),
                                       if_match(request)));
  }

  void remove(const httplib::Request& request, httplib::Response& response) const {
    const Caller caller = gate_.writer(request);
    send_json(response, submission_json(submissions_.remove(caller, request.matches[1])));
  }

 private:
  CallerGate gate_;
  community::SubmissionDesk& submissions_;
  community::ReviewDesk& reviews_;
  community::ResourceViews& views_;
  community::Feedback& feedback_;
};

}  // namespace

void register_resource_routes(httplib::Server& server, CommunityStack& community,
                              const RouteWrapper& route) {
  const ResourceRoutes self(community);
  const auto bind = method_binder(self);
  server.Get("/api/me/submissions", route("/api/me/submissions", bind(&ResourceRoutes::mine)));
  server.Post("/api/resources", route("/api/resources", bind(&ResourceRoutes::submit)));
  // The first matching pattern wins: the sub-resources come before the bare id.
  server.Get(R"(/api/resources/(.+)/history)",
             route("/api/resources/history", bind(&ResourceRoutes::history)));
  server.Get(R"(/api/resources/(.+)/comments)",
             route("/api/resources/comments", bind(&ResourceRoutes::comments)));
  server.Post(R"(/api/resources/(.+)/comments)",
              route("/api/resources/comments", bind(&ResourceRoutes::comment)));
  server.Post(R"(/api/resources/(.+)/ratings)",
              route("/api/resources/ratings", bind(&ResourceRoutes::rate)));
  server.Post(R"(/api/resources/(.+)/reviews)",
              route("/api/resources/reviews", bind(&ResourceRoutes::review)));
  server.Post(R"(/api/resources/(.+)/restore)",
              route("/api/resources/restore", bind(&ResourceRoutes::restore)));
  server.Get(R"(/api/resources/(.+))", route("/api/resources", bind(&ResourceRoutes::resource)));
  server.Put(R"(/api/resources/(.+))", route("/api/resources", bind(&ResourceRoutes::replace)));
  server.Patch(R"(/api/resources/(.+))", route("/api/resources", bind(&ResourceRoutes::patch)));
  server.Delete(R"(/api/resources/(.+))", route("/api/resources", bind(&ResourceRoutes::remove)));
  server.Get("/api/reviews", route("/api/reviews", bind(&ResourceRoutes::queue)));
}

}  // namespace agora::searchd
