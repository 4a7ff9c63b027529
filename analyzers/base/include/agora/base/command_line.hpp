// The arguments of one command (an agora-index subcommand, an agora-searchd admin
// command), parsed by CLI11: flags, options with values, positionals.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace agora {

/// Parses `--flag`, `--option VALUE`, `--option=VALUE` and positional arguments (`--` ends
/// the options). Unknown options and options without their value throw InvalidInput.
class CommandLine {
 public:
  CommandLine(const std::vector<std::string>& args, const std::set<std::string>& flags,
              const std::set<std::string>& options);

  bool has(const std::string& flag) const { return flags_.count(flag) != 0; }
  std::optional<std::string> value(const std::string& option) const;
  /// The value of `option`, or an InvalidInput naming it as required.
  std::string required(const std::string& option, const std::string& example) const;
  const std::vector<std::string>& positional() const { return positional_; }
  /// --db: given, or the installed index (agora/base/install_paths.hpp), else required.
  std::string index_directory() const;

 private:
  std::set<std::string> flags_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

}  // namespace agora
