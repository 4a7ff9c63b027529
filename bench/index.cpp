// bench_index: indexes the whole debian-handbook (every edition) with Agora, on one thread
// and on --jobs threads, and with a stock-Xapian baseline built here: the same records
// (read by the same readers), each page's text through Xapian's own TermGenerator with the
// Snowball stemmer of its language, the same batch size. It prints CPU time, wall time and
// index size as ratios to the baseline, and the analyzer-only pass as a ceiling.
//
// usage: bench_index [--handbook DIR] [--db DIR] [--jobs N] [--keep 1]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>
#include <sstream>
#include <thread>

#include <xapian.h>

#include "agora/analyzers/registry.hpp"
#include "agora/index/compaction.hpp"
#include "agora/index/import_run.hpp"
#include "agora/index/index_stats.hpp"
#include "agora/index/record_builder.hpp"
#include "handbook_text.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Cost {
  double wall = 0;
  double cpu = 0;
};

double process_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + now.tv_nsec / 1e9;
}

template <typename Work>
Cost measure(Work&& work) {
  const auto wall = Clock::now();
  const double cpu = process_cpu_seconds();
  work();
  return {std::chrono::duration<double>(Clock::now() - wall).count(), process_cpu_seconds() - cpu};
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

agora::index::ImportOptions handbook_options(unsigned jobs) {
  agora::index::ImportOptions options;
  options.lang_from_path.emplace("^([a-z]{2}(?:-[A-Z]{2})?)/");
  options.read.base_url = "https://debian-handbook.info/browse/";
  options.read.collection = "debian-handbook";
  options.jobs = jobs;
  return options;
}

agora::index::ImportSummary index_with_agora(const fs::path& root, const fs::path& db,
                                             unsigned jobs) {
  static const agora::analyzers::Registry registry;
  static const agora::analyzers::LanguageDetector detector;
  fs::remove_all(db);
  std::ostringstream errors;
  agora::index::IndexWriter writer(db, registry);
  auto summary = agora::index::import_paths({root.string()}, writer, handbook_options(jobs),
                                            detector, errors, nullptr, nullptr);
  if (summary.failed) std::cerr << errors.str();
  // As agora-index add leaves it: a run this size compacts the index afterwards.
  if (agora::index::worth_compacting(summary.records(), writer.document_count())) {
    agora::index::compact_in_place(db);
  }
  return summary;
}

// Xapian's stemmer for a language tag, or none when Snowball has no stemmer for it.
Xapian::Stem stemmer_for(const std::string& language) {
  try {
    return Xapian::Stem(language.substr(0, language.find('-')));
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem();
  }
}

// The baseline: what an application written straight on Xapian 1.4 would index. Records
// come from Agora's readers and validation (the same input work on both sides), terms from
// TermGenerator (positions and Z-prefixed stems), the stored record as document data.
std::size_t index_with_stock_xapian(const fs::path& root, const fs::path& db,
                                    std::size_t batch_size) {
  static const agora::analyzers::LanguageDetector detector;
  fs::remove_all(db);
  Xapian::WritableDatabase database(db.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  std::map<std::string, Xapian::Stem> stemmers;
  const agora::index::ImportOptions options = handbook_options(1);
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".html")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::size_t records = 0;
  for (const fs::path& path : files) {
    const std::string relative = fs::relative(path, root).generic_string();
    agora::index::InputFile input{path,         path.string(),
                                  relative,     relative.substr(0, relative.rfind('.')),
                                  std::nullopt, std::nullopt};
    std::smatch match;
    if (std::regex_search(input.relative, match, *options.lang_from_path)) {
      input.path_language = match[1].str();
    }
    agora::index::reader_for("html")->read(
        input, options.read, [&](agora::index::ImportItem&& item) {
          auto built = agora::index::build_record(item, options.read.collection, detector);
          if (!built.record) return;
          const agora::index::Record& record = *built.record;
          auto stemmer = stemmers.find(record.language);
          if (stemmer == stemmers.end()) {
            stemmer = stemmers.emplace(record.language, stemmer_for(record.language)).first;
          }
          Xapian::Document document;
          generator.set_document(document);
          generator.set_stemmer(stemmer->second);
          generator.index_text(record.title, 6);
          generator.increase_termpos();
          generator.index_text(record.description, 2);
          generator.increase_termpos();
          generator.index_text(record.text);
          nlohmann::json data = record.stored;
          data.erase("text");
          document.set_data(data.dump());
          const std::string id_term = "Q" + record.id;
          document.add_boolean_term(id_term);
          database.replace_document(id_term, document);
          if (++records % batch_size == 0) database.commit();
        });
  }
  database.commit();
  return records;
}

void compact(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  Xapian::Database(from.string()).compact(to.string());
}

double ratio(double a, double b) { return b > 0 ? a / b : 0; }

}  // namespace

int main(int argc, char** argv) {
  fs::path root = agora::bench::kHandbookDir;
  fs::path db = fs::temp_directory_path() / "agora-bench-index";
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  bool keep = false;  // leave the indexes for a look inside
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--handbook"))
      root = argv[i + 1];
    else if (!std::strcmp(argv[i], "--db"))
      db = argv[i + 1];
    else if (!std::strcmp(argv[i], "--jobs"))
      jobs = static_cast<unsigned>(std::stoul(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--keep"))
      keep = !std::strcmp(argv[i + 1], "1");
  }
  const fs::path agora_db = db / "agora", stock_db = db / "stock",
                 compacted = db / "stock-compacted";
  const agora::analyzers::Registry registry;

  // Agora first, so that peak RSS is the indexer's own.
  agora::index::ImportSummary summary;
  const Cost agora_one = measure([&] { summary = index_with_agora(root, agora_db, 1); });
  const long agora_rss = peak_rss_kb();
  const Cost agora_many = measure([&] { index_with_agora(root, agora_db, jobs); });
  const auto agora_bytes = agora::index::index_size_bytes(agora_db);

  std::size_t stock_records = 0;
  const Cost stock = measure([&] {
    stock_records = index_with_stock_xapian(root, stock_db, handbook_options(1).batch_size);
  });
  const auto stock_bytes = agora::index::index_size_bytes(stock_db);
  compact(stock_db, compacted);
  const auto stock_compacted_bytes = agora::index::index_size_bytes(compacted);

  // The ceiling: the same pages' text through each edition's analyzer, nothing else.
  const auto editions = agora::bench::read_handbook(root, SIZE_MAX);
  std::size_t text_bytes = 0, pages = 0;
  const Cost analysis = measure([&] {
    for (const auto& edition : editions) {
      const auto& analyzer = registry.for_tag(edition.folder);
      for (const std::string& page : edition.pages) analyzer.analyze(page);
      text_bytes += edition.bytes;
      pages += edition.pages.size();
    }
  });

  std::printf("records                   agora %zu (failed %zu), stock Xapian %zu\n",
              summary.records(), summary.failed, stock_records);
  std::printf("HTML read                 %.1f MB, text %.1f MB in %zu pages\n", summary.bytes / 1e6,
              text_bytes / 1e6, pages);
  std::printf(
      "stock Xapian              CPU %.1f s, wall %.1f s, index %.1f MB (%.1f MB "
      "compacted)\n",
      stock.cpu, stock.wall, stock_bytes / 1e6, stock_compacted_bytes / 1e6);
  std::printf("agora, 1 thread           CPU %.1f s, wall %.1f s, %.0f records/s\n", agora_one.cpu,
              agora_one.wall, summary.records() / agora_one.wall);
  std::printf("agora, --jobs %-2u          CPU %.1f s, wall %.1f s, %.0f records/s\n", jobs,
              agora_many.cpu, agora_many.wall, summary.records() / agora_many.wall);
  std::printf("agora: peak RSS           %.0f MB\n", agora_rss / 1024.0);
  std::printf("agora: index              %.1f MB as add leaves it\n", agora_bytes / 1e6);
  std::printf("ratio: CPU                %.2f x stock Xapian (target <= 1.5)\n",
              ratio(agora_one.cpu, stock.cpu));
  std::printf("ratio: wall, --jobs %-2u    %.2f x stock Xapian (target <= 1.0)\n", jobs,
              ratio(agora_many.wall, stock.wall));
  std::printf(
      "ratio: index size         %.2f x stock Xapian as each leaves it (target <= 1.5), "
      "%.2f x stock Xapian compacted\n",
      ratio(agora_bytes, stock_bytes), ratio(agora_bytes, stock_compacted_bytes));
  std::printf("analyzer only             %.2f MB/s; indexing on 1 thread is %.2f of it\n",
              text_bytes / 1e6 / analysis.wall, ratio(analysis.cpu, agora_one.cpu));
  if (!keep) fs::remove_all(db);
  return 0;
}
