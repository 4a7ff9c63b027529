// agora-index: entry point dispatching to subcommands.
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "agora/build_info.hpp"
#include "agora/error.hpp"
#include "agora/index/cli_commands.hpp"

namespace {

constexpr const char* kUsage =
    "usage: agora-index COMMAND [OPTIONS]\n"
    "       agora-index --version\n"
    "\n"
    "commands:\n"
    "  add       import resources into an index (agora-index add --help)\n"
    "  harvest   harvest an OAI-PMH repository over HTTP (agora-index harvest --help)\n"
    "  remove    remove resources by id\n"
    "  export    write every resource as native JSONL (to rebuild or share the index)\n"
    "  stats     documents per language, type, license, ... and index size\n"
    "  compact   rewrite the index into full blocks, in place (add does it after big runs)\n"
    "  analyze   show how text is analysed (agora-index analyze --help)\n"
    "  dictionaries  compile the installed dictionaries for query translation\n";

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "agora-index " << agora::kVersion << '\n';
    return 0;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  agora::index::cli::Streams streams{std::cin, std::cout, std::cerr};
  try {
    using namespace agora::index::cli;
    if (command == "add") return run_add(args, streams);
    if (command == "harvest") return run_harvest(args, streams);
    if (command == "remove") return run_remove(args, streams);
    if (command == "export") return run_export(args, streams);
    if (command == "stats") return run_stats(args, streams);
    if (command == "compact") return run_compact(args, streams);
    if (command == "analyze") return run_analyze(args, streams);
    if (command == "dictionaries") return run_dictionaries(args, streams);
  } catch (const agora::InvalidInput& error) {
    std::cerr << "agora-index " << command << ": " << error.what() << '\n';
    return 2;
  } catch (const agora::Error& error) {
    std::cerr << "agora-index " << command << ": " << error.what() << '\n';
    return 1;
  } catch (const Xapian::Error& error) {
    std::cerr << "agora-index " << command << ": index error: " << error.get_description() << '\n';
    return 1;
  }
  std::cerr << "agora-index: unknown command '" << command << "'\n" << kUsage;
  return 2;
}
