// bench_cross_lingual: a learner types the English title of a page; the page wanted is the
// same page in the learner's language. Pages are matched across languages by file name
// (the debian-handbook keeps one name per page in every language folder), so the figure
// is independent of how the index groups them. Printed per learner language: the number
// of queries, success at 1 and the mean reciprocal rank within the first ten (MRR@10),
// then the macro average over languages.
//
// usage: bench_cross_lingual --db DIR [--db DIR ...] [--source en] [--dictionaries FILE]
//   Each --db is measured with the same queries, with translation off and then on, each in
//   its own column: an index whose pages are linked into works next to one that is not.
//   --reverse --queries-from ALL: the other way round, each language's titles searched by a
//   learner of that language in an index of the source pages only, the source page wanted.
//   --misses LANG prints, for the last column, the queries in LANG that missed the top.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "agora/analyzers/registry.hpp"
#include "agora/error.hpp"
#include "agora/index/dictionaries.hpp"
#include "agora/index/search.hpp"

namespace {

struct Page {
  std::string id, title, language;
};

// "html/fr-FR/apt" → "apt": the name that a page's versions share.
std::string page_name(const std::string& id) { return id.substr(id.rfind('/') + 1); }

std::string primary(const std::string& tag) { return tag.substr(0, tag.find('-')); }

struct Tally {
  int queries = 0;
  int first = 0;
  double reciprocal = 0;
  void add(int rank) {
    ++queries;
    first += rank == 1;
    reciprocal += rank ? 1.0 / rank : 0.0;
  }
  double mrr() const { return queries ? reciprocal / queries : 0; }
  double at1() const { return queries ? static_cast<double>(first) / queries : 0; }
};

// Every page of the index by language and name; names that stand for two pages of one
// language cannot tell which one is wanted and are left out.
std::map<std::string, std::map<std::string, Page>> pages_of(const Xapian::Database& database) {
  std::map<std::string, std::map<std::string, Page>> by_language;
  std::set<std::pair<std::string, std::string>> ambiguous;
  for (auto posting = database.postlist_begin(""); posting != database.postlist_end("");
       ++posting) {
    const auto record = nlohmann::json::parse(database.get_document(*posting).get_data());
    // By full tag: zh-CN and zh-TW are two editions of the same pages.
    Page page{record.value("id", ""), record.value("title", ""), record.value("inLanguage", "und")};
    if (page.title.empty()) continue;
    auto& pages = by_language[page.language];
    const std::string name = page_name(page.id);
    if (!pages.emplace(name, page).second) ambiguous.insert({page.language, name});
  }
  for (const auto& [language, name] : ambiguous) by_language[language].erase(name);
  return by_language;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> databases;
  std::string source = "en";
  std::string misses_of;
  std::string queries_from;
  std::string dictionaries_path = agora::index::default_compiled_dictionaries_path().string();
  bool reverse = false;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--reverse"))
      reverse = true;
    else if (!has_value)
      break;
    else if (!std::strcmp(argv[i], "--db"))
      databases.push_back(argv[++i]);
    else if (!std::strcmp(argv[i], "--source"))
      source = argv[++i];
    else if (!std::strcmp(argv[i], "--misses"))
      misses_of = argv[++i];
    else if (!std::strcmp(argv[i], "--queries-from"))
      queries_from = argv[++i];
    else if (!std::strcmp(argv[i], "--dictionaries"))
      dictionaries_path = argv[++i];
  }
  if (databases.empty()) {
    std::fprintf(
        stderr,
        "usage: bench_cross_lingual --db DIR [--db DIR ...] [--source en]\n"
        "           [--reverse --queries-from DIR] [--dictionaries FILE] [--misses LANG]\n");
    return 2;
  }
  const agora::analyzers::Registry registry;
  agora::index::Dictionaries dictionaries;
  try {
    dictionaries = agora::index::Dictionaries::open(dictionaries_path, registry);
  } catch (const agora::InvalidInput& error) {
    std::fprintf(stderr, "translation off: %s\n", error.what());
  }
  std::vector<std::unique_ptr<agora::index::Searcher>> searchers;
  for (const std::string& db : databases) {
    searchers.push_back(std::make_unique<agora::index::Searcher>(db, registry));
    searchers.back()->use_dictionaries(&dictionaries);
  }
  // Each index is measured with translation off, then on when there are dictionaries.
  struct Run {
    std::size_t searcher;
    bool translate;
  };
  std::vector<Run> runs;
  for (std::size_t s = 0; s < searchers.size(); ++s) {
    runs.push_back({s, false});
    if (!dictionaries.empty()) runs.push_back({s, true});
  }
  // The queries come from the first index, or from --queries-from: with --reverse, an
  // index of every language queried in each language against an index of `source` alone.
  const Xapian::Database query_database =
      queries_from.empty() ? searchers.front()->database() : Xapian::Database(queries_from);
  const auto pages = pages_of(query_database);
  auto found_source = pages.begin();
  while (found_source != pages.end() && primary(found_source->first) != source) ++found_source;
  if (found_source == pages.end()) {
    std::fprintf(stderr, "no pages in '%s' to take queries from\n", source.c_str());
    return 1;
  }
  // Titles used by two pages of one language ("Introduction") name no single page.
  std::map<std::string, std::map<std::string, int>> title_uses;
  for (const auto& [language, by_name] : pages) {
    for (const auto& [name, page] : by_name) ++title_uses[language][page.title];
  }

  std::vector<std::map<std::string, Tally>> tallies(runs.size());
  for (const auto& [language, learner_pages] : pages) {
    if (primary(language) == source) continue;
    for (const auto& [name, learner_page] : learner_pages) {
      const auto source_page = found_source->second.find(name);
      if (source_page == found_source->second.end()) continue;
      const Page& asked = reverse ? learner_page : source_page->second;
      const std::string& wanted_language = language;
      if (title_uses[asked.language][asked.title] > 1) continue;
      agora::index::SearchRequest request;
      request.query = asked.title;
      request.learner_language = language;
      request.limit = 10;
      for (std::size_t r = 0; r < runs.size(); ++r) {
        request.translate = runs[r].translate;
        const agora::index::SearchResult result = searchers[runs[r].searcher]->search(request);
        int rank = 0;
        for (std::size_t at = 0; at < result.hits.size() && !rank; ++at) {
          const agora::index::Hit& hit = result.hits[at];
          // The source-only index may tag its pages "en" where the full one says "en-US".
          const bool in_wanted_language =
              reverse ? primary(hit.language) == source : hit.language == wanted_language;
          if (page_name(hit.id) == name && in_wanted_language) {
            rank = static_cast<int>(at) + 1;
          }
        }
        tallies[r][language].add(rank);
        if (r + 1 == runs.size() && language == misses_of && rank != 1) {
          std::printf("miss (rank %d): '%s' wanted %s, first %s\n", rank, request.query.c_str(),
                      name.c_str(), result.hits.empty() ? "-" : result.hits[0].id.c_str());
        }
      }
    }
  }

  std::printf("%s; MRR@10 (and @1) per index and translation:\n",
              reverse ? "learner-language titles, the source page wanted"
                      : "source titles, the learner's page wanted");
  std::printf("%-8s %7s", "language", "queries");
  for (const Run& run : runs) {
    std::printf("   %-20s", ("index " + std::to_string(run.searcher + 1) +
                             (run.translate ? " translated" : " as typed"))
                                .c_str());
  }
  std::printf("\n");
  std::vector<double> macro(runs.size(), 0);
  std::vector<double> covered(runs.size(), 0);
  std::size_t covered_languages = 0;
  for (const auto& [language, tally] : tallies.front()) {
    const bool has_dictionary =
        !dictionaries.empty() && dictionaries.covers(registry.for_tag(source).language(),
                                                     registry.for_tag(language).language());
    covered_languages += has_dictionary;
    std::printf("%-8s %7d", (language + (has_dictionary ? "" : "*")).c_str(), tally.queries);
    for (std::size_t r = 0; r < runs.size(); ++r) {
      const Tally& mine = tallies[r].at(language);
      std::printf("   %6.3f (@1 %5.3f)   ", mine.mrr(), mine.at1());
      macro[r] += mine.mrr();
      if (has_dictionary) covered[r] += mine.mrr();
    }
    std::printf("\n");
  }
  std::printf("%-16s", "macro");
  for (std::size_t r = 0; r < runs.size(); ++r) {
    std::printf("   %6.3f              ",
                macro[r] / std::max<std::size_t>(1, tallies.front().size()));
  }
  std::printf("\n%-16s", "with dictionary");
  for (std::size_t r = 0; r < runs.size(); ++r) {
    std::printf("   %6.3f              ", covered[r] / std::max<std::size_t>(1, covered_languages));
  }
  std::printf("\n(* no dictionary links the language with %s)\n", source.c_str());
  for (std::size_t s = 0; s < searchers.size(); ++s) {
    std::printf("index %zu: %s\n", s + 1, databases[s].c_str());
  }
  return 0;
}
