// `agora-index remove`: delete records by id.
#include "agora/analyzers/registry.hpp"
#include "agora/base/command_line.hpp"
#include "agora/error.hpp"
#include "agora/index/cli_commands.hpp"
#include "agora/index/index_writer.hpp"

namespace agora::index::cli {

int run_remove(const std::vector<std::string>& args, Streams streams) {
  const CommandLine arguments(args, {"--help"}, {"--db"});
  if (arguments.has("--help")) {
    streams.out << "usage: agora-index remove --db DIR ID...\n";
    return 0;
  }
  const std::string db = arguments.index_directory();
  if (arguments.positional().empty()) throw InvalidInput("no ID to remove");
  const analyzers::Registry registry;
  IndexWriter writer(db, registry);
  int missing = 0;
  for (const std::string& id : arguments.positional()) {
    if (writer.remove(id)) {
      streams.out << "removed " << id << '\n';
    } else {
      streams.err << id << ": no resource with this id in " << db << '\n';
      ++missing;
    }
  }
  writer.commit();
  return missing > 0 ? 1 : 0;
}

}  // namespace agora::index::cli
