// The OpenSearch description document, so browsers can add Agora as a search engine.
#pragma once

#include <string>

namespace agora::searchd {

/// The description for a server reached at `origin` ("http://host:port").
std::string opensearch_description(const std::string& origin);

}  // namespace agora::searchd
