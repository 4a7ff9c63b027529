// Callers, parameters and headers shared by the collaboration routes.
#include "route_helpers.hpp"

#include <limits>

#include "agora/analyzers/language_tag.hpp"
#include "agora/base/parse.hpp"
#include "agora/community/errors.hpp"
#include "agora/error.hpp"
#include "api_json.hpp"
#include "caller_auth.hpp"
#include "community_json.hpp"

namespace agora::searchd {

using nlohmann::json;

community::Caller CallerGate::reader(const httplib::Request& request) const {
  return identify(request, accounts_, false);
}

community::Caller CallerGate::signed_in(const httplib::Request& request) const {
  return identify(request, accounts_, true);
}

community::Caller CallerGate::writer(const httplib::Request& request, bool strict) const {
  community::Caller caller = identify(request, accounts_, strict);
  require_csrf(request, caller);
  return caller;
}

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
  return parse_whole_number(text, "request id", 0, std::numeric_limits<std::int64_t>::max());
}

std::string language_param(const httplib::Request& request, const char* name) {
  const std::string value = request.get_param_value(name);
  if (value.empty()) return value;
  try {
    return analyzers::parse_language_tag(value).canonical;
  } catch (const InvalidInput&) {
    throw InvalidInput(std::string(name) + ": '" + value + "' is not a BCP-47 language tag");
  }
}

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
  return parse_whole_number(value, "If-Match", 0, 999999999);
}

void send_submission(httplib::Response& response, const community::SubmissionView& submission,
                     int status) {
  response.set_header("ETag", "\"" + std::to_string(submission.revision) + "\"");
  send_json(response, submission_json(submission), status);
}

bool flag_param(const httplib::Request& request, const char* name) {
  const std::string value = request.get_param_value(name);
  if (value.empty() || value == "false" || value == "0") return false;
  if (value == "true" || value == "1") return true;
  throw InvalidInput(std::string(name) + ": '" + value + "' must be true or false");
}

}  // namespace agora::searchd
