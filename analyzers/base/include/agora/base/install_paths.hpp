// Where an installed Agora keeps its files, and the defaults that follow from it.
//
// A program that runs from PREFIX/bin next to PREFIX/share/agora is installed: its web
// files, dictionaries and record schema are read from PREFIX/share/agora and its index and
// state default to the FHS place for variable data (/var/lib/agora for PREFIX /usr, else
// PREFIX/var/lib/agora). Run from the build tree, nothing changes: the defaults stay the
// ones the README's commands use. The test is made on the program's own location, so an
// installation into any prefix (cmake --install --prefix DIR) finds its own files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace agora {

struct InstallPaths {
  std::filesystem::path prefix;     ///< PREFIX of PREFIX/bin/agora-...
  std::filesystem::path data_dir;   ///< PREFIX/share/agora: web/, schema/, dictionaries
  std::filesystem::path state_dir;  ///< /var/lib/agora or PREFIX/var/lib/agora
};

/// The installation this program runs from, or nullopt when it runs from a build tree.
const std::optional<InstallPaths>& installation();

/// Decides from a program's path; `installation()` asks it of /proc/self/exe.
std::optional<InstallPaths> installation_of(const std::filesystem::path& program);

/// The index a command uses when --db is not given: STATE_DIR/index when installed, none
/// (the option is then required) in a build tree.
std::optional<std::string> installed_index_path();

}  // namespace agora
