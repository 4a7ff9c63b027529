// What one `agora-index add` run makes of its PATH arguments: ids made from paths that
// never collide silently, languages from paths, and files that are not records.
#include <catch2/catch.hpp>

#include <sstream>

#include <xapian.h>

#include "agora/index/cli_commands.hpp"
#include "agora/index/import_run.hpp"
#include "agora/index/index_schema.hpp"
#include "temp_files.hpp"

using namespace agora::index;
using agora::test::TempDir;
namespace schema = agora::index::schema;

namespace {

struct Run {
  ImportSummary summary;
  std::string errors;
};

ImportOptions with_base_url() {
  ImportOptions options;
  options.read.base_url = "https://book.example.org/";  // the test pages name no url
  return options;
}

Run import(const std::vector<std::string>& paths, const std::filesystem::path& db,
           ImportOptions options = with_base_url()) {
  static const agora::analyzers::Registry registry;
  static const agora::analyzers::LanguageDetector detector;
  IndexWriter writer(db, registry);
  std::ostringstream errors;
  Run run{import_paths(paths, writer, options, detector, errors, nullptr, nullptr), ""};
  run.errors = errors.str();
  UNSCOPED_INFO(run.errors);
  return run;
}

std::string page(const std::string& lang, const std::string& title) {
  return "<html lang=\"" + lang + "\"><head><title>" + title + "</title></head><body><main><p>" +
         title + " text</p></main></body></html>";
}

std::optional<nlohmann::json> stored(const std::filesystem::path& db, const std::string& id) {
  const Xapian::Database database(db.string());
  const std::string term = schema::term(schema::kId, id);
  if (database.postlist_begin(term) == database.postlist_end(term)) return std::nullopt;
  return nlohmann::json::parse(database.get_document(*database.postlist_begin(term)).get_data());
}

ImportOptions with_pattern(const std::string& pattern) {
  ImportOptions options = with_base_url();
  options.lang_from_path.emplace(pattern);
  options.lang_from_path_text = pattern;
  return options;
}

}  // namespace

TEST_CASE("two folders with the same file names import every page, each under its own id",
          "[integration]") {
  TempDir input, db;
  input.write("html/de-DE/apt.html", page("de", "Paketverwaltung"));
  input.write("html/ja-JP/apt.html", page("ja", "パッケージ管理"));
  const std::vector<std::string> roots = {(input.path() / "html/de-DE").string(),
                                          (input.path() / "html/ja-JP").string()};
  const Run first = import(roots, db.path());
  CHECK(first.summary.added == 2);
  CHECK(first.summary.replaced == 0);
  CHECK(stored(db.path(), "de-DE/apt"));
  CHECK(stored(db.path(), "ja-JP/apt"));
  // The same files imported the same way get the same ids: they replace themselves.
  const Run again = import(roots, db.path());
  CHECK(again.summary.added == 0);
  CHECK(again.summary.replaced == 2);
  CHECK(Xapian::Database(db.path().string()).get_doccount() == 2);
}

TEST_CASE("two inputs with one id in one run: an error naming both, the first one kept",
          "[integration]") {
  TempDir input, db;
  input.write(
      "a.jsonl",
      R"({"id": "same", "url": "https://a.example.org/", "title": "First", "inLanguage": "en"})"
      "\n");
  input.write(
      "b.jsonl",
      R"({"id": "other", "url": "https://c.example.org/", "title": "Other", "inLanguage": "en"})"
      "\n"
      R"({"id": "same", "url": "https://b.example.org/", "title": "Second", "inLanguage": "en"})"
      "\n");
  const Run run = import({input.path().string()}, db.path());
  CHECK(run.summary.added == 2);
  CHECK(run.summary.failed == 1);
  CHECK_THAT(run.errors, Catch::Contains("b.jsonl:2: id: 'same' is also the id of"));
  CHECK_THAT(run.errors, Catch::Contains("a.jsonl:1"));
  CHECK(stored(db.path(), "same")->at("title") == "First");
}

TEST_CASE("a file named twice, as a folder and as itself, is read once", "[integration]") {
  TempDir input, db;
  const auto file = input.write("one.html", page("en", "Only once"));
  const Run run = import({input.path().string(), file.string()}, db.path());
  CHECK(run.summary.added == 1);
  CHECK(run.summary.failed == 0);
}

TEST_CASE("lang-from-path matches the path below PATH and the path as given", "[integration]") {
  TempDir input, db;
  input.write("html/de-DE/apt.html", page("en", "Paketverwaltung mit APT"));
  input.write("html/ja-JP/apt.html", page("en", "パッケージ管理"));
  const std::vector<std::string> roots = {(input.path() / "html/de-DE").string(),
                                          (input.path() / "html/ja-JP").string()};
  SECTION("a pattern for the path as given") {
    const Run run = import(roots, db.path(), with_pattern("html/([a-z]{2}(-[A-Z]{2})?)/"));
    CHECK(run.summary.language_from_path == 2);
    CHECK(stored(db.path(), "de-DE/apt")->at("inLanguage") == "de-DE");
    CHECK(stored(db.path(), "ja-JP/apt")->at("inLanguage") == "ja-JP");
    CHECK_THAT(run.errors, !Catch::Contains("warning"));
  }
  SECTION("a pattern for the path below PATH") {
    const Run run = import({(input.path() / "html").string()}, db.path(),
                           with_pattern("^([a-z]{2}(-[A-Z]{2})?)/"));
    CHECK(run.summary.language_from_path == 2);
    CHECK(stored(db.path(), "html/ja-JP/apt")->at("inLanguage") == "ja-JP");
  }
  SECTION("a pattern that matches no file is a loud warning") {
    const Run run = import(roots, db.path(), with_pattern("^lang/([a-z]{2})/"));
    CHECK(run.summary.language_from_path == 0);
    CHECK_THAT(run.errors, Catch::Contains("warning: --lang-from-path '^lang/([a-z]{2})/' "
                                           "matched none of 2 files"));
    CHECK(stored(db.path(), "de-DE/apt")->at("inLanguage") == "en");  // from <html lang>
  }
}

TEST_CASE("READMEs and JSON Schemas are skipped with a note, not failures", "[integration]") {
  TempDir input, db;
  input.write("README.md", "# About these records\n\nNo front matter here.\n");
  input.write(
      "schema/record.schema.json",
      R"({"$schema": "https://json-schema.org/draft/2020-12/schema", "required": ["url"]})");
  input.write(
      "guide.jsonl",
      R"({"id": "g", "url": "https://g.example.org/", "title": "Guide", "inLanguage": "en"})"
      "\n");
  const Run run = import({input.path().string()}, db.path());
  CHECK(run.summary.added == 1);
  CHECK(run.summary.failed == 0);
  CHECK(run.summary.skipped == 2);
  CHECK_THAT(run.errors, Catch::Contains("README.md: skipped: a folder's README"));
  CHECK_THAT(run.errors, Catch::Contains("record.schema.json: skipped: a JSON Schema"));
}

TEST_CASE("agora-index add of the whole sample corpus folder exits 0", "[integration]") {
  TempDir db;
  std::istringstream in;
  std::ostringstream out, err;
  const int code = cli::run_add(
      {"--db", db.path().string(), "--jobs", "2", std::string(AGORA_SOURCE_DIR) + "/corpus"},
      {in, out, err});
  INFO(err.str());
  CHECK(code == 0);
  CHECK_THAT(out.str(), Catch::Contains("0 failed, 2 skipped"));
  CHECK(Xapian::Database(db.path().string()).get_doccount() >= 80);
}

TEST_CASE("jobs: several threads give the same index as one thread", "[integration]") {
  TempDir one, four;
  const std::string corpus = std::string(AGORA_SOURCE_DIR) + "/corpus";
  ImportOptions serial, parallel;
  serial.batch_size = parallel.batch_size = 7;  // several commits, as in a long run
  parallel.jobs = 4;
  const Run a = import({corpus}, one.path(), serial);
  const Run b = import({corpus}, four.path(), parallel);
  CHECK(a.summary.added == b.summary.added);
  CHECK(a.errors == b.errors);
  const Xapian::Database x(one.path().string()), y(four.path().string());
  REQUIRE(x.get_doccount() == y.get_doccount());
  for (Xapian::docid id = 1; id <= x.get_lastdocid(); ++id) {
    const Xapian::Document dx = x.get_document(id), dy = y.get_document(id);
    INFO(dx.get_data());
    CHECK(dx.get_data() == dy.get_data());
    CHECK(dx.termlist_count() == dy.termlist_count());
  }
  CHECK(x.get_spelling_suggestion("cooperatve") == y.get_spelling_suggestion("cooperatve"));
}

TEST_CASE("the jobs and batch flags refuse what is not a positive whole number", "[integration]") {
  TempDir db;
  std::istringstream in;
  std::ostringstream out, err;
  // Every number a program reads is parsed strictly, with the one message form
  // "where: 'text' must be ...".
  for (const char* bad : {"0", "-1", "two", "3x", "12abc", " 2", "+2"}) {
    INFO(bad);
    CHECK_THROWS_WITH(
        cli::run_add({"--db", db.path().string(), "--jobs", bad, "x"}, {in, out, err}),
        Catch::Contains("--jobs: '" + std::string(bad) + "' must be a whole number"));
  }
}
