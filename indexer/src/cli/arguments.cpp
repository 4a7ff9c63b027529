// Argument parsing shared by the agora-index subcommands.
#include "agora/index/command_arguments.hpp"

#include "agora/error.hpp"

namespace agora::index::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::set<std::string>& flags,
                     const std::set<std::string>& options) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      positional_.push_back(arg);
      continue;
    }
    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    if (flags.count(name) && equals == std::string::npos) {
      flags_.insert(name);
    } else if (options.count(name)) {
      if (equals != std::string::npos) {
        values_[name] = arg.substr(equals + 1);
      } else if (i + 1 < args.size()) {
        values_[name] = args[++i];
      } else {
        throw InvalidInput(name + " needs a value");
      }
    } else {
      throw InvalidInput("unknown option '" + arg + "' (see --help)");
    }
  }
}

std::optional<std::string> Arguments::value(const std::string& option) const {
  const auto found = values_.find(option);
  if (found == values_.end()) return std::nullopt;
  return found->second;
}

std::string Arguments::required(const std::string& option, const std::string& example) const {
  if (auto found = value(option)) return *found;
  throw InvalidInput(option + " is required, e.g. " + option + " " + example);
}

}  // namespace agora::index::cli
