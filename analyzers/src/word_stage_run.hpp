// Consecutive per-token stages fused into one stage whose results are memoised per word.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "agora/analyzers/stage.hpp"

namespace agora::analyzers {

/// Runs its per-token stages in order on each token. Their output depends only on the
/// token's text and kind, and word frequencies follow Zipf's law, so each thread keeps a
/// bounded memo from (kind, raw text) to (term, folded, stem) and most tokens of a page
/// cost one hash lookup instead of the whole run.
class WordStageRun final : public Stage {
 public:
  WordStageRun();
  void add(std::unique_ptr<TokenStage> stage) { stages_.push_back(std::move(stage)); }

  std::string_view name() const override { return "word_stages"; }
  void append_names(std::vector<std::string>& names) const override;
  void apply(TokenList& tokens, std::string_view source) const override;

 private:
  std::vector<std::unique_ptr<TokenStage>> stages_;
  std::uint64_t id_;  ///< never reused, unlike an address, so a memo never outlives its run
};

}  // namespace agora::analyzers
