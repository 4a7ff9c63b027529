// Works: versions linked by what records say, in any order of arrival, and the learner's
// version shown as the hit.
#include <catch2/catch.hpp>

#include <sstream>

#include <xapian.h>

#include "agora/index/import_run.hpp"
#include "agora/index/index_schema.hpp"
#include "agora/index/index_stats.hpp"
#include "agora/index/query_language.hpp"
#include "agora/index/search.hpp"
#include "shared_registry.hpp"
#include "temp_files.hpp"

using namespace agora::index;
using agora::test::TempDir;
namespace schema = agora::index::schema;

using agora::test::shared_registry;

namespace {

ImportSummary import(const std::vector<std::string>& paths, const std::filesystem::path& db,
                     const ImportOptions& options = {}) {
  static const agora::analyzers::LanguageDetector detector;
  IndexWriter writer(db, shared_registry());
  std::ostringstream errors;
  ImportSummary summary = import_paths(paths, writer, options, detector, errors, nullptr, nullptr);
  UNSCOPED_INFO(errors.str());
  return summary;
}

Xapian::Document document_of(const std::filesystem::path& db, const std::string& id) {
  const Xapian::Database database(db.string());
  const std::string id_term = schema::term(schema::kId, id);
  const auto posting = database.postlist_begin(id_term);
  REQUIRE(posting != database.postlist_end(id_term));
  return database.get_document(*posting);
}

std::string work_of(const std::filesystem::path& db, const std::string& id) {
  return document_of(db, id).get_value(schema::kWorkKey);
}

std::set<std::string> work_languages(const std::filesystem::path& db, const std::string& id) {
  const Xapian::Document document = document_of(db, id);
  std::set<std::string> languages;
  const std::string prefix(schema::kWorkLanguage);
  auto term = document.termlist_begin();
  for (term.skip_to(prefix); term != document.termlist_end() && (*term).rfind(prefix, 0) == 0;
       ++term) {
    languages.insert((*term).substr(prefix.size()));
  }
  return languages;
}

const char* kEnglish =
    R"({"id": "budget-en", "url": "https://coop.example.org/en/budget", "inLanguage": "en",)"
    R"( "title": "Household budget spreadsheet", "text": "Plan the spending of the year."})";
const char* kFrench =
    R"({"id": "budget-fr", "url": "https://coop.example.org/fr/budget", "inLanguage": "fr",)"
    R"( "title": "Tableur du budget familial", "text": "Planifier les dépenses de l'année.",)"
    R"( "workTranslation": ["https://coop.example.org/en/budget"]})";
const char* kGerman =
    R"({"id": "budget-de", "url": "https://coop.example.org/de/budget", "inLanguage": "de",)"
    R"( "title": "Haushaltsplan als Tabelle", "text": "Die Ausgaben des Jahres planen.",)"
    R"( "workTranslation": ["budget-en"]})";

SearchResult search(const std::filesystem::path& db, const std::string& query,
                    const std::string& learner,
                    std::map<std::string, std::vector<std::string>> filters = {}) {
  Searcher searcher(db, shared_registry());
  SearchRequest request;
  request.query = query;
  request.learner_language = learner;
  request.filters = std::move(filters);
  return searcher.search(request);
}

}  // namespace

TEST_CASE("a link to a version resolves whichever of the two arrives first", "[works]") {
  for (const bool french_first : {true, false}) {
    INFO("French first: " << french_first);
    TempDir dir;
    const auto english = dir.write("en.jsonl", kEnglish);
    const auto french = dir.write("fr.jsonl", kFrench);
    const auto db = dir.path() / "index";
    import({(french_first ? french : english).string()}, db);
    const std::string first = french_first ? "budget-fr" : "budget-en";
    CHECK(work_of(db, first) == "id:" + first);
    import({(french_first ? english : french).string()}, db);
    CHECK(work_of(db, "budget-en") == "link:coop.example.org/en/budget");
    CHECK(work_of(db, "budget-fr") == work_of(db, "budget-en"));
    CHECK(work_languages(db, "budget-en") == std::set<std::string>{"en", "fr"});
    CHECK(work_languages(db, "budget-fr") == std::set<std::string>{"en", "fr"});
  }
}

TEST_CASE("links by id join a work, and a version that leaves splits it", "[works]") {
  TempDir dir;
  const auto db = dir.path() / "index";
  import({dir.write("all.jsonl", std::string(kEnglish) + "\n" + kFrench + "\n" + kGerman).string()},
         db);
  CHECK(work_of(db, "budget-de") == work_of(db, "budget-en"));
  CHECK(work_languages(db, "budget-fr") == std::set<std::string>{"de", "en", "fr"});
  const IndexStats linked = read_stats(db);
  CHECK(linked.works == 1);
  CHECK(linked.works_by_languages == std::array<Xapian::doccount, 3>{0, 0, 1});
  {
    IndexWriter writer(db, shared_registry());
    REQUIRE(writer.remove("budget-en"));
    writer.commit();
  }
  // French and German linked only through the English version: each is alone now.
  CHECK(work_of(db, "budget-fr") == "id:budget-fr");
  CHECK(work_of(db, "budget-de") == "id:budget-de");
  CHECK(work_languages(db, "budget-fr").empty());
  const IndexStats split = read_stats(db);
  CHECK(split.works == 2);
  CHECK(split.works_by_languages == std::array<Xapian::doccount, 3>{2, 0, 0});
}

TEST_CASE("the learner's version of a work is the hit, naming the version that matched",
          "[works][search]") {
  TempDir dir;
  const auto db = dir.path() / "index";
  import({dir.write("all.jsonl", std::string(kEnglish) + "\n" + kFrench + "\n" + kGerman).string()},
         db);

  // English words, French learner: the English version matches, the French one is shown.
  const SearchResult french = search(db, "household spreadsheet", "fr");
  REQUIRE(french.hits.size() == 1);
  const Hit& hit = french.hits.front();
  CHECK(hit.id == "budget-fr");
  CHECK(hit.title == "Tableur du budget familial");
  CHECK(hit.in_learner_language);
  REQUIRE(hit.matched);
  CHECK(hit.matched->id == "budget-en");
  CHECK(hit.matched->language == "en");
  std::vector<std::string> others;
  for (const Translation& translation : hit.translations) others.push_back(translation.id);
  CHECK(others == std::vector<std::string>{"budget-de", "budget-en"});
  CHECK_THAT(hit.snippet, Catch::Contains("Planifier"));

  // Matched in the learner's own language: nothing to name.
  const SearchResult direct = search(db, "tableur", "fr");
  REQUIRE(direct.hits.size() == 1);
  CHECK(direct.hits.front().id == "budget-fr");
  CHECK_FALSE(direct.hits.front().matched);

  // No version in the learner's language: the version that matched, as before.
  const SearchResult spanish = search(db, "household spreadsheet", "es");
  REQUIRE(spanish.hits.size() == 1);
  CHECK(spanish.hits.front().id == "budget-en");
  CHECK_FALSE(spanish.hits.front().in_learner_language);
  CHECK_FALSE(spanish.hits.front().matched);

  // A language filter is obeyed: the filtered language's version is the hit.
  const SearchResult filtered = search(db, "household spreadsheet", "fr", {{"language", {"en"}}});
  REQUIRE(filtered.hits.size() == 1);
  CHECK(filtered.hits.front().id == "budget-en");
}

TEST_CASE("a work whose version is in the learner's language ranks before works without",
          "[works][search]") {
  TempDir dir;
  const auto db = dir.path() / "index";
  // Both English pages match; the one with a French version comes first for a French
  // learner although the other matches twice as often.
  const std::string alone =
      R"({"id": "alone-en", "url": "https://coop.example.org/en/alone", "inLanguage": "en",)"
      R"( "title": "Household spreadsheet household spreadsheet", "text": "Household spreadsheet."})";
  import({dir.write("all.jsonl", alone + "\n" + kEnglish + "\n" + kFrench).string()}, db);
  const SearchResult french = search(db, "household spreadsheet", "fr");
  REQUIRE(french.hits.size() == 2);
  CHECK(french.hits[0].id == "budget-fr");
  CHECK(french.hits[1].id == "alone-en");
  CHECK(search(db, "household spreadsheet", "en").hits[0].id == "alone-en");
}

TEST_CASE("pages of one name in language folders are one work with --work-from-path", "[works]") {
  TempDir dir;
  auto page = [](const char* lang, const char* title) {
    return std::string("<html lang=\"") + lang + "\"><head><title>" + title +
           "</title></head><body><main>" + title + "</main></body></html>";
  };
  dir.write("html/en/apt.html", page("en", "Package management"));
  dir.write("html/fr/apt.html", page("fr", "Gestion des paquets"));
  dir.write("html/fr/boot.html", page("fr", "Démarrage"));
  const auto db = dir.path() / "index";
  ImportOptions options;
  options.read.base_url = "https://handbook.example.org/";
  options.work_from_path.emplace("[^/]+$");
  options.work_from_path_text = "[^/]+$";
  const ImportSummary summary = import({(dir.path() / "html").string()}, db, options);
  CHECK(summary.work_from_path == 3);
  CHECK(work_of(db, "html/en/apt") == "apt.html");
  CHECK(work_of(db, "html/fr/apt") == "apt.html");
  CHECK(work_of(db, "html/fr/boot") == "boot.html");
  CHECK(work_languages(db, "html/en/apt") == std::set<std::string>{"en", "fr"});
  CHECK(work_languages(db, "html/fr/boot").empty());
}

TEST_CASE("a --work-from-path that matches no file is a warning", "[works]") {
  TempDir dir;
  dir.write("a.jsonl", kEnglish);
  const agora::analyzers::LanguageDetector detector;
  IndexWriter writer(dir.path() / "index", shared_registry());
  ImportOptions options;
  options.work_from_path.emplace("nomatch/");
  options.work_from_path_text = "nomatch/";
  std::ostringstream errors;
  import_paths({(dir.path() / "a.jsonl").string()}, writer, options, detector, errors, nullptr,
               nullptr);
  CHECK_THAT(errors.str(), Catch::Contains("warning: --work-from-path 'nomatch/' matched none"));
}

TEST_CASE("the query's language is judged from the index's own vocabulary", "[works][search]") {
  TempDir dir;
  std::string records;
  for (int i = 0; i < 6; ++i) {
    records += R"({"id": "en-)" + std::to_string(i) + R"(", "url": "https://ex.org/en/)" +
               std::to_string(i) +
               R"(", "inLanguage": "en", "title": "Meeting notes",)"
               R"( "text": "The members plan the spending of the year together."})"
               "\n";
    records += R"({"id": "fr-)" + std::to_string(i) + R"(", "url": "https://ex.org/fr/)" +
               std::to_string(i) +
               R"(", "inLanguage": "fr", "title": "Compte rendu",)"
               R"( "text": "Les membres planifient ensemble les dépenses de l'année."})"
               "\n";
  }
  const auto db = dir.path() / "index";
  import({dir.write("notes.jsonl", records).string()}, db);
  const Xapian::Database database(db.string());
  const QueryLanguageGuesser guesser(database, shared_registry());
  CHECK(guesser.guess("members plan the spending", "fr") == "en");
  CHECK(guesser.guess("les membres planifient les dépenses", "fr") == "fr");
  CHECK(guesser.guess("les membres planifient les dépenses", "en") == "fr");
  // A learner language the index lacks is no obstacle; words nobody uses change nothing.
  CHECK(guesser.guess("members plan the spending", "es") == "en");
  CHECK(guesser.guess("zzqx wvvk", "fr") == "fr");
  CHECK(guesser.guess("", "fr") == "fr");
}
