// Query-dependent snippets: the passage with the most matches, cut on word boundaries.
#pragma once

#include <string>

#include "agora/analyzers/analyzer.hpp"
#include "agora/base/html.hpp"
#include "query_builder.hpp"

namespace agora::index {

/// Up to about `max_bytes` of `text` around the densest run of matches, HTML-escaped, with
/// matches in <mark> and "…" where text was cut. Cuts fall on the analyzer's word
/// boundaries, so CJK and Thai text is never cut inside a word.
std::string make_snippet(const std::string& text, const analyzers::Analyzer& analyzer,
                         const QueryTerms& terms, std::size_t max_bytes);

}  // namespace agora::index
