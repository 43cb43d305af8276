// Completion of incomplete pairwise comparison matrices: logarithmic least
// squares (Bozoki, Fulop & Ronyai 2010, sec. 4) and Harker (1987). Both
// give weights w from the judged pairs alone and complete a missing a(i, j)
// as w(i) / w(j).
#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <cassert>
#include <cmath>

#include "circa/ahp.h"

namespace circa {
namespace {

// LLSM: minimise the sum over judged pairs of (ln a_ij - y_i + y_j)^2. The
// normal equations are L y = r with L the Laplacian of the graph of judged
// pairs and r_i = sum over judged j of ln a_ij; L + 1 1^T is invertible for
// a connected graph and gives the solution with sum y = 0.
Eigen::VectorXd Llsm(const Eigen::MatrixXd& a) {
  const Eigen::Index n = a.rows();
  Eigen::MatrixXd l = Eigen::MatrixXd::Ones(n, n);
  Eigen::VectorXd r = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < n; ++j) {
      if (i == j || a(i, j) == 0) continue;
      l(i, i) += 1;
      l(i, j) -= 1;
      r[i] += std::log(a(i, j));
    }
  }
  const Eigen::VectorXd y = l.partialPivLu().solve(r);
  const Eigen::VectorXd w = y.array().exp().matrix();
  return w / w.sum();
}

// Harker: the missing cells are 0 and each diagonal cell is 1 plus the
// number of missing cells of its row; w is the Perron eigenvector.
Eigen::VectorXd Harker(const Eigen::MatrixXd& a) {
  const Eigen::Index n = a.rows();
  Eigen::MatrixXd b = a;
  for (Eigen::Index i = 0; i < n; ++i) {
    double missing = 0;
    for (Eigen::Index j = 0; j < n; ++j) {
      if (i != j && a(i, j) == 0) missing += 1;
    }
    b(i, i) = 1 + missing;
  }
  const Eigen::EigenSolver<Eigen::MatrixXd> solver(b, true);
  Eigen::Index best = 0;
  for (Eigen::Index k = 1; k < n; ++k) {
    if (solver.eigenvalues()[k].real() > solver.eigenvalues()[best].real()) {
      best = k;
    }
  }
  const Eigen::VectorXd v = solver.eigenvectors().col(best).real().cwiseAbs();
  return v / v.sum();
}

}  // namespace

Eigen::MatrixXd CompleteMatrix(const Eigen::MatrixXd& matrix,
                               const std::vector<std::pair<int, int>>& missing,
                               AhpCompletion completion) {
  assert(completion != AhpCompletion::kNone);
  Eigen::MatrixXd a = matrix;
  for (const auto& [i, j] : missing) {
    a(i, j) = 0;
    a(j, i) = 0;
  }
  const Eigen::VectorXd w =
      completion == AhpCompletion::kLlsm ? Llsm(a) : Harker(a);
  for (const auto& [i, j] : missing) {
    a(i, j) = w[i] / w[j];
    a(j, i) = w[j] / w[i];
  }
  return a;
}

}  // namespace circa
