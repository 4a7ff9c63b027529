// bench_index: indexes the whole debian-handbook (every edition) and reports records/s,
// MB/s of text, peak RSS and index size, next to the bare analyzer pass over the same
// text (the ceiling: indexing can only be slower than analysing).
//
// usage: bench_index [--handbook DIR] [--db DIR]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

#include "agora/analyzers/registry.hpp"
#include "agora/index/import_run.hpp"
#include "agora/index/index_stats.hpp"
#include "handbook_text.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path root = agora::bench::kHandbookDir;
  std::filesystem::path db = std::filesystem::temp_directory_path() / "agora-bench-index";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--handbook")) root = argv[i + 1];
    else if (!std::strcmp(argv[i], "--db")) db = argv[i + 1];
  }
  std::filesystem::remove_all(db);
  const agora::analyzers::Registry registry;
  const agora::analyzers::LanguageDetector detector;

  // 1. Indexing, first, so that peak RSS is the indexer's own.
  agora::index::ImportOptions options;
  options.lang_from_path.emplace("^([a-z]{2}(?:-[A-Z]{2})?)/");
  options.read.base_url = "https://debian-handbook.info/browse/";
  options.read.collection = "debian-handbook";
  std::ostringstream errors;
  auto start = Clock::now();
  agora::index::ImportSummary summary;
  {
    agora::index::IndexWriter writer(db, registry);
    summary = agora::index::import_paths({root.string()}, writer, options, detector, errors,
                                         nullptr, nullptr);
  }
  const double index_seconds = seconds_since(start);
  const long index_rss = peak_rss_kb();
  const auto index_bytes = agora::index::index_size_bytes(db);

  // 2. The ceiling: the same pages' text through each edition's analyzer, nothing else.
  const auto editions = agora::bench::read_handbook(root, SIZE_MAX);
  std::size_t text_bytes = 0, pages = 0;
  start = Clock::now();
  for (const auto& edition : editions) {
    const auto& analyzer = registry.for_tag(edition.folder);
    for (const std::string& page : edition.pages) analyzer.analyze(page);
    text_bytes += edition.bytes;
    pages += edition.pages.size();
  }
  const double analyze_seconds = seconds_since(start);

  std::printf("editions               %zu\n", editions.size());
  std::printf("records indexed        %zu (failed %zu)\n", summary.records(), summary.failed);
  std::printf("HTML read              %.1f MB, text %.1f MB\n", summary.bytes / 1e6,
              text_bytes / 1e6);
  std::printf("index: time            %.1f s\n", index_seconds);
  std::printf("index: records/s       %.0f\n", summary.records() / index_seconds);
  std::printf("index: MB/s of text    %.2f\n", text_bytes / 1e6 / index_seconds);
  std::printf("index: peak RSS        %.0f MB\n", index_rss / 1024.0);
  std::printf("index: size on disk    %.1f MB (%.2f x the text)\n", index_bytes / 1e6,
              static_cast<double>(index_bytes) / text_bytes);
  std::printf("analyzer only: MB/s    %.2f (%zu pages)\n", text_bytes / 1e6 / analyze_seconds,
              pages);
  std::printf("indexing / analyzing   %.2f of the ceiling\n", analyze_seconds / index_seconds);
  if (summary.failed) std::cerr << errors.str();
  std::filesystem::remove_all(db);
  return 0;
}
