// Mapping errors to problem details.
#include "problem.hpp"

#include <iostream>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "agora/community/errors.hpp"
#include "agora/error.hpp"
#include "api_json.hpp"
#include "community_json.hpp"
#include "http_errors.hpp"

namespace agora::searchd {

Problem problem_for(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const community::Unauthenticated& e) {
    return {401, "Sign-in required", e.what()};
  } catch (const community::Forbidden& e) {
    return {403, "Forbidden", e.what()};
  } catch (const community::Conflict& e) {
    nlohmann::json extra = nlohmann::json::object();
    if (!e.duplicates().empty()) extra["duplicates"] = duplicates_json(e.duplicates());
    return {409, "Conflict", e.what(), extra};
  } catch (const community::StaleRevision& e) {
    return {412, "Precondition failed", e.what()};
  } catch (const community::InvalidFields& e) {
    return {422, "Invalid fields", e.what(), {{"errors", field_problems_json(e.problems())}}};
  } catch (const community::UnusableToken& e) {
    return {400, "Unusable token", e.what()};
  } catch (const community::TooManyAttempts& e) {
    return {429, "Too many attempts", e.what()};
  } catch (const BodyTooLarge& e) {
    return {413, "Body too large", e.what()};
  } catch (const UnsupportedMediaType& e) {
    return {415, "Unsupported media type", e.what()};
  } catch (const InvalidInput& e) {
    return {400, "Bad request", e.what()};
  } catch (const NotFound& e) {
    return {404, "Not found", e.what()};
  } catch (const CorruptIndex& e) {
    return {503, "Index unavailable", e.what()};
  } catch (const Xapian::DatabaseModifiedError&) {
    return {503, "Index changing", "the index changed during the search; try again"};
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << '\n';  // details stay in the server log
    return {500, "Internal error", "the server failed to answer; the error has been logged"};
  } catch (const Xapian::Error& e) {
    std::cerr << "internal error: " << e.get_description() << '\n';
    return {500, "Internal error", "the server failed to answer; the error has been logged"};
  }
}

nlohmann::json problem_body(const Problem& problem, const std::string& instance) {
  nlohmann::json body = {{"type", "about:blank"},
                         {"title", problem.title},
                         {"status", problem.status},
                         {"detail", problem.detail}};
  if (!instance.empty()) body["instance"] = instance;
  body.update(problem.extra);
  return body;
}

void send_problem(httplib::Response& response, const Problem& problem,
                  const std::string& instance) {
  const nlohmann::json body = problem_body(problem, instance);
  response.status = problem.status;
  // When to come back: rate limits count over minutes, overload and a changing index pass
  // within a second.
  if (problem.status == 429) response.set_header("Retry-After", "60");
  if (problem.status == 503) response.set_header("Retry-After", "1");
  // Details may quote what the client sent, which need not be valid UTF-8.
  response.set_content(dump_safely(body), "application/problem+json");
}

}  // namespace agora::searchd
