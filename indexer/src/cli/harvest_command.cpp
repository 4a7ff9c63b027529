// `agora-index harvest`: records from an OAI-PMH repository over HTTP.
#include <cstdio>

#include "agora/analyzers/registry.hpp"
#include "agora/base/command_line.hpp"
#include "agora/base/parse.hpp"
#include "agora/error.hpp"
#include "agora/index/catalogue.hpp"
#include "agora/index/cli_commands.hpp"
#include "agora/index/harvest.hpp"
#include "cli/stop_on_signal.hpp"

namespace agora::index::cli {
namespace {

constexpr const char* kHelp =
    "usage: agora-index harvest --db DIR [OPTIONS] URL\n"
    "\n"
    "Harvests an OAI-PMH 2.0 repository (URL is its base, without ?verb=) into the\n"
    "index: ListRecords page by page, following resumptionToken to the end, deleted\n"
    "records removed. Each page is committed with the harvest's place, so a harvest\n"
    "that is interrupted or broken off goes on from its last page when run again.\n"
    "\n"
    "  --db DIR               index directory (created when missing)\n"
    "  --metadata-prefix P    oai_dc (default) or lom (IEEE LOM)\n"
    "  --set SET              only the records of this OAI set\n"
    "  --from DATE            records changed since DATE (YYYY-MM-DD or\n"
    "                         YYYY-MM-DDThh:mm:ssZ); default: since the last complete\n"
    "                         harvest of this URL, prefix and set (all, the first time)\n"
    "  --until DATE           records changed until DATE\n"
    "  --collection NAME      collection of the records (default: the repository host)\n"
    "  --restart              start again rather than go on from an interrupted harvest\n"
    "  --attempts N           tries per request (default 5): after a 503 the harvester\n"
    "                         waits as Retry-After asks, after other failures 1, 2, 4 s..\n"
    "  --quiet                no summary\n"
    "\n"
    "Bad records are reported as URL: identifier: field: problem and skipped. The exit\n"
    "code is 0 when the list was harvested to its end, 1 when records failed or the\n"
    "harvest stopped early (what was committed stays), 130 when interrupted.\n";

std::string date_flag(const std::string& flag, const std::string& value) {
  if (!is_oai_date(value)) {
    throw InvalidInput(flag + ": '" + value + "' must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
  }
  return value;
}

}  // namespace

int run_harvest(const std::vector<std::string>& args, Streams streams) {
  const CommandLine arguments(
      args, {"--quiet", "--help", "--restart"},
      {"--db", "--metadata-prefix", "--set", "--from", "--until", "--collection", "--attempts"});
  if (arguments.has("--help")) {
    streams.out << kHelp;
    return 0;
  }
  const std::string db = arguments.index_directory();
  if (arguments.positional().size() != 1) {
    throw InvalidInput("give one repository URL to harvest (see --help)");
  }
  HarvestOptions options;
  options.url = arguments.positional().front();
  options.metadata_prefix = arguments.value("--metadata-prefix").value_or("oai_dc");
  options.set = arguments.value("--set").value_or("");
  if (auto from = arguments.value("--from")) options.from = date_flag("--from", *from);
  if (auto until = arguments.value("--until")) options.until = date_flag("--until", *until);
  options.collection = arguments.value("--collection").value_or("");
  options.restart = arguments.has("--restart");
  if (auto attempts = arguments.value("--attempts")) {
    options.attempts = parse_whole_number_as<int>(*attempts, "--attempts", 1, 100);
  }

  const analyzers::Registry registry;
  const analyzers::LanguageDetector detector;
  IndexWriter writer(db, registry);
  HarvestSummary summary;
  {
    const StopOnSignal stop;
    summary = harvest(options, writer, detector, streams.err, stop.requested());
  }

  if (!arguments.has("--quiet")) {
    char line[256];
    std::snprintf(line, sizeof line,
                  "%zu page%s: %zu added, %zu replaced, %zu removed, %zu failed, %zu retries",
                  summary.pages, summary.pages == 1 ? "" : "s", summary.added, summary.replaced,
                  summary.removed, summary.failed, summary.retries);
    streams.err << (summary.complete      ? "done"
                    : summary.interrupted ? "interrupted, committed pages kept"
                                          : "stopped early, committed pages kept")
                << (summary.resumed ? " (went on from an interrupted harvest)" : "")
                << (summary.from.empty() ? "" : ", from " + summary.from) << ": " << line
                << "; index: " << writer.document_count() << " documents\n";
    if (!summary.complete && !summary.stopped_by.empty()) {
      streams.err << "stopped by: " << summary.stopped_by
                  << "; run the same command again to go on from the last page\n";
    }
  }
  if (summary.interrupted) return 130;
  return summary.complete && summary.failed == 0 ? 0 : 1;
}

}  // namespace agora::index::cli
