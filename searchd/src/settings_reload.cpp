// Reloads and --check-config see the settings through the same table as flags and the file.
#include "settings_reload.hpp"

#include "server_settings.hpp"

namespace agora::searchd {

ReloadPlan plan_reload(const ServerConfig& running, const ServerConfig& read_again) {
  ReloadPlan plan{running, {}, {}};
  for (const ServerSetting& setting : server_settings()) {
    if (!setting.show) continue;
    const nlohmann::json before = setting.show(running);
    const nlohmann::json after = setting.show(read_again);
    if (before == after) continue;
    const std::string name =
        setting.key.empty() ? std::string(setting.flag) : std::string(setting.key);
    const std::string line = name + ": " + before.dump() + " -> " + after.dump();
    if (setting.change == ServerSetting::Change::reload) {
      setting.assign(plan.settings, read_again);
      plan.changed.push_back(line);
    } else {
      plan.deferred.push_back(line);
    }
  }
  return plan;
}

nlohmann::json settings_json(const ServerConfig& config) {
  nlohmann::json settings = nlohmann::json::object();
  for (const ServerSetting& setting : server_settings()) {
    if (!setting.key.empty() && setting.show)
      settings[std::string(setting.key)] = setting.show(config);
  }
  return settings;
}

}  // namespace agora::searchd
