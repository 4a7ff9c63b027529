// Running a CLI11 parser with its errors in the words agora's programs use: "unknown
// option '--x' (see --help)", "--db needs a value". Both programs parse through this.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace agora {

/// Parses `args` (as given, first to last) with `app`; any CLI11 error becomes an
/// InvalidInput naming the argument.
void parse_arguments(CLI::App& app, const std::vector<std::string>& args);

}  // namespace agora
