// The food-catering model set (criteria/food-catering.yaml) and the sample
// tender derived from it (samples/model-food-catering): the expected outcome
// is the one samples/model-food-catering/README.md derives by hand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "circa/circa.h"
#include "models/model_sample.h"
#include "test_util.h"

namespace circa {
namespace {

using ::circa_test::models::ColumnOf;
using ::circa_test::models::ExpectExcludedByRequirement;
using ::circa_test::models::IndexOf;
using ::circa_test::models::LoadSample;

using ::circa_test::SourcePath;

TEST(FoodCateringModelTest, ModelSetLoadsWithoutErrors) {
  const Result<CriteriaSet> r =
      LoadCriteriaFile(SourcePath("criteria/food-catering.yaml"));
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_FALSE(HasErrors(r.diagnostics)) << circa_test::Describe(r.diagnostics);
  const CriteriaSet& set = *r.value;
  EXPECT_EQ(set.id, "food-catering");
  EXPECT_EQ(set.version, "1.0.0");
  EXPECT_EQ(set.product_group, "food-catering");
  EXPECT_EQ(set.requirements.size(), 3u);
  EXPECT_EQ(set.clauses.size(), 3u);
  EXPECT_EQ(set.sources.size(), 3u);
  EXPECT_EQ(set.labels.at("nl"),
            "Circulaire voeding en catering (modelcriteria)");
}

// README: D is excluded on min_organic (8 %); B wins with 91.32 (price
// 40 x 4.35 / 4.95 = 35.151515 plus 56.166667 quality points); E is second
// with 90.72; C 77.48; A 52.95.
TEST(FoodCateringModelTest, SampleOutcomeMatchesReadme) {
  const Tender t = LoadSample("samples/model-food-catering");
  EXPECT_EQ(t.criteria.model_id, "food-catering");
  const Scorer scorer = Scorer::Compile(t.criteria);
  const Evaluation e = scorer.Evaluate(t.bids);

  const int a = IndexOf(t.bids, "A");
  const int b = IndexOf(t.bids, "B");
  const int c = IndexOf(t.bids, "C");
  const int d = IndexOf(t.bids, "D");
  const int e_bid = IndexOf(t.bids, "E");
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  ASSERT_GE(c, 0);
  ASSERT_GE(d, 0);
  ASSERT_GE(e_bid, 0);

  EXPECT_EQ(e.Winner(), b);
  EXPECT_NEAR(e.totals[b], 91.32, 0.005);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(e_bid)], 2);
  EXPECT_NEAR(e.totals[e_bid], 90.72, 0.005);
  EXPECT_NEAR(e.totals[c], 77.48, 0.005);
  EXPECT_NEAR(e.totals[a], 52.95, 0.005);

  // D (cheapest, 3.98 EUR per meal) fails min_organic and does not set the
  // lowest price: A's 4.35 EUR does.
  ExpectExcludedByRequirement(e, t.bids, "D", "min_organic");
  const int price = ColumnOf(scorer, "meal_price");
  ASSERT_GE(price, 0);
  EXPECT_DOUBLE_EQ(e.column_min[price], 4.35);
  EXPECT_NEAR(e.Points(a, price), 40.0, 0.005);
  // The buyer's changes: organic products full at 60 % (B's 55 % scores
  // 55 / 60 of 10 points), bio_based_disposables dropped, used_cooking_oil
  // added under next_loop.
  const int organic = ColumnOf(scorer, "organic_share");
  ASSERT_GE(organic, 0);
  EXPECT_NEAR(e.Points(b, organic), 10.0 * 55 / 60, 1e-9);
  EXPECT_EQ(ColumnOf(scorer, "bio_based_disposables"), -1);
  const int oil = ColumnOf(scorer, "used_cooking_oil");
  ASSERT_GE(oil, 0);
  EXPECT_DOUBLE_EQ(e.weights[oil], 4);
  EXPECT_EQ(scorer.size(), 12);
  EXPECT_NEAR(e.weights.sum(), 100, 1e-9);
}

}  // namespace
}  // namespace circa
