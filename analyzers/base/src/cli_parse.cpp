// CLI11 errors as agora's messages.
#include "agora/base/cli_parse.hpp"

#include "agora/error.hpp"

namespace agora {
namespace {

bool known(CLI::App& app, const std::string& arg) {
  const std::string name = arg.substr(0, arg.find('='));
  return app.get_option_no_throw(name) != nullptr;
}

}  // namespace

void parse_arguments(CLI::App& app, const std::vector<std::string>& args) {
  // CLI11 takes the arguments last to first.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ExtrasError& error) {
    for (const std::string& arg : args) {
      if (arg.size() > 1 && arg[0] == '-' && !known(app, arg)) {
        throw InvalidInput("unknown option '" + arg + "' (see --help)");
      }
    }
    throw InvalidInput(std::string("unexpected arguments: ") + error.what());
  } catch (const CLI::ArgumentMismatch& error) {
    if (!args.empty() && known(app, args.back()) && args.back().find('=') == std::string::npos) {
      throw InvalidInput(args.back() + " needs a value");
    }
    throw InvalidInput(error.what());
  } catch (const CLI::ParseError& error) {
    throw InvalidInput(error.what());
  }
}

}  // namespace agora
