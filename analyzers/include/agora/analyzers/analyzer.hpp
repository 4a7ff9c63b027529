// An analyzer: one segmenter plus the ordered stages that turn text into index or query terms.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "agora/analyzers/stage.hpp"
#include "agora/analyzers/token.hpp"
#include "agora/analyzers/word_segmenter.hpp"

namespace agora::analyzers {

/// Whether text is analysed for the index or as a learner's query.
enum class Purpose { index, query };

/// A complete, immutable analysis chain for one language. Safe to share between threads.
class Analyzer {
 public:
  /// Runs the chain for `purpose`. Every token has `term`, `folded` and `stem` set.
  TokenList analyze(std::string_view text, Purpose purpose = Purpose::index) const;

  /// Stems one word through the index chain: the stems of the word's tokens joined by
  /// spaces, or "" when the word holds no letters or digits.
  std::string stem_word(std::string_view word) const;

  /// The registry tag this analyzer was built for ("fr", "und" for the neutral one).
  const std::string& language() const { return language_; }
  /// English name of the language, for listings.
  const std::string& display_name() const { return display_name_; }
  /// The libstemmer algorithm of the chain ("french"), empty when it does not stem.
  const std::string& stemmer() const { return stemmer_; }
  /// Names of the stages in order, the segmenter first: what `--explain` prints.
  std::vector<std::string> stage_names(Purpose purpose) const;

 private:
  friend class AnalyzerBuilder;
  Analyzer(std::string language, std::string display_name, std::string icu_locale);

  std::string language_;
  std::string display_name_;
  WordSegmenter segmenter_;
  std::vector<std::unique_ptr<Stage>> index_stages_;
  std::vector<std::unique_ptr<Stage>> query_only_stages_;
  std::string stemmer_;
};

/// Assembles an Analyzer; the call order is the stage order.
class AnalyzerBuilder {
 public:
  AnalyzerBuilder(std::string language, std::string display_name, std::string icu_locale);

  /// Appends a stage used both at index and at query time.
  AnalyzerBuilder& then(std::unique_ptr<Stage> stage);
  /// Appends a stage used only for queries, after all shared stages.
  AnalyzerBuilder& then_at_query(std::unique_ptr<Stage> stage);
  /// Appends the Snowball stemmer for `algorithm` (a libstemmer name such as "french").
  AnalyzerBuilder& then_stem_with(const std::string& algorithm);
  /// Lets a stage be built from the chain so far (stopwords are normalised by it).
  const Analyzer& partial() const { return *analyzer_; }

  std::unique_ptr<Analyzer> build() { return std::move(analyzer_); }

 private:
  std::unique_ptr<Analyzer> analyzer_;
};

/// The `agora-index analyze` line format: "position<TAB>term<TAB>stem" per token.
std::string format_tokens(const TokenList& tokens);

}  // namespace agora::analyzers
