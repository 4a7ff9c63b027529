// Reading JSON request bodies with the checks every write endpoint needs.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace agora::searchd {

/// The body as a JSON object. UnsupportedMediaType when the Content-Type is not JSON
/// (application/json, or application/merge-patch+json when `merge_patch` is allowed);
/// InvalidInput (400) when it is not UTF-8, not JSON, or not an object.
nlohmann::json json_object_body(const httplib::Request& request, bool merge_patch = false);

}  // namespace agora::searchd
