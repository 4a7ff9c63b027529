// The ranking's weights that a server may tune without reindexing (docs/ranking.md).
#pragma once

namespace agora::index {

/// The defaults are the tuned ones, and the daemon's settings start from them. Field
/// weights are not here: they are fixed at index time.
struct RankingWeights {
  double bm25_k1 = 1.2;  ///< how fast repeated words stop adding to the score
  double bm25_b = 0.75;  ///< how much long documents are discounted
  /// Translations into languages other than the learner's count for less than the
  /// query's own words: they widen the net without pushing aside what was asked for.
  double other_translations = 0.5;
  bool operator==(const RankingWeights&) const = default;
};

}  // namespace agora::index
