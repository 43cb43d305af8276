// Rank-reversal probe (docs/robustness.md): re-evaluate the bid set without
// each losing bid and with one dominated bid added, and compare orders.
#include <algorithm>
#include <cassert>
#include <string>
#include <vector>

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
    Eigen::MatrixXd extended(n + 1, m);
    extended.topRows(n) = values;
    ReversalProbe probe;
    probe.kind = ReversalProbe::Kind::kAddedDominated;
    probe.added_values =
        DominatedBid(scorer, values, evaluation, options.dominated_stretch);
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
