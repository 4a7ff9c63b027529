// The message of a field refusal: every problem, each with its field.
#include "agora/community/errors.hpp"

namespace agora::community {
namespace {

std::string describe(const std::vector<FieldProblem>& problems) {
  std::string detail;
  for (const FieldProblem& problem : problems) {
    if (!detail.empty()) detail += "; ";
    detail += problem.field + ": " + problem.message;
  }
  return detail;
}

}  // namespace

InvalidFields::InvalidFields(std::vector<FieldProblem> problems)
    : Refusal(describe(problems)), problems_(std::move(problems)) {}

}  // namespace agora::community
