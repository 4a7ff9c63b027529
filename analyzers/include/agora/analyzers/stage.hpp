// The interface every analysis stage implements, and a helper for per-token stages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "agora/analyzers/token.hpp"

namespace agora::analyzers {

/// One step of an analysis chain. Stages are immutable after construction and may be
/// shared by threads; a stage that needs per-thread state keeps it thread-local.
class Stage {
 public:
  virtual ~Stage() = default;
  /// Short name shown by `agora-index analyze --explain` and in error messages.
  virtual std::string_view name() const = 0;
  /// Rewrites, adds or removes tokens; `source` is the text the offsets point into.
  virtual void apply(TokenList& tokens, std::string_view source) const = 0;
  /// Appends the names this stage shows in a chain listing (more than one when it
  /// groups other stages).
  virtual void append_names(std::vector<std::string>& names) const { names.emplace_back(name()); }
};

/// A stage that rewrites each token on its own and never adds or removes one. Its result
/// must depend only on the token's text and kind: consecutive token stages are fused and
/// their results memoised per word (see AnalyzerBuilder::then).
class TokenStage : public Stage {
 public:
  void apply(TokenList& tokens, std::string_view source) const final {
    (void)source;
    for (Token& token : tokens) transform(token);
  }
  /// Rewrites one token in place.
  virtual void transform(Token& token) const = 0;
};

}  // namespace agora::analyzers
