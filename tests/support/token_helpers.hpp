// Helpers that keep stage tests short: run one stage over words, read back a field.
#pragma once

#include <string>
#include <vector>

#include "agora/analyzers/stage.hpp"
#include "agora/analyzers/word_segmenter.hpp"

namespace agora::test {

/// Segments `text` with the root locale, runs `stage`, and returns the tokens.
inline analyzers::TokenList run_stage(const analyzers::Stage& stage, const std::string& text) {
  analyzers::TokenList tokens = analyzers::WordSegmenter("").tokens(text, "test");
  stage.apply(tokens, text);
  return tokens;
}

/// Makes one token whose term is `term`, as if a segmenter had produced it.
inline analyzers::Token token_of(const std::string& term) {
  analyzers::Token token;
  token.term = term;
  token.end = term.size();
  token.script = analyzers::script_of(term);
  return token;
}

/// Applies a per-token stage to one term and returns the resulting term.
inline std::string transformed_term(const analyzers::Stage& stage, const std::string& term) {
  analyzers::TokenList tokens{token_of(term)};
  stage.apply(tokens, term);
  return tokens.at(0).term;
}

/// The `term` of each token, in order.
inline std::vector<std::string> terms(const analyzers::TokenList& tokens) {
  std::vector<std::string> out;
  for (const auto& token : tokens) out.push_back(token.term);
  return out;
}

}  // namespace agora::test
