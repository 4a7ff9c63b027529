// Dictionary readers (dictd, CC-CEDICT), lexicons in both directions and through English,
// and the compiled file searchd maps.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <fstream>

#include "agora/error.hpp"
#include "agora/index/dictionaries.hpp"
#include "shared_registry.hpp"
#include "temp_files.hpp"
#include "translation/cedict_reader.hpp"
#include "translation/dictd_reader.hpp"

using namespace agora::index;
using agora::test::shared_registry;
using agora::test::TempDir;

namespace {

constexpr std::string_view kDigits =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_number(std::size_t value) {
  std::string out;
  do {
    out.insert(out.begin(), kDigits[value % 64]);
    value /= 64;
  } while (value > 0);
  return out;
}

void write_gzip(const std::filesystem::path& path, const std::string& data) {
  gzFile file = gzopen(path.c_str(), "wb");
  REQUIRE(file != nullptr);
  gzwrite(file, data.data(), static_cast<unsigned>(data.size()));
  gzclose(file);
}

// A dictd pair at dir/name.{index,dict.dz} holding `articles` (headword → article).
std::filesystem::path write_dictd(
    const TempDir& dir, const std::string& name,
    const std::vector<std::pair<std::string, std::string>>& articles) {
  std::string data;
  std::string index;
  for (const auto& [headword, article] : articles) {
    index +=
        headword + '\t' + base64_number(data.size()) + '\t' + base64_number(article.size()) + '\n';
    data += article;
  }
  const std::filesystem::path base = dir.path() / name;
  dir.write(name + ".index", index);
  write_gzip(base.string() + ".dict.dz", data);
  return base;
}

std::vector<std::string> lookup(const Dictionaries& dictionaries, const std::string& from,
                                const std::string& to, const std::string& words) {
  return dictionaries.translate(from, to, lexicon_key(words, shared_registry().for_tag(from)), 8);
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("dictd articles of each FreeDict shape give their translations", "[dictionaries]") {
  // One line of translations, with labels.
  CHECK(translations_in_article("network /netwəːk/\nfilet, réseau\n") ==
        Strings{"filet", "réseau"});
  // Numbered senses; run-on examples after the first full stop are not translations.
  CHECK(translations_in_article("file /fail/\n1. dossier\n2. eğe ile düzeltmek. file fish x\n") ==
        Strings{"dossier", "eğe ile düzeltmek"});
  // Grammatical labels, a usage label on an indented line, examples, notes, synonyms.
  CHECK(translations_in_article("package /p/\n [Am.] Packung <fem>, Gebinde <neut> [econ.]\n"
                                "         Note: Verpackungseinheit\n"
                                "      \"family-size package\"  - Familienpackung\n"
                                "   Synonym: {parcel}\n\n see: {parcels}\n") ==
        Strings{"Packung", "Gebinde"});
  // Wiktionary-based editions: an English gloss after each sense.
  CHECK(translations_in_article(
            "computer //kəm// <n>\n1. コンピュータ, 電脳\ndevice\n2. 計算手\nperson\n") ==
        Strings{"コンピュータ", "電脳", "計算手"});
  CHECK(translations_in_article("system //s// <n>\nsistem\ncollection of organized things\n") ==
        Strings{"sistem"});
  // Part-of-speech lines in parentheses come before the translation.
  CHECK(translations_in_article(
            " [gai1] パッケージ /p/\n(noun (common))\n (noun or participle)\npackage\n") ==
        Strings{"package"});
  // Explanations of five words or more are not alternatives.
  CHECK(split_alternatives("a thing that is very long indeed, word").size() == 1);
}

TEST_CASE("a dictd pair is read with its headwords", "[dictionaries]") {
  const TempDir dir;
  const auto base = write_dictd(dir, "freedict-eng-fra",
                                {{"00databaseinfo", "about this dictionary\n"},
                                 {"computer", "computer /k/\nordinateur\n"},
                                 {"network", "network /n/\nfilet, réseau\n"}});
  const std::vector<DictionaryEntry> entries = read_dictd(base);
  REQUIRE(entries.size() == 2);  // the database's own description is not an entry
  CHECK(entries[0].headword == "computer");
  CHECK(entries[0].translations == Strings{"ordinateur"});
  CHECK(entries[1].translations == Strings{"filet", "réseau"});
}

TEST_CASE("a broken dictd pair is refused with the file and line", "[dictionaries]") {
  const TempDir dir;
  const auto base = write_dictd(dir, "freedict-eng-fra", {{"computer", "computer\nordinateur\n"}});
  SECTION("a line without its offset and length") {
    dir.write("freedict-eng-fra.index", "computer\tA\tU\nnetwork only\n");
    CHECK_THROWS_WITH(read_dictd(base), Catch::Contains("freedict-eng-fra.index:2:") &&
                                            Catch::Contains("offset and a length"));
  }
  SECTION("digits that are not dictd's base 64") {
    dir.write("freedict-eng-fra.index", "computer\tA!\tW\n");
    CHECK_THROWS_WITH(read_dictd(base), Catch::Contains(".index:1:") && Catch::Contains("base-64"));
  }
  SECTION("an article beyond the end of the data") {
    dir.write("freedict-eng-fra.index", "computer\tA\tZZZ\n");
    CHECK_THROWS_WITH(read_dictd(base),
                      Catch::Contains(".index:1:") &&
                          Catch::Contains("beyond the end of freedict-eng-fra.dict.dz"));
  }
  SECTION("data that is not gzip") {
    dir.write("freedict-eng-fra.dict.dz", std::string("\x1f\x8b\x08\x00garbage", 11));
    CHECK_THROWS_WITH(read_dictd(base), Catch::Contains("freedict-eng-fra.dict.dz"));
  }
  SECTION("a missing index") {
    std::filesystem::remove(base.string() + ".index");
    CHECK_THROWS_AS(read_dictd(base), agora::InvalidInput);
  }
}

TEST_CASE("CC-CEDICT gives both scripts and only real translations", "[dictionaries]") {
  CHECK(cedict_alternatives("to install") == Strings{"install"});
  CHECK(cedict_alternatives("network (computing, telecommunications, transport etc)") ==
        Strings{"network"});
  CHECK(cedict_alternatives("CL:個|个[ge4]").empty());
  CHECK(cedict_alternatives("variant of 網絡|网络").empty());

  const TempDir dir;
  const auto path = dir.write(
      "all.js",
      R"js(export default {"all":[["網絡","网络","wang3 luo4","network (computing)",[],[]],)js"
      R"js(["安裝","安装","an1 zhuang1",["to install","CL:個|个[ge4]"],[],[]],)js"
      R"js(["個","个","ge5"]]})js");
  const std::vector<DictionaryEntry> entries = read_cedict(path);
  REQUIRE(entries.size() == 4);  // two words, each in traditional and simplified characters
  CHECK(entries[0].headword == "網絡");
  CHECK(entries[1].headword == "网络");
  CHECK(entries[3].translations == Strings{"install"});

  SECTION("a file that is not the module") {
    const auto broken = dir.write("broken.js", "export default {\"all\": [");
    CHECK_THROWS_WITH(read_cedict(broken), Catch::Contains("broken.js") && Catch::Contains("JSON"));
  }
  SECTION("an entry of the wrong shape") {
    const auto odd = dir.write("odd.js", R"(export default {"all":[["a","b","c","d"],[1,2,3]]})");
    CHECK_THROWS_WITH(read_cedict(odd), Catch::Contains("entry 2"));
  }
}

TEST_CASE("lexicons match on stems, prefer the same word, and serve both directions",
          "[dictionaries]") {
  Dictionaries::Builder builder(shared_registry());
  builder.add({"en-fr", "", "en", "fr"}, {{"package", {"paquet", "colis"}},
                                          {"packaging", {"emballage"}},
                                          {"network", {"réseau"}},
                                          {"package manager", {"gestionnaire de paquets"}}});
  builder.add({"de-en", "", "de", "en"}, {{"Netzwerk", {"network"}}, {"Paket", {"package"}}});
  const Dictionaries dictionaries = builder.build();

  // "packages" shares its stem with "package": the same word's translations come first.
  CHECK(lookup(dictionaries, "en", "fr", "packages").front() == "paquet");
  CHECK(lookup(dictionaries, "en", "fr", "package") == Strings{"paquet", "colis", "emballage"});
  // Read backwards: French → English.
  CHECK(lookup(dictionaries, "fr", "en", "réseau") == Strings{"network"});
  // German → French has no file: through English.
  CHECK(dictionaries.covers("de", "fr"));
  CHECK(lookup(dictionaries, "de", "fr", "Netzwerk") == Strings{"réseau"});
  CHECK_FALSE(dictionaries.covers("ja", "fr"));
  CHECK(lookup(dictionaries, "en", "fr", "unknown").empty());
}

TEST_CASE("compiled dictionaries are mapped back unchanged, broken files refused",
          "[dictionaries]") {
  Dictionaries::Builder builder(shared_registry());
  builder.add({"freedict-eng-fra", "/x", "en", "fr", 2},
              {{"network", {"filet", "réseau"}}, {"computer", {"ordinateur"}}});
  const Dictionaries built = builder.build();
  const TempDir dir;
  const auto path = dir.path() / "dictionaries.agora";
  built.write(path, "fingerprint 1");

  const Dictionaries mapped = Dictionaries::open(path, shared_registry());
  CHECK(lookup(mapped, "en", "fr", "network") == Strings{"filet", "réseau"});
  CHECK(lookup(mapped, "fr", "en", "ordinateur") == Strings{"computer"});
  REQUIRE(mapped.sources().size() == 1);
  CHECK(mapped.sources()[0].name == "freedict-eng-fra");
  CHECK(mapped.bytes() == built.bytes());
  CHECK(Dictionaries::fingerprint_of(path) == "fingerprint 1");

  SECTION("a truncated file") {
    std::string bytes;
    {
      std::ifstream in(path, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    dir.write("short.agora", bytes.substr(0, bytes.size() - 40));
    CHECK_THROWS_WITH(Dictionaries::open(dir.path() / "short.agora", shared_registry()),
                      Catch::Contains("short.agora: truncated"));
  }
  SECTION("a file of something else") {
    dir.write("other.agora", "not a dictionary file at all");
    CHECK_THROWS_WITH(Dictionaries::open(dir.path() / "other.agora", shared_registry()),
                      Catch::Contains("not a compiled dictionary file"));
    CHECK(Dictionaries::fingerprint_of(dir.path() / "other.agora").empty());
  }
  SECTION("no file") {
    CHECK_THROWS_WITH(Dictionaries::open(dir.path() / "none.agora", shared_registry()),
                      Catch::Contains("agora-index dictionaries"));
  }
}

TEST_CASE("dictionaries are found in their folder by name, broken ones left out with a message",
          "[dictionaries]") {
  const TempDir dir;
  write_dictd(dir, "freedict-eng-fra", {{"network", "network\nréseau\n"}});
  write_dictd(dir, "freedict-fra-eng", {{"réseau", "réseau\nnetwork\n"}});
  dir.write("freedict-eng-ita.index", "rete\tZ\tZZZZ\n");
  write_gzip(dir.path() / "freedict-eng-ita.dict.dz", "x");
  dir.write("README", "not a dictionary");
  std::vector<std::string> problems;
  const Dictionaries dictionaries =
      Dictionaries::load({dir.path(), dir.path() / "no-cedict.js"}, shared_registry(), problems);
  CHECK(dictionaries.sources().size() == 2);
  CHECK(lookup(dictionaries, "en", "fr", "network") == Strings{"réseau"});
  REQUIRE(problems.size() == 2);
  CHECK_THAT(problems[0], Catch::Contains("no CC-CEDICT"));
  CHECK_THAT(problems[1], Catch::Contains("freedict-eng-ita.index:1:"));
  // The fingerprint changes with the files.
  const std::string before = dictionary_fingerprint({dir.path(), ""});
  write_dictd(dir, "freedict-eng-fra", {{"network", "network\nréseau, filet\n"}});
  CHECK(dictionary_fingerprint({dir.path(), ""}) != before);
}
