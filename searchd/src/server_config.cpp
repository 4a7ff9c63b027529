// agora-searchd's settings from flags and the JSON config file, both read through the one
// settings table (server_settings.cpp), and the --help made from it.
#include "agora/searchd/server_config.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "agora/base/cli_parse.hpp"
#include "agora/base/install_paths.hpp"
#include "agora/community/state_database.hpp"
#include "agora/error.hpp"
#include "server_settings.hpp"

namespace agora::searchd {
namespace {

using nlohmann::json;
using Kind = ServerSetting::Kind;

const ServerSetting* setting_for_key(const std::string& key) {
  for (const ServerSetting& setting : server_settings()) {
    if (!setting.key.empty() && setting.key == key) return &setting;
  }
  return nullptr;
}

// One scalar of the file as the text a flag would carry, of the type the setting wants.
std::string file_scalar(const ServerSetting& setting, const json& value, const std::string& where) {
  if (setting.file_takes_number ? !value.is_number() : !value.is_string()) {
    throw InvalidInput(where + ": must be a " + (setting.file_takes_number ? "number" : "string") +
                       ", not " + value.type_name() + " (" + value.dump() + ")");
  }
  return value.is_string() ? value.get<std::string>() : value.dump();
}

void apply_file(const std::string& path, ServerConfig& config) {
  std::ifstream file(path);
  if (!file) throw InvalidInput("--config " + path + ": cannot be read");
  json settings;
  try {
    settings = json::parse(file);
  } catch (const json::parse_error& error) {
    throw InvalidInput(path + ": not valid JSON: " + error.what());
  }
  if (!settings.is_object()) throw InvalidInput(path + ": must be a JSON object");
  for (const auto& [key, value] : settings.items()) {
    const std::string where = path + ": " + key;
    const ServerSetting* setting = setting_for_key(key);
    if (!setting) throw InvalidInput(where + ": unknown setting (see --help)");
    switch (setting->kind) {
      case Kind::switch_on:
      case Kind::switch_off:
        if (!value.is_boolean()) throw InvalidInput(where + ": must be true or false");
        config.*(setting->toggle) = value.get<bool>();
        break;
      case Kind::list:
        if (!value.is_array()) throw InvalidInput(where + ": must be a list of strings");
        for (const json& item : value)
          setting->read(config, file_scalar(*setting, item, where), where);
        break;
      case Kind::value: setting->read(config, file_scalar(*setting, value, where), where); break;
      case Kind::config_file: break;
    }
  }
}

}  // namespace

std::string server_usage() {
  std::ostringstream out;
  std::string line = "usage: agora-searchd";
  for (const ServerSetting& setting : server_settings()) {
    std::string item = "[" + std::string(setting.flag);
    if (!setting.value_name.empty()) item += " " + std::string(setting.value_name);
    item += "]";
    if (line.size() + 1 + item.size() > 90) {
      out << line << '\n';
      line = std::string(20, ' ');
    }
    line += " " + item;
  }
  out << line << "\n       agora-searchd admin --help   (accounts, API tokens, backups)\n"
      << "       agora-searchd --version\n\n"
      << "Serves the search API (/api/search, /api/suggest, /api/resources/ID, /api/stats),\n"
         "the collaboration API (accounts, submissions, reviews, requests: see\n"
         "docs/collaboration.md), /healthz, /readyz, /metrics, /opensearch.xml and the\n"
         "static files of --web.\n\n";
  for (const ServerSetting& setting : server_settings()) {
    std::string name = "  " + std::string(setting.flag);
    if (!setting.value_name.empty()) name += " " + std::string(setting.value_name);
    std::istringstream help{std::string(setting.help)};
    std::string first;
    std::getline(help, first);
    if (!setting.key.empty()) first += " [" + std::string(setting.key) + "]";
    if (setting.change == ServerSetting::Change::reload) first += " (reload)";
    out << name
        << (name.size() < 22 ? std::string(22 - name.size(), ' ') : "\n" + std::string(22, ' '))
        << first << '\n';
    for (std::string more; std::getline(help, more);) out << std::string(22, ' ') << more << '\n';
  }
  return out.str();
}

ServerConfig default_server_config() {
  ServerConfig config;
  if (const auto& installed = installation()) {
    config.db = (installed->state_dir / "index").string();
    config.web = (installed->data_dir / "web").string();
  }
  return config;
}

std::string state_path(const ServerConfig& config) {
  return config.state.empty() ? community::default_state_path(config.db) : config.state;
}

ServerConfig parse_server_config(const std::vector<std::string>& args, bool& help) {
  CLI::App app;
  app.set_help_flag();
  CLI::Option* help_flag = app.add_flag("--help,-h");
  std::vector<std::pair<const ServerSetting*, CLI::Option*>> given;
  std::map<std::string, bool> switches;  // bound so that "--no-translation=banana" fails
  for (const ServerSetting& setting : server_settings()) {
    const std::string flag(setting.flag);
    CLI::Option* option = nullptr;
    if (setting.kind == Kind::switch_on || setting.kind == Kind::switch_off) {
      option = app.add_flag(flag, switches[flag]);
    } else {
      option = app.add_option(flag)->expected(1)->allow_extra_args(false)->multi_option_policy(
          CLI::MultiOptionPolicy::TakeAll);
    }
    given.emplace_back(&setting, option);
  }
  parse_arguments(app, args);
  help = help_flag->count() > 0;

  ServerConfig config = default_server_config();
  // The file first, so that flags win; a list adds the flags' values to the file's.
  for (const auto& [setting, option] : given) {
    if (setting->kind == Kind::config_file && option->count() > 0) {
      apply_file(option->results().back(), config);
    }
  }
  for (const auto& [setting, option] : given) {
    if (option->count() == 0) continue;
    const std::string flag(setting->flag);
    switch (setting->kind) {
      case Kind::switch_on:
        if (switches[flag]) config.*(setting->toggle) = true;
        break;
      case Kind::switch_off:
        if (switches[flag]) config.*(setting->toggle) = false;
        break;
      case Kind::list:
        for (const std::string& value : option->results()) setting->read(config, value, flag);
        break;
      case Kind::value: setting->read(config, option->results().back(), flag); break;
      case Kind::config_file: break;
    }
  }
  // Connections wait for their next request in the poller, not in a worker; a few threads
  // per core still let a slow index read overlap with another search's CPU work.
  if (config.threads == 0) config.threads = std::max(8u, 4 * std::thread::hardware_concurrency());
  if (config.queue_length == 0) config.queue_length = 8 * config.threads;
  return config;
}

}  // namespace agora::searchd
