// Index statistics from value counts (single-valued fields) and term frequencies
// (multi-valued fields).
#include "agora/index/index_stats.hpp"

#include <algorithm>

#include "agora/error.hpp"
#include "agora/index/index_schema.hpp"

namespace agora::index {
namespace {

std::map<std::string, Xapian::doccount> term_counts(const Xapian::Database& database,
                                                    std::string_view prefix) {
  std::map<std::string, Xapian::doccount> counts;
  const std::string start(prefix);
  for (auto term = database.allterms_begin(start); term != database.allterms_end(start); ++term) {
    counts[(*term).substr(prefix.size())] = term.get_termfreq();
  }
  return counts;
}

// Documents without a work term are works of one; each work term is a work, with as
// many languages as the work-language terms its documents carry (work_linker.hpp).
void count_works(const Xapian::Database& database, IndexStats& stats) {
  Xapian::doccount grouped = 0;
  const std::string prefix(schema::kWork);
  const std::string language_prefix(schema::kWorkLanguage);
  for (auto work = database.allterms_begin(prefix); work != database.allterms_end(prefix); ++work) {
    grouped += work.get_termfreq();
    ++stats.works;
    const Xapian::Document member = database.get_document(*database.postlist_begin(*work));
    std::size_t languages = 0;
    auto term = member.termlist_begin();
    for (term.skip_to(language_prefix);
         term != member.termlist_end() && (*term).rfind(language_prefix, 0) == 0; ++term) {
      ++languages;
    }
    ++stats.works_by_languages[std::clamp<std::size_t>(languages, 1, 3) - 1];
  }
  const Xapian::doccount alone = stats.documents - std::min(grouped, stats.documents);
  stats.works += alone;
  stats.works_by_languages[0] += alone;
}

}  // namespace

nlohmann::json stats_to_json(const IndexStats& stats) {
  return {{"documents", stats.documents},
          {"detected_language", stats.detected_language},
          {"size_bytes", stats.size_bytes},
          {"works", stats.works},
          {"works_by_languages",
           {{"1", stats.works_by_languages[0]},
            {"2", stats.works_by_languages[1]},
            {"3+", stats.works_by_languages[2]}}},
          {"languages", stats.languages},
          {"types", stats.types},
          {"licenses", stats.licenses},
          {"levels", stats.levels},
          {"subjects", stats.subjects},
          {"collections", stats.collections}};
}

std::uintmax_t index_size_bytes(const std::filesystem::path& directory) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

IndexStats read_stats(const Xapian::Database& database) {
  IndexStats stats;
  stats.documents = database.get_doccount();
  stats.detected_language = database.get_termfreq(std::string(schema::kDetected));
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query::MatchAll);
  Xapian::ValueCountMatchSpy languages(schema::kLanguageValue), licenses(schema::kLicenseValue),
      collections(schema::kCollectionValue);
  for (auto* spy : {&languages, &licenses, &collections}) enquire.add_matchspy(spy);
  enquire.get_mset(0, 0, stats.documents);  // check every document, return none
  auto collect = [](const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto value = spy.values_begin(); value != spy.values_end(); ++value) {
      if (!(*value).empty()) counts[*value] = value.get_termfreq();
    }
    return counts;
  };
  stats.languages = collect(languages);
  stats.licenses = collect(licenses);
  stats.collections = collect(collections);
  stats.types = term_counts(database, schema::kType);
  stats.subjects = term_counts(database, schema::kSubject);
  stats.levels = term_counts(database, schema::kLevel);
  count_works(database, stats);
  return stats;
}

IndexStats read_stats(const std::filesystem::path& directory) {
  Xapian::Database database;
  try {
    database = Xapian::Database(directory.string());
  } catch (const Xapian::DatabaseOpeningError&) {
    throw NotFound("no index at " + directory.string() + " (create one with agora-index add)");
  }
  IndexStats stats = read_stats(database);
  stats.size_bytes = index_size_bytes(directory);
  return stats;
}

}  // namespace agora::index
