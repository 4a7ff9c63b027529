// Errors as RFC 9457 problem details (application/problem+json).
#pragma once

#include <exception>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace agora::searchd {

/// An HTTP error as the client will see it.
struct Problem {
  int status = 500;
  std::string title;
  std::string detail;
  nlohmann::json extra = nlohmann::json::object();  ///< added members (errors, duplicates)
};

/// The one place where errors become HTTP statuses: InvalidInput → 400, NotFound → 404,
/// the collaboration layer's refusals → 401, 403, 409, 412, 422 or 429, the HTTP layer's
/// own → 413 or 415, CorruptIndex → 503, anything else → 500 (with no internals in the
/// detail).
Problem problem_for(std::exception_ptr error);

/// The application/problem+json body of `problem`; `instance` (the path) when not empty.
nlohmann::json problem_body(const Problem& problem, const std::string& instance);

/// Writes `problem` as application/problem+json with its status.
void send_problem(httplib::Response& response, const Problem& problem, const std::string& instance);

}  // namespace agora::searchd
