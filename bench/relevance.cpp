// bench_relevance: known-item search on an index. Each sampled document's title is the
// query, in the document's language; the figure is where that document comes back.
// Printed per language: success at 1 and at 3, and the mean reciprocal rank (MRR).
//
// usage: bench_relevance --db DIR [--per-language N]
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "agora/analyzers/registry.hpp"
#include "agora/error.hpp"
#include "agora/index/dictionaries.hpp"
#include "agora/index/search.hpp"

namespace {

struct Tally {
  int queries = 0;
  int first = 0;
  int top3 = 0;
  double reciprocal = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  int per_language = 30;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db"))
      db = argv[i + 1];
    else if (!std::strcmp(argv[i], "--per-language"))
      per_language = std::max(1, std::atoi(argv[i + 1]));
  }
  if (db.empty()) {
    std::fprintf(stderr, "usage: bench_relevance --db DIR [--per-language N]\n");
    return 2;
  }
  const agora::analyzers::Registry registry;
  agora::index::Searcher searcher(db, registry);
  // Searched as a server searches: with query translation when dictionaries are compiled.
  agora::index::Dictionaries dictionaries;
  try {
    dictionaries = agora::index::Dictionaries::open(
        agora::index::default_compiled_dictionaries_path(), registry);
  } catch (const agora::InvalidInput& error) {
    std::fprintf(stderr, "translation off: %s\n", error.what());
  }
  searcher.use_dictionaries(&dictionaries);
  const Xapian::Database& database = searcher.database();

  // Every document's id, title and language, in docid order; titles that stand for more than
  // one document of a language (an index page, say) cannot name a known item and are skipped.
  struct Item {
    std::string id, title, language;
  };
  std::map<std::string, std::vector<Item>> by_language;
  std::map<std::pair<std::string, std::string>, int> title_uses;
  for (auto posting = database.postlist_begin(""); posting != database.postlist_end("");
       ++posting) {
    const auto record = nlohmann::json::parse(database.get_document(*posting).get_data());
    Item item{record.value("id", ""), record.value("title", ""), record.value("inLanguage", "und")};
    if (item.title.empty()) continue;
    ++title_uses[{item.language, item.title}];
    by_language[item.language].push_back(std::move(item));
  }

  std::map<std::string, Tally> tallies;
  Tally all;
  for (auto& [language, items] : by_language) {
    // An even spread over the edition rather than its first pages.
    const std::size_t step =
        std::max<std::size_t>(1, items.size() / static_cast<std::size_t>(per_language));
    for (std::size_t i = 0; i < items.size(); i += step) {
      const Item& item = items[i];
      if (title_uses[{language, item.title}] > 1) continue;
      agora::index::SearchRequest request;
      request.query = item.title;
      request.learner_language = language;
      request.limit = 10;
      const agora::index::SearchResult result = searcher.search(request);
      int rank = 0;
      for (std::size_t at = 0; at < result.hits.size(); ++at) {
        if (result.hits[at].id == item.id) {
          rank = static_cast<int>(at) + 1;
          break;
        }
      }
      for (Tally* tally : {&tallies[language], &all}) {
        ++tally->queries;
        tally->first += rank == 1;
        tally->top3 += rank >= 1 && rank <= 3;
        tally->reciprocal += rank ? 1.0 / rank : 0.0;
      }
    }
  }
  std::printf("%-8s %7s %7s %7s %7s\n", "language", "queries", "@1", "@3", "MRR");
  auto print = [](const std::string& name, const Tally& tally) {
    std::printf("%-8s %7d %7.3f %7.3f %7.3f\n", name.c_str(), tally.queries,
                static_cast<double>(tally.first) / tally.queries,
                static_cast<double>(tally.top3) / tally.queries, tally.reciprocal / tally.queries);
  };
  for (const auto& [language, tally] : tallies) print(language, tally);
  print("all", all);
  return 0;
}
