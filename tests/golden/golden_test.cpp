// Golden files: tests/golden/<tag>/sentences.txt must analyse to expected.tsv exactly.
// Set AGORA_UPDATE_GOLDEN=1 to rewrite the expected files, then review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "agora/analyzers/registry.hpp"

using namespace agora::analyzers;
namespace fs = std::filesystem;

namespace {

const fs::path kGoldenDir = fs::path(AGORA_SOURCE_DIR) / "tests" / "golden";

std::string read_file(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

bool updating() {
  const char* value = std::getenv("AGORA_UPDATE_GOLDEN");
  return value && std::string(value) == "1";
}

}  // namespace

TEST_CASE("every language's sentences analyse to its golden tokens", "[golden]") {
  const Registry registry;
  int languages = 0;
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    if (!entry.is_directory()) continue;
    const std::string tag = entry.path().filename().string();
    ++languages;
    DYNAMIC_SECTION(tag) {
      const Resolution resolution = registry.resolve(tag);
      CHECK(resolution.analyzer->language() == tag);
      const std::string sentences = read_file(entry.path() / "sentences.txt");
      REQUIRE_FALSE(sentences.empty());
      const std::string actual = format_tokens(resolution.analyzer->analyze(sentences));
      const fs::path expected_path = entry.path() / "expected.tsv";
      if (updating()) {
        std::ofstream(expected_path, std::ios::binary) << actual;
        WARN("rewrote " << expected_path.string());
      } else {
        REQUIRE(fs::exists(expected_path));
        CHECK(actual == read_file(expected_path));
      }
    }
  }
  CHECK(languages >= 40);
}

TEST_CASE("every registry language has a golden file", "[golden]") {
  const Registry registry;
  for (const Analyzer* analyzer : registry.analyzers()) {
    if (analyzer->language() == "und-Arab") continue;  // a script default, covered by ar
    INFO(analyzer->language());
    CHECK(fs::exists(kGoldenDir / analyzer->language() / "sentences.txt"));
  }
}
