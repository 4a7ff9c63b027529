// Snowball's own vocabularies: every stemmer in our registry reproduces output.txt.
#include <catch2/catch.hpp>

#include <sstream>

#include "agora/analyzers/registry.hpp"
#include "agora/analyzers/stages.hpp"
#include "data_files.hpp"

using namespace agora::analyzers;

namespace {

struct Vocabulary {
  std::vector<std::string> words;
  std::vector<std::string> stems;
};

Vocabulary read_vocabulary(const std::string& algorithm) {
  const std::string dir = agora::test::snowball_data_dir() + "/" + algorithm;
  std::istringstream voc(agora::test::read_data_file(dir + "/voc.txt", "snowball-data"));
  std::istringstream output(agora::test::read_data_file(dir + "/output.txt", "snowball-data"));
  Vocabulary vocabulary;
  for (std::string word, stem; std::getline(voc, word) && std::getline(output, stem);) {
    vocabulary.words.push_back(word);
    vocabulary.stems.push_back(stem);
  }
  return vocabulary;
}

// True when the chain rewrote `word` before stemming it (case folding, apostrophes,
// Arabic cleanup, elision) or cut it in two: then a different stem is the chain
// doing its job, provided the stemmer agrees on the rewritten form.
bool explained_by_normalisation(const Analyzer& analyzer, const Stage& stemmer,
                                const std::string& word, const std::string& pipeline_stem) {
  const TokenList tokens = analyzer.analyze(word);
  std::string restemmed;
  bool rewritten = false;
  for (Token token : tokens) {
    if (token.kind == TokenKind::part) continue;
    rewritten = rewritten || token.term != word;
    TokenList single{token};
    stemmer.apply(single, token.term);
    if (!restemmed.empty()) restemmed += ' ';
    restemmed += single[0].stem.empty() ? token.term : single[0].stem;
  }
  return (rewritten || tokens.size() != 1) && restemmed == pipeline_stem;
}

}  // namespace

TEST_CASE("every registry stemmer reproduces Snowball's output.txt", "[conformance]") {
  const Registry registry;
  int languages = 0;
  for (const Analyzer* analyzer : registry.analyzers()) {
    if (analyzer->stemmer().empty()) continue;
    ++languages;
    DYNAMIC_SECTION(analyzer->language() << " (" << analyzer->stemmer() << ")") {
      const Vocabulary vocabulary = read_vocabulary(analyzer->stemmer());
      REQUIRE(vocabulary.words.size() > 100);
      const auto stemmer = make_snowball_stemmer(analyzer->stemmer());

      // 1. The stemming stage alone must agree with Snowball on every word.
      int stage_differences = 0;
      for (std::size_t i = 0; i < vocabulary.words.size(); ++i) {
        Token token;
        token.term = vocabulary.words[i];
        TokenList single{token};
        stemmer->apply(single, token.term);
        if (single[0].stem != vocabulary.stems[i]) {
          ++stage_differences;
          UNSCOPED_INFO(vocabulary.words[i] << ": expected " << vocabulary.stems[i] << ", got "
                                            << single[0].stem);
        }
      }
      CHECK(stage_differences == 0);

      // 2. The whole chain (`agora-index analyze --words`) may only differ where it
      //    normalised the word first: e.g. Greek final ς folds to σ, German ß to ss.
      //    And where Snowball stems a word to nothing (Turkish "leri", Greek "ίδια"), the
      //    chain keeps the word itself, so that it can still be found.
      int normalised = 0, kept_whole = 0, unexplained = 0;
      for (std::size_t i = 0; i < vocabulary.words.size(); ++i) {
        const std::string stem = analyzer->stem_word(vocabulary.words[i]);
        if (stem == vocabulary.stems[i]) continue;
        if (vocabulary.stems[i].empty() && stem == analyzer->analyze(vocabulary.words[i])[0].term) {
          ++kept_whole;
        } else if (explained_by_normalisation(*analyzer, *stemmer, vocabulary.words[i], stem)) {
          ++normalised;
        } else {
          ++unexplained;
          UNSCOPED_INFO("unexplained: " << vocabulary.words[i] << " → " << stem
                                        << " (Snowball: " << vocabulary.stems[i] << ")");
        }
      }
      WARN(analyzer->language() << ": " << vocabulary.words.size() << " words, " << normalised
                                << " differ because the chain normalised them first, " << kept_whole
                                << " that Snowball stems to nothing are kept whole");
      CHECK(unexplained == 0);
    }
  }
  CHECK(languages >= 28);
}
