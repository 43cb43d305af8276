// PROMETHEE II flows (Brans & Vincke 1985) without the O(m n^2) pairs.
//
// For a piecewise function, the leaving flow of a on criterion j is
//   sum_b P(x_a - x_b) = #{d > p} + sum over q < d <= p of the partial
// preference, where d = x_a - x_b: after sorting the column once, each part
// is a count or a sum of a contiguous run of sorted values, read from
// prefix sums after two binary searches. The entering flow is the same with
// d = x_b - x_a. O(m n log n).
//
// The Gaussian function: pairs beyond 6.45 s sqrt 2 have P = 1 exactly in
// double and are counted; the rest are either evaluated directly (a
// vectorised exponential over a contiguous run of the sorted column) or,
// when the column is dense relative to s, summed by a truncated Taylor
// expansion per block of the sorted column (a one-dimensional fast Gauss
// transform, Greengard & Strain 1991), O(m n b) for b blocks within reach.
// Both equal the pairwise definition within 1e-12 of the flows' range
// (tests/analysis/methods_test.cc, GaussianFlowsEqualPairwiseDefinition).
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
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

// Gaussian flows. With t = x / (s sqrt 2), P(a, b) = 1 - exp(-(t_a - t_b)^2)
// for t_a > t_b: in sorted order, bid i leaves with i - (sum over the bids
// below it of exp(-dt^2)) and enters with (n - 1 - i) - (the same over the
// bids above it). Equal values give exp(0) = 1 on their side and count 1:
// preference 0, as defined. Pairs further apart than kCutoff have
// exp(-dt^2) < 2^-54, so P is exactly 1 in double: they are counted.
constexpr double kCutoff = 6.45;  // exp(-41.6) = 8.6e-19

// exp(x) for x in [-kCutoff^2, 0]: x = n ln 2 + r with |r| <= ln 2 / 2
// (Cody-Waite, ln 2 in two parts), e^r by its Taylor polynomial to r^13
// (remainder below 2e-17), 2^n written into the exponent bits. Within
// 2.3e-16 relative of the C library's exp on that range (checked on a grid
// of 4.2 million points); branch-free, so the loop below vectorises.
inline double ExpNonPositive(double x) {
  constexpr double kLog2e = 1.4426950408889634;
  constexpr double kShift = 6755399441055744.0;  // 1.5 * 2^52: rounds to int
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  const double shifted = x * kLog2e + kShift;
  const double n = shifted - kShift;
  const double r = (x - n * kLn2Hi) - n * kLn2Lo;
  double p = 1.0 / 6227020800.0;  // 1/13!
  for (const double c :
       {1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
        1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0,
        1.0 / 6.0, 0.5, 1.0, 1.0}) {
    p = p * r + c;
  }
  const std::int64_t k = std::bit_cast<std::int64_t>(shifted) -
                         std::bit_cast<std::int64_t>(kShift);
  return p * std::bit_cast<double>((k + 1023) << 52);
}

// out[k] = 1 - exp(-(x - t[k])^2), t[k] within kCutoff of x. On x86-64 the
// loop is compiled twice, with AVX2 and FMA and for the baseline, and the
// CPU's features choose (the AVX2 loop is about three times faster).
inline void GaussianLoop(const double* t, double x, double* out,
                         Eigen::Index m) {
  for (Eigen::Index k = 0; k < m; ++k) {
    const double d = x - t[k];
    out[k] = 1.0 - ExpNonPositive(-d * d);
  }
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx2,fma"))) void GaussianLoopAvx2(const double* t,
                                                          double x, double* out,
                                                          Eigen::Index m) {
  for (Eigen::Index k = 0; k < m; ++k) {
    const double d = x - t[k];
    out[k] = 1.0 - ExpNonPositive(-d * d);
  }
}

void GaussianPreferences(const double* t, double x, double* out,
                         Eigen::Index m) {
  static const bool avx2 =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  if (avx2) {
    GaussianLoopAvx2(t, x, out, m);
  } else {
    GaussianLoop(t, x, out, m);
  }
}
#else
void GaussianPreferences(const double* t, double x, double* out,
                         Eigen::Index m) {
  GaussianLoop(t, x, out, m);
}
#endif

// Direct evaluation: per bid, the pairs with the bids below it within the
// cutoff, one vectorised loop over that contiguous run.
void GaussianDirect(const Eigen::ArrayXd& t, Eigen::ArrayXd* leaving,
                    Eigen::ArrayXd* entering) {
  const Eigen::Index n = t.size();
  Eigen::ArrayXd p(n);
  Eigen::ArrayXd full = Eigen::ArrayXd::Zero(n + 1);  // +1 on [0, lo)
  Eigen::Index lo = 0;
  for (Eigen::Index i = 1; i < n; ++i) {
    while (t[i] - t[lo] > kCutoff) ++lo;
    const Eigen::Index m = i - lo;
    GaussianPreferences(t.data() + lo, t[i], p.data(), m);
    (*leaving)[i] += static_cast<double>(lo) + p.head(m).sum();
    entering->segment(lo, m) += p.head(m);
    full[0] += 1;
    full[lo] -= 1;
  }
  double run = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    run += full[i];
    (*entering)[i] += run;
  }
}

// Blocked evaluation (a one-dimensional Gauss transform): the sorted column
// is cut into blocks at most 1 wide in t; for a block with centre c and
// members at t_j = c - e_j (|e_j| <= 1/2), and D = t_i - c,
//   sum_j exp(-(t_i - t_j)^2) = exp(-D^2) sum_k (-2D)^k M_k,
//   M_k = sum_j exp(-e_j^2) e_j^k / k!,
// truncated after kTerms terms: the error per pair is below
// max_D exp(-D^2 + |D|) |D|^kTerms / kTerms! < 1e-19. Prefix moments inside
// each block split the bid's own block into the bids below and above it.
// Alternating terms are at most e^|D| times the result's scale, so the
// rounding error stays within a few units in the last place of the count.
constexpr int kTerms = 30;

struct Blocks {
  std::vector<Eigen::Index> begin;  // block b is [begin[b], begin[b + 1])
  std::vector<double> centre;
  // moments[j * kTerms + k]: M_k over the members of j's block up to j.
  std::vector<double> moments;
  std::vector<Eigen::Index> block_of;
};

Blocks MakeBlocks(const Eigen::ArrayXd& t) {
  const Eigen::Index n = t.size();
  Blocks b;
  b.moments.assign(static_cast<std::size_t>(n) * kTerms, 0.0);
  b.block_of.resize(static_cast<std::size_t>(n));
  Eigen::Index a = 0;
  while (a < n) {
    Eigen::Index e = a + 1;
    while (e < n && t[e] - t[a] <= 1.0) ++e;
    const double c = 0.5 * (t[a] + t[e - 1]);
    const auto index = static_cast<Eigen::Index>(b.begin.size());
    b.begin.push_back(a);
    b.centre.push_back(c);
    for (Eigen::Index j = a; j < e; ++j) {
      b.block_of[static_cast<std::size_t>(j)] = index;
      const double d = c - t[j];
      double term = std::exp(-d * d);
      double* m = &b.moments[static_cast<std::size_t>(j) * kTerms];
      const double* prev = j > a ? m - kTerms : nullptr;
      for (int k = 0; k < kTerms; ++k) {
        m[k] = (prev != nullptr ? prev[k] : 0.0) + term;
        term *= d / (k + 1);
      }
    }
    a = e;
  }
  b.begin.push_back(n);
  return b;
}

// exp(-D^2) sum_k (-2D)^k m[k].
double Expansion(const double* m, double d) {
  const double w = -2 * d;
  double acc = m[kTerms - 1];
  for (int k = kTerms - 2; k >= 0; --k) acc = acc * w + m[k];
  return std::exp(-d * d) * acc;
}

void GaussianBlocked(const Eigen::ArrayXd& t, const Blocks& b,
                     Eigen::ArrayXd* leaving, Eigen::ArrayXd* entering) {
  const Eigen::Index n = t.size();
  const auto blocks = static_cast<Eigen::Index>(b.centre.size());
  auto total = [&b](Eigen::Index block) {
    return &b.moments[static_cast<std::size_t>(
                          b.begin[static_cast<std::size_t>(block) + 1] - 1) *
                      kTerms];
  };
  for (Eigen::Index i = 0; i < n; ++i) {
    const double x = t[i];
    const Eigen::Index own = b.block_of[static_cast<std::size_t>(i)];
    const auto o = static_cast<std::size_t>(own);
    const double* upto = &b.moments[static_cast<std::size_t>(i) * kTerms];
    const double whole = Expansion(total(own), x - b.centre[o]);
    const double mine = Expansion(upto, x - b.centre[o]);
    double below =
        i > b.begin[o] ? Expansion(upto - kTerms, x - b.centre[o]) : 0.0;
    double above = whole - mine;
    // Blocks below: nearest member t[begin[c + 1] - 1].
    for (Eigen::Index c = own - 1; c >= 0; --c) {
      const auto u = static_cast<std::size_t>(c);
      if (x - t[b.begin[u + 1] - 1] > kCutoff) break;
      below += Expansion(total(c), x - b.centre[u]);
    }
    for (Eigen::Index c = own + 1; c < blocks; ++c) {
      const auto u = static_cast<std::size_t>(c);
      if (t[b.begin[u]] - x > kCutoff) break;
      above += Expansion(total(c), x - b.centre[u]);
    }
    (*leaving)[i] += static_cast<double>(i) - below;
    (*entering)[i] += static_cast<double>(n - 1 - i) - above;
  }
}

void GaussianFlows(const Eigen::VectorXd& g, double share, double s,
                   PrometheeDetail* out) {
  const Eigen::Index n = g.size();
  std::vector<Eigen::Index> perm(static_cast<std::size_t>(n));
  std::iota(perm.begin(), perm.end(), Eigen::Index{0});
  std::stable_sort(
      perm.begin(), perm.end(),
      [&g](Eigen::Index a, Eigen::Index b) { return g[a] < g[b]; });
  const double scale = 1.0 / (s * std::sqrt(2.0));
  Eigen::ArrayXd t(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    t[i] = g[perm[static_cast<std::size_t>(i)]] * scale;
  }
  Eigen::ArrayXd leaving = Eigen::ArrayXd::Zero(n);
  Eigen::ArrayXd entering = Eigen::ArrayXd::Zero(n);
  // The blocked form pays when blocks hold many bids: a block costs about
  // what eight exponentials cost.
  Eigen::Index count = 0;
  for (Eigen::Index a = 0; a < n; ++count) {
    const double end = t[a] + 1.0;
    while (a < n && t[a] <= end) ++a;
  }
  if (n >= 64 && count * 8 <= n) {
    GaussianBlocked(t, MakeBlocks(t), &leaving, &entering);
  } else {
    GaussianDirect(t, &leaving, &entering);
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto a = perm[static_cast<std::size_t>(i)];
    out->positive[a] += share * leaving[i];
    out->negative[a] += share * entering[i];
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
      GaussianFlows(g, share, c.s, &out);
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
