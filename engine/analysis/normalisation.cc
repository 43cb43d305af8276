// Column normalisations and objective weights (entropy, CRITIC) on a
// decision matrix, column by column with Eigen array expressions.
#include <cmath>

#include "circa/aggregation.h"

namespace circa {
namespace {

// a / b, or 0 where b is 0 (a column without scale carries no information).
Eigen::ArrayXd SafeDivide(const Eigen::ArrayXd& a, double b) {
  if (b == 0 || !std::isfinite(b)) return Eigen::ArrayXd::Zero(a.size());
  return a / b;
}

Eigen::ArrayXd NormaliseColumn(const Eigen::ArrayXd& x, bool cost,
                               Normalisation normalisation) {
  switch (normalisation) {
    case Normalisation::kVector: {
      const Eigen::ArrayXd r = SafeDivide(x, x.matrix().norm());
      return cost ? (1.0 - r).eval() : r;
    }
    case Normalisation::kMinMax: {
      const double lo = x.minCoeff();
      const double hi = x.maxCoeff();
      return cost ? SafeDivide(hi - x, hi - lo) : SafeDivide(x - lo, hi - lo);
    }
    case Normalisation::kMax: {
      const Eigen::ArrayXd r = SafeDivide(x, x.maxCoeff());
      return cost ? (1.0 - r).eval() : r;
    }
    case Normalisation::kSum: {
      if (!cost) return SafeDivide(x, x.sum());
      // A value of 0 has no reciprocal: it scores 0 rather than infinity.
      const Eigen::ArrayXd inv = (x != 0).select(x.inverse(), 0.0);
      return SafeDivide(inv, inv.sum());
    }
    case Normalisation::kLinear: {
      if (!cost) return SafeDivide(x, x.maxCoeff());
      const double lo = x.minCoeff();
      return (x != 0).select(lo / x, 0.0);
    }
    case Normalisation::kNone:
      return cost ? (-x).eval() : x;
  }
  return x;
}

// Equal weights when nothing distinguishes the columns.
Eigen::VectorXd Shares(const Eigen::ArrayXd& raw) {
  const double total = raw.sum();
  if (!(total > 0)) {
    return Eigen::VectorXd::Constant(raw.size(),
                                     1.0 / static_cast<double>(raw.size()));
  }
  return (raw / total).matrix();
}

}  // namespace

Eigen::MatrixXd Normalise(const Eigen::MatrixXd& matrix,
                          const std::vector<bool>& cost,
                          Normalisation normalisation) {
  Eigen::MatrixXd out(matrix.rows(), matrix.cols());
  for (Eigen::Index j = 0; j < matrix.cols(); ++j) {
    out.col(j) =
        NormaliseColumn(matrix.col(j).array(),
                        cost[static_cast<std::size_t>(j)], normalisation)
            .matrix();
  }
  return out;
}

// Entropy weights: p_ij = |x_ij| / sum_i |x_ij|, E_j = -sum p ln p / ln m
// (0 ln 0 = 0), w_j = (1 - E_j) / sum (1 - E). A column of zeros has no
// diversity (E = 1); with one alternative every E is 1.
Eigen::VectorXd EntropyWeights(const Eigen::MatrixXd& matrix) {
  const Eigen::Index m = matrix.rows();
  Eigen::ArrayXd diversity = Eigen::ArrayXd::Zero(matrix.cols());
  if (m < 2) return Shares(diversity);
  const double log_m = std::log(static_cast<double>(m));
  for (Eigen::Index j = 0; j < matrix.cols(); ++j) {
    const Eigen::ArrayXd a = matrix.col(j).array().abs();
    const double total = a.sum();
    if (!(total > 0)) continue;
    const Eigen::ArrayXd p = a / total;
    const double e =
        -(p > 0).select(p * p.max(1e-300).log(), 0.0).sum() / log_m;
    diversity[j] = 1.0 - e;
  }
  return Shares(diversity.max(0.0));
}

// CRITIC: min-max normalisation with each column's sense, then
// C_j = sigma_j * sum_k (1 - r_jk) with r the Pearson correlation; weights
// C_j / sum C. A constant column has sigma 0 and correlation 0 with every
// other column. The standard deviation's divisor cancels in the shares.
Eigen::VectorXd CriticWeights(const Eigen::MatrixXd& matrix,
                              const std::vector<bool>& cost) {
  const Eigen::MatrixXd z = Normalise(matrix, cost, Normalisation::kMinMax);
  const Eigen::Index n = z.cols();
  if (z.rows() < 2) return Shares(Eigen::ArrayXd::Zero(n));
  const Eigen::MatrixXd centred = z.rowwise() - z.colwise().mean();
  const Eigen::ArrayXd sigma =
      (centred.colwise().squaredNorm().array() / static_cast<double>(z.rows()))
          .sqrt()
          .transpose();
  const Eigen::MatrixXd cov = centred.transpose() * centred;
  const Eigen::ArrayXd norm = cov.diagonal().array().sqrt();
  Eigen::ArrayXd c(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    double conflict = 0;
    for (Eigen::Index k = 0; k < n; ++k) {
      const double denominator = norm[j] * norm[k];
      const double r = denominator > 0 ? cov(j, k) / denominator : 0.0;
      conflict += 1.0 - r;
    }
    c[j] = sigma[j] * conflict;
  }
  return Shares(c);
}

}  // namespace circa
