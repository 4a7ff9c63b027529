// JSON bodies: media type, encoding, syntax and shape, each with its own message.
#include "request_body.hpp"

#include "agora/error.hpp"
#include "api_params.hpp"
#include "http_errors.hpp"

namespace agora::searchd {
namespace {

constexpr int kMaxBodyDepth = 32;

}  // namespace

nlohmann::json json_object_body(const httplib::Request& request, bool merge_patch) {
  const std::string type = request.get_header_value("Content-Type");
  const std::string media = type.substr(0, type.find(';'));
  // Insisting on a JSON media type also keeps plain HTML forms on other sites, which can
  // only send form encodings, from posting here.
  if (media != "application/json" && !(merge_patch && media == "application/merge-patch+json")) {
    throw UnsupportedMediaType(
        "send the body as application/json" +
        std::string(merge_patch ? " or application/merge-patch+json" : "") +
        (media.empty() ? std::string(" (no Content-Type was given)") : ", not " + media));
  }
  require_utf8("body", request.body);
  // Copying, patching and printing a JSON value recurse once per level: a body nested
  // thousands deep would exhaust a worker's stack. No record needs more than a few levels.
  const auto shallow = [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth > kMaxBodyDepth) {
      throw InvalidInput("body: nested more than " + std::to_string(kMaxBodyDepth) +
                         " levels deep");
    }
    return true;
  };
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(request.body, shallow);
  } catch (const nlohmann::json::parse_error& error) {
    throw InvalidInput("body: not valid JSON (at byte " + std::to_string(error.byte) + ")");
  }
  if (!body.is_object()) {
    throw InvalidInput(std::string("body: must be a JSON object, not ") + body.type_name());
  }
  return body;
}

}  // namespace agora::searchd
