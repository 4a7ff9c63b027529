// agora-searchd --check-config: whether the daemon could start with these settings, told
// before a restart or a reload rather than by a service that fails to come up.
#pragma once

#include <ostream>

#include "agora/analyzers/registry.hpp"
#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

/// Prints the settings as JSON on `out` and each problem (the index that does not open,
/// a missing folder or file) on `problems`. Returns 0 when there is none, else 1.
int check_config(const ServerConfig& config, const analyzers::Registry& registry, std::ostream& out,
                 std::ostream& problems);

}  // namespace agora::searchd
