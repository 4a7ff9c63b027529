// How learners' ratings nudge the ranking without burying unrated resources.
#pragma once

namespace agora::index {

/// A Bayesian average: every resource starts with kPriorVotes imaginary ratings of
/// kPriorStars, so one enthusiastic (or hostile) rating moves it only a little, and an
/// unrated resource sits exactly in the middle of the scale.
inline constexpr double kPriorStars = 3.0;
inline constexpr double kPriorVotes = 5.0;

/// The most a rating can add to a BM25 score (docs/ranking.md): a few percent of a
/// typical top score, enough to order near-equal matches, never enough to beat relevance.
inline constexpr double kRatingWeight = 1.0;

/// The average after adding the prior; `average` is ignored when `count` is 0.
inline double rating_with_prior(double average, double count) {
  return (kPriorStars * kPriorVotes + average * count) / (kPriorVotes + count);
}

/// The additive ranking boost, from 0 (many one-star ratings) to kRatingWeight (many
/// five-star ratings); kRatingWeight / 2 for an unrated resource.
inline double rating_boost(double average, double count) {
  return kRatingWeight * (rating_with_prior(average, count) - 1.0) / 4.0;
}

}  // namespace agora::index
