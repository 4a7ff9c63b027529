// The sample corpus and small fixtures through the whole indexer: terms, filters, values,
// idempotent re-import, removal, and the agora-index commands.
#include <catch2/catch.hpp>

#include <sstream>

#include <xapian.h>

#include "agora/index/cli_commands.hpp"
#include "agora/index/import_run.hpp"
#include "agora/index/index_schema.hpp"
#include "agora/index/index_stats.hpp"
#include "temp_files.hpp"

using namespace agora::index;
using agora::test::TempDir;
namespace schema = agora::index::schema;

namespace {

const std::string kCorpus = std::string(AGORA_SOURCE_DIR) + "/corpus";

ImportSummary import(const std::vector<std::string>& paths, const std::filesystem::path& db,
                     ImportOptions options = {}) {
  static const agora::analyzers::Registry registry;
  static const agora::analyzers::LanguageDetector detector;
  IndexWriter writer(db, registry);
  std::ostringstream errors;
  ImportSummary summary = import_paths(paths, writer, options, detector, errors, nullptr, nullptr);
  UNSCOPED_INFO(errors.str());
  return summary;
}

// How many documents the spelling table counts for `word` (0 when absent).
Xapian::doccount spelling_frequency(const Xapian::Database& database, const std::string& word) {
  for (auto spelling = database.spellings_begin(); spelling != database.spellings_end();
       ++spelling) {
    if (*spelling == word) return spelling.get_termfreq();
  }
  return 0;
}

std::set<std::string> terms_of(const Xapian::Database& database, const std::string& id) {
  Xapian::PostingIterator posting = database.postlist_begin(schema::term(schema::kId, id));
  REQUIRE(posting != database.postlist_end(schema::term(schema::kId, id)));
  const Xapian::Document document = database.get_document(*posting);
  std::set<std::string> terms;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    terms.insert(*term);
  }
  return terms;
}

const char* kHousingGuide = R"(---
id: housing-fr
title: "Les coopératives d'habitants"
url: https://learn.example.org/fr/habitat
inLanguage: fr
work: housing
license: https://creativecommons.org/licenses/by-sa/4.0/
learningResourceType: guide
educationalLevel: beginner
about: [governance, Cooperatives]
keywords: [habitat participatif]
datePublished: 2024-03-12
collection: test-partner
---
Une coopérative d'habitants réunit des ménages qui gèrent ensemble leur immeuble.
)";

}  // namespace

TEST_CASE("the sample corpus imports without a single failure", "[integration]") {
  TempDir db;
  std::size_t total = 0;
  for (const char* folder : {"resources", "feeds", "html", "oai"}) {
    const ImportSummary summary = import({kCorpus + "/" + folder}, db.path());
    INFO(folder);
    CHECK(summary.failed == 0);
    CHECK(summary.added > 0);  // every importer format is represented
    total += summary.added;
  }
  CHECK(total >= 80);
  const IndexStats stats = read_stats(db.path());
  std::set<std::string> primary_languages;
  for (const auto& [language, count] : stats.languages) {
    primary_languages.insert(language.substr(0, language.find('-')));
  }
  CHECK(primary_languages.size() >= 14);
  for (const char* language : {"ar", "fa", "zh", "ja", "th", "ko", "el", "ru", "en", "fr", "es",
                               "de", "it", "pt", "ca", "pl"}) {
    INFO(language);
    CHECK(primary_languages.count(language) == 1);
  }
  CHECK(stats.detected_language >= 1);  // records without a declared language
  CHECK(stats.types.size() >= 5);
  CHECK(stats.licenses.size() >= 3);
}

TEST_CASE("a record becomes exact, folded and stemmed terms, filters and values", "[integration]") {
  TempDir input, db;
  input.write("housing-fr.md", kHousingGuide);
  REQUIRE(import({input.path().string()}, db.path()).added == 1);
  const Xapian::Database database(db.path().string());
  const std::set<std::string> terms = terms_of(database, "housing-fr");
  for (const char* expected :
       {"coopératives", "Scoopératives", "Fcooperatives", "Zfr:cooper", "habitants", "XKhabitat",
        "Lfr", "XTYPEguide", "XLICcc-by-sa-4.0", "XLEVELbeginner", "XSUBJgovernance",
        "XSUBJcooperatives", "XCOLLtest-partner", "XWORKhousing", "immeuble"}) {
    INFO(expected);
    CHECK(terms.count(expected) == 1);
  }
  CHECK(terms.count("d'habitants") == 0);  // elided
  // A folded term only where folding changes the word: "habitants" is its own folded form.
  CHECK(terms.count("Fhabitants") == 0);
  const Xapian::Document document =
      database.get_document(*database.postlist_begin(schema::term(schema::kId, "housing-fr")));
  CHECK(document.get_value(schema::kWorkKey) == "housing");
  CHECK(document.get_value(schema::kLanguageValue) == "fr");
  CHECK(Xapian::sortable_unserialise(document.get_value(schema::kDatePublished)) == 20240312);
  CHECK_THAT(document.get_value(schema::kBodyText), Catch::StartsWith("Une coopérative"));
  const auto stored = nlohmann::json::parse(document.get_data());
  CHECK(stored["title"] == "Les coopératives d'habitants");
  CHECK(stored["license"] == "CC-BY-SA-4.0");
  // Title terms outweigh body terms (field weights through wdf).
  auto wdf = [&](const std::string& term) {
    auto position = document.termlist_begin();
    position.skip_to(term);
    return position.get_wdf();
  };
  CHECK(wdf("coopératives") > wdf("immeuble"));
}

TEST_CASE("re-importing is idempotent and removal removes", "[integration]") {
  TempDir input, db;
  input.write("housing-fr.md", kHousingGuide);
  const ImportSummary first = import({input.path().string()}, db.path());
  std::set<std::string> before;
  {
    const Xapian::Database database(db.path().string());
    before = terms_of(database, "housing-fr");
  }
  const ImportSummary second = import({input.path().string()}, db.path());
  CHECK(first.added == 1);
  CHECK(second.added == 0);
  CHECK(second.replaced == 1);
  {
    const Xapian::Database database(db.path().string());
    CHECK(database.get_doccount() == 1);
    CHECK(terms_of(database, "housing-fr") == before);
    // The spelling table counts documents, so a re-import does not inflate it.
    CHECK(database.get_spelling_suggestion("immeble") == "immeuble");
    CHECK(spelling_frequency(database, "immeuble") == 1);
  }
  static const agora::analyzers::Registry registry;
  IndexWriter writer(db.path(), registry);
  CHECK(writer.remove("housing-fr"));
  CHECK_FALSE(writer.remove("housing-fr"));
  writer.commit();
  CHECK(writer.document_count() == 0);
  CHECK(spelling_frequency(Xapian::Database(db.path().string()), "immeuble") == 0);
}

TEST_CASE("agora-index add: bad records are skipped, the rest imported, exit code 1",
          "[integration]") {
  TempDir input, db;
  input.write("good.md", kHousingGuide);
  input.write("bad.jsonl", "{\"id\": \"no-title\", \"url\": \"https://x.example.org\"}\n{oops\n");
  std::istringstream in;
  std::ostringstream out, err;
  const int code =
      cli::run_add({"--db", db.path().string(), input.path().string()}, {in, out, err});
  CHECK(code == 1);
  CHECK_THAT(err.str(), Catch::Contains("bad.jsonl:1: title: is required"));
  CHECK_THAT(err.str(), Catch::Contains("bad.jsonl:2: json:"));
  CHECK_THAT(out.str(), Catch::Contains("1 added"));
  CHECK(Xapian::Database(db.path().string()).get_doccount() == 1);
}

TEST_CASE("agora-index add --strict writes nothing when a record is bad", "[integration]") {
  TempDir input, db;
  input.write("a-good.md", kHousingGuide);
  input.write("b-bad.jsonl", "{\"id\": \"x\"}\n");
  std::istringstream in;
  std::ostringstream out, err;
  const int code =
      cli::run_add({"--db", db.path().string(), "--strict", input.path().string()}, {in, out, err});
  CHECK(code == 1);
  CHECK_THAT(out.str(), Catch::Contains("nothing written"));
  CHECK(Xapian::Database(db.path().string()).get_doccount() == 0);
}

TEST_CASE("agora-index remove and stats", "[integration]") {
  TempDir input, scratch;
  const auto db_path = scratch.path() / "not" / "yet" / "there";  // parents are created
  struct {
    std::filesystem::path path() const { return p; }
    std::filesystem::path p;
  } db{db_path};
  input.write("housing-fr.md", kHousingGuide);
  import({input.path().string()}, db.path());
  std::istringstream in;
  std::ostringstream out, err;
  CHECK(cli::run_stats({"--db", db.path().string(), "--json"}, {in, out, err}) == 0);
  const auto stats = nlohmann::json::parse(out.str());
  CHECK(stats["documents"] == 1);
  CHECK(stats["languages"]["fr"] == 1);
  CHECK(stats["licenses"]["CC-BY-SA-4.0"] == 1);
  CHECK(cli::run_remove({"--db", db.path().string(), "housing-fr", "missing-id"}, {in, out, err}) ==
        1);
  CHECK_THAT(err.str(), Catch::Contains("missing-id: no resource with this id"));
  CHECK(Xapian::Database(db.path().string()).get_doccount() == 0);
}

TEST_CASE("paths that do not exist or have no known format are failures", "[integration]") {
  TempDir input, db;
  input.write("notes.txt", "hello");
  const ImportSummary summary =
      import({(input.path() / "notes.txt").string(), (input.path() / "nope").string()}, db.path());
  CHECK(summary.failed == 2);
}
