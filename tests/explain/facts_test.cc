// Words for the evaluation's facts (engine/explain/{exclusion,
// abnormally_low,tie_break,notes}.cc): each fact built by hand, its
// sentence exact. Scoring and ranking store only the facts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "circa/circa.h"
#include "test_util.h"

namespace circa {
namespace {

constexpr const char* kSet = R"(circa: 1
id: words
version: "1"
title: Words
currency: EUR
rounding: {decimals: 1}
requirements:
  - id: wood
    name: Legal wood
    evidence: FSC or equivalent
    groups:
      - [{field: label, one-of: [FSC, PEFC]}]
      - [{field: recycled, min: 20}, {field: ref, pattern: "DOC-*"}]
abnormally-low: {rule: kb-2017-36, criterion: price, contract: works}
criteria:
  - {id: q, name: Quality, type: quality, weight: 60, min-score: 30,
     scoring: {rule: linear, worst: 0, best: 10}}
  - {id: price, name: Purchase price, type: price, weight: 40,
     scoring: {rule: lowest-ratio}}
)";

class FactWordsTest : public ::testing::Test {
 protected:
  FactWordsTest() : set_(circa_test::ParseCriteriaOk(kSet)) {
    words_.set = &set_;
    words_.ids = &ids_;
  }
  CriteriaSet set_;
  std::vector<std::string> ids_ = {"A", "B", "C"};
  FactContext words_;
};

TEST_F(FactWordsTest, ThresholdUsesTheSetsRoundingAndTheCriterionName) {
  Exclusion x;
  x.stage = ExclusionStage::kThreshold;
  x.rule = "q";
  x.points = 24.26;
  x.max_points = 60;
  x.min_points = 30;
  EXPECT_EQ(DescribeExclusion(x, words_),
            "scored 24.3 of 60 points on Quality, below the minimum of 30; "
            "excluded before price and cost were scored");
}

TEST_F(FactWordsTest, MaxPass) {
  Exclusion x;
  x.stage = ExclusionStage::kMaxPass;
  x.rule = "max-pass";
  x.place = 4;
  x.of = 5;
  x.points = 41.04;
  x.max_pass = 3;
  EXPECT_EQ(DescribeExclusion(x, words_),
            "placed 4 of 5 on quality with 41.0 points; only the best 3 go on "
            "to price and cost (max-pass)");
}

TEST_F(FactWordsTest, RequirementNamesEveryFailedConditionByOption) {
  const Requirement& wood = set_.requirements.front();
  ASSERT_EQ(wood.groups.size(), 2u);
  Exclusion x;
  x.stage = ExclusionStage::kRequirement;
  x.rule = "wood";
  x.failed.push_back({0, 0, wood.groups[0].conditions[0], "none", {}});
  x.failed.push_back({1, 0, wood.groups[1].conditions[0], "12", 12.0});
  x.failed.push_back({1, 1, wood.groups[1].conditions[1], "", {}});
  EXPECT_EQ(DescribeExclusion(x, words_),
            "does not meet requirement wood (Legal wood): option 1: label is "
            "\"none\", expected one of FSC, PEFC; option 2: recycled is "
            "\"12\", expected at least 20 and ref is empty, expected text "
            "matching DOC-*; accepted evidence: FSC or equivalent");
}

TEST_F(FactWordsTest, BelgianFlagGivesTheMeanAndTheLaw) {
  AbnormallyLowFlag f;
  f.rule = AbnormallyLowRule::Kind::kKb2017Art36;
  f.basis = AbnormallyLowBasis::kMeanWithoutHighest;
  f.price = 700;
  f.reference = 1000;
  f.below = 0.3;
  f.threshold = 15;
  f.count = 4;
  f.of = 5;
  EXPECT_EQ(DescribeAbnormallyLow(f, words_),
            "Purchase price EUR 700.00 is 30.00 % below the mean of the bids "
            "without the highest (5 bids, fewer than 7), EUR 1,000.00; at "
            "least 15 % below must be examined (Belgium, royal decree of 18 "
            "April 2017 (classic sectors) art. 36 § 4); a justification must "
            "be requested before the award (Directive 2014/24/EU art. 69); the "
            "bid keeps its rank");
  EXPECT_EQ(DescribeAbnormallyLow(AbnormallyLowFlag{}, words_), "");
}

TEST_F(FactWordsTest, TieStepShowsEachBidsKeyAsWritten) {
  TieBreakStepRecord step;
  step.rule = 1;
  step.step.kind = TieBreakStep::Kind::kEarlier;
  step.step.target = "submitted";
  step.keys.push_back({2, 1.0, "2026-03-01"});
  step.keys.push_back({0, std::nullopt, ""});
  EXPECT_EQ(DescribeTieStep(step, words_),
            "rule 2, earlier submitted: C 2026-03-01, A (no value)");
  step.step.kind = TieBreakStep::Kind::kLowerValue;
  step.step.target = "price";
  step.keys = {{1, 9500.0, ""}, {0, 10000.0, ""}};
  EXPECT_EQ(DescribeTieStep(step, words_),
            "rule 2, lower Purchase price: B EUR 9,500, A EUR 10,000");
  // A money award shows the value plain.
  FactContext plain = words_;
  plain.plain_tie_values = true;
  EXPECT_EQ(DescribeTieStep(step, plain),
            "rule 2, lower Purchase price: B 9,500, A 10,000");
}

TEST_F(FactWordsTest, RankReversalNamesTheChangeAndBothWinners) {
  Note n;
  n.kind = NoteKind::kRankReversal;
  n.reversal = ReversalChange::kRemoved;
  n.removed_bid = "C";
  n.old_winner = "A";
  n.new_winner = "B";
  EXPECT_EQ(DescribeNote(n, words_),
            "rank reversal: if bid C were withdrawn, B would win instead of "
            "A, although no other bid changed (relative rules; run circa "
            "analyze --reversal for the numbers)");
  n.reversal = ReversalChange::kAddedDominated;
  EXPECT_EQ(DescribeNote(n, words_),
            "rank reversal: if a bid worse than every other on every "
            "criterion were added, B would win instead of A, although no "
            "other bid changed (relative rules; run circa analyze --reversal "
            "for the numbers)");
}

TEST_F(FactWordsTest, NotesOfTheAbnormallyLowRules) {
  Note n;
  n.kind = NoteKind::kAbnormallyLowTooFewBids;
  n.column = 1;
  n.count = 3;
  EXPECT_EQ(DescribeNote(n, words_),
            "abnormally-low: Belgium, royal decree of 18 April 2017 (classic "
            "sectors) art. 36 § 4 needs at least 4 bids; 3 were ranked, so "
            "every price is examined (§ 1-3) and circa flags no bid");
  n.kind = NoteKind::kAbnormallyLowIndicative;
  n.share = 0.4;
  EXPECT_EQ(DescribeNote(n, words_),
            "abnormally-low: rglcap-85 (Spain, RGLCAP art. 85) is meant for "
            "price-only awards; here Purchase price carries 40.00 % of the "
            "points, so its flags are indicative only");
}

TEST_F(FactWordsTest, ColumnNoteNamesTheCriterionThroughTheScorer) {
  const Scorer scorer = ::circa_test::CompileOk(set_);
  FactContext words = words_;
  words.scorer = &scorer;
  Note n;
  n.kind = NoteKind::kNotReached;
  n.column = 1;
  EXPECT_EQ(DescribeNote(n, words),
            "price: no bid reached this stage; nothing was scored");
  n.kind = NoteKind::kMaxPassTie;
  n.column = -1;
  n.max_pass = 2;
  n.count = 3;
  EXPECT_EQ(DescribeNote(n, words),
            "max-pass 2: bids tied on quality at the cut all go on (3 bids)");
}

}  // namespace
}  // namespace circa
