// Alternative aggregation methods, for comparison only: the legal ranking is
// always the weighted sum of published points (Scorer::Evaluate). TOPSIS and
// the weighted product re-aggregate the same criterion scores and weights.
#ifndef CIRCA_AGGREGATION_H_
#define CIRCA_AGGREGATION_H_

#include <Eigen/Core>
#include <optional>
#include <string_view>
#include <vector>

#include "circa/evaluation.h"

namespace circa {

enum class Aggregation {
  kWeightedSum,      // sum of w_j * s_ij: the published method
  kTopsis,           // closeness to the ideal (Hwang & Yoon 1981)
  kWeightedProduct,  // prod s_ij ^ (w_j / sum w) (Bridgman 1922; Miller &
                     // Starr 1969)
};

std::string_view ToString(Aggregation method);
std::optional<Aggregation> AggregationFromString(std::string_view text);

struct AggregationResult {
  Aggregation method = Aggregation::kWeightedSum;
  // Per bid: weighted sum in points; TOPSIS closeness and weighted product
  // in [0, 1] (higher is better in every method).
  Eigen::VectorXd value;
  std::vector<int> rank;  // 1-based, ties share a rank
  std::vector<bool> tied;
  std::vector<int> order;  // best first, input order inside ties
};

// Re-aggregates an evaluation's scores (bids x criteria, in [0, 1]) with its
// weights. Scores below 0 (logarithmic with allow-negative) count as 0 for
// TOPSIS and the weighted product, which need non-negative values.
AggregationResult Aggregate(const Evaluation& evaluation, Aggregation method);

}  // namespace circa

#endif  // CIRCA_AGGREGATION_H_
