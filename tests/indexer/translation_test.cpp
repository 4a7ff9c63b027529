// Query translation: searching a query's translations, what the answer says about it, and
// golden translations per language with the installed dictionaries.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "agora/index/dictionaries.hpp"
#include "agora/index/import_run.hpp"
#include "agora/index/search.hpp"
#include "shared_registry.hpp"
#include "temp_files.hpp"
#include "translation/chinese_scripts.hpp"
#include "translation/query_translation.hpp"

using namespace agora::index;
using agora::test::TempDir;
namespace fs = std::filesystem;

using agora::test::shared_registry;

namespace {

// A small English–French dictionary, read both ways.
const Dictionaries& test_dictionaries() {
  static const Dictionaries built = [] {
    Dictionaries::Builder builder(shared_registry());
    builder.add({"test-en-fr", "", "en", "fr"}, {{"network", {"filet", "réseau"}},
                                                 {"configuration", {"configuration"}},
                                                 {"budget", {"budget"}},
                                                 {"garden", {"jardin"}},
                                                 {"spreadsheet", {"tableur"}}});
    return builder.build();
  }();
  return built;
}

std::string record(const std::string& id, const std::string& language, const std::string& title,
                   const std::string& text) {
  return R"({"id": ")" + id + R"(", "url": "https://coop.example.org/)" + id +
         R"(", "inLanguage": ")" + language + R"(", "title": ")" + title + R"(", "text": ")" +
         text + "\"}\n";
}

// Five pages in each language, so that the index can tell the query's language, and no
// work links: only translation can bridge them.
std::string english_pages() {
  return record("net-en", "en", "Network configuration", "Set up the network of the office.") +
         record("garden-en", "en", "Community garden", "Grow food together.") +
         record("budget-en", "en", "Household budget", "Plan the spending of the year.") +
         record("coop-en", "en", "Starting a cooperative", "Members own the business.") +
         record("meet-en", "en", "Running a meeting", "Agenda, minutes and votes.");
}

std::string french_pages() {
  return record("net-fr", "fr", "Configuration du réseau", "Installer le réseau du bureau.") +
         record("garden-fr", "fr", "Jardin partagé", "Cultiver ensemble.") +
         record("tableur-fr", "fr", "Le tableur des comptes", "Les comptes de l'année.") +
         record("coop-fr", "fr", "Créer une coopérative", "Les membres possèdent l'entreprise.") +
         record("meet-fr", "fr", "Animer une réunion", "Ordre du jour et votes.");
}

fs::path make_index(const TempDir& dir, const std::string& records) {
  static const agora::analyzers::LanguageDetector detector;
  const fs::path db = dir.path() / "index";
  IndexWriter writer(db, shared_registry());
  std::ostringstream errors;
  import_paths({dir.write("records.jsonl", records).string()}, writer, {}, detector, errors,
               nullptr, nullptr);
  return db;
}

SearchResult search(Searcher& searcher, const std::string& query, const std::string& learner,
                    bool translate = true) {
  SearchRequest request;
  request.query = query;
  request.learner_language = learner;
  request.translate = translate;
  return searcher.search(request);
}

}  // namespace

TEST_CASE("an English query finds the French page through its translation", "[translation]") {
  const TempDir dir;
  Searcher searcher(make_index(dir, english_pages() + french_pages()), shared_registry());
  searcher.use_dictionaries(&test_dictionaries());

  const SearchResult result = search(searcher, "network configuration", "fr");
  CHECK(result.query_language == "en");
  REQUIRE(result.translated.size() == 1);
  CHECK(result.translated[0].language == "fr");
  CHECK(result.translated[0].query == "réseau configuration");  // the word the index uses
  REQUIRE(result.hits.size() >= 2);
  CHECK(result.hits[0].id == "net-fr");                // the learner's own language first
  CHECK(result.hits[0].through_translation == false);  // "configuration" is also English
  CHECK(result.hits[1].id == "net-en");
  CHECK_FALSE(result.hits[1].through_translation);
  CHECK_THAT(result.hits[0].snippet, Catch::Contains("<mark>réseau</mark>"));

  const SearchResult garden = search(searcher, "garden", "fr");
  REQUIRE_FALSE(garden.hits.empty());
  CHECK(garden.hits[0].id == "garden-fr");
  CHECK(garden.hits[0].through_translation);  // "jardin" only

  SECTION("translate=off searches the words as typed") {
    const SearchResult typed = search(searcher, "garden", "fr", false);
    CHECK(typed.translated.empty());
    REQUIRE(typed.hits.size() == 1);
    CHECK(typed.hits[0].id == "garden-en");
  }
  SECTION("without dictionaries nothing is translated") {
    searcher.use_dictionaries(nullptr);
    CHECK(search(searcher, "garden", "fr").hits.size() == 1);
  }
}

TEST_CASE("a French learner's French words find a page that exists only in English",
          "[translation]") {
  const TempDir dir;
  Searcher searcher(make_index(dir, english_pages()), shared_registry());
  searcher.use_dictionaries(&test_dictionaries());
  // The index holds no French: the words stay French, and English is searched.
  const SearchResult result = search(searcher, "jardin", "fr");
  CHECK(result.query_language.empty());
  REQUIRE(result.translated.size() == 1);
  CHECK(result.translated[0].language == "en");
  CHECK(result.translated[0].query == "garden");
  REQUIRE_FALSE(result.hits.empty());
  CHECK(result.hits[0].id == "garden-en");
  CHECK(result.hits[0].through_translation);
  CHECK(search(searcher, "jardin", "fr", false).hits.empty());
}

TEST_CASE("a word with many senses weighs as one word", "[translation]") {
  // Structured translation: each query word is one synonym group, whatever its senses.
  Dictionaries::Builder builder(shared_registry());
  builder.add({"senses", "", "en", "fr"},
              {{"file", {"fichier", "dossier", "lime", "rang", "file", "classeur", "colonne"}},
               {"garden", {"jardin"}}});
  const Dictionaries dictionaries = builder.build();
  QueryTranslation translation = translate_query("file garden", shared_registry().for_tag("en"),
                                                 shared_registry().for_tag("fr"), dictionaries);
  REQUIRE(translation.words.size() == 2);
  CHECK(translation.words[0].alternatives.size() == 7);
  QueryTerms terms;
  const Xapian::Query query =
      translation_query(translation, shared_registry().for_tag("fr"), false, terms);
  // Two groups OR-ed, each an OP_SYNONYM.
  CHECK(query.get_type() == Xapian::Query::OP_OR);
  REQUIRE(query.get_num_subqueries() == 2);
  CHECK(query.get_subquery(0).get_type() == Xapian::Query::OP_SYNONYM);
  CHECK(query.get_subquery(1).get_type() == Xapian::Query::OP_SYNONYM);
  CHECK(terms.exact.count("jardin") == 1);
}

TEST_CASE("entries of several words are tried before single words", "[translation]") {
  Dictionaries::Builder builder(shared_registry());
  builder.add({"phrases", "", "en", "fr"}, {{"package", {"paquet"}},
                                            {"manager", {"gérant"}},
                                            {"package manager", {"gestionnaire de paquets"}}});
  const Dictionaries dictionaries = builder.build();
  const QueryTranslation translation =
      translate_query("the package manager", shared_registry().for_tag("en"),
                      shared_registry().for_tag("fr"), dictionaries);
  REQUIRE(translation.words.size() == 1);
  CHECK(translation.words[0].source == "package manager");
  CHECK(translation.text() == "gestionnaire de paquets");
}

TEST_CASE("Simplified and Traditional Chinese find each other", "[translation][chinese]") {
  const ChineseScripts scripts;
  REQUIRE(scripts.available());  // OpenCC's data, from libopencc-dev's dependencies
  CHECK(scripts.to_traditional("软件包") == "軟件包");
  CHECK(scripts.to_simplified("網絡設定") == "网络设定");
  CHECK(scripts.to_traditional("Debian") == "Debian");

  const TempDir dir;
  Searcher searcher(
      make_index(dir, record("net-tw", "zh-TW", "網絡設定", "設定網絡的方法。") +
                          record("pkg-cn", "zh-CN", "软件包管理", "安装软件包的方法。")),
      shared_registry());
  // No dictionaries, translation off: the other script is not a translation.
  for (const auto& [query, wanted] :
       {std::pair{"网络设定", "net-tw"}, std::pair{"軟件包管理", "pkg-cn"}}) {
    INFO(query);
    const SearchResult result = search(searcher, query, "zh", false);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].id == wanted);
    CHECK_FALSE(result.hits[0].through_translation);
    CHECK_THAT(result.hits[0].snippet, Catch::Contains("<mark>"));
  }
}

// Golden translations with the dictionaries scripts/build.sh compiles from the installed
// FreeDict packages and CC-CEDICT: tests/translation/<from>-<to>.tsv, a query and what it
// becomes per line. Set AGORA_UPDATE_GOLDEN=1 to rewrite the second column, then review.
TEST_CASE("English queries translate as their golden files say, per covered language",
          "[translation][golden]") {
  const fs::path folder = fs::path(AGORA_SOURCE_DIR) / "tests" / "translation";
  const fs::path compiled = default_compiled_dictionaries_path();
  INFO("compiled dictionaries: " << compiled.string() << " (scripts/build.sh makes them)");
  REQUIRE(fs::exists(compiled));
  const Dictionaries dictionaries = Dictionaries::open(compiled, shared_registry());
  const char* update = std::getenv("AGORA_UPDATE_GOLDEN");
  int languages = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".tsv") continue;
    const std::string language = entry.path().stem().string();  // "en-fr"
    const std::string from = language.substr(0, language.find('-'));
    const std::string to = language.substr(language.find('-') + 1);
    ++languages;
    DYNAMIC_SECTION(language) {
      const auto& source = shared_registry().for_tag(from);
      const auto& target = shared_registry().for_tag(to);
      CHECK(dictionaries.covers(source.language(), target.language()));
      // Each line is a query, a tab, and what it becomes.
      std::ifstream lines(entry.path());
      std::string actual;
      for (std::string line; std::getline(lines, line);) {
        const std::string query = line.substr(0, line.find('\t'));
        if (query.empty()) continue;
        actual += query + '\t' + translate_query(query, source, target, dictionaries).text() + '\n';
      }
      if (update && std::string(update) == "1") {
        std::ofstream(entry.path(), std::ios::binary) << actual;
        WARN("rewrote " << entry.path().string());
      } else {
        std::ifstream file(entry.path(), std::ios::binary);
        const std::string expected((std::istreambuf_iterator<char>(file)), {});
        CHECK(actual == expected);
      }
    }
  }
  CHECK(languages >= 10);
}
