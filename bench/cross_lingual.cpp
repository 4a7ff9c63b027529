// bench_cross_lingual: a learner types the English title of a page; the page wanted is the
// same page in the learner's language. Pages are matched across languages by file name
// (the debian-handbook keeps one name per page in every language folder), so the figure
// is independent of how the index groups them. Printed per learner language: the number
// of queries, success at 1 and the mean reciprocal rank within the first ten (MRR@10),
// then the macro average over languages.
//
// usage: bench_cross_lingual --db DIR [--db DIR ...] [--source en]
//   Each --db is measured with the same queries and printed in its own column: an index
//   whose pages are linked into works next to one that is not, say.
//   --misses LANG prints, for the first index, the queries in LANG that missed the top.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "agora/analyzers/registry.hpp"
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
  for (auto posting = database.postlist_begin(""); posting != database.postlist_end(""); ++posting) {
    const auto record = nlohmann::json::parse(database.get_document(*posting).get_data());
    Page page{record.value("id", ""), record.value("title", ""),
              primary(record.value("inLanguage", "und"))};
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
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db")) databases.push_back(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--source")) source = argv[i + 1];
    else if (!std::strcmp(argv[i], "--misses")) misses_of = argv[i + 1];
  }
  if (databases.empty()) {
    std::fprintf(stderr, "usage: bench_cross_lingual --db DIR [--db DIR ...] [--source en]\n");
    return 2;
  }
  const agora::analyzers::Registry registry;
  std::vector<std::unique_ptr<agora::index::Searcher>> searchers;
  for (const std::string& db : databases) {
    searchers.push_back(std::make_unique<agora::index::Searcher>(db, registry));
  }
  // The queries come from the first index; every index must hold the same pages.
  const auto pages = pages_of(searchers.front()->database());
  const auto found_source = pages.find(source);
  if (found_source == pages.end()) {
    std::fprintf(stderr, "no pages in '%s' in %s\n", source.c_str(), databases.front().c_str());
    return 1;
  }
  // Titles used by two source pages ("Introduction") name no single page.
  std::map<std::string, int> title_uses;
  for (const auto& [name, page] : found_source->second) ++title_uses[page.title];

  std::vector<std::map<std::string, Tally>> tallies(searchers.size());
  for (const auto& [language, wanted_pages] : pages) {
    if (language == source) continue;
    for (const auto& [name, wanted] : wanted_pages) {
      const auto query = found_source->second.find(name);
      if (query == found_source->second.end() || title_uses[query->second.title] > 1) continue;
      agora::index::SearchRequest request;
      request.query = query->second.title;
      request.learner_language = language;
      request.limit = 10;
      for (std::size_t s = 0; s < searchers.size(); ++s) {
        const agora::index::SearchResult result = searchers[s]->search(request);
        int rank = 0;
        for (std::size_t at = 0; at < result.hits.size() && !rank; ++at) {
          if (result.hits[at].id == wanted.id) rank = static_cast<int>(at) + 1;
        }
        tallies[s][language].add(rank);
        if (s == 0 && language == misses_of && rank != 1) {
          std::printf("miss (rank %d): '%s' wanted %s, first %s%s\n", rank, request.query.c_str(),
                      wanted.id.c_str(), result.hits.empty() ? "-" : result.hits[0].id.c_str(),
                      result.hits.empty() || !result.hits[0].matched
                          ? ""
                          : (" matched as " + result.hits[0].matched->id).c_str());
        }
      }
    }
  }

  std::printf("%s titles, the learner's page wanted; MRR@10 (and @1) per index:\n", source.c_str());
  std::printf("%-8s %7s", "language", "queries");
  for (std::size_t s = 0; s < searchers.size(); ++s) std::printf("   %-22s", ("index " + std::to_string(s + 1)).c_str());
  std::printf("\n");
  std::vector<double> macro(searchers.size(), 0);
  for (const auto& [language, tally] : tallies.front()) {
    std::printf("%-8s %7d", language.c_str(), tally.queries);
    for (std::size_t s = 0; s < searchers.size(); ++s) {
      const Tally& mine = tallies[s].at(language);
      std::printf("   %6.3f (@1 %5.3f)      ", mine.mrr(), mine.at1());
      macro[s] += mine.mrr();
    }
    std::printf("\n");
  }
  std::printf("%-8s %7s", "macro", "");
  for (std::size_t s = 0; s < searchers.size(); ++s) {
    std::printf("   %6.3f                 ", macro[s] / std::max<std::size_t>(1, tallies.front().size()));
  }
  std::printf("\n");
  for (std::size_t s = 0; s < searchers.size(); ++s) {
    std::printf("index %zu: %s\n", s + 1, databases[s].c_str());
  }
  return 0;
}
