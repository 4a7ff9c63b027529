// What the collaboration rules refuse, as domain errors. They say what went wrong in the
// community's terms; searchd alone decides which HTTP status each becomes (problem.cpp),
// and agora-searchd admin which exit code.
#pragma once

#include <string>
#include <vector>

#include "agora/error.hpp"
#include "agora/index/search.hpp"

namespace agora::community {

/// Base of the refusals below: the request was understood and the rules say no.
class Refusal : public Error {
 public:
  using Error::Error;
};

/// Nobody is signed in, or the session or token no longer holds.
class Unauthenticated : public Refusal {
 public:
  using Refusal::Refusal;
};

/// Signed in, but the caller's role or relation to the resource does not allow this.
class Forbidden : public Refusal {
 public:
  using Refusal::Refusal;
};

/// Too many attempts from one username or address within a while.
class TooManyAttempts : public Refusal {
 public:
  using Refusal::Refusal;
};

/// A single-use token (a password reset) that is unknown, used already or expired.
class UnusableToken : public Refusal {
 public:
  using Refusal::Refusal;
};

/// A resource that looks like the one refused: same address, same id or a near-identical
/// title.
using Duplicate = index::DuplicateCandidate;

/// The state does not allow it now: already deleted, already reviewed, a taken name, or a
/// look-alike of a resource Agora has (then `duplicates` names them).
class Conflict : public Refusal {
 public:
  explicit Conflict(const std::string& detail, std::vector<Duplicate> duplicates = {})
      : Refusal(detail), duplicates_(std::move(duplicates)) {}
  const std::vector<Duplicate>& duplicates() const { return duplicates_; }

 private:
  std::vector<Duplicate> duplicates_;
};

/// An edit made from a revision that is no longer the latest (If-Match), so that it never
/// silently replaces one its author has not seen.
class StaleRevision : public Refusal {
 public:
  using Refusal::Refusal;
};

/// One problem with one field of a submitted body.
struct FieldProblem {
  std::string field;
  std::string message;
};

/// Fields that break the rules, every problem with its field.
class InvalidFields : public Refusal {
 public:
  explicit InvalidFields(std::vector<FieldProblem> problems);
  InvalidFields(std::string field, std::string message)
      : InvalidFields(std::vector<FieldProblem>{{std::move(field), std::move(message)}}) {}
  const std::vector<FieldProblem>& problems() const { return problems_; }

 private:
  std::vector<FieldProblem> problems_;
};

}  // namespace agora::community
