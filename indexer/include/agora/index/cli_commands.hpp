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

/// `agora-index add --db DIR [OPTIONS] PATH...`: import records.
int run_add(const std::vector<std::string>& args, Streams streams);

/// `agora-index harvest --db DIR [OPTIONS] URL`: records from an OAI-PMH repository.
int run_harvest(const std::vector<std::string>& args, Streams streams);

/// `agora-index remove --db DIR ID...`: delete records.
int run_remove(const std::vector<std::string>& args, Streams streams);

/// `agora-index export --db DIR`: every resource as native JSONL on `out`.
int run_export(const std::vector<std::string>& args, Streams streams);

/// `agora-index dictionaries`: compile the installed dictionaries for query translation.
int run_dictionaries(const std::vector<std::string>& args, Streams streams);

/// `agora-index compact --db DIR`: rewrite the index into full blocks, in place.
int run_compact(const std::vector<std::string>& args, Streams streams);

/// `agora-index stats --db DIR [--json]`: what the index holds.
int run_stats(const std::vector<std::string>& args, Streams streams);

}  // namespace agora::index::cli
