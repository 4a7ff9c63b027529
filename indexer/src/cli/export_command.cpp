// `agora-index export`: every resource of an index as native JSONL, so that the commons
// stays portable and `agora-index add` of the output rebuilds the same index.
#include "agora/analyzers/registry.hpp"
#include "agora/base/command_line.hpp"
#include "agora/index/cli_commands.hpp"
#include "agora/index/search.hpp"

namespace agora::index::cli {

int run_export(const std::vector<std::string>& args, Streams streams) {
  const CommandLine arguments(args, {"--help"}, {"--db"});
  if (arguments.has("--help")) {
    streams.out << "usage: agora-index export --db DIR > resources.jsonl\n"
                   "Writes every resource in the index as one native JSON record per line,\n"
                   "in id order.\n";
    return 0;
  }
  const analyzers::Registry registry;
  Searcher searcher(arguments.required("--db", "data/index"), registry);
  std::size_t written = 0;
  for (const std::string& id : searcher.ids()) {
    if (const auto record = searcher.resource(id)) {
      streams.out << record->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      ++written;
    }
  }
  streams.out.flush();
  streams.err << "exported " << written << " resources\n";
  return streams.out ? 0 : 1;
}

}  // namespace agora::index::cli
