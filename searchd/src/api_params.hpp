// Validated parameters of the read API.
#pragma once

#include <string>

#include <httplib.h>

#include "agora/analyzers/registry.hpp"
#include "agora/index/search.hpp"
#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

/// A search as the API was asked for it.
struct SearchParams {
  index::SearchRequest request;
  std::size_t page = 1;
  std::size_t per_page = 10;
  std::size_t max_page = 1;  ///< the deepest page the limits allow at this page size
};

/// Reads /api/search (and /search) parameters. Throws agora::InvalidInput naming the
/// parameter for anything out of bounds or unknown.
SearchParams parse_search_params(const httplib::Request& request, const ServerConfig& config,
                                 const analyzers::Registry& registry);

/// The learner's language: `lang` when given (validated), else the best match of
/// Accept-Language among the supported languages, else "und".
std::string learner_language(const httplib::Request& request, const analyzers::Registry& registry);

/// Throws agora::InvalidInput naming `parameter` when `value` is not valid UTF-8.
void require_utf8(const std::string& parameter, const std::string& value);

/// Refuses requests with more than `max` parameters, or with any parameter not in
/// `allowed` (parameters starting with '_' are cache-busters and ignored).
void check_parameters(const httplib::Request& request, const std::vector<std::string>& allowed,
                      std::size_t max);

}  // namespace agora::searchd
