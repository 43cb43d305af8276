// Weight sensitivity (docs/robustness.md): moving one weight x while the
// others keep their proportions makes every total linear in x, so the first
// winner change in each direction is the nearest root of a linear function.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "circa/robustness.h"
#include "util/number_format.h"

namespace circa {
namespace {

// Solves T_i(x) = x u_i + (S - x) v_i for the first x beyond x0 (upwards or
// downwards) at which a bid other than `winner` gets ahead.
WeightThreshold FirstCrossing(const Eigen::VectorXd& u,
                              const Eigen::VectorXd& v, double scale, double x0,
                              int winner, bool up) {
  WeightThreshold t;
  const double eps = 1e-12 * scale;
  const auto total = [&](Eigen::Index i, double x) {
    return x * u[i] + (scale - x) * v[i];
  };
  double best_x = 0;
  double best_slope = 0;
  int best = -1;
  for (Eigen::Index k = 0; k < u.size(); ++k) {
    if (k == winner) continue;
    // D_k(x) = T_k(x) - T_w(x) = D_k(x0) + slope (x - x0), D_k(x0) <= 0.
    const double slope = (u[k] - u[winner]) - (v[k] - v[winner]);
    if (up ? slope <= 1e-15 : slope >= -1e-15) continue;
    const double gap = total(k, x0) - total(winner, x0);
    const double x = x0 - std::min(gap, 0.0) / slope;
    // The winner must change strictly inside [0, scale].
    if (up ? x >= scale - eps : x <= eps) continue;
    const bool nearer = best < 0 || (up ? x < best_x - eps : x > best_x + eps);
    const bool same = best >= 0 && std::abs(x - best_x) <= eps;
    // Among bids crossing at the same point, the steepest leads just past
    // it (input order among equals).
    if (nearer || (same && std::abs(slope) > std::abs(best_slope))) {
      best_x = x;
      best_slope = slope;
      best = static_cast<int>(k);
    }
  }
  if (best < 0) return t;
  t.changes = true;
  t.weight = best_x;
  t.delta = best_x - x0;
  t.new_winner = best;
  t.total_at_crossing = total(winner, best_x);
  return t;
}

// "64.2", "60", "33.33": points with at most two decimals.
std::string Points(double x) { return util::FormatTrimmed(x, 2); }

// Whether the winner holds over the published range (see robustness.h),
// from the thresholds already found when the current weight lies inside it
// (the first change in each direction is the only one that can fall inside
// it), otherwise by checking both ends: every difference T_k - T_W is
// linear in the weight, so it is largest at an end.
void CheckPublishedRange(const Eigen::VectorXd& u, const Eigen::VectorXd& v,
                         double scale, int winner, WeightSensitivity* s) {
  const WeightRange& range = *s->published_range;
  const std::string name =
      "the published range " + Points(range.lo) + "\u2013" + Points(range.hi);
  if (!s->note.empty()) {
    s->range_explanation = name + " was not analysed: " + s->note;
    return;
  }
  const double eps = 1e-9 * scale;
  const double w = s->weight;
  if (w >= range.lo - eps && w <= range.hi + eps) {
    std::vector<std::string> changes;
    if (s->increase.changes && s->increase.weight < range.hi - eps) {
      changes.push_back(Points(s->increase.weight));
    }
    if (s->decrease.changes && s->decrease.weight > range.lo + eps) {
      changes.push_back(Points(s->decrease.weight));
    }
    s->robust_within_published_range = changes.empty();
    if (changes.empty()) {
      s->range_explanation = "robust within " + name;
    } else {
      s->range_explanation =
          "the winner changes at " + changes[0] +
          (changes.size() > 1 ? " and at " + changes[1] : "") + " within " +
          name;
    }
    return;
  }
  const auto total = [&](Eigen::Index i, double x) {
    return x * u[i] + (scale - x) * v[i];
  };
  bool ahead = false;
  for (Eigen::Index k = 0; k < u.size() && !ahead; ++k) {
    if (k == winner) continue;
    for (const double x : {range.lo, range.hi}) {
      if (total(k, x) - total(winner, x) > eps) ahead = true;
    }
  }
  s->robust_within_published_range = !ahead;
  s->range_explanation =
      (ahead ? "the winner changes within " : "robust within ") + name +
      " (the current weight " + Points(w) + " lies outside it)";
}

// Sensitivity of the weight carried by `columns`: the columns whose weights
// move together (one leaf, or every leaf below a top-level criterion); `full`:
// scores * weights. Work is n x |columns|, not n x all columns, so that 20,000
// flat criteria are analysed in linear time.
WeightSensitivity Analyse(const Eigen::MatrixXd& scores,
                          const Eigen::VectorXd& weights,
                          const Eigen::VectorXd& full, double scale,
                          const std::vector<Eigen::Index>& columns, int winner,
                          const std::optional<WeightRange>& range) {
  WeightSensitivity s;
  Eigen::VectorXd c = Eigen::VectorXd::Zero(scores.rows());
  s.weight = 0;
  for (const Eigen::Index j : columns) {
    s.weight += weights[j];
    c += scores.col(j) * weights[j];
  }
  const double outside = scale - s.weight;
  s.published_range = range;
  const Eigen::VectorXd rest = full - c;
  Eigen::VectorXd u;
  Eigen::VectorXd v;
  if (s.weight > 0) {
    u = c / s.weight;
  } else if (columns.size() == 1) {
    // A leaf at 0 points: its own score is what an increase adds.
    u = scores.col(columns.front());
  } else {
    s.note = "the group has 0 points, so its internal split is undefined";
  }
  if (s.note.empty() && outside <= 1e-12 * scale) {
    s.note =
        "it holds all the points: no other weight is left to rescale, so "
        "every weight change keeps the same order";
  }
  if (s.note.empty()) {
    v = rest / outside;
    s.increase = FirstCrossing(u, v, scale, s.weight, winner, true);
    s.decrease = FirstCrossing(u, v, scale, s.weight, winner, false);
  }
  if (range) CheckPublishedRange(u, v, scale, winner, &s);
  return s;
}

// "100", "1", "0.5": the scale as a reader wrote it.
std::string FormatScale(double scale) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", scale);
  return buf;
}

}  // namespace

SensitivityResult AnalyseWeightSensitivity(const Scorer& scorer,
                                           const Evaluation& evaluation) {
  SensitivityResult r;
  const Eigen::Index n = evaluation.scores.rows();
  const Eigen::Index m = scorer.size();
  assert(evaluation.scores.cols() == m);
  r.winner = evaluation.Winner();
  if (n < 2) {
    r.explanation = n == 0 ? "There are no bids, so there is no winner."
                           : "There is only one bid: no weight can change "
                             "the winner.";
    return r;
  }
  const double scale = scorer.scale();
  const Eigen::VectorXd& w = scorer.weights();
  int changing = 0;
  int ranges = 0;
  int robust_ranges = 0;
  // A top-level leaf's range is the leaf's own: counted once.
  const auto count = [&](const WeightSensitivity& s, bool same_as_leaf) {
    changing += (s.increase.changes || s.decrease.changes) ? 1 : 0;
    if (s.robust_within_published_range && !same_as_leaf) {
      ++ranges;
      robust_ranges += *s.robust_within_published_range ? 1 : 0;
    }
  };
  const Eigen::VectorXd full = evaluation.scores * w;
  for (Eigen::Index j = 0; j < m; ++j) {
    WeightSensitivity s =
        Analyse(evaluation.scores, w, full, scale, {j}, r.winner,
                scorer.columns()[static_cast<std::size_t>(j)].weight_range);
    s.kind = WeightSensitivity::Kind::kLeaf;
    s.index = static_cast<int>(j);
    s.id = scorer.columns()[static_cast<std::size_t>(j)].id;
    count(s, false);
    r.leaves.push_back(std::move(s));
  }
  // The columns below each top-level criterion, in one pass.
  std::vector<std::vector<Eigen::Index>> below(scorer.top_levels().size());
  for (Eigen::Index j = 0; j < m; ++j) {
    below[static_cast<std::size_t>(
              scorer.columns()[static_cast<std::size_t>(j)].top_level)]
        .push_back(j);
  }
  const auto g = static_cast<Eigen::Index>(scorer.top_levels().size());
  for (Eigen::Index t = 0; t < g; ++t) {
    const std::vector<Eigen::Index>& columns =
        below[static_cast<std::size_t>(t)];
    WeightSensitivity s =
        Analyse(evaluation.scores, w, full, scale, columns, r.winner,
                scorer.top_levels()[static_cast<std::size_t>(t)].weight_range);
    s.kind = WeightSensitivity::Kind::kGroup;
    s.index = static_cast<int>(t);
    s.id = scorer.top_levels()[static_cast<std::size_t>(t)].id;
    const bool leaf =
        columns.size() == 1 &&
        scorer.columns()[static_cast<std::size_t>(columns.front())].id == s.id;
    count(s, leaf);
    r.groups.push_back(std::move(s));
  }
  r.explanation = std::to_string(changing) + " of " +
                  std::to_string(r.leaves.size() + r.groups.size()) +
                  " weights (criteria and top-level groups) can change the "
                  "winner within [0, " +
                  FormatScale(scale) + "]";
  if (ranges > 0) {
    r.explanation += "; " + std::to_string(robust_ranges) + " of " +
                     std::to_string(ranges) +
                     " published weight ranges keep the winner over the "
                     "whole range (one weight moved at a time)";
  }
  if (evaluation.tied[static_cast<std::size_t>(r.winner)]) {
    r.explanation +=
        "; the winner is tied and leads only by input order, so a change in "
        "the right direction, however small, changes it";
  }
  r.explanation += ".";
  return r;
}

}  // namespace circa
