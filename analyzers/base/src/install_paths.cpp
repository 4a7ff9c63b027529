// Where an installed Agora keeps its files.
#include "agora/base/install_paths.hpp"

#include <system_error>

namespace agora {

std::optional<InstallPaths> installation_of(const std::filesystem::path& program) {
  const std::filesystem::path bin = program.parent_path();
  if (bin.filename() != "bin") return std::nullopt;
  InstallPaths paths;
  paths.prefix = bin.parent_path();
  paths.data_dir = paths.prefix / "share" / "agora";
  std::error_code error;
  if (!std::filesystem::is_directory(paths.data_dir, error)) return std::nullopt;
  // GNU and FHS: /usr keeps its variable data in /var, any other prefix in PREFIX/var.
  paths.state_dir = paths.prefix == "/usr" ? std::filesystem::path("/var/lib/agora")
                                           : paths.prefix / "var" / "lib" / "agora";
  return paths;
}

const std::optional<InstallPaths>& installation() {
  static const std::optional<InstallPaths> paths = [] {
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::nullopt : installation_of(program);
  }();
  return paths;
}

std::optional<std::string> installed_index_path() {
  if (!installation()) return std::nullopt;
  return (installation()->state_dir / "index").string();
}

}  // namespace agora
