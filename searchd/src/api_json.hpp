// JSON bodies of the read API.
#pragma once

#include <nlohmann/json.hpp>

#include "agora/index/search.hpp"
#include "api_params.hpp"

namespace agora::searchd {

nlohmann::json search_json(const SearchParams& params, const index::SearchResult& result,
                           double took_ms);
nlohmann::json completions_json(const std::string& query, const std::string& language,
                                const std::vector<index::Completion>& completions);

}  // namespace agora::searchd
