// Explanations (engine/explain/explain.cc) on the Negometrix example
// (DOMAIN.md §7 T1): every sentence checked against the hand computation
//   A: 40 + 30 + 20 + 70 x 8000/10000 (= 56) = 146
//   B: 32 + 20 + 22 + 70                     = 144
#include "circa/explain.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "circa/scorer.h"
#include "test_util.h"

namespace circa {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kT1[] = R"(circa: 1
id: negometrix-t1
version: "1"
title: Negometrix low-bid example
currency: USD
scale: 200
criteria:
  - {id: experience, name: Experience, type: quality, weight: 60,
     scoring: {rule: linear, worst: 0, best: 60}}
  - {id: qa, name: QA, type: quality, weight: 40,
     scoring: {rule: linear, worst: 0, best: 40}}
  - {id: time, name: Time, type: quality, weight: 30,
     scoring: {rule: linear, worst: 0, best: 30}}
  - {id: price, name: Price, type: price, weight: 70,
     scoring: {rule: lowest-ratio}}
)";

class ExplainTest : public ::testing::Test {
 protected:
  void Score(std::string_view csv) {
    bids_ = circa_test::ParseBidsOk(csv, set_);
    evaluation_ = scorer_.Evaluate(bids_);
    explanations_ = Explain(set_, scorer_, bids_, evaluation_);
  }

  const CriteriaSet set_ = circa_test::ParseCriteriaOk(kT1);
  const Scorer scorer_ = ::circa_test::CompileOk(set_);
  BidSet bids_;
  Evaluation evaluation_;
  std::vector<BidExplanation> explanations_;
};

TEST_F(ExplainTest, SummaryNamesRankTotalAndGap) {
  Score("bid,experience,qa,time,price\nA,40,30,20,10000\nB,32,20,22,8000\n");
  ASSERT_EQ(explanations_.size(), 2u);
  EXPECT_EQ(explanations_[0].summary,
            "Bid A ranks 1st of 2 with 146.00 of 200 points. It leads the next "
            "bid, B, by 2.00 points.");
  EXPECT_EQ(explanations_[1].summary,
            "Bid B ranks 2nd of 2 with 144.00 of 200 points. It is 2.00 points "
            "behind the winner, A (146.00).");
}

TEST_F(ExplainTest, VersusWinnerNamesPointsWonAndLost) {
  Score("bid,experience,qa,time,price\nA,40,30,20,10000\nB,32,20,22,8000\n");
  // B against A: price +14, time +2; QA -10, experience -8 (largest first).
  EXPECT_THAT(explanations_[1].versus_winner,
              ElementsAre("Against A it gains 14.00 on Price (8,000 USD "
                          "against 10,000 USD) and 2.00 on Time (22 against "
                          "20); it loses 10.00 on QA (20 against 30) and 8.00 "
                          "on Experience (32 against 40)."));
  // The winner is compared with the runner-up.
  EXPECT_THAT(explanations_[0].versus_winner,
              ElementsAre("Against B it gains 10.00 on QA (30 against 20) and "
                          "8.00 on Experience (40 against 32); it loses 14.00 "
                          "on Price (10,000 USD against 8,000 USD) and 2.00 on "
                          "Time (20 against 22)."));
}

TEST_F(ExplainTest, PerCriterionLineShowsValueFormulaPoints) {
  Score(
      "bid,supplier,experience,qa,time,price\n"
      "A,Acme,40,30,20,10000\nB,Bolt,32,20,22,8000\n");
  const std::vector<CriterionExplanation>& a = explanations_[0].criteria;
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].id, "experience");
  EXPECT_EQ(a[0].text,
            "Experience: 40; (40 - 0) / (60 - 0) = 0.6667 x 60.00 = 40.00 "
            "points");
  EXPECT_EQ(a[1].text,
            "QA: 30; (30 - 0) / (40 - 0) = 0.7500 x 40.00 = 30.00 points");
  EXPECT_EQ(a[3].id, "price");
  EXPECT_EQ(a[3].text,
            "Price: 10,000 USD; lowest 8,000 (B) / 10,000 = 0.8000 x 70.00 = "
            "56.00 points (relative)");
  EXPECT_EQ(explanations_[1].criteria[3].text,
            "Price: 8,000 USD; lowest 8,000 (B) / 8,000 = 1.0000 x 70.00 = "
            "70.00 points (relative)");
  // Absolute rules are not marked relative.
  EXPECT_THAT(a[0].text, Not(HasSubstr("relative")));
  // Suppliers appear next to the bid id in the summary.
  EXPECT_THAT(explanations_[0].summary, ::testing::StartsWith("Bid A (Acme) "));
  EXPECT_EQ(explanations_[0].relative_note,
            "Relative rules: Price (lowest-ratio). These scores are measured "
            "against the other bids, so they would change if another bid "
            "changed or were withdrawn, even though this bid did not.");
}

TEST_F(ExplainTest, AnchorsAreNamedWhenAValueIsAtOrBeyondThem) {
  Score("bid,experience,qa,time,price\nA,60,0,30,10000\n");
  const std::vector<CriterionExplanation>& a = explanations_[0].criteria;
  EXPECT_EQ(a[0].text,
            "Experience: 60; at or beyond the best anchor 60 = 1 x 60.00 = "
            "60.00 points");
  EXPECT_EQ(a[1].text,
            "QA: 0; at or beyond the worst anchor 0 = 0 x 40.00 = 0.00 points");
  // A single bid: no winner to compare with, no gap.
  EXPECT_EQ(explanations_[0].summary,
            "Bid A ranks 1st of 1 with 160.00 of 200 points.");
  EXPECT_TRUE(explanations_[0].versus_winner.empty());
}

TEST_F(ExplainTest, TiesAreSaidOutLoud) {
  // A: 40 + 30 + 20 + 70 = 160; B: 50 + 30 + 10 + 70 = 160; C below.
  Score(
      "bid,experience,qa,time,price\n"
      "A,40,30,20,100\nB,50,30,10,100\nC,0,0,0,200\n");
  EXPECT_EQ(explanations_[0].summary,
            "Bid A ranks 1st of 3 with 160.00 of 200 points. It is tied with B "
            "on the same total.");
  EXPECT_EQ(explanations_[1].summary,
            "Bid B ranks 1st of 3 with 160.00 of 200 points. It is tied with A "
            "on the same total.");
  EXPECT_THAT(explanations_[2].summary,
              HasSubstr("It is 125.00 points behind the winner, A (160.00)."));
}

TEST_F(ExplainTest, SameScoresEverywhere) {
  Score("bid,experience,qa,time,price\nA,1,1,1,100\nB,1,1,1,100\n");
  EXPECT_THAT(explanations_[1].versus_winner,
              ElementsAre("It scores the same as A on every criterion."));
}

// The sample tender, bid D: each rule shows its value the way a reader
// writes it (%, yes/no, scale descriptor, unit, currency).
TEST(ExplainSampleTest, ValuesAndFormulasPerRule) {
  const Result<CriteriaSet> set = LoadCriteriaFile(
      circa_test::SourcePath("samples/office-furniture/tender.yaml"));
  ASSERT_TRUE(set.ok());
  const Result<BidSet> bids = LoadBidsFile(
      circa_test::SourcePath("samples/office-furniture/bids.csv"), *set.value);
  ASSERT_TRUE(bids.ok());
  const Scorer scorer = ::circa_test::CompileOk(*set.value);
  const Evaluation e = scorer.Evaluate(*bids.value);
  const std::vector<BidExplanation> x =
      Explain(*set.value, scorer, *bids.value, e);
  ASSERT_EQ(x.size(), 5u);
  std::vector<std::string> d;
  for (const CriterionExplanation& c : x[3].criteria) d.push_back(c.text);
  // D: 151000 EUR (lowest), 5 %, no take-back, 2 years, weak plan.
  EXPECT_THAT(
      d, ElementsAre("Price: 151,000 EUR; lowest 151,000 (D) / 151,000 = "
                     "1.0000 x 40.00 = 40.00 points (relative)",
                     "Recycled content: 5%; (5 - 0) / (60 - 0) = 0.0833 x "
                     "15.00 = 1.25 points",
                     "Take-back at end of use: no; no = 0.0000 x 10.00 = 0.00 "
                     "points",
                     "Warranty: 2 years; step table gives 0.0000 x 10.00 = "
                     "0.00 points",
                     "Circular service plan: weak (2.5); 2.5 / 10 = 0.2500 x "
                     "25.00 = 6.25 points"));
  // E wins (85.38); D is last with 47.50.
  EXPECT_EQ(x[3].summary,
            "Bid D (Budget Desk SRL) ranks 5th of 5 with 47.50 of 100 points. "
            "It is 37.88 points behind the winner, E (85.38).");
}

TEST(DescribeRuleTest, OneLinePerRule) {
  ScoringRule r;
  r.rule = Rule::kLowestRatio;
  EXPECT_EQ(DescribeRule(r, "EUR", ""),
            "lowest-ratio: score = lowest price / price");
  r.rule = Rule::kPercentOfLowest;
  EXPECT_EQ(DescribeRule(r, "EUR", ""),
            "percent-of-lowest: score = 1 - (price - lowest) / lowest, at "
            "least 0");
  r.rule = Rule::kLinearCeiling;
  r.ceiling = 1000;
  EXPECT_EQ(DescribeRule(r, "GBP", ""),
            "linear-ceiling: score = (ceiling - price) / (ceiling - lowest), "
            "ceiling 1,000 GBP, at least 0");
  r.rule = Rule::kLogarithmic;
  r.zero_at = 1.5;
  EXPECT_EQ(
      DescribeRule(r, "EUR", ""),
      "logarithmic: score = 1 - ln(price / lowest) / ln(1.5), at least 0");
  r.allow_negative = true;
  EXPECT_EQ(DescribeRule(r, "EUR", ""),
            "logarithmic: score = 1 - ln(price / lowest) / ln(1.5)");
  r.rule = Rule::kLinear;
  r.worst = 200;
  r.best = 60;
  EXPECT_EQ(DescribeRule(r, "EUR", "EUR"),
            "linear: 200 EUR scores 0, 60 EUR scores 1, straight line between");
  r.rule = Rule::kLinearRange;
  r.better = Direction::kLowerIsBetter;
  EXPECT_EQ(DescribeRule(r, "EUR", ""),
            "linear-range: score = (highest - value) / (highest - lowest)");
  r.rule = Rule::kRatioToBest;
  r.better = Direction::kHigherIsBetter;
  EXPECT_EQ(DescribeRule(r, "EUR", ""),
            "ratio-to-best: score = value / highest value");
  r.rule = Rule::kSteps;
  r.steps = {{2, 0}, {5, 0.5}, {10, 1}};
  EXPECT_EQ(DescribeRule(r, "EUR", "years"),
            "steps: >= 2 years -> 0, >= 5 years -> 0.5, >= 10 years -> 1, "
            "below the first step 0");
  r.rule = Rule::kYesNo;
  EXPECT_EQ(DescribeRule(r, "EUR", ""), "yes-no: yes scores 1, no scores 0");
  r.rule = Rule::kScale;
  r.levels = {{0, "unacceptable", {}}, {2.5, "weak", {}}, {5, "good", {}}};
  EXPECT_EQ(DescribeRule(r, "EUR", ""),
            "scale: level / 5 (0 unacceptable, 2.5 weak, 5 good)");
}

}  // namespace
}  // namespace circa
