// Server-rendered HTML for resource requests, for browsers without JavaScript.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "ui_strings.hpp"

namespace agora::searchd {

/// The form that asks for a missing resource, with `topic` filled in. It posts to /requests;
/// `csrf_token` is included when the learner is signed in by cookie.
std::string request_form_html(const UiStrings& strings, const std::string& ui,
                              const std::string& topic, const std::string& language,
                              const std::string& csrf_token);

/// The answer to a form post: a confirmation for the created `request`, or, when `errors`
/// (field/message pairs) is not empty, the problems and the form again with what was sent.
std::string render_request_page(const UiStrings& strings, const std::string& ui,
                                const nlohmann::json& request, const nlohmann::json& errors,
                                const std::string& csrf_token);

}  // namespace agora::searchd
