// One command's arguments through CLI11.
#include "agora/base/command_line.hpp"

#include "agora/base/cli_parse.hpp"
#include "agora/base/install_paths.hpp"
#include "agora/error.hpp"

namespace agora {

CommandLine::CommandLine(const std::vector<std::string>& args, const std::set<std::string>& flags,
                         const std::set<std::string>& options) {
  CLI::App app;
  // Commands print their own --help, which they list among their flags.
  app.set_help_flag();
  // Bound to a bool, a flag given a value takes only yes or no words ("--strict=banana" fails).
  std::map<std::string, bool> flag_values;
  std::map<std::string, CLI::Option*> flag_options;
  for (const std::string& flag : flags) flag_options[flag] = app.add_flag(flag, flag_values[flag]);
  std::map<std::string, CLI::Option*> value_options;
  for (const std::string& option : options) {
    value_options[option] =
        app.add_option(option)->expected(1)->allow_extra_args(false)->multi_option_policy(
            CLI::MultiOptionPolicy::TakeLast);
  }
  app.add_option("arguments", positional_);
  parse_arguments(app, args);
  for (const auto& [flag, option] : flag_options) {
    if (option->count() > 0 && flag_values[flag]) flags_.insert(flag);
  }
  for (const auto& [name, option] : value_options) {
    if (option->count() > 0) values_[name] = option->results().back();
  }
}

std::optional<std::string> CommandLine::value(const std::string& option) const {
  const auto found = values_.find(option);
  if (found == values_.end()) return std::nullopt;
  return found->second;
}

std::string CommandLine::required(const std::string& option, const std::string& example) const {
  if (auto found = value(option)) return *found;
  throw InvalidInput(option + " is required, e.g. " + option + " " + example);
}

std::string CommandLine::index_directory() const {
  if (auto given = value("--db")) return *given;
  if (auto installed = installed_index_path()) return *installed;
  return required("--db", "data/index");
}

}  // namespace agora
