// The agora-index subcommands, each a function from arguments to an exit code.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace agora::index::cli {

/// Standard streams of a command, so tests can run commands in-process.
struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

/// `agora-index analyze [--lang TAG] [--words|--detect|--explain|--list] [--query]`.
int run_analyze(const std::vector<std::string>& args, Streams streams);

}  // namespace agora::index::cli
