// Rank-reversal probe (engine/analysis/rank_reversal.cc): a hand-built
// reversal under lowest-ratio, the same bids under an absolute rule, a
// reversal from adding a dominated bid under linear-range, degenerate sets.
#include <gtest/gtest.h>

#include "circa/robustness.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::ParseCriteriaOk;
using circa_test::Rows;

// Price 50 (lowest-ratio), quality 50 (linear 0..10, so score = q / 10).
constexpr char kLowestRatio[] = R"(circa: 1
id: reversal
version: "1"
title: Reversal
criteria:
  - {id: price, type: price, weight: 50, scoring: {rule: lowest-ratio}}
  - {id: quality, type: quality, weight: 50, scoring: {rule: linear, worst: 0, best: 10}}
)";

// The same bids with price scored absolutely: linear from 200 (0) to 0 (1).
constexpr char kAbsolute[] = R"(circa: 1
id: reversal-absolute
version: "1"
title: No reversal
criteria:
  - {id: price, type: price, weight: 50, scoring: {rule: linear, worst: 200, best: 0}}
  - {id: quality, type: quality, weight: 50, scoring: {rule: linear, worst: 0, best: 10}}
)";

// Bids A, B, C as (price, quality). By hand, with C (P_min = 60):
//   A: 50 x 60/100 = 30   + 25   = 55
//   B: 50 x 60/125 = 24   + 32.5 = 56.5   <- winner
//   C: 50 x 60/60  = 50   +  0   = 50
// Without C (P_min = 100):
//   A: 50 x 100/100 = 50  + 25   = 75     <- winner
//   B: 50 x 100/125 = 40  + 32.5 = 72.5
// Withdrawing the losing bid C hands the contract from B to A.
const Eigen::MatrixXd kBids = Rows({{100, 5}, {125, 6.5}, {60, 0}});

TEST(RankReversalTest, WithdrawingALosingBidChangesTheWinnerUnderLowestRatio) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kLowestRatio));
  const Evaluation e = scorer.Evaluate(kBids);
  ASSERT_EQ(e.Winner(), 1);
  EXPECT_NEAR_TOL(e.totals[0], 55.0, kFloatNoise);
  EXPECT_NEAR_TOL(e.totals[1], 56.5, kFloatNoise);
  EXPECT_NEAR_TOL(e.totals[2], 50.0, kFloatNoise);

  const RankReversalResult r = ProbeRankReversal(scorer, kBids, e);
  EXPECT_TRUE(r.has_relative_rule);
  // Withdraw A, withdraw C, add one dominated bid.
  ASSERT_EQ(r.probes.size(), 3u);
  EXPECT_EQ(r.winner_changes, 1);
  EXPECT_EQ(r.order_changes, 1);

  const ReversalProbe& without_a = r.probes[0];
  EXPECT_EQ(without_a.removed_bid, 0);
  EXPECT_FALSE(without_a.winner_changed);
  EXPECT_TRUE(without_a.shifts.empty());

  const ReversalProbe& without_c = r.probes[1];
  EXPECT_EQ(without_c.kind, ReversalProbe::Kind::kRemoved);
  EXPECT_EQ(without_c.removed_bid, 2);
  EXPECT_TRUE(without_c.winner_changed);
  EXPECT_TRUE(without_c.order_changed);
  EXPECT_EQ(without_c.old_winner, 1);
  EXPECT_EQ(without_c.new_winner, 0);
  ASSERT_EQ(without_c.shifts.size(), 2u);
  EXPECT_EQ(without_c.shifts[0].bid, 1);  // B: first -> second
  EXPECT_NEAR_TOL(without_c.shifts[0].old_total, 56.5, kFloatNoise);
  EXPECT_NEAR_TOL(without_c.shifts[0].new_total, 72.5, kFloatNoise);
  EXPECT_EQ(without_c.shifts[0].old_position, 1);
  EXPECT_EQ(without_c.shifts[0].new_position, 2);
  EXPECT_EQ(without_c.shifts[1].bid, 0);  // A: second -> first
  EXPECT_NEAR_TOL(without_c.shifts[1].old_total, 55.0, kFloatNoise);
  EXPECT_NEAR_TOL(without_c.shifts[1].new_total, 75.0, kFloatNoise);
  EXPECT_EQ(without_c.shifts[1].old_position, 2);
  EXPECT_EQ(without_c.shifts[1].new_position, 1);

  // The dominated bid (worst price 125 pushed half the span 65 further, to
  // 157.5; quality 0, which may not cross 0) leaves P_min, and so every
  // score, unchanged.
  const ReversalProbe& added = r.probes[2];
  EXPECT_EQ(added.kind, ReversalProbe::Kind::kAddedDominated);
  ASSERT_EQ(added.added_values.size(), 2);
  EXPECT_DOUBLE_EQ(added.added_values[0], 157.5);
  EXPECT_DOUBLE_EQ(added.added_values[1], 0.0);
  EXPECT_FALSE(added.order_changed);
  EXPECT_NEAR_TOL(added.added_total, 50.0 * 60 / 157.5, kFloatNoise);
  EXPECT_EQ(r.explanation,
            "Ran 3 probes (each non-winning bid withdrawn, one dominated bid "
            "added): the winner changed in 1 probe, the order of the "
            "remaining bids in 1 probe.");
}

TEST(RankReversalTest, AbsoluteRuleCannotReverseAndIsNotProbed) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kAbsolute));
  const Evaluation e = scorer.Evaluate(kBids);
  // A: 25 + 25 = 50; B: 18.75 + 32.5 = 51.25; C: 35 + 0 = 35.
  ASSERT_EQ(e.Winner(), 1);
  const RankReversalResult r = ProbeRankReversal(scorer, kBids, e);
  EXPECT_FALSE(r.has_relative_rule);
  EXPECT_TRUE(r.probes.empty());
  EXPECT_EQ(r.winner_changes, 0);
  EXPECT_EQ(r.explanation,
            "No criterion uses a relative rule: each bid's score depends only "
            "on its own values, so adding or withdrawing a bid cannot change "
            "the order of the others. Nothing was probed.");
  // The claim holds: without C, B still wins (A 50, B 51.25).
  EXPECT_EQ(scorer.Evaluate(kBids.topRows(2)).Winner(), 1);
}

// Price 50 (linear-range, lower is better), quality 50 (linear 0..10).
constexpr char kLinearRange[] = R"(circa: 1
id: reversal-range
version: "1"
title: Range
criteria:
  - {id: price, type: price, weight: 50, scoring: {rule: linear-range, better: lower}}
  - {id: quality, type: quality, weight: 50, scoring: {rule: linear, worst: 0, best: 10}}
)";

TEST(RankReversalTest, AddingADominatedBidReversesUnderLinearRange) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kLinearRange));
  // A (100, 5): 50 + 25 = 75 wins; B (110, 9): 0 + 45 = 45.
  const Eigen::MatrixXd bids = Rows({{100, 5}, {110, 9}});
  const Evaluation e = scorer.Evaluate(bids);
  ASSERT_EQ(e.Winner(), 0);
  ReversalOptions options;
  options.remove_each_loser = false;
  options.dominated_stretch = 2;
  ASSERT_TRUE(options.IsValid());
  const RankReversalResult r = ProbeRankReversal(scorer, bids, e, options);
  ASSERT_EQ(r.probes.size(), 1u);
  const ReversalProbe& p = r.probes[0];
  // Dominated bid: price 110 + 2 x 10 = 130; quality 5 - 2 x 4 = -3, held
  // at 0. The price range becomes 100..130:
  //   A: 50 x 30/30 = 50    + 25 = 75
  //   B: 50 x 20/30 = 33.33 + 45 = 78.33  <- winner
  EXPECT_DOUBLE_EQ(p.added_values[0], 130.0);
  EXPECT_DOUBLE_EQ(p.added_values[1], 0.0);
  EXPECT_TRUE(p.winner_changed);
  EXPECT_EQ(p.new_winner, 1);
  ASSERT_EQ(p.shifts.size(), 2u);
  EXPECT_NEAR_TOL(p.shifts[0].new_total, 75.0, kFloatNoise);
  EXPECT_NEAR_TOL(p.shifts[1].old_total, 45.0, kFloatNoise);
  EXPECT_NEAR_TOL(p.shifts[1].new_total, 45.0 + 100.0 / 3, kFloatNoise);
}

TEST(RankReversalTest, OptionDefaultsAreValid) {
  EXPECT_TRUE(ReversalOptions{}.IsValid());
  ReversalOptions bad;
  bad.dominated_stretch = -1;
  EXPECT_FALSE(bad.IsValid());
}

// Five bids, P_min = 60: B 56.5, A 55, C 50, D 20, E 10 (order B A C D E).
// Above max_withdrawals the bids holding the lowest or highest price (the
// relative column) go first: C (lowest) and E (highest). Withdrawing any
// other bid changes no score, so two probes cover every possible reversal.
TEST(RankReversalTest, WithdrawalsAboveTheCapTakeTheExtremeHoldersFirst) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kLowestRatio));
  const Eigen::MatrixXd bids =
      Rows({{100, 5}, {125, 6.5}, {60, 0}, {200, 1}, {300, 0}});
  const Evaluation e = scorer.Evaluate(bids);
  ASSERT_EQ(e.Winner(), 1);
  ReversalOptions options;
  options.max_withdrawals = 2;
  const RankReversalResult r = ProbeRankReversal(scorer, bids, e, options);
  ASSERT_EQ(r.probes.size(), 3u);  // two withdrawals, the dominated bid
  EXPECT_EQ(r.probes[0].removed_bid, 2);
  EXPECT_TRUE(r.probes[0].winner_changed);  // without C, A wins
  EXPECT_EQ(r.probes[1].removed_bid, 4);
  EXPECT_FALSE(r.probes[1].order_changed);
  EXPECT_EQ(r.non_winning, 4);
  EXPECT_EQ(r.withdrawn, 2);
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.explanation,
            "Ran 3 probes (each non-winning bid withdrawn, one dominated bid "
            "added): the winner changed in 1 probe, the order of the "
            "remaining bids in 1 probe. Only 2 of the 4 non-winning bids "
            "were withdrawn (each withdrawal re-scores every bid; limit 2): "
            "those holding the lowest or highest value of a relative "
            "criterion, then the best-ranked. Withdrawing any other bid "
            "leaves every score, and so the order, unchanged.");
  // A cap below the extreme holders cannot vouch for the others.
  options.max_withdrawals = 1;
  const RankReversalResult one = ProbeRankReversal(scorer, bids, e, options);
  ASSERT_EQ(one.probes.size(), 2u);
  EXPECT_EQ(one.probes[0].removed_bid, 2);
  EXPECT_FALSE(one.complete);
  EXPECT_NE(one.explanation.find("The others were not probed, so a "
                                 "withdrawal that changes the winner may "
                                 "have been missed."),
            std::string::npos);
  // Without the cap every loser is withdrawn and nothing is said about it.
  const RankReversalResult all = ProbeRankReversal(scorer, bids, e);
  EXPECT_EQ(all.probes.size(), 5u);
  EXPECT_EQ(all.withdrawn, 4);
  EXPECT_TRUE(all.complete);
  EXPECT_EQ(all.explanation.find("Only"), std::string::npos);
  ReversalOptions bad;
  bad.max_withdrawals = 0;
  EXPECT_FALSE(bad.IsValid());
}

TEST(RankReversalTest, OneBidHasNothingToWithdraw) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kLowestRatio));
  const Eigen::MatrixXd bids = Rows({{100, 5}});
  const RankReversalResult r =
      ProbeRankReversal(scorer, bids, scorer.Evaluate(bids));
  ASSERT_EQ(r.probes.size(), 1u);  // the dominated bid only
  EXPECT_FALSE(r.probes[0].winner_changed);
  EXPECT_NE(r.explanation.find("With one bid there is no losing bid"),
            std::string::npos);
}

TEST(RankReversalTest, NoBidsIsExplained) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kLowestRatio));
  const Eigen::MatrixXd bids(0, 2);
  const RankReversalResult r =
      ProbeRankReversal(scorer, bids, scorer.Evaluate(bids));
  EXPECT_TRUE(r.probes.empty());
  EXPECT_EQ(r.explanation, "There are no bids, so there is nothing to probe.");
}

TEST(RankReversalTest, AllBidsTiedStayTied) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kLowestRatio));
  const Eigen::MatrixXd bids = Rows({{100, 5}, {100, 5}, {100, 5}});
  const Evaluation e = scorer.Evaluate(bids);
  const RankReversalResult r = ProbeRankReversal(scorer, bids, e);
  ASSERT_EQ(r.probes.size(), 3u);
  EXPECT_EQ(r.winner_changes, 0);
  EXPECT_EQ(r.order_changes, 0);
}

}  // namespace
}  // namespace circa
