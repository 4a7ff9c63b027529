// bench_dictionaries: what the installed dictionaries cost searchd at start-up: for each
// file, its headwords and the time to read, parse and analyse it; then the whole load's
// time, the lexicons' size and the process's peak memory.
//
// usage: bench_dictionaries [--freedict DIR] [--cedict FILE]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "agora/analyzers/registry.hpp"
#include "agora/index/dictionaries.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  agora::index::DictionaryLocations where;
  where.cedict = agora::index::default_cedict_path();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--freedict") == 0)
      where.freedict = argv[i + 1];
    else if (std::strcmp(argv[i], "--cedict") == 0)
      where.cedict = argv[i + 1];
  }
  const agora::analyzers::Registry registry;
  const long rss_before = peak_rss_mb();
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> problems;
  const agora::index::Dictionaries dictionaries =
      agora::index::Dictionaries::load(where, registry, problems);
  const double load_seconds = seconds_since(start);
  for (const std::string& problem : problems) std::printf("problem: %s\n", problem.c_str());

  std::printf("%-22s %-6s %10s %8s\n", "dictionary", "pair", "headwords", "seconds");
  for (const agora::index::DictionarySource& source : dictionaries.sources()) {
    std::printf("%-22s %-6s %10zu %8.2f\n", source.name.c_str(),
                (source.from + "-" + source.to).c_str(), source.entries, source.seconds);
  }
  std::printf("\nfiles: %zu  load: %.2f s  lexicons: %zu MB  peak RSS: %ld MB (%ld MB before)\n",
              dictionaries.sources().size(), load_seconds, dictionaries.bytes() >> 20,
              peak_rss_mb(), rss_before);
  return 0;
}
