// Runs an analyzer's chain and builds chains stage by stage.
#include "agora/analyzers/analyzer.hpp"

#include <algorithm>

#include "agora/analyzers/stages.hpp"
#include "word_stage_run.hpp"

namespace agora::analyzers {

Analyzer::Analyzer(std::string language, std::string display_name, std::string icu_locale)
    : language_(std::move(language)),
      display_name_(std::move(display_name)),
      segmenter_(std::move(icu_locale)) {}

TokenList Analyzer::analyze(std::string_view text, Purpose purpose) const {
  TokenList tokens = segmenter_.tokens(text, language_);
  for (const auto& stage : index_stages_) stage->apply(tokens, text);
  if (purpose == Purpose::query) {
    for (const auto& stage : query_only_stages_) stage->apply(tokens, text);
  }
  // A stage may empty a term (a word of nothing but tatweel); such tokens carry nothing.
  std::erase_if(tokens, [](const Token& token) { return token.term.empty(); });
  for (Token& token : tokens) {
    if (token.folded.empty()) token.folded = token.term;
    if (token.stem.empty()) token.stem = token.term;
  }
  return tokens;
}

std::string Analyzer::stem_word(std::string_view word) const {
  std::string stems;
  for (const Token& token : analyze(word)) {
    if (token.kind == TokenKind::part) continue;
    if (!stems.empty()) stems += ' ';
    stems += token.stem;
  }
  return stems;
}

std::vector<std::string> Analyzer::stage_names(Purpose purpose) const {
  std::vector<std::string> names{"icu_words(" + segmenter_.locale() + ")"};
  for (const auto& stage : index_stages_) stage->append_names(names);
  if (purpose == Purpose::query) {
    for (const auto& stage : query_only_stages_) stage->append_names(names);
  }
  return names;
}

AnalyzerBuilder::AnalyzerBuilder(std::string language, std::string display_name,
                                 std::string icu_locale)
    : analyzer_(new Analyzer(std::move(language), std::move(display_name), std::move(icu_locale))) {
}

AnalyzerBuilder& AnalyzerBuilder::then(std::unique_ptr<Stage> stage) {
  auto& stages = analyzer_->index_stages_;
  if (auto* per_token = dynamic_cast<TokenStage*>(stage.get())) {
    // Consecutive per-token stages share one memoised run.
    auto* run = stages.empty() ? nullptr : dynamic_cast<WordStageRun*>(stages.back().get());
    if (!run) {
      stages.push_back(std::make_unique<WordStageRun>());
      run = static_cast<WordStageRun*>(stages.back().get());
    }
    stage.release();
    run->add(std::unique_ptr<TokenStage>(per_token));
    return *this;
  }
  stages.push_back(std::move(stage));
  return *this;
}

AnalyzerBuilder& AnalyzerBuilder::then_stem_with(const std::string& algorithm) {
  analyzer_->stemmer_ = algorithm;
  return then(make_snowball_stemmer(algorithm));
}

AnalyzerBuilder& AnalyzerBuilder::then_at_query(std::unique_ptr<Stage> stage) {
  analyzer_->query_only_stages_.push_back(std::move(stage));
  return *this;
}

std::string format_tokens(const TokenList& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    out += std::to_string(token.position);
    out += '\t';
    out += token.term;
    out += '\t';
    out += token.stem;
    out += '\n';
  }
  return out;
}

}  // namespace agora::analyzers
