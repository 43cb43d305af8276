// Rank-reversal probe (docs/robustness.md): re-evaluate the bid set without
// each losing bid and with one dominated bid added, and compare orders.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>
#include <vector>

#include "circa/direction.h"
#include "circa/robustness.h"

namespace circa {
namespace {

// Compares the order of the bids both evaluations share. `to_original` maps
// a bid index of `after` to the original set (-1: the added bid); `removed`
// is the original index left out of `after` (-1: none).
void Compare(const Evaluation& before, const Evaluation& after,
             const std::vector<int>& to_original, int removed,
             ReversalProbe* probe) {
  std::vector<int> old_shared;
  old_shared.reserve(before.order.size());
  for (const int b : before.order) {
    if (b != removed) old_shared.push_back(b);
  }
  std::vector<int> new_shared;
  new_shared.reserve(after.order.size());
  for (const int b : after.order) {
    const int original = to_original[static_cast<std::size_t>(b)];
    if (original >= 0) new_shared.push_back(original);
  }
  assert(old_shared.size() == new_shared.size());
  probe->old_winner = before.Winner();
  const int new_first = after.Winner();
  probe->new_winner =
      new_first < 0 ? -1 : to_original[static_cast<std::size_t>(new_first)];
  probe->winner_changed = probe->new_winner != probe->old_winner;
  probe->order_changed = old_shared != new_shared;
  if (!probe->order_changed) return;
  // Original index -> index in `after`, for the new totals.
  std::vector<int> to_after(before.order.size(), -1);
  for (std::size_t i = 0; i < to_original.size(); ++i) {
    if (to_original[i] >= 0) {
      to_after[static_cast<std::size_t>(to_original[i])] = static_cast<int>(i);
    }
  }
  std::vector<int> new_position(before.order.size(), 0);
  for (std::size_t p = 0; p < new_shared.size(); ++p) {
    new_position[static_cast<std::size_t>(new_shared[p])] =
        static_cast<int>(p) + 1;
  }
  for (std::size_t p = 0; p < old_shared.size(); ++p) {
    const int bid = old_shared[p];
    const auto k = static_cast<std::size_t>(bid);
    if (new_position[k] == static_cast<int>(p) + 1) continue;
    probe->shifts.push_back({bid, before.totals[bid], after.totals[to_after[k]],
                             static_cast<int>(p) + 1, new_position[k]});
  }
}

// Per column, the value of the worst-scoring bid, pushed `stretch` x span
// further from the best-scoring bid's value (numeric columns only).
Eigen::VectorXd DominatedBid(const Scorer& scorer,
                             const Eigen::MatrixXd& values, const Evaluation& e,
                             double stretch) {
  const Eigen::Index m = values.cols();
  Eigen::VectorXd out(m);
  for (Eigen::Index j = 0; j < m; ++j) {
    Eigen::Index worst = 0;
    Eigen::Index best = 0;
    e.scores.col(j).minCoeff(&worst);
    e.scores.col(j).maxCoeff(&best);
    const double w = values(worst, j);
    const double b = values(best, j);
    double x = w;
    if (IsNumericInput(
            scorer.columns()[static_cast<std::size_t>(j)].rule.rule)) {
      x = w + stretch * (w - b);
      if ((w >= 0 && x < 0) || (w <= 0 && x > 0)) x = 0;
    }
    out[j] = x;
  }
  return out;
}

// Which existing bid wins once `added` joins `values`, and whether the
// added bid itself comes first.
struct Outcome {
  int winner = -1;  // first existing bid in the order, -1: none ranked
  bool added_wins = false;
};

Outcome WinnerWith(const Scorer& scorer, const Eigen::MatrixXd& values,
                   const Eigen::VectorXd& added) {
  const Eigen::Index n = values.rows();
  Eigen::MatrixXd extended(n + 1, values.cols());
  extended.topRows(n) = values;
  extended.row(n) = added.transpose();
  const Evaluation e = scorer.Evaluate(extended);
  Outcome o;
  bool first = true;
  for (const int b : e.order) {
    if (e.status[static_cast<std::size_t>(b)] != BidStatus::kRanked) break;
    if (b == n) {
      o.added_wins = first;
    } else {
      o.winner = b;
      break;
    }
    first = false;
  }
  return o;
}

bool Exact(const Scorer& scorer) {
  return !scorer.HasThresholds() && scorer.rounding().decimals < 0;
}

// Bisection between `keeps` (the winner holds) and `changes` (it does not)
// on a monotone parameter; returns the boundary on the changing side.
template <typename Changes>
double Bisect(double keeps, double changes, Changes changed) {
  for (int i = 0; i < 100; ++i) {
    const double tolerance = 1e-10 * std::max(1.0, std::abs(changes));
    if (std::abs(changes - keeps) <= tolerance) break;
    const double mid = 0.5 * (keeps + changes);
    (changed(mid) ? changes : keeps) = mid;
  }
  return changes;
}

DominatedSearch SearchDominated(const Scorer& scorer,
                                const Eigen::MatrixXd& values,
                                const Evaluation& e,
                                const ReversalOptions& options) {
  DominatedSearch d;
  d.old_winner = e.Winner();
  const Eigen::Index m = values.cols();
  std::vector<Eigen::Index> worst_rule;
  for (Eigen::Index j = 0; j < m; ++j) {
    if (scorer.columns()[static_cast<std::size_t>(j)].rule.rule ==
        Rule::kLinearRange) {
      worst_rule.push_back(j);
    }
  }
  d.searched = !worst_rule.empty() && d.old_winner >= 0;
  d.stretch = options.max_stretch;
  if (!d.searched) return d;
  const auto outcome = [&](double t) {
    return WinnerWith(scorer, values, DominatedBid(scorer, values, e, t));
  };
  const auto changed = [&](double t) {
    const Outcome o = outcome(t);
    return o.winner != d.old_winner && !o.added_wins;
  };
  const auto record = [&](double t, bool analytic) {
    d.found = true;
    d.analytic = analytic;
    d.stretch = t;
    d.values = DominatedBid(scorer, values, e, t);
    // Just beyond the boundary, where the new winner is ahead.
    for (const double eps : {1e-9, 1e-7, 1e-5, 1e-3}) {
      const Outcome o = outcome(t + eps * (1 + t) * (1 + t));
      if (o.winner != d.old_winner && !o.added_wins) {
        d.new_winner = o.winner;
        return true;
      }
    }
    d.found = false;
    return false;
  };
  // Closed form: totals T_i + L_i t / (1 + t).
  if (Exact(scorer)) {
    const auto w = static_cast<Eigen::Index>(d.old_winner);
    const auto lacking = [&](Eigen::Index i) {
      double l = 0;
      for (const Eigen::Index j : worst_rule) {
        l += scorer.weights()[j] * (1 - e.scores(i, j));
      }
      return l;
    };
    const double lw = lacking(w);
    double best_u = 1;
    for (Eigen::Index k = 0; k < values.rows(); ++k) {
      if (k == w ||
          e.status[static_cast<std::size_t>(k)] != BidStatus::kRanked) {
        continue;
      }
      const double lk = lacking(k);
      if (lk <= lw + kTieTolerance) continue;
      const double u = (e.totals[w] - e.totals[k]) / (lk - lw);
      if (u >= 0 && u < best_u) best_u = u;
    }
    if (best_u < 1) {
      const double t = best_u / (1 - best_u);
      if (t <= options.max_stretch && record(t, true)) return d;
    }
  }
  // Bounded scan: doubling from 1/1024 of a span up to max_stretch, then
  // bisection on the first stretch that changes the winner.
  double keeps = 0;
  for (double t = 1.0 / 1024;; t *= 2) {
    const double at = std::min(t, options.max_stretch);
    if (changed(at)) {
      record(Bisect(keeps, at, changed), false);
      return d;
    }
    keeps = at;
    if (at >= options.max_stretch) break;
  }
  d.stretch = options.max_stretch;
  return d;
}

CheaperBidSearch SearchCheaper(const Scorer& scorer,
                               const Eigen::MatrixXd& values,
                               const Evaluation& e) {
  CheaperBidSearch c;
  c.old_winner = e.Winner();
  const Eigen::Index m = values.cols();
  for (Eigen::Index j = 0; j < m && c.column < 0; ++j) {
    const Column& col = scorer.columns()[static_cast<std::size_t>(j)];
    const bool money =
        col.type == CriterionType::kPrice || col.type == CriterionType::kCost;
    if (money && col.relative && LowerIsBetter(col.rule)) {
      c.column = static_cast<int>(j);
    }
  }
  if (c.column < 0 || c.old_winner < 0) return c;
  c.searched = true;
  const auto j = static_cast<Eigen::Index>(c.column);
  c.lowest = e.column_min[j];
  // The new bid's other values: the worst of each column among the bids
  // still in; with minimum scores or max-pass, those of the weakest bid
  // still in (the lowest points outside the column), which passed them.
  Eigen::VectorXd outside = Eigen::VectorXd::Ones(m);
  outside[j] = 0;
  Eigen::VectorXd bid = values.row(0).transpose();
  if (scorer.HasThresholds()) {
    double weakest = 0;
    for (const int b : e.order) {
      if (e.status[static_cast<std::size_t>(b)] != BidStatus::kRanked) break;
      const double q = e.PointsOn(b, outside);
      if (c.like_bid < 0 || q <= weakest) {
        c.like_bid = b;
        weakest = q;
      }
    }
    if (c.like_bid >= 0) bid = values.row(c.like_bid).transpose();
  } else {
    for (Eigen::Index k = 0; k < m; ++k) {
      const bool lower =
          LowerIsBetter(scorer.columns()[static_cast<std::size_t>(k)].rule);
      bool any = false;
      for (Eigen::Index i = 0; i < values.rows(); ++i) {
        if (e.status[static_cast<std::size_t>(i)] != BidStatus::kRanked) {
          continue;
        }
        const double v = values(i, k);
        if (!any || (lower ? v > bid[k] : v < bid[k])) bid[k] = v;
        any = true;
      }
    }
  }
  if (c.lowest <= 0) return c;
  const auto outcome = [&](double p) {
    bid[j] = p;
    return WinnerWith(scorer, values, bid);
  };
  {
    // Its points outside the column (scored with the others).
    bid[j] = c.lowest;
    Eigen::MatrixXd extended(values.rows() + 1, m);
    extended.topRows(values.rows()) = values;
    extended.row(values.rows()) = bid.transpose();
    c.quality_points =
        scorer.Evaluate(extended).PointsOn(values.rows(), outside);
  }
  const auto changed = [&](double p) {
    const Outcome o = outcome(p);
    return o.winner != c.old_winner && !o.added_wins;
  };
  const auto record = [&](double p, bool analytic) {
    for (const double eps : {1e-9, 1e-7, 1e-5, 1e-3}) {
      const Outcome o = outcome(p * (1 - eps));
      if (o.winner != c.old_winner && !o.added_wins) {
        c.found = true;
        c.analytic = analytic;
        c.below = p;
        c.new_winner = o.winner;
        return true;
      }
    }
    return false;
  };
  if (outcome(c.lowest * (1 - 1e-9)).added_wins) {
    // Below the lowest value the new bid's own score no longer changes
    // (lowest-ratio and the others give it full points), so it wins at any
    // lower value too.
    c.new_bid_wins = true;
    return c;
  }
  const Column& col = scorer.columns()[static_cast<std::size_t>(j)];
  if (col.rule.rule == Rule::kLowestRatio && Exact(scorer)) {
    // Below P_min: total_i(p) = C_i + W p / P_i, C_i = T_i - W P_min / P_i.
    const double weight = scorer.weights()[j];
    const auto w = static_cast<Eigen::Index>(c.old_winner);
    const auto constant = [&](Eigen::Index i) {
      return e.totals[i] - weight * c.lowest / values(i, j);
    };
    double best = 0;
    for (Eigen::Index k = 0; k < values.rows(); ++k) {
      if (k == w ||
          e.status[static_cast<std::size_t>(k)] != BidStatus::kRanked) {
        continue;
      }
      const double d = weight * (1 / values(w, j) - 1 / values(k, j));
      const double gap = constant(k) - constant(w);
      if (d <= 0 || gap <= 0) continue;
      const double p = gap / d;
      if (p < c.lowest && p > best) best = p;
    }
    if (best > 0 && record(best, true)) return c;
  }
  // Bounded scan from the lowest value down in 64 steps, then bisection.
  double keeps = c.lowest;
  for (int k = 1; k < 64; ++k) {
    const double p = c.lowest * (1 - k / 64.0);
    if (changed(p)) {
      record(Bisect(keeps, p, changed), false);
      return c;
    }
    keeps = p;
  }
  return c;
}

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

RankReversalResult ProbeRankReversal(const Scorer& scorer,
                                     const Eigen::MatrixXd& values,
                                     const Evaluation& evaluation,
                                     const ReversalOptions& options) {
  assert(options.IsValid());
  assert(values.rows() == evaluation.totals.size());
  RankReversalResult r;
  for (const Column& c : scorer.columns()) {
    r.has_relative_rule = r.has_relative_rule || c.relative;
  }
  if (!r.has_relative_rule) {
    r.explanation =
        "No criterion uses a relative rule: each bid's score depends only on "
        "its own values, so adding or withdrawing a bid cannot change the "
        "order of the others. Nothing was probed.";
    return r;
  }
  const Eigen::Index n = values.rows();
  const Eigen::Index m = values.cols();
  if (n == 0) {
    r.explanation = "There are no bids, so there is nothing to probe.";
    return r;
  }
  const int winner = evaluation.Winner();
  r.non_winning = static_cast<int>(n) - (winner >= 0 ? 1 : 0);
  if (options.remove_each_loser && n > 1) {
    // The bids to withdraw, probed in input order: every non-winning bid,
    // or, above max_withdrawals, first each bid holding the lowest or
    // highest value of a relative column (the only withdrawals that can
    // change a score), then the best-ranked others.
    std::vector<Eigen::Index> withdraw;
    const auto take = [&](int b) {
      if (b < 0 || b == winner ||
          static_cast<int>(withdraw.size()) >= options.max_withdrawals ||
          std::find(withdraw.begin(), withdraw.end(), b) != withdraw.end()) {
        return false;
      }
      withdraw.push_back(b);
      return true;
    };
    if (r.non_winning > options.max_withdrawals) {
      bool holders = true;
      for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
        if (!scorer.columns()[j].relative) continue;
        for (const std::vector<int>* at :
             {&evaluation.min_bid, &evaluation.max_bid}) {
          const int b = j < at->size() ? (*at)[j] : -1;
          if (b >= 0 && b != winner && !take(b) &&
              std::find(withdraw.begin(), withdraw.end(), b) ==
                  withdraw.end()) {
            holders = false;
          }
        }
      }
      // Max-pass and minimum scores decide which bids reach price and cost,
      // so any withdrawal may change the extremes there.
      r.complete = holders && !scorer.HasThresholds();
    }
    for (const int b : evaluation.order) take(b);
    std::sort(withdraw.begin(), withdraw.end());
    r.withdrawn = static_cast<int>(withdraw.size());
    Eigen::MatrixXd reduced(n - 1, m);
    std::vector<int> to_original(static_cast<std::size_t>(n - 1));
    for (const Eigen::Index b : withdraw) {
      reduced.topRows(b) = values.topRows(b);
      reduced.bottomRows(n - 1 - b) = values.bottomRows(n - 1 - b);
      for (Eigen::Index i = 0; i < n - 1; ++i) {
        to_original[static_cast<std::size_t>(i)] =
            static_cast<int>(i < b ? i : i + 1);
      }
      ReversalProbe probe;
      probe.kind = ReversalProbe::Kind::kRemoved;
      probe.removed_bid = static_cast<int>(b);
      Compare(evaluation, scorer.Evaluate(reduced), to_original,
              probe.removed_bid, &probe);
      r.probes.push_back(std::move(probe));
    }
  }
  if (options.add_dominated) {
    // The probe sits at dominated_stretch, or just beyond the smallest
    // stretch that changes the winner when the search finds one.
    double stretch = options.dominated_stretch;
    if (options.search_dominated) {
      r.dominated = SearchDominated(scorer, values, evaluation, options);
      if (r.dominated.found) {
        const double t = r.dominated.stretch;
        stretch = t + 1e-5 * (1 + t) * (1 + t);
        for (const double eps : {1e-9, 1e-7}) {
          const double near = t + eps * (1 + t) * (1 + t);
          if (WinnerWith(scorer, values,
                         DominatedBid(scorer, values, evaluation, near))
                  .winner == r.dominated.new_winner) {
            stretch = near;
            break;
          }
        }
      }
    }
    Eigen::MatrixXd extended(n + 1, m);
    extended.topRows(n) = values;
    ReversalProbe probe;
    probe.kind = ReversalProbe::Kind::kAddedDominated;
    probe.added_values = DominatedBid(scorer, values, evaluation, stretch);
    extended.row(n) = probe.added_values.transpose();
    std::vector<int> to_original(static_cast<std::size_t>(n + 1));
    for (Eigen::Index i = 0; i < n; ++i) {
      to_original[static_cast<std::size_t>(i)] = static_cast<int>(i);
    }
    to_original.back() = -1;
    const Evaluation after = scorer.Evaluate(extended);
    probe.added_total = after.totals[n];
    Compare(evaluation, after, to_original, -1, &probe);
    r.probes.push_back(std::move(probe));
  }
  if (options.probe_cheaper && n > 1) {
    r.cheaper = SearchCheaper(scorer, values, evaluation);
  }
  for (const ReversalProbe& p : r.probes) {
    r.winner_changes += p.winner_changed ? 1 : 0;
    r.order_changes += p.order_changed ? 1 : 0;
  }
  r.explanation = "Ran " +
                  Plural(static_cast<int>(r.probes.size()), "probe", "probes") +
                  " (each non-winning bid withdrawn, one dominated bid "
                  "added): the winner changed in " +
                  Plural(r.winner_changes, "probe", "probes") +
                  ", the order of the remaining bids in " +
                  Plural(r.order_changes, "probe", "probes") + ".";
  if (n == 1) {
    r.explanation += " With one bid there is no losing bid to withdraw.";
  }
  if (r.withdrawn < r.non_winning && options.remove_each_loser) {
    r.explanation +=
        " Only " + std::to_string(r.withdrawn) + " of the " +
        std::to_string(r.non_winning) +
        " non-winning bids were withdrawn (each withdrawal re-scores every "
        "bid; limit " +
        std::to_string(options.max_withdrawals) +
        "): those holding the lowest or highest value of a relative "
        "criterion, then the best-ranked. " +
        (r.complete ? "Withdrawing any other bid leaves every score, and so "
                      "the order, unchanged."
                    : "The others were not probed, so a withdrawal that "
                      "changes the winner may have been missed.");
  }
  return r;
}

}  // namespace circa
