// Money-based award methods (engine/money/methods.cc): worked cases T3 and
// T4 from DOMAIN.md §7, the ladder and environmental-cost methods, ties and
// every diagnostic's exact text.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "circa/money.h"
#include "explain/money_words.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::Messages;

MoneyBid Bid(std::string id, double price,
             std::map<std::string, std::string> levels = {},
             std::map<std::string, double> values = {}) {
  MoneyBid b;
  b.id = std::move(id);
  b.price = price;
  b.levels = std::move(levels);
  b.values = std::move(values);
  return b;
}

// T3 (DOMAIN.md §7, "gunnen op waarde", PIANOo): price EUR 80,000; a
// sub-criterion worth EUR 2,500 with levels 100 % / 60 % / 0 %; rated
// "partially" (60 %) -> fictitious price 80,000 - 0.6 x 2,500 = 78,500.
FictitiousPrice DeliveryPlan() {
  ValueCriterion c;
  c.id = "delivery_plan";
  c.name = "Delivery plan";
  c.value = 2500;
  c.levels = {{"fully", 1.0}, {"partially", 0.6}, {"not", 0.0}};
  return FictitiousPrice{{c}};
}

TEST(FictitiousPrice, WorkedCaseT3) {
  const Result<MoneyRanking> r = EvaluateFictitiousPrice(
      DeliveryPlan(), {Bid("A", 80000, {{"delivery_plan", "partially"}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  const MoneyBidResult& a = r.value->bids[0];
  EXPECT_EQ(a.evaluated, 78500.0);  // exactly: 0.6 x 2,500 = 1,500
  ASSERT_EQ(a.adjustments.size(), 1u);
  EXPECT_EQ(a.adjustments[0].amount, -1500.0);
  EXPECT_EQ(AdjustmentHowText(a.adjustments[0], "EUR"), "60 % of 2,500.00 EUR");
  EXPECT_EQ(MoneyBidSentence(*r.value, 0),
            "Bid A offers 80,000.00 EUR; its quality is valued at 1,500.00 "
            "EUR (Delivery plan: partially, 60 % of 2,500.00 EUR = 1,500.00 "
            "EUR), so its fictitious price is 80,000.00 - 1,500.00 = "
            "78,500.00 EUR, which ranks 1st of 1 (lowest wins).");
}

TEST(FictitiousPrice, HigherQualityCanBeatALowerPrice) {
  // B is 1,000 cheaper but rated "not": 79,000 - 0 = 79,000 > 78,500.
  MoneyBid a = Bid("A", 80000, {{"delivery_plan", "partially"}});
  a.supplier = "Circulair BV";
  const Result<MoneyRanking> r = EvaluateFictitiousPrice(
      DeliveryPlan(), {a, Bid("B", 79000, {{"delivery_plan", "not"}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->order, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(r.value->bids[1].evaluated, 79000.0);
  EXPECT_EQ(r.value->bids[1].rank, 2);
  EXPECT_EQ(MoneyBidSentence(*r.value, 0).substr(0, 31),
            "Bid A (Circulair BV) offers 80,");
}

TEST(FictitiousPrice, MoneyLevelsAndAMalus) {
  // Levels in euros; a negative value is a malus that raises the price.
  ValueCriterion packaging;
  packaging.id = "packaging";
  packaging.name = "Packaging";
  packaging.kind = LevelValue::kAmount;
  packaging.levels = {{"reusable", 1000}, {"recyclable", 0}, {"none", -500}};
  const Result<MoneyRanking> r =
      EvaluateFictitiousPrice(FictitiousPrice{{packaging}},
                              {Bid("A", 10000, {{"packaging", "none"}}),
                               Bid("B", 10400, {{"packaging", "reusable"}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->bids[0].evaluated, 10500.0);  // 10,000 + 500
  EXPECT_EQ(r.value->bids[1].evaluated, 9400.0);   // 10,400 - 1,000
  EXPECT_EQ(r.value->bids[1].rank, 1);
  EXPECT_EQ(MoneyBidSentence(*r.value, 0),
            "Bid A offers 10,000.00 EUR; its quality carries a malus of "
            "500.00 EUR (Packaging: none, a malus of 500.00 EUR), so its "
            "fictitious price is 10,000.00 + 500.00 = 10,500.00 EUR, which "
            "ranks 2nd of 2 (lowest wins).");
}

TEST(FictitiousPrice, EqualEvaluatedPricesAreATieNotBroken) {
  // 80,000 - 1,500 = 78,500 = 78,500 - 0.
  const Result<MoneyRanking> r = EvaluateFictitiousPrice(
      DeliveryPlan(), {Bid("A", 80000, {{"delivery_plan", "partially"}}),
                       Bid("B", 78500, {{"delivery_plan", "not"}}),
                       Bid("C", 90000, {{"delivery_plan", "fully"}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  const MoneyRanking& m = *r.value;
  EXPECT_EQ(m.bids[0].rank, 1);
  EXPECT_EQ(m.bids[1].rank, 1);
  EXPECT_EQ(m.bids[2].rank, 3);
  EXPECT_TRUE(m.bids[0].tied);
  EXPECT_FALSE(m.bids[2].tied);
  ASSERT_EQ(m.ties.size(), 1u);
  EXPECT_EQ(m.ties[0], (std::vector<std::size_t>{0, 1}));
  EXPECT_NE(MoneyBidSentence(m, 1).find(
                "which ties for 1st of 3 with bid A (lowest wins; the tie is "
                "not broken here)."),
            std::string::npos)
      << MoneyBidSentence(m, 1);
}

TEST(FictitiousPrice, MissingAndUnknownLevelsAreReportedTogether) {
  MoneyBid a = Bid("A", 80000, {{"delivery_plan", "mostly"}});
  a.where = {"bids.yaml", 3, 5};
  MoneyBid b = Bid("B", -1);
  b.where = {"bids.yaml", 7, 5};
  const Result<MoneyRanking> r =
      EvaluateFictitiousPrice(DeliveryPlan(), {a, b});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(Messages(r.diagnostics),
            (std::vector<std::string>{
                "bids.yaml:3:5: bids[A].delivery_plan: unknown level "
                "\"mostly\"; expected one of \"fully\", \"partially\" or "
                "\"not\"",
                "bids.yaml:7:5: bids[B].price: expected a price >= 0, got -1",
                "bids.yaml:7:5: bids[B].delivery_plan: missing; expected one "
                "of \"fully\", \"partially\" or \"not\""}));
}

// Issue 12, item 5: amounts beyond 1e12 are refused, and an evaluated
// price pushed beyond it (a sub-criterion worth 1e308) is an error, never
// an inf or a meaningless ranking.
TEST(FictitiousPrice, AmountsBeyondTheLimitAreErrors) {
  MoneyBid a = Bid("A", 2e12, {{"delivery_plan", "fully"}});
  a.where = {"bids.yaml", 3, 5};
  MoneyBid b = Bid("B", 80000, {{"delivery_plan", "fully"}});
  b.where = {"bids.yaml", 7, 5};
  FictitiousPrice huge = DeliveryPlan();
  huge.criteria[0].value = 1e308;
  const Result<MoneyRanking> r = EvaluateFictitiousPrice(huge, {a, b});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(
      Messages(r.diagnostics),
      (std::vector<std::string>{
          "bids.yaml:3:5: bids[A].price: price 2000000000000 is out of "
          "range; amounts must be at most 1e12 (docs/criteria-format.md, "
          "\"Limits\")",
          "bids.yaml:7:5: bids[B]: the evaluated price is -1e+308; amounts "
          "must keep it within -1e12 to 1e12 (docs/criteria-format.md, "
          "\"Limits\")"}));
}

TEST(FictitiousPrice, InvalidMethodIsReported) {
  ValueCriterion c;
  c.id = "plan";
  c.value = 0;
  c.levels = {{"good", 1.5}, {"good", 0}};
  c.where = {"tender.yaml", 12, 7};
  const Result<MoneyRanking> r =
      EvaluateFictitiousPrice(FictitiousPrice{{c}}, {});
  EXPECT_EQ(Messages(r.diagnostics),
            (std::vector<std::string>{
                "tender.yaml:12:7: criteria[plan].value: expected the "
                "criterion's money value at 100 %, > 0",
                "tender.yaml:12:7: criteria[plan].levels: level \"good\" is "
                "named twice",
                "tender.yaml:12:7: criteria[plan].levels.good: expected a "
                "fraction of the criterion's value at most 1 (100 %), got "
                "1.5"}));
}

// CO2 performance ladder (DOMAIN.md §3): levels 1/2/3 -> 5/10/15 %.
LadderDiscount Ladder(LevelValue kind) {
  LadderDiscount m;
  m.kind = kind;
  if (kind == LevelValue::kFraction) {
    m.levels = {{"0", 0}, {"1", 0.05}, {"2", 0.10}, {"3", 0.15}};
  } else {
    m.levels = {{"0", 0}, {"1", 10000}, {"2", 20000}, {"3", 30000}};
  }
  return m;
}

TEST(LadderDiscount, PercentagePerLevel) {
  // A: 1,000,000 x (1 - 0.15) = 850,000; B: 900,000 x (1 - 0.05) = 855,000.
  const Result<MoneyRanking> r = EvaluateLadderDiscount(
      Ladder(LevelValue::kFraction), {Bid("A", 1000000, {{"co2_ladder", "3"}}),
                                      Bid("B", 900000, {{"co2_ladder", "1"}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->bids[0].evaluated, 850000.0);
  EXPECT_EQ(r.value->bids[1].evaluated, 855000.0);
  EXPECT_EQ(r.value->order, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(MoneyBidSentence(*r.value, 0),
            "Bid A offers 1,000,000.00 EUR at CO2 performance ladder 3, "
            "which earns a 15 % discount (150,000.00 EUR), so its evaluated "
            "price is 850,000.00 EUR, which ranks 1st of 2 (lowest wins).");
}

TEST(LadderDiscount, MoneyPerLevel) {
  // A: 1,000,000 - 30,000 = 970,000; B: 980,000 - 0 = 980,000.
  const Result<MoneyRanking> r = EvaluateLadderDiscount(
      Ladder(LevelValue::kAmount), {Bid("A", 1000000, {{"co2_ladder", "3"}}),
                                    Bid("B", 980000, {{"co2_ladder", "0"}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->bids[0].evaluated, 970000.0);
  EXPECT_EQ(r.value->bids[1].evaluated, 980000.0);
  EXPECT_EQ(MoneyBidSentence(*r.value, 1),
            "Bid B offers 980,000.00 EUR at CO2 performance ladder 0, which "
            "earns a discount of 0.00 EUR, so its evaluated price is "
            "980,000.00 EUR, which ranks 2nd of 2 (lowest wins).");
}

TEST(LadderDiscount, DiscountOfOneOrMoreIsRefused) {
  LadderDiscount m = Ladder(LevelValue::kFraction);
  m.levels.push_back({"4", 1.0});
  const Result<MoneyRanking> r = EvaluateLadderDiscount(m, {});
  EXPECT_EQ(Messages(r.diagnostics),
            (std::vector<std::string>{
                "<input>: co2_ladder.levels.4: expected a discount below 1 "
                "(100 %), e.g. 0.05 for 5 %, got 1"}));
}

TEST(EnvironmentalCost, FactorTimesCostIsAdded) {
  // A: 1,000,000 + 2 x 50,000 = 1,100,000; B: 1,050,000 + 2 x 20,000 =
  // 1,090,000: the cleaner, dearer bid wins.
  EnvironmentalCostAdded m;
  m.factor = 2;
  const Result<MoneyRanking> r = EvaluateEnvironmentalCost(
      m, {Bid("A", 1000000, {}, {{"environmental_cost", 50000}}),
          Bid("B", 1050000, {}, {{"environmental_cost", 20000}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->bids[0].evaluated, 1100000.0);
  EXPECT_EQ(r.value->bids[1].evaluated, 1090000.0);
  EXPECT_EQ(r.value->bids[1].rank, 1);
  EXPECT_EQ(MoneyBidSentence(*r.value, 1),
            "Bid B offers 1,050,000.00 EUR with an environmental cost (MKI) "
            "of 20,000.00 EUR; at the declared factor 2 this adds 40,000.00 "
            "EUR, so its evaluated price is 1,090,000.00 EUR, which ranks 1st "
            "of 2 (lowest wins).");
}

TEST(EnvironmentalCost, ProblemsAreReported) {
  EnvironmentalCostAdded m;
  m.factor = 0;
  EXPECT_EQ(Messages(EvaluateEnvironmentalCost(m, {}).diagnostics),
            (std::vector<std::string>{"<input>: environmental_cost.factor: "
                                      "expected a factor > 0, got 0"}));
  m.factor = 1;
  EXPECT_EQ(
      Messages(
          EvaluateEnvironmentalCost(
              m, {Bid("A", 1), Bid("B", 1, {}, {{"environmental_cost", -3}})})
              .diagnostics),
      (std::vector<std::string>{
          "<input>: bids[A].environmental_cost: missing; expected the bid's "
          "environmental cost in EUR",
          "<input>: bids[B].environmental_cost: expected an environmental "
          "cost >= 0, got -3"}));
}

// T4 (DOMAIN.md §7, ProZorro): features with maxima 0.15 + 0.15; a bid with
// parameters 0.10 + 0.10 -> coefficient 1 + 0.2 / (1 - 0.3) = 9/7; price
// 1000 -> 1000 x 7/9 = 777.777... -> 777.78 (rounded half away from zero to
// the cent, as ProZorro publishes weightedValue.amount).
ProzorroFeatures T4Features() {
  ProzorroFeature a;
  a.code = "F1";
  a.title = "Air intake";
  a.options = {{"up to 1000 W", 0.10}, {"over 1000 W", 0.15}};
  ProzorroFeature b;
  b.code = "F2";
  b.title = "Years trading";
  b.options = {{"under 3", 0.05}, {"3 to 5", 0.10}, {"over 5", 0.15}};
  ProzorroFeatures m;
  m.features = {a, b};
  return m;
}

TEST(Prozorro, WorkedCaseT4) {
  const Result<MoneyRanking> r = EvaluateProzorro(
      T4Features(), {Bid("A", 1000, {}, {{"F1", 0.10}, {"F2", 0.10}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  const MoneyBidResult& a = r.value->bids[0];
  EXPECT_NEAR(a.coefficient, 9.0 / 7.0, 1e-15);
  EXPECT_NEAR(a.exact, 7000.0 / 9.0, 1e-9);
  EXPECT_DOUBLE_EQ(a.evaluated, 777.78);
  EXPECT_EQ(MoneyBidSentence(*r.value, 0),
            "Bid A offers 1,000.00 EUR with feature values Air intake 0.1 + "
            "Years trading 0.1 = 0.2 (maximum 0.3), so its price is divided "
            "by 1 + 0.2 / (1 - 0.3) = 1.285714 and its adjusted price is "
            "777.78 EUR, which ranks 1st of 1 (lowest wins).");
  // The two features share the 222.22 reduction equally.
  ASSERT_EQ(a.adjustments.size(), 2u);
  EXPECT_NEAR(a.adjustments[0].amount, -1000.0 / 9.0, 1e-9);
}

TEST(Prozorro, BetterFeaturesBeatALowerPrice) {
  // A: 1000 / (9/7) = 777.78.
  const Result<MoneyRanking> r = EvaluateProzorro(
      T4Features(), {Bid("A", 1000, {}, {{"F1", 0.10}, {"F2", 0.10}}),
                     Bid("B", 900, {}, {{"F1", 0.10}, {"F2", 0.05}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  // B: sum v = 0.15 -> 1 + 0.15 / 0.7 = 1.2142857; 900 / 1.2142857 = 741.18.
  EXPECT_DOUBLE_EQ(r.value->bids[1].evaluated, 741.18);
  EXPECT_EQ(r.value->bids[1].rank, 1);
}

TEST(Prozorro, CapOfThirtyPercentIsChecked) {
  ProzorroFeatures m = T4Features();
  m.features[0].options.push_back({"over 2000 W", 0.20});
  m.where = {"tender.json", 120, 9};
  EXPECT_EQ(Messages(EvaluateProzorro(m, {}).diagnostics),
            (std::vector<std::string>{
                "tender.json:120:9: features: the features' maximum values "
                "add up to 0.35; expected at most 0.3 (30 %, ProZorro's "
                "limit on non-price criteria)"}));
}

TEST(Prozorro, ParametersMustBeEnumValues) {
  const Result<MoneyRanking> r = EvaluateProzorro(
      T4Features(), {Bid("A", 1000, {}, {{"F1", 0.12}, {"F9", 0.1}})});
  EXPECT_EQ(Messages(r.diagnostics),
            (std::vector<std::string>{
                "<input>: bids[A].parameters.F9: no feature has this code",
                "<input>: bids[A].parameters.F1: expected one of the "
                "feature's values 0.1 or 0.15, got 0.12",
                "<input>: bids[A].parameters.F2: missing; expected one of the "
                "feature's values"}));
}

// --- Facts: each adjustment's kind and numbers, without words ------------

TEST(MoneyFacts, FictitiousPriceSharesAndAmounts) {
  // A share of the criterion's value and a money level with a malus.
  ValueCriterion packaging;
  packaging.id = "packaging";
  packaging.name = "Packaging";
  packaging.kind = LevelValue::kAmount;
  packaging.levels = {{"reusable", 1000}, {"none", -500}};
  FictitiousPrice m = DeliveryPlan();
  m.criteria.push_back(packaging);
  MoneyOptions options;
  options.currency = "USD";
  options.decimals = 0;
  const Result<MoneyRanking> r = EvaluateFictitiousPrice(
      m,
      {Bid("A", 80000,
           {{"delivery_plan", "partially"}, {"packaging", "none"}})},
      options);
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->method, MoneyMethod::kFictitiousPrice);
  EXPECT_EQ(r.value->currency, "USD");
  EXPECT_EQ(r.value->decimals, 0);
  EXPECT_EQ(r.value->tie_policy, MoneyTiePolicy::kNotApplied);
  const MoneyBidResult& b = r.value->bids[0];
  ASSERT_EQ(b.adjustments.size(), 2u);
  const MoneyAdjustment& share = b.adjustments[0];
  EXPECT_EQ(share.kind, AdjustmentKind::kValueShare);
  EXPECT_EQ(share.criterion, "delivery_plan");
  EXPECT_EQ(share.level, "partially");
  EXPECT_EQ(share.value, 0.6);
  EXPECT_EQ(share.base, 2500.0);
  EXPECT_EQ(share.factor, 1.0);
  EXPECT_EQ(share.amount, -1500.0);
  const MoneyAdjustment& malus = b.adjustments[1];
  EXPECT_EQ(malus.kind, AdjustmentKind::kValueAmount);
  EXPECT_EQ(malus.level, "none");
  EXPECT_EQ(malus.value, -500.0);
  EXPECT_EQ(malus.base, 0.0);
  EXPECT_EQ(malus.amount, 500.0);  // a malus raises the price
  EXPECT_EQ(b.exact, 80000.0 - 1500.0 + 500.0);
  EXPECT_EQ(b.tie_group, -1);
  // The words follow the options' currency and decimals.
  EXPECT_EQ(AdjustmentHowText(malus, "USD"), "a malus of 500.00 USD");
  EXPECT_NE(MoneyBidSentence(*r.value, 0).find("= 79,000 USD, which ranks"),
            std::string::npos)
      << MoneyBidSentence(*r.value, 0);
}

TEST(MoneyFacts, LadderEnvironmentalAndProzorroParameters) {
  const Result<MoneyRanking> share =
      EvaluateLadderDiscount(Ladder(LevelValue::kFraction),
                             {Bid("A", 1000000, {{"co2_ladder", "3"}})});
  ASSERT_TRUE(share.ok()) << circa_test::Describe(share.diagnostics);
  const MoneyAdjustment& s = share.value->bids[0].adjustments.at(0);
  EXPECT_EQ(s.kind, AdjustmentKind::kDiscountShare);
  EXPECT_EQ(s.value, 0.15);
  EXPECT_EQ(s.base, 1000000.0);  // the bid's price
  EXPECT_EQ(s.amount, -150000.0);

  const Result<MoneyRanking> amount = EvaluateLadderDiscount(
      Ladder(LevelValue::kAmount), {Bid("A", 1000000, {{"co2_ladder", "2"}})});
  ASSERT_TRUE(amount.ok()) << circa_test::Describe(amount.diagnostics);
  const MoneyAdjustment& a = amount.value->bids[0].adjustments.at(0);
  EXPECT_EQ(a.kind, AdjustmentKind::kDiscountAmount);
  EXPECT_EQ(a.level, "2");
  EXPECT_EQ(a.value, 20000.0);
  EXPECT_EQ(a.amount, -20000.0);
  EXPECT_EQ(AdjustmentHowText(a, "EUR"), "20,000.00 EUR for this level");

  EnvironmentalCostAdded env;
  env.factor = 1.5;
  const Result<MoneyRanking> e = EvaluateEnvironmentalCost(
      env, {Bid("A", 1000, {}, {{"environmental_cost", 200}})});
  ASSERT_TRUE(e.ok()) << circa_test::Describe(e.diagnostics);
  const MoneyAdjustment& c = e.value->bids[0].adjustments.at(0);
  EXPECT_EQ(c.kind, AdjustmentKind::kCostAdded);
  EXPECT_EQ(c.level, "");
  EXPECT_EQ(c.value, 200.0);
  EXPECT_EQ(c.factor, 1.5);
  EXPECT_EQ(c.amount, 300.0);
  EXPECT_EQ(AdjustmentLevelText(c, "EUR"), "200.00 EUR");
  EXPECT_EQ(AdjustmentHowText(c, "EUR"), "1.5 x 200.00 EUR");

  const Result<MoneyRanking> p = EvaluateProzorro(
      T4Features(), {Bid("A", 1000, {}, {{"F1", 0.15}, {"F2", 0.05}})});
  ASSERT_TRUE(p.ok()) << circa_test::Describe(p.diagnostics);
  EXPECT_EQ(p.value->feature_max, 0.30);
  const MoneyBidResult& b = p.value->bids[0];
  ASSERT_EQ(b.adjustments.size(), 2u);
  EXPECT_EQ(b.adjustments[0].kind, AdjustmentKind::kFeature);
  EXPECT_EQ(b.adjustments[0].level, "over 1000 W");  // the option's title
  EXPECT_EQ(b.adjustments[0].value, 0.15);
  EXPECT_EQ(b.adjustments[1].value, 0.05);
  // The reduction 1000 - 1000 / (1 + 0.2 / 0.7) = 2000 / 9, shared 3 : 1.
  EXPECT_NEAR(b.adjustments[0].amount, -2000.0 / 9 * 0.75, 1e-9);
  EXPECT_NEAR(b.adjustments[1].amount, -2000.0 / 9 * 0.25, 1e-9);
  EXPECT_EQ(AdjustmentLevelText(b.adjustments[0], "EUR"), "0.15");
}

TEST(MoneyFacts, TieGroupsIndexTheTies) {
  const Result<MoneyRanking> r = EvaluateFictitiousPrice(
      DeliveryPlan(), {Bid("A", 80000, {{"delivery_plan", "partially"}}),
                       Bid("B", 90000, {{"delivery_plan", "fully"}}),
                       Bid("C", 78500, {{"delivery_plan", "not"}}),
                       Bid("D", 88500, {{"delivery_plan", "not"}})});
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  const MoneyRanking& m = *r.value;
  // A and C at 78,500; B and D at 87,500 and 88,500: one tie group.
  ASSERT_EQ(m.ties.size(), 1u);
  EXPECT_EQ(m.bids[0].tie_group, 0);
  EXPECT_EQ(m.bids[2].tie_group, 0);
  EXPECT_EQ(m.bids[1].tie_group, -1);
  EXPECT_EQ(m.bids[3].tie_group, -1);
  EXPECT_EQ(RankClause(m, 2),
            "which ties for 1st of 4 with bid A (lowest wins; the tie is not "
            "broken here)");
}

// The string literals of a C++ source (comments and character literals
// skipped), concatenated with a newline after each.
std::string Literals(const std::string& source) {
  std::string out;
  for (std::size_t k = 0; k < source.size(); ++k) {
    const char c = source[k];
    if (c == '/' && k + 1 < source.size() && source[k + 1] == '/') {
      k = source.find('\n', k);
      if (k == std::string::npos) break;
    } else if (c == '\'') {
      k += source[k + 1] == '\\' ? 3u : 2u;  // 'x' or '\x'
    } else if (c == '"') {
      for (++k; k < source.size() && source[k] != '"'; ++k) {
        if (source[k] == '\\') out += source[k++];
        out += source[k];
      }
      out += '\n';
    }
  }
  return out;
}

// Words are written only in engine/explain/: the money and panel sources
// hold no phrase of the award-letter sentences in their string literals
// (diagnostics are messages about input and stay), and no text is patched.
// Fails if a sentence is built there again.
TEST(MoneyFacts, NoAwardLetterWordsInMoneyOrPanel) {
  const char* files[] = {"engine/money/methods.cc", "engine/money/award.cc",
                         "engine/money/lcc.cc", "engine/panel/panel.cc"};
  const char* phrases[] = {
      "which ranks",
      "which ties",
      "lowest wins",
      " offers ",
      "malus of",
      "this adds",
      "adjusted price",
      "years of life",
      "by the bidder",
      "the provider",
      "in fees",
      " evaluators",
      "agreed after",
      "spread ",
      "rationales:",
      "disagreement limit",
      "for this level",
      "mean of",
      "median of",
      "(consensus",
      "Offer ",
      "Bid ",
      " x ",
      " % of ",
  };
  for (const char* file : files) {
    std::ifstream in(std::string(CIRCA_SOURCE_DIR) + "/" + file);
    ASSERT_TRUE(in) << file;
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    EXPECT_EQ(source.find("rfind("), std::string::npos) << file;
    const std::string literals = Literals(source);
    EXPECT_FALSE(literals.empty()) << file;
    for (const char* phrase : phrases) {
      EXPECT_EQ(literals.find(phrase), std::string::npos)
          << file << " has a literal with \"" << phrase << "\"";
    }
  }
}

TEST(MoneyHelpers, OrdinalsAndRounding) {
  EXPECT_EQ(OrdinalNumber(1), "1st");
  EXPECT_EQ(OrdinalNumber(2), "2nd");
  EXPECT_EQ(OrdinalNumber(3), "3rd");
  EXPECT_EQ(OrdinalNumber(11), "11th");
  EXPECT_EQ(OrdinalNumber(22), "22nd");
  EXPECT_EQ(OrdinalNumber(113), "113th");
  EXPECT_DOUBLE_EQ(RoundMoney(388.1111, 2), 388.11);
  EXPECT_DOUBLE_EQ(RoundMoney(-2.5, 0), -3.0);
  EXPECT_EQ(FormatMoney(1234567.5, "EUR"), "1,234,567.50 EUR");
  EXPECT_EQ(ToString(MoneyMethod::kProzorro), "prozorro-features");
  std::string why;
  EXPECT_TRUE(MoneyOptions{}.IsValid(&why)) << why;
  MoneyOptions bad;
  bad.decimals = 9;
  EXPECT_FALSE(bad.IsValid(&why));
  EXPECT_EQ(why, "decimals: expected a whole number from 0 to 6, got 9");
}

}  // namespace
}  // namespace circa
