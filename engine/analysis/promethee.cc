// PROMETHEE II flows (Brans & Vincke 1985) in O(m n log n) for the five
// piecewise preference functions and O(m n^2) for the Gaussian one.
//
// For a piecewise function, the leaving flow of a on criterion j is
//   sum_b P(x_a - x_b) = #{d > p} + sum over q < d <= p of the partial
// preference, where d = x_a - x_b: after sorting the column once, each part
// is a count or a sum of a contiguous run of sorted values, read from
// prefix sums after two binary searches. The entering flow is the same with
// d = x_b - x_a. The Gaussian function has no such form: its differences
// are evaluated pairwise, one Eigen array expression per bid.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/aggregation_internal.h"

namespace circa::analysis {
namespace {

struct Sorted {
  std::vector<double> y;       // ascending
  std::vector<double> prefix;  // prefix[k] = y[0] + ... + y[k - 1]

  explicit Sorted(const Eigen::VectorXd& g)
      : y(g.data(), g.data() + g.size()), prefix(y.size() + 1, 0.0) {
    std::sort(y.begin(), y.end());
    for (std::size_t k = 0; k < y.size(); ++k) prefix[k + 1] = prefix[k] + y[k];
  }
  // Number of values < t, and <= t.
  std::size_t Below(double t) const {
    return static_cast<std::size_t>(std::lower_bound(y.begin(), y.end(), t) -
                                    y.begin());
  }
  std::size_t AtMost(double t) const {
    return static_cast<std::size_t>(std::upper_bound(y.begin(), y.end(), t) -
                                    y.begin());
  }
  double Sum(std::size_t from, std::size_t to) const {
    return prefix[to] - prefix[from];
  }
};

// sum_b P(x - y_b) over y_b < x (leaving) from the sorted column. Every
// piecewise P(d) is 0 for d <= q, `inner(d)` for q < d <= p, 1 for d > p;
// d > t  <=>  y_b < x - t.
double Leaving(const Sorted& s, double x, const PreferenceCriterion& c) {
  switch (c.function) {
    case PreferenceFunction::kUsual:
      return static_cast<double>(s.Below(x));
    case PreferenceFunction::kUShape:
      return static_cast<double>(s.Below(x - c.q));
    case PreferenceFunction::kLevel: {
      const auto full = s.Below(x - c.p);
      const auto half = s.Below(x - c.q) - full;
      return static_cast<double>(full) + 0.5 * static_cast<double>(half);
    }
    case PreferenceFunction::kVShape:
    case PreferenceFunction::kLinear: {
      const double q = c.function == PreferenceFunction::kVShape ? 0.0 : c.q;
      const auto full = s.Below(x - c.p);
      const auto end = s.Below(x - q);
      const auto k = static_cast<double>(end - full);
      // sum of (x - y_b - q) / (p - q) over the run [full, end).
      return static_cast<double>(full) +
             ((x - q) * k - s.Sum(full, end)) / (c.p - q);
    }
    case PreferenceFunction::kGaussian:
      break;  // pairwise
  }
  return 0;
}

// sum_b P(y_b - x) over y_b > x (entering): d > t  <=>  y_b > x + t.
double Entering(const Sorted& s, double x, const PreferenceCriterion& c) {
  const std::size_t n = s.y.size();
  switch (c.function) {
    case PreferenceFunction::kUsual:
      return static_cast<double>(n - s.AtMost(x));
    case PreferenceFunction::kUShape:
      return static_cast<double>(n - s.AtMost(x + c.q));
    case PreferenceFunction::kLevel: {
      const auto full = n - s.AtMost(x + c.p);
      const auto half = (n - s.AtMost(x + c.q)) - full;
      return static_cast<double>(full) + 0.5 * static_cast<double>(half);
    }
    case PreferenceFunction::kVShape:
    case PreferenceFunction::kLinear: {
      const double q = c.function == PreferenceFunction::kVShape ? 0.0 : c.q;
      const auto begin = s.AtMost(x + q);
      const auto stop = s.AtMost(x + c.p);
      const auto k = static_cast<double>(stop - begin);
      return static_cast<double>(n - stop) +
             (s.Sum(begin, stop) - (x + q) * k) / (c.p - q);
    }
    case PreferenceFunction::kGaussian:
      break;
  }
  return 0;
}

// Gaussian flows: the column sorted once; bid k (in sorted order) prefers
// itself to the k bids before it, so one array expression over that prefix
// gives its leaving flow and adds to their entering flows: n(n-1)/2
// exponentials instead of n^2. Equal values give exp(0) = 1, preference 0.
void GaussianFlows(const Eigen::VectorXd& g, double share, double k,
                   PrometheeDetail* out) {
  const Eigen::Index n = g.size();
  std::vector<Eigen::Index> perm(static_cast<std::size_t>(n));
  std::iota(perm.begin(), perm.end(), Eigen::Index{0});
  std::stable_sort(
      perm.begin(), perm.end(),
      [&g](Eigen::Index a, Eigen::Index b) { return g[a] < g[b]; });
  Eigen::ArrayXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    y[i] = g[perm[static_cast<std::size_t>(i)]];
  }
  Eigen::ArrayXd entering = Eigen::ArrayXd::Zero(n);
  Eigen::ArrayXd p(n);
  for (Eigen::Index i = 1; i < n; ++i) {
    p.head(i) = 1.0 - (k * (y[i] - y.head(i)).square()).exp();
    out->positive[perm[static_cast<std::size_t>(i)]] += share * p.head(i).sum();
    entering.head(i) += share * p.head(i);
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    out->negative[perm[static_cast<std::size_t>(i)]] += entering[i];
  }
}

}  // namespace

double Preference(const PreferenceCriterion& c, double d) {
  switch (c.function) {
    case PreferenceFunction::kUsual:
      return d > 0 ? 1.0 : 0.0;
    case PreferenceFunction::kUShape:
      return d > c.q ? 1.0 : 0.0;
    case PreferenceFunction::kVShape:
      return d <= 0 ? 0.0 : d > c.p ? 1.0 : d / c.p;
    case PreferenceFunction::kLevel:
      return d <= c.q ? 0.0 : d > c.p ? 1.0 : 0.5;
    case PreferenceFunction::kLinear:
      return d <= c.q ? 0.0 : d > c.p ? 1.0 : (d - c.q) / (c.p - c.q);
    case PreferenceFunction::kGaussian:
      return d <= 0 ? 0.0 : 1.0 - std::exp(-d * d / (2 * c.s * c.s));
  }
  return 0;
}

PrometheeDetail Promethee(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                          const std::vector<bool>& cost,
                          const std::vector<PreferenceCriterion>& criteria) {
  const Eigen::Index n = x.rows();
  PrometheeDetail out;
  out.positive = Eigen::VectorXd::Zero(n);
  out.negative = Eigen::VectorXd::Zero(n);
  const double total = w.sum();
  if (n < 2 || !(total > 0)) {
    out.net = Eigen::VectorXd::Zero(n);
    return out;
  }
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const double share = w[j] / total;
    if (share == 0) continue;
    const PreferenceCriterion& c = criteria[static_cast<std::size_t>(j)];
    // Oriented so that more is better.
    const Eigen::VectorXd g =
        cost[static_cast<std::size_t>(j)] ? (-x.col(j)).eval() : x.col(j);
    if (c.function == PreferenceFunction::kGaussian) {
      GaussianFlows(g, share, -1.0 / (2 * c.s * c.s), &out);
      continue;
    }
    const Sorted sorted(g);
    for (Eigen::Index a = 0; a < n; ++a) {
      out.positive[a] += share * Leaving(sorted, g[a], c);
      out.negative[a] += share * Entering(sorted, g[a], c);
    }
  }
  const double scale = 1.0 / static_cast<double>(n - 1);
  out.positive *= scale;
  out.negative *= scale;
  out.net = out.positive - out.negative;
  return out;
}

}  // namespace circa::analysis
