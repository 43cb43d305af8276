// Counterfactuals (engine/analysis/counterfactual.cc): thresholds solved by
// hand, every change verified by re-scoring the whole bid set with the new
// value (the bid wins) and with a value just short of it (it does not), the
// "no single change" case and degenerate sets.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "circa/robustness.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::ParseCriteriaOk;
using circa_test::Rows;

// Price 50 (lowest-ratio), quality plan 30 (scale), certified 20 (yes-no).
constexpr char kSet[] = R"(circa: 1
id: debrief
version: "1"
title: Debrief
criteria:
  - {id: price, name: Price, type: price, weight: 50, scoring: {rule: lowest-ratio}}
  - {id: plan, name: Quality plan, type: quality, weight: 30, scoring: {rule: scale, levels: {0: poor, 5: good, 10: excellent}}}
  - {id: certified, name: Certified, type: quality, weight: 20, scoring: {rule: yes-no}}
)";

// By hand (P_min = 7000):
//   A (8000, excellent, yes): 43.75 + 30 + 20 = 93.75  <- winner
//   B (7000, good,      yes): 50    + 15 + 20 = 85
//   C (9000, poor,      no ): 38.89 +  0 +  0 = 38.89
//   E (7500, excellent, no ): 46.67 + 30 +  0 = 76.67
// B is already the cheapest: lowering its price only lowers A's price score,
// 50 P/8000 + 50 < 85 when P < 5600. A plan rated excellent gives B 100.
// E: below 7000 its price scores 50 (total 80) and A's falls to
// 50 P/8000 + 50 < 80 when P < 4800 (B's stays under 80); certified gives
// E 96.67. C gains at most 50 - 38.89 on price, 30 on the plan or 20 on the
// certificate: none closes its 54.86-point gap.
const Eigen::MatrixXd kBids =
    Rows({{8000, 10, 1}, {7000, 5, 1}, {9000, 0, 0}, {7500, 10, 0}});

CounterfactualOptions Names() {
  CounterfactualOptions o;
  o.bid_ids = {"A", "B", "C", "E"};
  return o;
}

// The value just short of `c`: not far enough in the improving direction.
double ShortOf(const Scorer& scorer, const SingleChange& c) {
  const ScoringRule& rule =
      scorer.columns()[static_cast<std::size_t>(c.column)].rule;
  if (rule.rule == Rule::kYesNo) return 0;
  if (rule.rule == Rule::kScale) {
    double below = c.current;
    for (const ScaleLevel& l : rule.levels) {
      if (l.value < c.value) below = std::max(below, l.value);
    }
    return below;
  }
  const double back = 1e-7 * std::max(1.0, std::abs(c.value));
  return c.lower_is_better ? c.value + back : c.value - back;
}

// Re-scores the whole set with each change and with a value short of it.
void VerifyAll(const Scorer& scorer, const Eigen::MatrixXd& values,
               const CounterfactualResult& r) {
  for (const Counterfactual& cf : r.bids) {
    for (const SingleChange& c : cf.changes) {
      SCOPED_TRACE(c.text);
      Eigen::MatrixXd changed = values;
      changed(cf.bid, c.column) = c.value;
      const Evaluation won = scorer.Evaluate(changed);
      EXPECT_EQ(won.Winner(), cf.bid);
      EXPECT_FALSE(won.tied[static_cast<std::size_t>(cf.bid)]);
      changed(cf.bid, c.column) = ShortOf(scorer, c);
      EXPECT_NE(scorer.Evaluate(changed).Winner(), cf.bid);
    }
  }
}

TEST(CounterfactualTest, DebriefSentencesMatchHandSolution) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kSet));
  const Evaluation e = scorer.Evaluate(kBids);
  ASSERT_EQ(e.Winner(), 0);
  EXPECT_NEAR_TOL(e.totals[0], 93.75, kFloatNoise);
  const CounterfactualResult r = FindCounterfactuals(scorer, kBids, e, Names());
  EXPECT_EQ(r.winner, 0);
  ASSERT_EQ(r.bids.size(), 3u);

  const Counterfactual& b = r.bids[0];
  EXPECT_EQ(b.bid, 1);
  ASSERT_EQ(b.changes.size(), 2u);
  EXPECT_EQ(b.changes[0].column, 0);
  EXPECT_TRUE(b.changes[0].continuous);
  EXPECT_TRUE(b.changes[0].lower_is_better);
  EXPECT_NEAR(b.changes[0].value, 5600, 1e-5);
  EXPECT_EQ(b.changes[1].column, 1);
  EXPECT_EQ(b.changes[1].value, 10);
  EXPECT_EQ(b.sentence,
            "Bid B would have won with Price below 5,600 EUR (now 7,000 EUR), "
            "or with Quality plan rated 'excellent' instead of 'good'.");

  const Counterfactual& c = r.bids[1];
  EXPECT_EQ(c.bid, 2);
  EXPECT_TRUE(c.changes.empty());
  EXPECT_EQ(c.sentence,
            "Bid C could not have won by changing any single criterion: it "
            "would need to improve on more than one.");

  const Counterfactual& ee = r.bids[2];
  EXPECT_EQ(ee.bid, 3);
  ASSERT_EQ(ee.changes.size(), 2u);
  EXPECT_NEAR(ee.changes[0].value, 4800, 1e-5);
  EXPECT_EQ(ee.sentence,
            "Bid E would have won with Price below 4,800 EUR (now 7,500 EUR), "
            "or with Certified 'yes' instead of 'no'.");
  EXPECT_EQ(r.explanation,
            "2 of 3 non-winning bids could have won by changing one value.");
  VerifyAll(scorer, kBids, r);
}

// Absolute and relative numeric rules, steps, and a non-price unit.
constexpr char kMixed[] = R"(circa: 1
id: mixed
version: "1"
title: Mixed
currency: SEK
criteria:
  - {id: cost, name: Cost, type: cost, weight: 30, scoring: {rule: linear-range, better: lower}}
  - {id: delivery, name: Delivery, unit: days, type: quality, weight: 20, scoring: {rule: linear, worst: 30, best: 5}}
  - {id: output, name: Output, unit: t/h, type: quality, weight: 25, scoring: {rule: ratio-to-best, better: higher}}
  - {id: warranty, name: Warranty, unit: years, type: quality, weight: 25, scoring: {rule: steps, better: higher, steps: [[2, 0.5], [5, 1]]}}
)";

// Order A 93.75, B 85, E 76.67, C 38.89: with max_bids 2 only B and E are
// looked at, and the explanation says that C was left out.
TEST(CounterfactualTest, CappedAtTheBestRankedLosers) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kSet));
  const Evaluation e = scorer.Evaluate(kBids);
  CounterfactualOptions options = Names();
  options.max_bids = 2;
  const CounterfactualResult r = FindCounterfactuals(scorer, kBids, e, options);
  ASSERT_EQ(r.bids.size(), 2u);
  EXPECT_EQ(r.bids[0].bid, 1);
  EXPECT_EQ(r.bids[1].bid, 3);
  EXPECT_EQ(r.non_winning, 3);
  EXPECT_EQ(r.explanation,
            "2 of 2 non-winning bids could have won by changing one value. "
            "Only the 2 best-ranked of the 3 non-winning bids were looked at "
            "(each search re-scores every bid; limit 2).");
  CounterfactualOptions bad;
  bad.max_bids = 0;
  EXPECT_FALSE(bad.IsValid());
}

TEST(CounterfactualTest, EveryRuleKindVerifiedByReScoring) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kMixed));
  std::srand(11);
  int found = 0;
  for (int trial = 0; trial < 30; ++trial) {
    Eigen::MatrixXd values(5, 4);
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
      values(i, 0) = 1000 + std::rand() % 1000;
      values(i, 1) = 5 + std::rand() % 26;
      values(i, 2) = 10 + std::rand() % 40;
      values(i, 3) = std::rand() % 7;
    }
    const Evaluation e = scorer.Evaluate(values);
    CounterfactualOptions options;
    options.currency = "SEK";
    const CounterfactualResult r =
        FindCounterfactuals(scorer, values, e, options);
    for (const Counterfactual& cf : r.bids) {
      found += static_cast<int>(cf.changes.size());
    }
    VerifyAll(scorer, values, r);
  }
  EXPECT_GT(found, 30);  // the data must exercise the searches
}

TEST(CounterfactualTest, RelativeRangeAndRatioSentences) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kMixed));
  // By hand (cost range 1000..1200, best output 40):
  //   P: cost 1000 (30) delivery 5 (20) output 40 (25) warranty 5 (25) = 100
  //   Q: cost 1200 (0)  delivery 10 (16) output 40 (25) warranty 2 (12.5)
  //      = 53.5
  //   R: cost 1000 (30) delivery 5 (20) output 40 (25) warranty 2 (12.5)
  //      = 87.5
  // Q below 1000: Q becomes the cheapest and the most expensive is 1000, so
  // P and R score 0 on cost: P 70, R 57.5, Q 83.5 wins (linear-range
  // measures against the others). R below x: P's cost score
  // 200 / (1200 - x) must give P < 87.5: x < 1200 - 6000 / 17.5 = 857.14.
  // R's output above y: P's output score 40 / y, 75 + 1000 / y < 87.5 when
  // y > 80. Five years of warranty only tie R with P (100): no change.
  const Eigen::MatrixXd values =
      Rows({{1000, 5, 40, 5}, {1200, 10, 40, 2}, {1000, 5, 40, 2}});
  const Evaluation e = scorer.Evaluate(values);
  ASSERT_EQ(e.Winner(), 0);
  CounterfactualOptions options;
  options.bid_ids = {"P", "Q", "R"};
  options.currency = "SEK";
  const CounterfactualResult r =
      FindCounterfactuals(scorer, values, e, options);
  ASSERT_EQ(r.bids.size(), 2u);
  ASSERT_EQ(r.bids[0].changes.size(), 1u);
  EXPECT_NEAR(r.bids[0].changes[0].value, 1000, 1e-5);
  EXPECT_LT(r.bids[0].changes[0].value, 1000);
  ASSERT_EQ(r.bids[1].changes.size(), 2u);
  EXPECT_NEAR(r.bids[1].changes[0].value, 1200 - 6000 / 17.5, 1e-5);
  EXPECT_NEAR(r.bids[1].changes[1].value, 80, 1e-5);
  EXPECT_EQ(r.bids[0].sentence,
            "Bid Q would have won with Cost below 1,000 SEK (now 1,200 SEK).");
  EXPECT_EQ(r.bids[1].sentence,
            "Bid R would have won with Cost below 857.14 SEK (now 1,000 SEK), "
            "or with Output above 80 t/h (now 40 t/h).");
  VerifyAll(scorer, values, r);
}

TEST(CounterfactualTest, StepThresholdSentence) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kMixed));
  // Both at cost 1000, delivery 5, output 40; P has 5 years of warranty
  // (25 + 75 = 100), S 1 year (0 + 75 = 75). S needs the top step: at least
  // 5 years would only tie; no step beats P. With P at 2 years (87.5) S
  // needs at least 5 years (100): the 2-year step would only tie.
  const Eigen::MatrixXd values = Rows({{1000, 5, 40, 2}, {1000, 5, 40, 1}});
  const Evaluation e = scorer.Evaluate(values);
  ASSERT_EQ(e.Winner(), 0);
  CounterfactualOptions options;
  options.bid_ids = {"P", "S"};
  const CounterfactualResult r =
      FindCounterfactuals(scorer, values, e, options);
  ASSERT_EQ(r.bids.size(), 1u);
  ASSERT_FALSE(r.bids[0].changes.empty());
  const SingleChange& last = r.bids[0].changes.back();
  EXPECT_EQ(last.column, 3);
  EXPECT_FALSE(last.continuous);
  EXPECT_EQ(last.value, 5);
  EXPECT_EQ(last.text, "Warranty at least 5 years (now 1 years)");
  VerifyAll(scorer, values, r);
}

TEST(CounterfactualTest, OneBidIsExplained) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kSet));
  const Eigen::MatrixXd bids = Rows({{8000, 10, 1}});
  const CounterfactualResult r =
      FindCounterfactuals(scorer, bids, scorer.Evaluate(bids));
  EXPECT_TRUE(r.bids.empty());
  EXPECT_EQ(r.explanation,
            "There is only one bid: it wins, and no other bid needs a "
            "counterfactual.");
}

TEST(CounterfactualTest, TiedBidsWinWithAnyImprovement) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kSet));
  const Eigen::MatrixXd bids = Rows({{8000, 5, 1}, {8000, 5, 1}});
  const Evaluation e = scorer.Evaluate(bids);
  const CounterfactualResult r = FindCounterfactuals(scorer, bids, e);
  ASSERT_EQ(r.bids.size(), 1u);
  EXPECT_EQ(r.bids[0].bid, 1);
  // Any price below 8000 or a better plan wins; the certificate is held.
  ASSERT_EQ(r.bids[0].changes.size(), 2u);
  EXPECT_NEAR(r.bids[0].changes[0].value, 8000, 1e-3);
  EXPECT_EQ(r.bids[0].sentence,
            "Bid 2 would have won with Price below 8,000 EUR (now 8,000 EUR), "
            "or with Quality plan rated 'excellent' instead of 'good'.");
  EXPECT_NE(r.explanation.find("The winner is tied"), std::string::npos);
  VerifyAll(scorer, bids, r);
}

TEST(CounterfactualTest, OptionDefaultsAreValid) {
  EXPECT_TRUE(CounterfactualOptions{}.IsValid());
  CounterfactualOptions bad;
  bad.relative_precision = 0;
  EXPECT_FALSE(bad.IsValid());
}

}  // namespace
}  // namespace circa
