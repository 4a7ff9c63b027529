// Errors of the collaboration layer that the HTTP API answers with a specific status.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "agora/error.hpp"

namespace agora::community {

/// A request the collaboration rules refuse: 401, 403, 409, 413, 415, 422 or 429.
/// `extra` holds members added to the problem details (`errors`, `duplicates`).
class Refusal : public Error {
 public:
  Refusal(int status, std::string title, const std::string& detail,
          nlohmann::json extra = nlohmann::json::object())
      : Error(detail), status_(status), title_(std::move(title)), extra_(std::move(extra)) {}

  int status() const { return status_; }
  const std::string& title() const { return title_; }
  const nlohmann::json& extra() const { return extra_; }

 private:
  int status_;
  std::string title_;
  nlohmann::json extra_;
};

inline Refusal unauthenticated(const std::string& detail) {
  return {401, "Sign-in required", detail};
}
inline Refusal forbidden(const std::string& detail) { return {403, "Forbidden", detail}; }
inline Refusal too_many_attempts(const std::string& detail) {
  return {429, "Too many attempts", detail};
}
inline Refusal conflict(const std::string& detail,
                        nlohmann::json extra = nlohmann::json::object()) {
  return {409, "Conflict", detail, std::move(extra)};
}

/// One problem with one field of a submitted body.
struct FieldProblem {
  std::string field;
  std::string message;
};

/// 422 listing every problem, each with its field.
Refusal invalid_fields(const std::vector<FieldProblem>& problems);

}  // namespace agora::community
