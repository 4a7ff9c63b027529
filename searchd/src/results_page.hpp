// The plain HTML results page for /search: the same search and escaping as the API, for
// browsers without JavaScript (web/agora.js enhances it when it can run).
#pragma once

#include <string>

#include "agora/index/search.hpp"
#include "api_params.hpp"
#include "ui_strings.hpp"

namespace agora::searchd {

/// The whole page, in UI language `ui`, for `params` and its `result`. When nothing is
/// found it offers a request form; `csrf_token` goes into it for signed-in learners.
std::string render_results_page(const UiStrings& strings, const std::string& ui,
                                const SearchParams& params, const index::SearchResult& result,
                                const std::string& csrf_token);

}  // namespace agora::searchd
