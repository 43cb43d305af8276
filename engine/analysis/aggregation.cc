// TOPSIS and weighted product on the score matrix, as whole-matrix Eigen
// expressions. Ranking reuses the engine's tie rule (rank/rank.h).
#include "circa/aggregation.h"

#include <array>
#include <cmath>
#include <utility>

#include "rank/rank.h"

namespace circa {
namespace {

constexpr std::array<std::pair<Aggregation, std::string_view>, 3> kNames{
    {{Aggregation::kWeightedSum, "weighted-sum"},
     {Aggregation::kTopsis, "topsis"},
     {Aggregation::kWeightedProduct, "weighted-product"}}};

// TOPSIS (Hwang & Yoon 1981) with vector normalisation. Every column is a
// benefit column: rule scores are higher-is-better by construction.
Eigen::VectorXd Topsis(const Eigen::MatrixXd& s, const Eigen::VectorXd& w) {
  const Eigen::ArrayXd norms = s.colwise().norm().transpose().array();
  // A column of zeros stays zero (no division by 0).
  const Eigen::ArrayXd inv = (norms > 0).select(norms.inverse(), 0.0);
  const Eigen::MatrixXd v = s * (inv * w.array()).matrix().asDiagonal();
  const Eigen::RowVectorXd ideal = v.colwise().maxCoeff();
  const Eigen::RowVectorXd anti = v.colwise().minCoeff();
  const Eigen::ArrayXd d_plus = (v.rowwise() - ideal).rowwise().norm().array();
  const Eigen::ArrayXd d_minus = (v.rowwise() - anti).rowwise().norm().array();
  const Eigen::ArrayXd sum = d_plus + d_minus;
  // Every bid equal on every criterion: all are ideal, closeness 1.
  return (sum > 0).select(d_minus / sum, 1.0).matrix();
}

// Weighted product: exp(sum w_j / W * ln s_ij); any score of 0 gives 0.
Eigen::VectorXd WeightedProduct(const Eigen::MatrixXd& s,
                                const Eigen::VectorXd& w) {
  const double total = w.sum();
  if (total <= 0) return Eigen::VectorXd::Zero(s.rows());
  const Eigen::VectorXd exponents = w / total;
  Eigen::VectorXd out(s.rows());
  for (Eigen::Index i = 0; i < s.rows(); ++i) {
    bool zero = false;
    double log_sum = 0;
    for (Eigen::Index j = 0; j < s.cols(); ++j) {
      if (exponents[j] == 0) continue;  // 0^0 = 1: a weightless criterion
      if (s(i, j) <= 0) {
        zero = true;
        break;
      }
      log_sum += exponents[j] * std::log(s(i, j));
    }
    out[i] = zero ? 0.0 : std::exp(log_sum);
  }
  return out;
}

}  // namespace

std::string_view ToString(Aggregation method) {
  for (const auto& [m, name] : kNames) {
    if (m == method) return name;
  }
  return "?";
}

std::optional<Aggregation> AggregationFromString(std::string_view text) {
  for (const auto& [m, name] : kNames) {
    if (name == text) return m;
  }
  return std::nullopt;
}

AggregationResult Aggregate(const Evaluation& evaluation, Aggregation method) {
  const Eigen::MatrixXd s = evaluation.scores.cwiseMax(0.0);
  Evaluation ranked;
  switch (method) {
    case Aggregation::kWeightedSum:
      ranked.totals = evaluation.scores * evaluation.weights;
      break;
    case Aggregation::kTopsis:
      ranked.totals =
          s.rows() > 0 ? Topsis(s, evaluation.weights) : Eigen::VectorXd();
      break;
    case Aggregation::kWeightedProduct:
      ranked.totals = WeightedProduct(s, evaluation.weights);
      break;
  }
  rank::Rank(&ranked);
  AggregationResult out;
  out.method = method;
  out.value = std::move(ranked.totals);
  out.rank = std::move(ranked.rank);
  out.tied = std::move(ranked.tied);
  out.order = std::move(ranked.order);
  return out;
}

}  // namespace circa
