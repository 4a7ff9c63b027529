// JSON bodies of the read API.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "agora/index/search.hpp"
#include "api_params.hpp"

namespace agora::searchd {

/// Serialises without throwing: stored records and echoed parameters are UTF-8, but a
/// stray byte must never abort a response, so it is replaced.
std::string dump_safely(const nlohmann::json& body);

/// Answers `body` as application/json with `status`.
void send_json(httplib::Response& response, const nlohmann::json& body, int status = 200);

/// /healthz's answer, from a worker or, under overload, from the poller: the process lives,
/// and which version it is (after an upgrade, whether the restart took).
nlohmann::json liveness_json();

nlohmann::json search_json(const SearchParams& params, const index::SearchResult& result,
                           double took_ms);
nlohmann::json completions_json(const std::string& query, const std::string& language,
                                const std::vector<index::Completion>& completions);

}  // namespace agora::searchd
