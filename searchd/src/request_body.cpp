// JSON bodies: media type, encoding, syntax and shape, each with its own message.
#include "request_body.hpp"

#include "agora/community/refusal.hpp"
#include "agora/error.hpp"
#include "api_params.hpp"

namespace agora::searchd {

nlohmann::json json_object_body(const httplib::Request& request, bool merge_patch) {
  const std::string type = request.get_header_value("Content-Type");
  const std::string media = type.substr(0, type.find(';'));
  // Insisting on a JSON media type also keeps plain HTML forms on other sites, which can
  // only send form encodings, from posting here.
  if (media != "application/json" && !(merge_patch && media == "application/merge-patch+json")) {
    throw community::Refusal(
        415, "Unsupported media type",
        "send the body as application/json" +
            std::string(merge_patch ? " or application/merge-patch+json" : "") +
            (media.empty() ? std::string(" (no Content-Type was given)") : ", not " + media));
  }
  require_utf8("body", request.body);
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& error) {
    throw InvalidInput("body: not valid JSON (at byte " + std::to_string(error.byte) + ")");
  }
  if (!body.is_object()) {
    throw InvalidInput(std::string("body: must be a JSON object, not ") + body.type_name());
  }
  return body;
}

}  // namespace agora::searchd
