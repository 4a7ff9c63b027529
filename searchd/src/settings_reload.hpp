// What a SIGHUP changes: the running settings, with the new values of the settings the
// table marks as reloadable, and a line for each difference, taken or not.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

struct ReloadPlan {
  ServerConfig settings;              ///< what the daemon runs with after the reload
  std::vector<std::string> changed;   ///< "KEY: OLD -> NEW", taken now
  std::vector<std::string> deferred;  ///< "KEY: OLD -> NEW", which needs a restart
};

/// Compares the running settings with those just read, setting by setting.
ReloadPlan plan_reload(const ServerConfig& running, const ServerConfig& read_again);

/// Every setting that has a config-file key, by that key, as the file would write it.
nlohmann::json settings_json(const ServerConfig& config);

}  // namespace agora::searchd
