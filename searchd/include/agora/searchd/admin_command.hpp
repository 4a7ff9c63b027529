// `agora-searchd admin`: accounts and API tokens from the command line.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace agora::searchd {

/// Runs one admin subcommand (see --help); returns the exit code. Passwords are read
/// from `in` (--password-stdin) so that they never appear in the process list.
int run_admin(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err);

}  // namespace agora::searchd
