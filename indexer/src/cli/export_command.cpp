// `agora-index export`: every resource of an index as JSONL, so that the commons stays
// portable. The native records rebuild the same index with `agora-index add`; the AMB
// records are what other OER portals (OERSI and the like) read.
#include "agora/analyzers/registry.hpp"
#include "agora/base/command_line.hpp"
#include "agora/error.hpp"
#include "agora/index/cli_commands.hpp"
#include "agora/index/learning_resource.hpp"
#include "agora/index/search.hpp"

namespace agora::index::cli {

int run_export(const std::vector<std::string>& args, Streams streams) {
  const CommandLine arguments(args, {"--help"}, {"--db", "--format"});
  if (arguments.has("--help")) {
    streams.out << "usage: agora-index export --db DIR [--format native|amb] > resources.jsonl\n"
                   "Writes every resource in the index as one JSON record per line, in id\n"
                   "order.\n"
                   "  --format native  Agora's own records, as `agora-index add` reads them\n"
                   "                   back into the same index (the default)\n"
                   "  --format amb     AMB JSON-LD LearningResources (the profile OERSI\n"
                   "                   uses), for other OER portals; see docs/harvesting.md\n";
    return 0;
  }
  const std::string format = arguments.value("--format").value_or("native");
  if (format != "native" && format != "amb") {
    throw InvalidInput("--format: '" + format + "' must be native or amb");
  }
  const analyzers::Registry registry;
  // Exporting is how an index of an older schema is rebuilt (schema_check.hpp).
  Searcher searcher(arguments.index_directory(), registry, Searcher::Schema::records_only);
  std::size_t written = 0;
  for (const std::string& id : searcher.ids()) {
    auto record = searcher.resource(id);
    if (!record) continue;
    if (format == "amb") {
      *record = learning_resource(*record, JsonLdOptions::of(JsonLdProfile::amb));
    }
    streams.out << record->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    ++written;
  }
  streams.out.flush();
  streams.err << "exported " << written << " resources\n";
  return streams.out ? 0 : 1;
}

}  // namespace agora::index::cli
