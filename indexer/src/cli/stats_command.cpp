// `agora-index stats`: documents per language, type, license, level, subject, collection.
#include <cstdio>

#include "agora/base/command_line.hpp"
#include "agora/error.hpp"
#include "agora/index/cli_commands.hpp"
#include "agora/index/index_stats.hpp"

namespace agora::index::cli {
namespace {

void print_counts(std::ostream& out, const char* heading,
                  const std::map<std::string, Xapian::doccount>& counts) {
  out << heading << ":\n";
  for (const auto& [name, count] : counts) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-28s %8u\n", name.c_str(), count);
    out << line;
  }
}

}  // namespace

int run_stats(const std::vector<std::string>& args, Streams streams) {
  const CommandLine arguments(args, {"--json", "--help"}, {"--db"});
  if (arguments.has("--help")) {
    streams.out << "usage: agora-index stats --db DIR [--json]\n";
    return 0;
  }
  const IndexStats stats = read_stats(arguments.index_directory());
  if (arguments.has("--json")) {
    streams.out << stats_to_json(stats).dump(2) << '\n';
    return 0;
  }
  char line[256];
  std::snprintf(line, sizeof line,
                "documents: %u (language detected for %u)\nindex size: %.1f MB\n", stats.documents,
                stats.detected_language, stats.size_bytes / 1e6);
  streams.out << line;
  std::snprintf(line, sizeof line, "works: %u (in 1 language: %u, in 2: %u, in 3 or more: %u)\n",
                stats.works, stats.works_by_languages[0], stats.works_by_languages[1],
                stats.works_by_languages[2]);
  streams.out << line;
  print_counts(streams.out, "languages", stats.languages);
  print_counts(streams.out, "types", stats.types);
  print_counts(streams.out, "licenses", stats.licenses);
  print_counts(streams.out, "levels", stats.levels);
  print_counts(streams.out, "subjects", stats.subjects);
  print_counts(streams.out, "collections", stats.collections);
  return 0;
}

}  // namespace agora::index::cli
