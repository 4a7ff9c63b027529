// `agora-index compact`: rewrite an index into full blocks, in place, while it serves.
#include <cstdio>

#include "agora/analyzers/registry.hpp"
#include "agora/base/command_line.hpp"
#include "agora/index/cli_commands.hpp"
#include "agora/index/compaction.hpp"
#include "agora/index/index_stats.hpp"
#include "agora/index/index_writer.hpp"

namespace agora::index::cli {

int run_compact(const std::vector<std::string>& args, Streams streams) {
  const CommandLine arguments(args, {"--help"}, {"--db"});
  if (arguments.has("--help")) {
    streams.out << "usage: agora-index compact --db DIR\n"
                   "Rewrites the index into full blocks and swaps it in atomically; searchd\n"
                   "keeps serving. `add` does this by itself after a run that wrote a\n"
                   "quarter of the index or more.\n";
    return 0;
  }
  const std::string db = arguments.index_directory();
  const analyzers::Registry registry;
  const IndexWriter lock(db, registry);  // no commit may land while the copy is made
  const auto before = index_size_bytes(db);
  compact_in_place(db);
  char line[160];
  std::snprintf(line, sizeof line, "compacted %s: %.1f MB -> %.1f MB\n", db.c_str(), before / 1e6,
                index_size_bytes(db) / 1e6);
  streams.out << line;
  return 0;
}

}  // namespace agora::index::cli
