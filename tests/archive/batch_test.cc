// Batch comparison (docs/batch.md): scenario outcomes hand-checked on a
// two-bid tender, scenario files, the summary.
#include "circa/batch.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "batch_tender.h"
#include "circa/aggregation.h"
#include "circa/evaluate.h"
#include "test_util.h"

namespace circa {
namespace {

// circa_test::kBatchCriteria: price 50 points (lowest-ratio), quality 50
// points (linear 0..10, a longer-life criterion). A: 100 EUR, quality 2.
// B: 150 EUR, quality 6.
// Published: A = 50 + 50 x 0.2 = 60; B = 50 x 100/150 + 50 x 0.6 = 63.33.
constexpr const char* kCriteria = circa_test::kBatchCriteria;
constexpr const char* kBids =
    "bid,supplier,price,quality\nA,Alpha,100,2\nB,Beta,150,6\n";

Tender TwoBids() {
  Result<Tender> t = circa_test::BatchTender(kBids);
  EXPECT_TRUE(t.ok()) << circa_test::Describe(t.diagnostics);
  return t.ok() ? std::move(*t.value) : Tender{};
}

std::vector<Scenario> Parse(const std::string& text) {
  Result<std::vector<Scenario>> s = ParseScenarios(text, "scenarios.yaml");
  EXPECT_TRUE(s.ok()) << circa_test::Describe(s.diagnostics);
  return s.value.value_or(std::vector<Scenario>{});
}

TEST(Batch, PublishedRulesAndPricePremium) {
  const TenderBatchResult r = ScoreTender(TwoBids(), {});
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(r.winner, "B");
  EXPECT_NEAR_TOL(r.margin, 63.0 + 1.0 / 3 - 60, kFloatNoise);
  EXPECT_TRUE(r.has_price);
  EXPECT_EQ(r.lowest_price, 100);
  EXPECT_EQ(r.winner_price, 150);
  EXPECT_FALSE(r.lowest_won);
  EXPECT_NEAR_TOL(r.premium, 0.5, kFloatNoise);
  EXPECT_NEAR_TOL(r.price_share, 0.5, kFloatNoise);
  EXPECT_NEAR_TOL(r.circular_share, 0.5, kFloatNoise);
  EXPECT_NEAR_TOL(r.strategy_share[4], 0.5, kFloatNoise);  // longer-life
  EXPECT_EQ(r.ranks, (std::vector<int>{2, 1}));
}

// Another price formula: linear-range gives B (the highest price) 0
// price points: A = 50 + 10 = 60, B = 0 + 30 = 30. The winner flips to A.
TEST(Batch, FlipUnderAnotherPriceFormula) {
  const auto scenarios = Parse(
      "scenarios:\n  - name: range\n    price-rule: linear-range\n"
      "  - name: ceiling\n    price-rule: linear-ceiling\n"
      "    ceiling-factor: 1.2\n");
  const TenderBatchResult r = ScoreTender(TwoBids(), scenarios);
  ASSERT_EQ(r.scenarios.size(), 2u);
  EXPECT_EQ(r.scenarios[0].error, "");
  EXPECT_EQ(r.scenarios[0].winner, "A");
  EXPECT_TRUE(r.scenarios[0].flip);
  EXPECT_NEAR_TOL(r.scenarios[0].margin, 30, kFloatNoise);
  EXPECT_NEAR_TOL(r.scenarios[0].totals[0], 60, kFloatNoise);
  EXPECT_NEAR_TOL(r.scenarios[0].totals[1], 30, kFloatNoise);
  // Ceiling 1.2 x the highest price = 180: B scores (180 - 150) / (180 -
  // 100) = 0.375 of 50 = 18.75, + 30 = 48.75; A = 60. A wins by 11.25.
  EXPECT_EQ(r.scenarios[1].winner, "A");
  EXPECT_TRUE(r.scenarios[1].flip);
  EXPECT_NEAR_TOL(r.scenarios[1].totals[1], 48.75, kFloatNoise);
  EXPECT_NEAR_TOL(r.scenarios[1].margin, 11.25, kFloatNoise);
}

// Another price weight, quality rescaled: at 80 % A = 80 + 20 x 0.2 = 84,
// B = 80 x 2/3 + 20 x 0.6 = 65.33 (flip); at 30 % A = 30 + 70 x 0.2 = 44,
// B = 20 + 42 = 62 (no flip).
TEST(Batch, FlipUnderAnotherPriceWeight) {
  const auto scenarios = Parse(
      "scenarios:\n  - name: p80\n    price-weight: 80\n"
      "  - name: p30\n    price-weight: 0.3\n");
  const TenderBatchResult r = ScoreTender(TwoBids(), scenarios);
  ASSERT_EQ(r.scenarios.size(), 2u);
  EXPECT_EQ(r.scenarios[0].winner, "A");
  EXPECT_TRUE(r.scenarios[0].flip);
  EXPECT_NEAR_TOL(r.scenarios[0].totals[0], 84, kFloatNoise);
  EXPECT_NEAR_TOL(r.scenarios[0].totals[1], 65.0 + 1.0 / 3, kFloatNoise);
  EXPECT_EQ(r.scenarios[1].winner, "B");
  EXPECT_FALSE(r.scenarios[1].flip);
  EXPECT_NEAR_TOL(r.scenarios[1].margin, 18, kFloatNoise);
}

// Dropping quality leaves price alone: A = 100, B = 66.67. Tripling the
// longer-life criterion: price 25, quality 75: A = 25 + 15 = 40,
// B = 16.67 + 45 = 61.67.
TEST(Batch, DroppedCriterionAndStrategyWeights) {
  const auto scenarios = Parse(
      "scenarios:\n  - name: no-quality\n    drop: quality\n"
      "  - name: longer-life-x3\n    weights:\n"
      "      - {strategy: longer-life, factor: 3}\n");
  const TenderBatchResult r = ScoreTender(TwoBids(), scenarios);
  EXPECT_EQ(r.scenarios[0].winner, "A");
  EXPECT_TRUE(r.scenarios[0].flip);
  EXPECT_NEAR_TOL(r.scenarios[0].totals[0], 100, kFloatNoise);
  EXPECT_NEAR_TOL(r.scenarios[0].totals[1], 200.0 / 3, kFloatNoise);
  EXPECT_EQ(r.scenarios[1].winner, "B");
  EXPECT_FALSE(r.scenarios[1].flip);
  EXPECT_NEAR_TOL(r.scenarios[1].totals[0], 40, kFloatNoise);
  EXPECT_NEAR_TOL(r.scenarios[1].totals[1], 61.0 + 2.0 / 3, kFloatNoise);
}

// Another aggregation method ranks by Aggregate on the published scores.
TEST(Batch, AnotherMethodUsesAggregate) {
  const auto scenarios =
      Parse("scenarios:\n  - name: wp\n    method: weighted-product\n");
  const Tender t = TwoBids();
  const TenderBatchResult r = ScoreTender(t, scenarios);
  Result<Scorer> s = Scorer::Compile(t.criteria);
  const AggregationResult a =
      Aggregate(s.value->Evaluate(t.bids), Aggregation::kWeightedProduct);
  EXPECT_EQ(r.scenarios[0].winner,
            t.bids.ids[static_cast<std::size_t>(a.order[0])]);
  EXPECT_NEAR_TOL(r.scenarios[0].margin,
                  a.value[a.order[0]] - a.value[a.order[1]], kFloatNoise);
}

TEST(Batch, ScenarioThatDoesNotApplyIsReportedPerTender) {
  const auto scenarios =
      Parse("scenarios:\n  - name: gone\n    drop: warranty\n");
  const TenderBatchResult r = ScoreTender(TwoBids(), scenarios);
  EXPECT_EQ(r.scenarios[0].error,
            "scenarios[gone]: no criterion \"warranty\" to drop");
}

TEST(Batch, ScenarioFileErrorsAreLocated) {
  Result<std::vector<Scenario>> s = ParseScenarios(
      "scenarios:\n  - name: a\n    price-rule: cheapest\n"
      "  - name: a\n    price-weight: 140\n    colour: red\n",
      "s.yaml");
  ASSERT_FALSE(s.ok());
  std::vector<std::string> got;
  for (const Diagnostic& d : s.diagnostics) got.push_back(d.ToString());
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "s.yaml:3:17: scenarios[0].price-rule: expected a price rule "
                "(lowest-ratio, percent-of-lowest, linear-range, "
                "linear-ceiling, logarithmic, below-highest), got "
                "\"cheapest\"",
                "s.yaml:5:19: scenarios[1].price-weight: expected a number in "
                "(0, 100], got 140",
                "s.yaml:6:5: scenarios[1].colour: unknown key; expected name, "
                "drop, price-rule, ceiling-factor, zero-at, price-weight, "
                "weights or method",
                "s.yaml:4:5: scenarios[1].name: the name \"a\" is used "
                "twice"}));
}

TEST(Batch, SummaryCountsPerGroupAndYear) {
  const auto scenarios =
      Parse("scenarios:\n  - name: range\n    price-rule: linear-range\n");
  BatchSummariser sum({"range"});
  TenderBatchResult a = ScoreTender(TwoBids(), scenarios);
  a.info.product_group = "furniture";
  a.info.date = "2024-03-01";
  TenderBatchResult b = a;
  b.info.date = "2025-01-01";
  TenderBatchResult bad;
  bad.error = "broken";
  bad.info.product_group = "furniture";
  sum.Add(a);
  sum.Add(b);
  sum.Add(bad);
  const BatchSummary s = sum.Summary();
  ASSERT_EQ(s.groups.size(), 4u);  // all, furniture/0, furniture/2024, /2025
  const BatchGroup& all = s.groups[0];
  EXPECT_EQ(all.product_group, "");
  EXPECT_EQ(all.tenders, 2);
  EXPECT_EQ(all.failed, 1);
  EXPECT_EQ(all.flips, (std::vector<int>{2}));
  EXPECT_EQ(all.with_price, 2);
  EXPECT_EQ(all.lowest_won, 0);
  EXPECT_NEAR_TOL(all.mean_premium, 0.5, kFloatNoise);
  EXPECT_EQ(all.bands[2].tenders, 2);  // price share 50 %: [0.5, 0.7)
  EXPECT_EQ(s.groups[2].year, 2024);
  EXPECT_EQ(s.groups[2].tenders, 1);
}

TEST(Batch, JsonLineInput) {
  std::string line = R"({"id": "T1", "criteria": )";
  const auto quote = [](const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
      if (c == '\n') {
        out += "\\n";
      } else if (c == '"') {
        out += "\\\"";
      } else {
        out += c;
      }
    }
    return out + "\"";
  };
  line += quote(kCriteria) + ", \"bids\": " + quote(kBids) +
          R"(, "record": {"winner": "A", "date": "2024-01-02"}})";
  TenderInfo info;
  Result<Tender> t = ParseTenderLine(line, 3, &info);
  ASSERT_TRUE(t.ok()) << circa_test::Describe(t.diagnostics);
  EXPECT_EQ(info.reference, "T1");
  EXPECT_EQ(info.published_winner, "A");
  EXPECT_EQ(info.Year(), 2024);
  Result<Tender> bad = ParseTenderLine("{\"criteria\": 3}", 4, nullptr);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.diagnostics[0].ToString(),
            "stdin:4:1: criteria: expected the criteria file's text as a "
            "string");
}

// The batch's rank-reversal probe (ScoreTender) finds what Evaluate's own
// probe finds, on random tenders: every relative price rule, quality marks
// on a coarse grid (ties), a minimum score and max-pass on some, up to 12
// bids and, once, more bids than the probe withdraws one by one (200).
TEST(Batch, ReversalProbeFindsWhatEvaluateFinds) {
  const char* rules[] = {"lowest-ratio", "linear-range", "percent-of-lowest",
                         "ratio-to-best", "logarithmic, zero-at: 3"};
  std::mt19937 rng(20261206);
  int probed = 0;
  int reversals = 0;
  int tenders = 0;
  for (int t = 0; t < 400; ++t) {
    const char* rule = rules[t % 5];
    const int bids = t == 399 ? 230 : 2 + static_cast<int>(rng() % 11);
    const int price_weight = 20 + static_cast<int>(rng() % 61);
    std::string yaml = "circa: 1\nid: random\nversion: 1.0.0\ntitle: R\n";
    if (t % 7 == 3) yaml += "max-pass: 3\n";
    yaml +=
        "scale: 100\ncriteria:\n  - id: price\n    type: price\n"
        "    weight: " +
        std::to_string(price_weight) + "\n    scoring: {rule: " + rule +
        "}\n  - id: q1\n    type: quality\n    weight: " +
        std::to_string((100 - price_weight) / 2) +
        "\n    scoring: {rule: linear, worst: 0, best: 10}\n";
    if (t % 5 == 2) yaml += "    min-score: \"40%\"\n";
    yaml += "  - id: q2\n    type: quality\n    weight: " +
            std::to_string(100 - price_weight - (100 - price_weight) / 2) +
            "\n    scoring: {rule: linear-range}\n";
    std::string csv = "bid,supplier,price,q1,q2\n";
    for (int b = 0; b < bids; ++b) {
      csv += "B" + std::to_string(b) + ",S," +
             std::to_string(100 + static_cast<int>(rng() % 40) * 5) + "," +
             std::to_string(rng() % 11) + "," + std::to_string(rng() % 6) +
             "\n";
    }
    Result<CriteriaSet> set = ParseCriteria(yaml, "tender.yaml");
    ASSERT_TRUE(set.ok()) << circa_test::Describe(set.diagnostics);
    Result<BidSet> parsed =
        ParseBids(csv, "bids.csv", BidsFormat::kCsv, *set.value);
    ASSERT_TRUE(parsed.ok()) << circa_test::Describe(parsed.diagnostics);
    Tender tender;
    tender.criteria = std::move(*set.value);
    tender.bids = std::move(*parsed.value);
    const Result<Outcome> outcome = Evaluate(tender);
    ASSERT_TRUE(outcome.ok());
    const TenderBatchResult r = ScoreTender(tender, {});
    ASSERT_TRUE(r.error.empty()) << r.error;
    const bool run = outcome.value->reversal_probe == ReversalProbeRun::kRun;
    EXPECT_EQ(r.reversal_probed, run) << "tender " << t;
    EXPECT_EQ(r.reversals, static_cast<int>(outcome.value->reversals.size()))
        << "tender " << t << "\n"
        << yaml << csv;
    probed += run ? 1 : 0;
    reversals += r.reversals;
    ++tenders;
  }
  EXPECT_EQ(tenders, 400);
  // The comparison means something: most tenders probed, many reversals.
  EXPECT_GT(probed, 300);
  EXPECT_GT(reversals, 50);
}

// ScoreTender on a shared set keeps compiled sets between tenders (per
// thread); its results are the plain overload's, field for field, on
// random tenders alternating between three sets, with every kind of
// scenario (tests/archive/scenarios.yaml), scenarios that fail on the set
// alone (the third set's "price" is a quality criterion: the price
// scenarios' errors are kept too), and a scenario list that changes
// between calls (a kept compilation is not reused for another scenario at
// the same place).
TEST(Batch, SharedSetGivesThePlainResults) {
  std::ifstream in(std::string(CIRCA_SOURCE_DIR) +
                   "/tests/archive/scenarios.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::vector<Scenario> every = Parse(text.str());
  ASSERT_EQ(every.size(), 6u);
  std::vector<Scenario> other = every;
  other[2] = Parse("scenarios:\n  - name: price-80\n    price-weight: 80\n")[0];
  other[5].method = "weighted-product";
  std::vector<std::shared_ptr<const CriteriaSet>> sets;
  for (const int price : {40, 70, 0}) {
    const std::string price_leaf =
        price > 0 ? "    type: price\n    weight: " + std::to_string(price) +
                        "\n    scoring: {rule: lowest-ratio}\n"
                  : "    type: quality\n    weight: 50\n"
                    "    scoring: {rule: linear-range}\n";
    const std::string yaml =
        "circa: 1\nid: shared\nversion: 1.0.0\ntitle: S\nscale: 100\n"
        "criteria:\n  - id: price\n" +
        price_leaf + "  - id: q\n    type: quality\n    weight: " +
        std::to_string(price > 0 ? 100 - price : 50) +
        "\n    scoring: {rule: linear, worst: 0, best: 10}\n"
        "    strategies: [longer-life]\n";
    Result<CriteriaSet> set = ParseCriteria(yaml, "tender.yaml");
    ASSERT_TRUE(set.ok()) << circa_test::Describe(set.diagnostics);
    sets.push_back(std::make_shared<const CriteriaSet>(std::move(*set.value)));
  }
  std::mt19937 rng(16);
  int flips = 0;
  int errors = 0;
  for (int t = 0; t < 120; ++t) {
    const auto& set = sets[static_cast<std::size_t>(t % 3)];
    const std::vector<Scenario>& scenarios = t % 4 < 2 ? every : other;
    std::string csv = "bid,supplier,price,q\n";
    for (int b = 0, n = 2 + static_cast<int>(rng() % 7); b < n; ++b) {
      csv += "B" + std::to_string(b) + ",S," +
             std::to_string(100 + static_cast<int>(rng() % 50) * 7) + "," +
             std::to_string(rng() % 11) + "\n";
    }
    Result<BidSet> bids = ParseBids(csv, "bids.csv", BidsFormat::kCsv, *set);
    ASSERT_TRUE(bids.ok()) << circa_test::Describe(bids.diagnostics);
    const TenderBatchResult plain = ScoreTender(*set, *bids.value, scenarios);
    const TenderBatchResult shared = ScoreTender(set, *bids.value, scenarios);
    ASSERT_TRUE(plain.error.empty()) << plain.error;
    EXPECT_EQ(shared.error, plain.error);
    EXPECT_EQ(shared.has_price, plain.has_price);
    EXPECT_EQ(shared.winner, plain.winner) << "tender " << t;
    EXPECT_EQ(shared.margin, plain.margin);
    EXPECT_EQ(shared.ranks, plain.ranks);
    EXPECT_EQ(shared.totals, plain.totals);
    EXPECT_EQ(shared.points, plain.points);
    EXPECT_EQ(shared.price_share, plain.price_share);
    EXPECT_EQ(shared.premium, plain.premium);
    EXPECT_EQ(shared.reversals, plain.reversals);
    ASSERT_EQ(shared.scenarios.size(), plain.scenarios.size());
    for (std::size_t k = 0; k < plain.scenarios.size(); ++k) {
      const ScenarioResult& a = plain.scenarios[k];
      const ScenarioResult& b = shared.scenarios[k];
      EXPECT_EQ(b.scenario, a.scenario);
      EXPECT_EQ(b.winner, a.winner) << "tender " << t << " " << a.scenario;
      EXPECT_EQ(b.flip, a.flip);
      EXPECT_EQ(b.margin, a.margin);
      EXPECT_EQ(b.error, a.error);
      EXPECT_EQ(b.ranks, a.ranks);
      EXPECT_EQ(b.totals, a.totals);
      flips += a.flip ? 1 : 0;
      errors += a.error.empty() ? 0 : 1;
    }
  }
  // The comparison means something: winners change, and the three price
  // scenarios fail on each of the 40 tenders of the set without price.
  EXPECT_GT(flips, 20);
  EXPECT_EQ(errors, 120);
}

}  // namespace
}  // namespace circa
