// Weight sensitivity (engine/analysis/sensitivity.cc): a crossing solved by
// hand, and every reported threshold checked by re-ranking with the moved
// weights just before it (winner unchanged) and just past it (new winner);
// every "no change" checked over the whole direction.
#include <gtest/gtest.h>

#include <cstdlib>

#include "circa/robustness.h"
#include "rank/rank.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::ParseCriteriaOk;
using circa_test::Rows;

// The weights with `mask`'s weight moved to x and the others rescaled
// proportionally so that they still add up to the scale.
Eigen::VectorXd MovedWeights(const Scorer& scorer, const Eigen::VectorXd& mask,
                             double x) {
  const Eigen::VectorXd& w = scorer.weights();
  const Eigen::VectorXd inside = w.cwiseProduct(mask);
  const double in = inside.sum();
  const double out = scorer.scale() - in;
  Eigen::VectorXd moved = (w - inside) * ((scorer.scale() - x) / out);
  if (in > 0) {
    moved += inside * (x / in);
  } else {
    moved += mask * x;
  }
  return moved;
}

// The winner, ranked by the engine, when the weights are `weights`.
int WinnerWith(const Evaluation& e, const Eigen::VectorXd& weights) {
  Evaluation moved = e;
  moved.weights = weights;
  moved.totals = e.scores * weights;
  moved.notes.clear();
  rank::Rank(&moved);
  return moved.Winner();
}

// Checks one direction of one weight against re-ranking.
void CheckThreshold(const Scorer& scorer, const Evaluation& e,
                    const WeightSensitivity& s, const Eigen::VectorXd& mask,
                    const WeightThreshold& t, bool up) {
  SCOPED_TRACE(s.id + (up ? " up" : " down"));
  const double scale = scorer.scale();
  const double sign = up ? 1.0 : -1.0;
  const double step = 1e-6 * scale;
  if (t.changes) {
    EXPECT_NEAR(t.delta, t.weight - s.weight, 1e-12);
    EXPECT_EQ(WinnerWith(e, MovedWeights(scorer, mask, t.weight - sign * step)),
              e.Winner());
    EXPECT_EQ(WinnerWith(e, MovedWeights(scorer, mask, t.weight + sign * step)),
              t.new_winner);
    EXPECT_NE(t.new_winner, e.Winner());
  } else {
    // The open interval: exactly at 0 or scale a tie may be broken by
    // input order (documented in robustness.h).
    const double end = up ? scale : 0.0;
    for (int i = 1; i < 200; ++i) {
      const double x = s.weight + (end - s.weight) * i / 200.0;
      ASSERT_EQ(WinnerWith(e, MovedWeights(scorer, mask, x)), e.Winner())
          << "at weight " << x;
    }
  }
}

void CheckAll(const Scorer& scorer, const Evaluation& e,
              const SensitivityResult& r) {
  ASSERT_EQ(r.leaves.size(), static_cast<std::size_t>(scorer.size()));
  for (const WeightSensitivity& s : r.leaves) {
    const Eigen::VectorXd mask = Eigen::VectorXd::Unit(scorer.size(), s.index);
    CheckThreshold(scorer, e, s, mask, s.increase, true);
    CheckThreshold(scorer, e, s, mask, s.decrease, false);
    EXPECT_FALSE(s.robust_within_published_range.has_value());
  }
  for (const WeightSensitivity& s : r.groups) {
    const Eigen::VectorXd mask = scorer.TopLevelMask(s.index);
    CheckThreshold(scorer, e, s, mask, s.increase, true);
    CheckThreshold(scorer, e, s, mask, s.decrease, false);
  }
}

// Two leaves whose values are their scores (linear 0..1), 50 points each.
constexpr char kTwoLeaves[] = R"(circa: 1
id: two-leaves
version: "1"
title: Two leaves
criteria:
  - {id: a, type: quality, weight: 50, scoring: {rule: linear, worst: 0, best: 1}}
  - {id: b, type: quality, weight: 50, scoring: {rule: linear, worst: 0, best: 1}}
)";

TEST(WeightSensitivityTest, CrossingMatchesHandSolution) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kTwoLeaves));
  // P: (1, 0.5) -> 75; Q: (0.6, 1) -> 80, Q wins. With leaf a at x points:
  //   T_P(x) = x + 0.5 (100 - x) = 50 + 0.5 x
  //   T_Q(x) = 0.6 x + (100 - x) = 100 - 0.4 x
  // equal at x = 50 / 0.9 = 55.56: raising a past that hands the win to P;
  // lowering a only helps Q. Leaf b mirrors it at 100 - 55.56 = 44.44.
  const Eigen::MatrixXd values = Rows({{1, 0.5}, {0.6, 1}});
  const Evaluation e = scorer.Evaluate(values);
  ASSERT_EQ(e.Winner(), 1);
  const SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
  ASSERT_EQ(r.leaves.size(), 2u);
  const WeightSensitivity& a = r.leaves[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_TRUE(a.increase.changes);
  EXPECT_NEAR_TOL(a.increase.weight, 50.0 / 0.9, kFloatNoise);
  EXPECT_NEAR_TOL(a.increase.delta, 50.0 / 0.9 - 50, kFloatNoise);
  EXPECT_NEAR_TOL(a.increase.total_at_crossing, 50 + 25.0 / 0.9, kFloatNoise);
  EXPECT_EQ(a.increase.new_winner, 0);
  EXPECT_FALSE(a.decrease.changes);
  const WeightSensitivity& b = r.leaves[1];
  EXPECT_FALSE(b.increase.changes);
  EXPECT_TRUE(b.decrease.changes);
  EXPECT_NEAR_TOL(b.decrease.weight, 100 - 50.0 / 0.9, kFloatNoise);
  EXPECT_EQ(b.decrease.new_winner, 0);
  // Top-level criteria are the leaves themselves here.
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_NEAR_TOL(r.groups[0].increase.weight, 50.0 / 0.9, kFloatNoise);
  EXPECT_EQ(r.explanation,
            "4 of 4 weights (criteria and top-level groups) can change the "
            "winner within [0, 100].");
  CheckAll(scorer, e, r);
}

// Price 40 (lowest-ratio) and a quality group of 60: plan 35 (scale),
// delivery 25 (days, linear from 30 down to 5).
constexpr char kGrouped[] = R"(circa: 1
id: grouped
version: "1"
title: Grouped
criteria:
  - {id: price, type: price, weight: 40, scoring: {rule: lowest-ratio}}
  - id: quality
    type: quality
    weight: 60
    criteria:
      - {id: plan, weight: 35, scoring: {rule: scale, levels: {0: poor, 5: good, 10: excellent}}}
      - {id: delivery, weight: 25, scoring: {rule: linear, worst: 30, best: 5}}
)";

TEST(WeightSensitivityTest, EveryThresholdHoldsWhenReRanked) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kGrouped));
  const Eigen::MatrixXd values = Rows({{8000, 10, 20},
                                       {7000, 5, 10},
                                       {7600, 10, 25},
                                       {9500, 0, 5},
                                       {6500, 0, 28}});
  const Evaluation e = scorer.Evaluate(values);
  const SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
  EXPECT_EQ(r.winner, e.Winner());
  ASSERT_EQ(r.groups.size(), 2u);
  int changes = 0;
  for (const auto* list : {&r.leaves, &r.groups}) {
    for (const WeightSensitivity& s : *list) {
      changes += s.increase.changes + s.decrease.changes;
    }
  }
  EXPECT_GT(changes, 2);  // the data must exercise thresholds
  CheckAll(scorer, e, r);
}

TEST(WeightSensitivityTest, RandomSetsHoldWhenReRanked) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kGrouped));
  std::srand(7);
  for (int trial = 0; trial < 20; ++trial) {
    Eigen::MatrixXd values(6, 3);
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
      values(i, 0) = 5000 + std::rand() % 5000;
      values(i, 1) = 5.0 * (std::rand() % 3);
      values(i, 2) = 5 + std::rand() % 26;
    }
    const Evaluation e = scorer.Evaluate(values);
    CheckAll(scorer, e, AnalyseWeightSensitivity(scorer, e));
  }
}

TEST(WeightSensitivityTest, OneBidIsExplained) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kTwoLeaves));
  const SensitivityResult r =
      AnalyseWeightSensitivity(scorer, scorer.Evaluate(Rows({{1, 0}})));
  EXPECT_EQ(r.winner, 0);
  EXPECT_TRUE(r.leaves.empty());
  EXPECT_EQ(r.explanation,
            "There is only one bid: no weight can change the winner.");
}

TEST(WeightSensitivityTest, IdenticalBidsCannotBeSeparatedByWeights) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kTwoLeaves));
  const Evaluation e = scorer.Evaluate(Rows({{1, 0.5}, {1, 0.5}, {1, 0.5}}));
  const SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
  for (const WeightSensitivity& s : r.leaves) {
    EXPECT_FALSE(s.increase.changes);
    EXPECT_FALSE(s.decrease.changes);
  }
  EXPECT_EQ(r.explanation,
            "0 of 4 weights (criteria and top-level groups) can change the "
            "winner within [0, 100]; the winner is tied and leads only by "
            "input order, so a change in the right direction, however small, "
            "changes it.");
}

TEST(WeightSensitivityTest, TiedBidsWithDifferentProfilesSplitAtOnce) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kTwoLeaves));
  // Both total 50; bid 0 wins on input order. Raising a favours bid 0,
  // lowering it favours bid 1 at once (delta 0).
  const Evaluation e = scorer.Evaluate(Rows({{1, 0}, {0, 1}}));
  ASSERT_EQ(e.Winner(), 0);
  const SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
  EXPECT_FALSE(r.leaves[0].increase.changes);
  EXPECT_TRUE(r.leaves[0].decrease.changes);
  EXPECT_NEAR_TOL(r.leaves[0].decrease.delta, 0.0, kFloatNoise);
  EXPECT_EQ(r.leaves[0].decrease.new_winner, 1);
}

// ---------------------------------------------------------------------------
// Published weight ranges. The ranges are set on the criteria set in code
// (Criterion::effective_range, points), not read from a file.

// Re-ranks at 199 weights strictly inside [lo, hi]: whether the winner holds
// at all of them.
bool HoldsOver(const Scorer& scorer, const Evaluation& e,
               const Eigen::VectorXd& mask, const WeightRange& range) {
  for (int i = 1; i < 200; ++i) {
    const double x = range.lo + (range.hi - range.lo) * i / 200.0;
    if (WinnerWith(e, MovedWeights(scorer, mask, x)) != e.Winner()) {
      return false;
    }
  }
  return true;
}

TEST(WeightSensitivityRangeTest, RobustWhenTheCrossingLiesBeyondTheRange) {
  // kTwoLeaves with P (1, 0.5) and Q (0.6, 1): Q wins until leaf a passes
  // 50 / 0.9 = 55.56 points (CrossingMatchesHandSolution).
  CriteriaSet set = ParseCriteriaOk(kTwoLeaves);
  set.criteria[0].effective_range = WeightRange{40, 55};
  const Scorer scorer = ::circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(Rows({{1, 0.5}, {0.6, 1}}));
  const SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
  const WeightSensitivity& a = r.leaves[0];
  ASSERT_TRUE(a.published_range.has_value());
  EXPECT_EQ(a.published_range->lo, 40);
  ASSERT_TRUE(a.robust_within_published_range.has_value());
  EXPECT_TRUE(*a.robust_within_published_range);
  EXPECT_EQ(a.range_explanation,
            "robust within the published range 40\u201355");
  EXPECT_TRUE(HoldsOver(scorer, e, Eigen::VectorXd::Unit(2, 0), {40, 55}));
  // Leaf b has no range of its own.
  EXPECT_FALSE(r.leaves[1].published_range.has_value());
  EXPECT_FALSE(r.leaves[1].robust_within_published_range.has_value());
  EXPECT_EQ(r.leaves[1].range_explanation, "");
  // The top-level criterion a is the same criterion: same range, same answer.
  EXPECT_EQ(r.groups[0].robust_within_published_range, true);
  EXPECT_EQ(r.explanation,
            "4 of 4 weights (criteria and top-level groups) can change the "
            "winner within [0, 100]; 1 of 1 published weight ranges keep the "
            "winner over the whole range (one weight moved at a time).");
}

TEST(WeightSensitivityRangeTest, NotRobustNamesTheWeightWhereItChanges) {
  CriteriaSet set = ParseCriteriaOk(kTwoLeaves);
  set.criteria[0].effective_range = WeightRange{45, 60};
  set.criteria[1].effective_range = WeightRange{40, 55};
  const Scorer scorer = ::circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(Rows({{1, 0.5}, {0.6, 1}}));
  const SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
  const WeightSensitivity& a = r.leaves[0];
  EXPECT_EQ(a.robust_within_published_range, false);
  EXPECT_EQ(a.range_explanation,
            "the winner changes at 55.56 within the published range "
            "45\u201360");
  // Re-ranking: the winner holds up to the crossing and not just past it.
  const Eigen::VectorXd mask = Eigen::VectorXd::Unit(2, 0);
  EXPECT_FALSE(HoldsOver(scorer, e, mask, {45, 60}));
  EXPECT_TRUE(HoldsOver(scorer, e, mask, {45, a.increase.weight - 1e-6}));
  // Leaf b mirrors a: lowering b below 44.44 hands the win to P.
  const WeightSensitivity& b = r.leaves[1];
  EXPECT_EQ(b.robust_within_published_range, false);
  EXPECT_EQ(b.range_explanation,
            "the winner changes at 44.44 within the published range "
            "40\u201355");
  EXPECT_FALSE(HoldsOver(scorer, e, Eigen::VectorXd::Unit(2, 1), {40, 55}));
}

TEST(WeightSensitivityRangeTest, CrossingExactlyAtAnEndIsNotAChange) {
  // Lowering leaf a helps Q: no crossing downwards; upwards it crosses at
  // 55.56. A range ending exactly there is robust (a tie, not a change).
  CriteriaSet set = ParseCriteriaOk(kTwoLeaves);
  set.criteria[0].effective_range = WeightRange{0, 50.0 / 0.9};
  const Scorer scorer = ::circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(Rows({{1, 0.5}, {0.6, 1}}));
  EXPECT_EQ(AnalyseWeightSensitivity(scorer, e)
                .leaves[0]
                .robust_within_published_range,
            true);
}

TEST(WeightSensitivityRangeTest, GroupRangeIsCheckedOnTheGroupsWeight) {
  CriteriaSet set = ParseCriteriaOk(kGrouped);
  const Eigen::MatrixXd values = Rows({{8000, 10, 20},
                                       {7000, 5, 10},
                                       {7600, 10, 25},
                                       {9500, 0, 5},
                                       {6500, 0, 28}});
  // Two ranges around the quality group's 60 points: one the re-ranking
  // shows robust, one it does not; the library must agree with both.
  int robust = 0;
  for (const WeightRange range : {WeightRange{55, 65}, WeightRange{20, 95}}) {
    set.criteria[1].effective_range = range;
    const Scorer scorer = ::circa_test::CompileOk(set);
    const Evaluation e = scorer.Evaluate(values);
    const SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
    const WeightSensitivity& g = r.groups[1];
    ASSERT_TRUE(g.robust_within_published_range.has_value());
    const bool holds = HoldsOver(scorer, e, scorer.TopLevelMask(1), range);
    EXPECT_EQ(*g.robust_within_published_range, holds)
        << range.lo << "-" << range.hi << ": " << g.range_explanation;
    robust += holds ? 1 : 0;
    // The leaves inside the group have no range of their own.
    EXPECT_FALSE(r.leaves[1].robust_within_published_range.has_value());
  }
  EXPECT_EQ(robust, 1);  // the data must exercise both answers
}

TEST(WeightSensitivityRangeTest, RandomRangesAgreeWithReRanking) {
  CriteriaSet set = ParseCriteriaOk(kGrouped);
  std::srand(11);
  int robust = 0;
  int fragile = 0;
  for (int trial = 0; trial < 40; ++trial) {
    // Ranges around each leaf's and the group's current weight.
    const auto around = [](double w) {
      const double below = (std::rand() % 100) / 100.0 * w;
      const double above = (std::rand() % 100) / 100.0 * (100 - w);
      return WeightRange{w - below, w + above};
    };
    set.criteria[0].effective_range = around(40);
    set.criteria[1].effective_range = around(60);
    set.criteria[1].children[0].effective_range = around(35);
    set.criteria[1].children[1].effective_range = around(25);
    const Scorer scorer = ::circa_test::CompileOk(set);
    Eigen::MatrixXd values(6, 3);
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
      values(i, 0) = 5000 + std::rand() % 5000;
      values(i, 1) = 5.0 * (std::rand() % 3);
      values(i, 2) = 5 + std::rand() % 26;
    }
    const Evaluation e = scorer.Evaluate(values);
    const SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
    for (const WeightSensitivity& s : r.leaves) {
      SCOPED_TRACE(s.id + ": " + s.range_explanation);
      ASSERT_TRUE(s.robust_within_published_range.has_value());
      const Eigen::VectorXd mask = Eigen::VectorXd::Unit(3, s.index);
      if (*s.robust_within_published_range) {
        ++robust;
        EXPECT_TRUE(HoldsOver(scorer, e, mask, *s.published_range));
      } else {
        ++fragile;
        // The reported change lies inside the range, and just past it the
        // winner differs.
        const WeightThreshold& t =
            s.increase.changes && s.increase.weight < s.published_range->hi
                ? s.increase
                : s.decrease;
        ASSERT_TRUE(t.changes);
        EXPECT_GE(t.weight, s.published_range->lo);
        EXPECT_LE(t.weight, s.published_range->hi);
        const double past = t.weight + (&t == &s.increase ? 1e-6 : -1e-6);
        EXPECT_NE(WinnerWith(e, MovedWeights(scorer, mask, past)), e.Winner());
      }
    }
  }
  EXPECT_GT(robust, 5);
  EXPECT_GT(fragile, 5);
}

TEST(WeightSensitivityRangeTest, CurrentWeightOutsideTheRangeChecksItsEnds) {
  // Leaf a at 50 points, range 56-70: P is ahead over all of it.
  CriteriaSet set = ParseCriteriaOk(kTwoLeaves);
  set.criteria[0].effective_range = WeightRange{56, 70};
  set.criteria[1].effective_range = WeightRange{60, 80};
  const Scorer scorer = ::circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(Rows({{1, 0.5}, {0.6, 1}}));
  const SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
  EXPECT_EQ(r.leaves[0].robust_within_published_range, false);
  EXPECT_EQ(r.leaves[0].range_explanation,
            "the winner changes within the published range 56\u201370 (the "
            "current weight 50 lies outside it)");
  // Raising b only helps Q.
  EXPECT_EQ(r.leaves[1].robust_within_published_range, true);
  EXPECT_EQ(r.leaves[1].range_explanation,
            "robust within the published range 60\u201380 (the current "
            "weight 50 lies outside it)");
}

}  // namespace
}  // namespace circa
