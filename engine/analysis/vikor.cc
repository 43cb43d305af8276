// VIKOR (Opricovic 1998; Opricovic & Tzeng 2004): group utility S, regret R,
// the compromise index Q and the compromise solution with its two
// conditions.
#include <algorithm>
#include <numeric>

#include "analysis/aggregation_internal.h"

namespace circa::analysis {
namespace {

// Values closer than this count as equal (the engine's tie tolerance).
constexpr double kTie = 1e-9;

// (value - lo) / (hi - lo), or 0 for every bid when all are equal.
Eigen::ArrayXd Spread(const Eigen::ArrayXd& value) {
  const double lo = value.minCoeff();
  const double hi = value.maxCoeff();
  if (hi - lo <= 0) return Eigen::ArrayXd::Zero(value.size());
  return (value - lo) / (hi - lo);
}

}  // namespace

Eigen::VectorXd Vikor(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                      const std::vector<bool>& cost, double v,
                      VikorDetail* detail) {
  const Eigen::Index n = x.rows();
  const double total = w.sum();
  const Eigen::VectorXd share =
      total > 0 ? (w / total).eval() : Eigen::VectorXd::Zero(w.size());
  // Weighted regret per cell: w_j (f*_j - f_ij) / (f*_j - f-_j), with f*
  // the best and f- the worst value of the column (0 if all are equal).
  Eigen::MatrixXd regret(n, x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const auto col = x.col(j).array();
    const bool lower = cost[static_cast<std::size_t>(j)];
    const double best = lower ? col.minCoeff() : col.maxCoeff();
    const double worst = lower ? col.maxCoeff() : col.minCoeff();
    const double range = best - worst;
    regret.col(j) = range != 0
                        ? (share[j] * (best - col) / range).matrix().eval()
                        : Eigen::VectorXd::Zero(n);
  }
  detail->s = regret.rowwise().sum();
  detail->r = regret.rowwise().maxCoeff();
  detail->q =
      (v * Spread(detail->s.array()) + (1 - v) * Spread(detail->r.array()))
          .matrix();

  // Bids by Q, input order inside ties.
  std::vector<int> by_q(static_cast<std::size_t>(n));
  std::iota(by_q.begin(), by_q.end(), 0);
  std::stable_sort(by_q.begin(), by_q.end(), [&](int a, int b) {
    return detail->q[a] < detail->q[b] - kTie;
  });
  detail->compromise.clear();
  if (n == 0) return detail->q;
  const int first = by_q[0];
  detail->dq = n > 1 ? 1.0 / static_cast<double>(n - 1) : 0.0;
  detail->acceptable_advantage =
      n < 2 || detail->q[by_q[1]] - detail->q[first] >= detail->dq - kTie;
  detail->acceptable_stability =
      detail->s[first] <= detail->s.minCoeff() + kTie ||
      detail->r[first] <= detail->r.minCoeff() + kTie;
  if (!detail->acceptable_advantage) {
    for (const int b : by_q) {
      if (detail->q[b] - detail->q[first] < detail->dq - kTie) {
        detail->compromise.push_back(b);
      }
    }
  } else if (!detail->acceptable_stability) {
    detail->compromise = {first, by_q[1]};
  } else {
    detail->compromise = {first};
  }
  return detail->q;
}

}  // namespace circa::analysis
