// The 422 refusal, listing every field problem.
#include "agora/community/refusal.hpp"

namespace agora::community {

Refusal invalid_fields(const std::vector<FieldProblem>& problems) {
  nlohmann::json errors = nlohmann::json::array();
  std::string detail;
  for (const FieldProblem& problem : problems) {
    errors.push_back({{"field", problem.field}, {"message", problem.message}});
    if (!detail.empty()) detail += "; ";
    detail += problem.field + ": " + problem.message;
  }
  return {422, "Invalid fields", detail, {{"errors", errors}}};
}

}  // namespace agora::community
