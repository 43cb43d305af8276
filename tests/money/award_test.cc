// Money-based awards declared in a criteria set (engine/io/award_reader.cc,
// engine/money/award.cc): the `award:` block's messages, requirements
// before the money method, and the value-award sample's outcome (T3).
#include "circa/award.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "circa/evaluate.h"
#include "circa/load.h"
#include "circa/tender.h"
#include "explain/money_words.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::Messages;

std::vector<std::string> Problems(const std::string& yaml) {
  return Messages(ParseCriteria(yaml, "set.yaml").diagnostics);
}

constexpr const char* kHead = R"(circa: 1
id: x
version: "1"
title: X
)";

TEST(AwardReader, FictitiousPriceMessages) {
  EXPECT_EQ(
      Problems(std::string(kHead) + R"(award:
  method: fictitious-price
  price: quality_leaf
  decimals: 7
  criteria:
    - id: plan
      value: -5
      levels: {fully: 120, none: zero}
    - id: q
      levels-in: amount
      value: 3
      levels: {good: 100}
criteria:
  - {id: price, type: price}
  - {id: q, type: quality, weight: 10, scoring: {rule: yes-no}}
)"),
      (std::vector<std::string>{
          "set.yaml:11:14: award.criteria[0].value: expected the "
          "criterion's money value at 100 %, > 0, got \"-5\"",
          "set.yaml:12:34: award.criteria[0].levels.none: expected a "
          "percentage of the value (100 = all of it, negative = a malus), "
          "got \"zero\"",
          "set.yaml:12:23: award.criteria[0].levels.fully: expected at most "
          "100 (% of the value), got 120",
          "set.yaml:15:14: award.criteria[1].value: levels are amounts of "
          "money (levels-in: amount); remove value",
          "set.yaml:8:13: award.decimals: expected a whole number of "
          "decimals from 0 to 6, got \"7\"",
          "set.yaml:7:10: award.price: expected the id of a price or cost "
          "leaf criterion (the bid-file column holding each bid's price), "
          "got \"quality_leaf\"",
          "set.yaml:6:3: award: \"q\" is both a criterion of the set and a "
          "column of the award method; give the award's column another id",
      }));
}

TEST(AwardReader, UnknownMethodAndPointsRules) {
  EXPECT_EQ(Problems(std::string(kHead) + R"(max-pass: 2
award: {method: lowest-price, price: price}
criteria:
  - {id: price, type: price}
)"),
            (std::vector<std::string>{
                "set.yaml:6:17: award.method: unknown method "
                "\"lowest-price\"; expected fictitious-price, "
                "ladder-discount, environmental-cost or prozorro-features",
                "set.yaml:6:8: award: max-pass needs points; a set with "
                "award: ranks on money (remove it or the award block)",
                "set.yaml:8:5: max-pass: max-pass keeps the best bids on "
                "quality, but the set has no quality criterion",
            }));
  EXPECT_EQ(
      Problems(
          std::string(kHead) +
          R"(award: {method: ladder-discount, price: price, column: co2, levels: {"0": 0, "3": 100}, factor: 2}
tie-break: [{higher: price}]
criteria:
  - {id: price, type: price}
)"),
      (std::vector<std::string>{
          "set.yaml:5:89: award.factor: unknown key",
          "set.yaml:5:83: award.levels.3: expected a discount below 100 "
          "(%), got 100",
          "set.yaml:5:8: award: a {higher: ...} tie-break needs points; a "
          "set with award: ranks on money (remove it or the award block)",
      }));
}

TEST(AwardReader, ProzorroCapAndFromLcc) {
  EXPECT_EQ(Problems(std::string(kHead) + R"(award:
  method: prozorro-features
  price: price
  features:
    - code: delivery
      enum: [{value: 0.2}, {value: 0}]
    - code: warranty
      enum: [{value: 0.15}, {value: 0}]
criteria:
  - {id: price, type: price, from: lcc}
  - {id: cost, type: cost, from: LCC}
)"),
            (std::vector<std::string>{
                "set.yaml:14:36: criteria[0].from: from: lcc is read on a "
                "leaf criterion of type cost; this one is price",
                "set.yaml:15:34: criteria[1].from: expected lcc (the bid's "
                "life-cycle cost from the cost profile), got \"LCC\"",
                "set.yaml:6:3: award.features: the features' maximum values "
                "add up to 0.35; expected at most 0.3 (30 %, ProZorro's "
                "limit on non-price criteria)",
            }));
}

// Found by fuzz_criteria: a feature without enum once threw from yaml-cpp
// (tests/fuzz/corpus/criteria/crash-award-feature-without-enum.yaml).
TEST(AwardReader, FeatureWithoutEnum) {
  EXPECT_EQ(Problems(std::string(kHead) + R"(award:
  method: prozorro-features
  price: price
  features:
    - {code: delivery, enum: [{value: 0.15}, {value: 0}]}
    - {code: warranty}
criteria:
  - {id: price, type: price}
)"),
            std::vector<std::string>{
                "set.yaml:10:7: award.features[1].enum: expected a non-empty "
                "list of {value, title}"});
}

TEST(AwardReader, AwardSetNeedsNoWeightsAndNoPriceRule) {
  const CriteriaSet set =
      circa_test::ParseCriteriaOk(std::string(kHead) + R"(award:
  method: environmental-cost
  price: price
  column: mki
  factor: 2
criteria:
  - {id: price, type: price, unit: EUR}
)");
  ASSERT_TRUE(set.award.has_value());
  EXPECT_EQ(set.award->method, MoneyMethod::kEnvironmentalCost);
  EXPECT_EQ(set.award->environmental.factor, 2.0);
  EXPECT_EQ(set.award->environmental.criterion, "mki");
  EXPECT_EQ(set.Fields(), std::vector<std::string>{"mki"});
}

// The environmental-cost example of docs/money-methods.md through a whole
// tender: f = 2; A 1,000,000 + 2 x 50,000 = 1,100,000; B 1,050,000 + 2 x
// 20,000 = 1,090,000: B wins.
TEST(Award, EnvironmentalCostThroughABidFile) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(
      std::string(kHead) +
      R"(award: {method: environmental-cost, price: price, column: mki, factor: 2}
criteria:
  - {id: price, type: price}
)");
  // A value that is not a number is an error at its cell when the file is
  // read, not later when the method adds it.
  Result<BidSet> bids =
      ParseBids("bid,price,mki\nA,1000000,50000\nB,1050000,20000\nC,900000,x\n",
                "bids.csv", BidsFormat::kCsv, set);
  EXPECT_FALSE(bids.ok());
  EXPECT_EQ(Messages(bids.diagnostics),
            std::vector<std::string>{
                "bids.csv:4:10: bids[C].mki: expected a number (the "
                "environmental-cost award uses it), got \"x\""});
  Result<BidSet> good =
      ParseBids("bid,price,mki\nA,1000000,50000\nB,1050000,20000\n", "bids.csv",
                BidsFormat::kCsv, set);
  ASSERT_TRUE(good.ok());
  Result<AwardResult> r = EvaluateAward(set, *good.value);
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->ranking.bids[0].evaluated, 1100000.0);
  EXPECT_EQ(r.value->ranking.bids[1].evaluated, 1090000.0);
  EXPECT_EQ(r.value->ranking.bids[1].rank, 1);
}

// A minimum quality level in a money-based award (the role of a Montte
// threshold in a points set) is a requirement on the level column: a bid
// below it is excluded before any price is evaluated. T3's figures: A
// 80,000 at "partially" (60 % of 2,500) -> 78,500; B meets only "none".
TEST(Award, MinimumLevelIsARequirementOnTheLevelColumn) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(std::string(kHead) +
                                                      R"(requirements:
  - id: min_plan
    conditions: [{field: plan, one-of: [fully, partially]}]
award:
  method: fictitious-price
  price: price
  criteria:
    - {id: plan, value: 2500, levels: {fully: 100, partially: 60, none: 0}}
criteria:
  - {id: price, type: price}
)");
  Result<BidSet> bids =
      ParseBids("bid,price,plan\nA,80000,partially\nB,70000,none\n", "bids.csv",
                BidsFormat::kCsv, set);
  ASSERT_TRUE(bids.ok()) << circa_test::Describe(bids.diagnostics);
  const Result<AwardResult> r = EvaluateAward(set, *bids.value);
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  const AwardResult& a = *r.value;
  ASSERT_EQ(a.ranking.bids.size(), 1u);  // only A is evaluated
  EXPECT_EQ(a.ranking.bids[0].id, "A");
  EXPECT_EQ(a.ranking.bids[0].evaluated, 78500.0);
  ASSERT_EQ(a.exclusion.size(), 2u);
  EXPECT_EQ(a.exclusion[1].stage, ExclusionStage::kRequirement);
  EXPECT_EQ(a.exclusion[1].rule, "min_plan");
}

// The ladder example of docs/money-methods.md with a tie: A 1,000,000 at
// level 3 -> x 0.85 = 850,000; B 900,000 at level 1 -> x 0.95 = 855,000;
// C 950,000 at level 2 -> x 0.90 = 855,000: B and C tie.
constexpr const char* kLadderBids =
    "bid,price,co2_ladder\nA,1000000,3\nB,900000,1\nC,950000,2\n";

CriteriaSet LadderSet(const std::string& tie_break) {
  return circa_test::ParseCriteriaOk(std::string(kHead) + tie_break + R"(award:
  method: ladder-discount
  price: price
  levels: {"0": 0, "1": 5, "2": 10, "3": 15}
criteria:
  - {id: price, name: Price, type: price}
)");
}

AwardResult Ladder(const std::string& tie_break) {
  const CriteriaSet set = LadderSet(tie_break);
  Result<BidSet> bids =
      ParseBids(kLadderBids, "bids.csv", BidsFormat::kCsv, set);
  EXPECT_TRUE(bids.ok()) << circa_test::Describe(bids.diagnostics);
  Result<AwardResult> r = EvaluateAward(set, *bids.value);
  EXPECT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  return std::move(*r.value);
}

TEST(Award, LadderTieStandsWithoutAPolicy) {
  const AwardResult a = Ladder("");
  EXPECT_EQ(a.ranking.bids[0].evaluated, 850000.0);
  EXPECT_EQ(a.ranking.bids[1].evaluated, 855000.0);
  EXPECT_EQ(a.ranking.bids[2].evaluated, 855000.0);
  EXPECT_EQ(a.ranking.bids[1].rank, 2);
  EXPECT_EQ(a.ranking.bids[2].rank, 2);
  EXPECT_TRUE(a.ranking.bids[2].tied);
  ASSERT_EQ(a.tie_breaks.size(), 1u);
  EXPECT_FALSE(a.tie_breaks[0].resolved);
  // The facts: no usable policy, the tie record that covers B and C.
  EXPECT_EQ(a.ranking.tie_policy, MoneyTiePolicy::kNoneDeclared);
  EXPECT_EQ(a.ranking.bids[1].tie_record, 0);
  EXPECT_EQ(a.ranking.bids[2].tie_record, 0);
  EXPECT_EQ(a.ranking.bids[0].tie_record, -1);
  EXPECT_EQ(a.tie_breaks[0].bids, (std::vector<int>{1, 2}));
  const std::string s = MoneyBidSentence(a, 2);
  EXPECT_EQ(s.substr(s.rfind("which")),
            "which ties for 2nd of 3 with bid B (lowest wins); the criteria "
            "set declares no tie-break, so the tie stands.");
}

TEST(Award, LadderTieBrokenByTheDeclaredPolicy) {
  // {lower: price}: B offered 900,000 against C's 950,000.
  const std::string policy = "tie-break: [{lower: price}, {draw: 7}]\n";
  const AwardResult a = Ladder(policy);
  EXPECT_EQ(a.ranking.bids[1].rank, 2);
  EXPECT_EQ(a.ranking.bids[2].rank, 3);
  EXPECT_FALSE(a.ranking.bids[1].tied);
  EXPECT_EQ(a.ranking.order, (std::vector<std::size_t>{0, 1, 2}));
  ASSERT_EQ(a.tie_breaks.size(), 1u);
  EXPECT_TRUE(a.tie_breaks[0].resolved);
  EXPECT_EQ(a.ranking.tie_policy, MoneyTiePolicy::kDeclared);
  EXPECT_EQ(a.ranking.bids[1].tie_record, 0);
  EXPECT_EQ(a.ranking.bids[2].tie_record, 0);
  // The set names the criterion of the rule ("lower Price").
  const CriteriaSet set = LadderSet(policy);
  const std::string s = MoneyBidSentence(a, 1, &set);
  EXPECT_EQ(s.substr(s.rfind("which")),
            "which ties on evaluated price with bid C and ranks 2nd of 3 by "
            "the declared tie-break (rule 1, lower Price: B 900,000, C "
            "950,000).");
}

// T4 (DOMAIN.md §7) through a criteria set and a bid file: features with
// maxima 0.15 + 0.15, parameters 0.10 + 0.10: 1000 / (1 + 0.2 / 0.7) =
// 7000 / 9 = 777.78.
TEST(Award, ProzorroT4ThroughABidFile) {
  const CriteriaSet set =
      circa_test::ParseCriteriaOk(std::string(kHead) + R"(award:
  method: prozorro-features
  price: price
  features:
    - {code: delivery, enum: [{value: 0.15}, {value: 0.10}, {value: 0}]}
    - {code: warranty, enum: [{value: 0.15}, {value: 0.10}, {value: 0}]}
criteria:
  - {id: price, type: price}
)");
  Result<BidSet> bids =
      ParseBids("bid,price,delivery,warranty\nA,1000,0.10,0.10\n", "bids.csv",
                BidsFormat::kCsv, set);
  ASSERT_TRUE(bids.ok()) << circa_test::Describe(bids.diagnostics);
  const Result<AwardResult> r = EvaluateAward(set, *bids.value);
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->ranking.bids[0].coefficient, 1 + 0.2 / (1 - 0.3));
  EXPECT_EQ(r.value->ranking.bids[0].evaluated, 777.78);
}

// A set built in code whose award names no bid column is an error, not an
// assertion (or, without assertions, column -1 read): fuzz_batch found it
// through a compact form with the money-award flag and no resolved set.
TEST(Award, PriceThatIsNoBidColumnIsAnError) {
  const std::string dir = std::string(CIRCA_SOURCE_DIR) + "/samples/";
  const Result<TenderPaths> paths = ResolveTenderDirectory(dir + "value-award");
  ASSERT_TRUE(paths.ok()) << circa_test::Describe(paths.diagnostics);
  Result<Tender> t = LoadTender(*paths.value, LoadOptions{});
  ASSERT_TRUE(t.ok()) << circa_test::Describe(t.diagnostics);
  t.value->criteria.award->price = "nope";
  t.value->criteria.source = "set.yaml";
  const Result<AwardResult> r = EvaluateAward(t.value->criteria, t.value->bids);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(Messages(r.diagnostics),
            (std::vector<std::string>{
                "set.yaml: award.price: expected the id of a price or cost "
                "leaf criterion (the bid-file column holding each bid's "
                "price), got \"nope\""}));
  t.value->criteria.award->price.clear();
  EXPECT_FALSE(Evaluate(*t.value).ok());
}

// samples/value-award (README.md): requirements first, then T3's method.
TEST(AwardSamples, ValueAward) {
  const std::string dir = std::string(CIRCA_SOURCE_DIR) + "/samples/";
  const Result<TenderPaths> paths = ResolveTenderDirectory(dir + "value-award");
  ASSERT_TRUE(paths.ok()) << circa_test::Describe(paths.diagnostics);
  const Result<Tender> t = LoadTender(*paths.value, LoadOptions{});
  ASSERT_TRUE(t.ok()) << circa_test::Describe(t.diagnostics);
  const Result<AwardResult> r = EvaluateAward(t.value->criteria, t.value->bids);
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  const AwardResult& a = *r.value;
  // D (warranty 1 year) fails min_warranty and takes no part.
  EXPECT_EQ(a.exclusion[3].stage, ExclusionStage::kRequirement);
  EXPECT_EQ(a.exclusion[3].rule, "min_warranty");
  EXPECT_EQ(a.ranked, (std::vector<int>{0, 1, 2}));
  ASSERT_EQ(a.ranking.bids.size(), 3u);
  // A: 80,000 - 60 % x 2,500 - 0 = 78,500 (T3).
  EXPECT_EQ(a.ranking.bids[0].evaluated, 78500.0);
  // B: 76,000 - 0 - (-25 % x 4,000) = 77,000.
  EXPECT_EQ(a.ranking.bids[1].evaluated, 77000.0);
  // C: 81,000 - 2,500 - 4,000 = 74,500.
  EXPECT_EQ(a.ranking.bids[2].evaluated, 74500.0);
  EXPECT_EQ(a.ranking.bids[2].rank, 1);
  EXPECT_EQ(a.ranking.bids[1].rank, 2);
  EXPECT_EQ(a.ranking.bids[0].rank, 3);
  EXPECT_EQ(MoneyBidSentence(a, 1),
            "Bid B (Budget Horeca NV) offers 76,000.00 EUR; its quality "
            "carries a malus of 1,000.00 EUR (Delivery plan: none, 0 % of "
            "2,500.00 EUR = 0.00 EUR; Take-back: single-use, -25 % of "
            "4,000.00 EUR = a malus of 1,000.00 EUR), so its fictitious "
            "price is 76,000.00 + 1,000.00 = 77,000.00 EUR, which ranks 2nd "
            "of 3 (lowest wins).");
}

}  // namespace
}  // namespace circa
