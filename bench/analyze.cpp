// bench_analyze: MB/s per core of the full analysis chain over the debian-handbook, per
// language, next to a bare ICU BreakIterator pass over the same pages (the floor).
//
// usage: bench_analyze [--max-mb N] [--repeat N] [--handbook DIR]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "agora/analyzers/registry.hpp"
#include "handbook_text.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Walks every word boundary the way the segmenter does, and nothing else.
std::size_t bare_break_pass(const std::string& locale, const std::vector<std::string>& pages) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> breaks(
      icu::BreakIterator::createWordInstance(icu::Locale(locale.c_str()), status));
  std::size_t words = 0;
  for (const std::string& page : pages) {
    UText* text = utext_openUTF8(nullptr, page.data(), static_cast<int64_t>(page.size()), &status);
    breaks->setText(text, status);
    for (int32_t end = breaks->next(); end != icu::BreakIterator::DONE; end = breaks->next()) {
      words += breaks->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
    }
    breaks->setText(icu::UnicodeString());
    utext_close(text);
  }
  return words;
}

// Segmentation into Token objects, before any stage: shows what building tokens costs.
std::size_t segmenter_pass(const std::string& locale, const std::vector<std::string>& pages) {
  const agora::analyzers::WordSegmenter segmenter(locale);
  std::size_t tokens = 0;
  for (const std::string& page : pages) tokens += segmenter.tokens(page, "bench").size();
  return tokens;
}

std::size_t full_chain_pass(const agora::analyzers::Analyzer& analyzer,
                            const std::vector<std::string>& pages) {
  std::size_t tokens = 0;
  for (const std::string& page : pages) tokens += analyzer.analyze(page).size();
  return tokens;
}

// Best of `repeat` runs, in MB/s.
template <typename Pass>
double megabytes_per_second(std::size_t bytes, int repeat, Pass&& pass) {
  double best = 0;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    pass();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    best = std::max(best, bytes / 1e6 / seconds);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t max_mb = 2;
  int repeat = 3;
  std::filesystem::path root = agora::bench::kHandbookDir;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--max-mb"))
      max_mb = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--repeat"))
      repeat = std::stoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--handbook"))
      root = argv[i + 1];
  }
  const agora::analyzers::Registry registry;
  const auto editions = agora::bench::read_handbook(root, max_mb * 1000 * 1000);
  std::printf("%-7s %-9s %6s %9s %11s %11s %6s %8s\n", "edition", "analyzer", "MB", "ICU MB/s",
              "tokens MB/s", "chain MB/s", "ratio", "tokens");
  double latin_bytes = 0, latin_bare_seconds = 0, latin_chain_seconds = 0;
  for (const auto& edition : editions) {
    const auto& analyzer = registry.for_tag(edition.folder);
    std::size_t tokens = 0;
    const std::string locale = analyzer.language().rfind("und", 0) == 0 ? "" : analyzer.language();
    const double bare = megabytes_per_second(edition.bytes, repeat,
                                             [&] { bare_break_pass(locale, edition.pages); });
    const double segmented =
        megabytes_per_second(edition.bytes, repeat, [&] { segmenter_pass(locale, edition.pages); });
    const double chain = megabytes_per_second(
        edition.bytes, repeat, [&] { tokens = full_chain_pass(analyzer, edition.pages); });
    std::printf("%-7s %-9s %6.2f %9.1f %11.1f %11.1f %6.2f %8zu\n", edition.folder.c_str(),
                analyzer.language().c_str(), edition.bytes / 1e6, bare, segmented, chain,
                chain / bare, tokens);
    const bool latin = edition.folder.rfind("ar", 0) != 0 && edition.folder.rfind("el", 0) != 0 &&
                       edition.folder.rfind("fa", 0) != 0 && edition.folder.rfind("ja", 0) != 0 &&
                       edition.folder.rfind("ko", 0) != 0 && edition.folder.rfind("ru", 0) != 0 &&
                       edition.folder.rfind("zh", 0) != 0;
    if (latin) {
      latin_bytes += edition.bytes / 1e6;
      latin_bare_seconds += edition.bytes / 1e6 / bare;
      latin_chain_seconds += edition.bytes / 1e6 / chain;
    }
  }
  std::printf("\nLatin-script editions: ICU %.1f MB/s, chain %.1f MB/s, ratio %.2f\n",
              latin_bytes / latin_bare_seconds, latin_bytes / latin_chain_seconds,
              latin_bare_seconds / latin_chain_seconds);
  return 0;
}
