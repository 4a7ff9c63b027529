// bench_query: the cost of one Agora search (10 hits with facets, snippets and translation
// links) next to plain Xapian's BM25 top-10 for the same analysed query on the same index,
// both in this process, on one core, interleaved query by query.
//
// When the compiled dictionaries are there, each query is also run with translation on.
//
// usage: bench_query --db DIR [--queries FILE] [--repeat N] [--per-query 1]
//                    [--dictionaries FILE]
//   FILE: lines of "lang<TAB>query" (default bench/queries.txt)
//   --per-query 1 adds each query's medians, to see which kinds of query cost most
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "agora/analyzers/registry.hpp"
#include "agora/error.hpp"
#include "agora/index/dictionaries.hpp"
#include "agora/index/query_syntax.hpp"
#include "agora/index/search.hpp"
#include "query_builder.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Query {
  std::string language;
  std::string text;
};

std::vector<Query> read_queries(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error(path + ": cannot be read");
  std::vector<Query> queries;
  std::string line;
  while (std::getline(file, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos || line.empty()) continue;
    queries.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return queries;
}

double milliseconds(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  const auto at = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
  return values[at];
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  std::string queries_path = AGORA_SOURCE_DIR "/bench/queries.txt";
  int repeat = 20;
  bool per_query = false;
  std::string dictionaries_path = agora::index::default_compiled_dictionaries_path().string();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db"))
      db = argv[i + 1];
    else if (!std::strcmp(argv[i], "--queries"))
      queries_path = argv[i + 1];
    else if (!std::strcmp(argv[i], "--repeat"))
      repeat = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--per-query"))
      per_query = std::atoi(argv[i + 1]) != 0;
    else if (!std::strcmp(argv[i], "--dictionaries"))
      dictionaries_path = argv[i + 1];
  }
  if (db.empty()) {
    std::cerr << "usage: bench_query --db DIR [--queries FILE] [--repeat N]\n";
    return 2;
  }
  const std::vector<Query> queries = read_queries(queries_path);
  const agora::analyzers::Registry registry;
  agora::index::Searcher searcher(db, registry);
  Xapian::Database database(db);
  agora::index::Dictionaries dictionaries;
  try {
    dictionaries = agora::index::Dictionaries::open(dictionaries_path, registry);
  } catch (const agora::InvalidInput& error) {
    std::cerr << "translation not measured: " << error.what() << '\n';
  }
  searcher.use_dictionaries(&dictionaries);

  std::vector<double> plain_ms, agora_ms, translated_ms;
  std::size_t plain_hits = 0, agora_hits = 0, translated_hits = 0;
  for (int round = 0; round < repeat; ++round) {
    for (const Query& query : queries) {
      // Plain Xapian: the same analysed query (what Agora matches), BM25, top 10, and the
      // stored data of each hit read once, as any engine must to show a result.
      const auto plain_start = Clock::now();
      const agora::index::BuiltQuery built = agora::index::build_query(
          agora::index::parse_query(query.text), registry.for_tag(query.language), {}, false);
      Xapian::Enquire enquire(database);
      enquire.set_query(built.query);
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto hit = mset.begin(); hit != mset.end(); ++hit) {
        plain_hits += hit.get_document().get_data().empty() ? 0 : 1;
      }
      plain_ms.push_back(milliseconds(plain_start));

      agora::index::SearchRequest request;
      request.query = query.text;
      request.learner_language = query.language;
      request.translate = false;
      const auto agora_start = Clock::now();
      const agora::index::SearchResult result = searcher.search(request);
      agora_ms.push_back(milliseconds(agora_start));
      agora_hits += result.hits.size();

      if (dictionaries.empty()) continue;
      request.translate = true;
      const auto translated_start = Clock::now();
      translated_hits += searcher.search(request).hits.size();
      translated_ms.push_back(milliseconds(translated_start));
    }
  }
  const double plain_median = percentile(plain_ms, 0.5);
  const double agora_median = percentile(agora_ms, 0.5);
  std::printf("index: %s (%u documents); %zu queries x %d rounds\n", db.c_str(),
              database.get_doccount(), queries.size(), repeat);
  std::printf("%-28s %10s %10s %10s\n", "", "median ms", "p95 ms", "hits/query");
  std::printf("%-28s %10.3f %10.3f %10.1f\n", "plain Xapian BM25 top-10", plain_median,
              percentile(plain_ms, 0.95), static_cast<double>(plain_hits) / plain_ms.size());
  std::printf("%-28s %10.3f %10.3f %10.1f\n", "Agora search (full answer)", agora_median,
              percentile(agora_ms, 0.95), static_cast<double>(agora_hits) / agora_ms.size());
  std::printf("ratio of medians (Agora / plain Xapian): %.1f\n", agora_median / plain_median);
  if (!translated_ms.empty()) {
    const double translated_median = percentile(translated_ms, 0.5);
    std::printf("%-28s %10.3f %10.3f %10.1f\n", "Agora, query translated", translated_median,
                percentile(translated_ms, 0.95),
                static_cast<double>(translated_hits) / translated_ms.size());
    std::printf("ratio of medians (translated / plain Xapian): %.1f\n",
                translated_median / plain_median);
  }
  if (per_query) {
    // The runs of one query are every queries.size()-th entry, round after round.
    for (std::size_t q = 0; q < queries.size(); ++q) {
      std::vector<double> plain, agora, translated;
      for (std::size_t at = q; at < plain_ms.size(); at += queries.size()) {
        plain.push_back(plain_ms[at]);
        agora.push_back(agora_ms[at]);
        if (at < translated_ms.size()) translated.push_back(translated_ms[at]);
      }
      std::printf("  %-6s %-40s plain %7.3f  agora %7.3f  translated %7.3f ms\n",
                  queries[q].language.c_str(), queries[q].text.c_str(), percentile(plain, 0.5),
                  percentile(agora, 0.5), translated.empty() ? 0.0 : percentile(translated, 0.5));
    }
  }
  return 0;
}
