// The one table of agora-searchd's settings: each row is a flag, its key in the JSON config
// file, its help line and how its value is read and checked. Flags, the config file and
// --help are all made from it, so no setting or bound is written twice.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

struct ServerSetting {
  enum class Kind {
    value,        ///< one value: the last given wins
    list,         ///< comma-separated values, added up over flags and the file's array
    switch_on,    ///< a flag that sets `toggle`; the file's key takes true or false
    switch_off,   ///< a flag that clears `toggle`; the file's key takes true or false
    config_file,  ///< --config itself: read first, so that flags win
  };
  /// Whether a running daemon takes a new value on SIGHUP, or only at its next start.
  enum class Change { restart, reload };
  std::string_view flag;        ///< "--port"
  std::string_view key;         ///< "port" in the config file; empty: flag only
  std::string_view value_name;  ///< "N" in the help
  std::string_view help;        ///< lines after the first are indented under it
  Kind kind = Kind::value;
  /// Reads one value (text as written on the command line, or the file's scalar) into the
  /// settings; InvalidInput naming `where` when it is not acceptable.
  std::function<void(ServerConfig&, const std::string& text, const std::string& where)> read;
  bool ServerConfig::*toggle = nullptr;  ///< for switches
  bool file_takes_number = false;        ///< the file's value is a JSON number, not a string
  Change change = Change::restart;
  /// The setting's value as the config file would write it (for --check-config and the
  /// reload log); empty for --config itself.
  std::function<nlohmann::json(const ServerConfig&)> show;
  /// Copies the setting's value from one configuration to another (a reload's new value).
  std::function<void(ServerConfig& to, const ServerConfig& from)> assign;
};

/// Every setting, in the order --help lists them.
const std::vector<ServerSetting>& server_settings();

}  // namespace agora::searchd
