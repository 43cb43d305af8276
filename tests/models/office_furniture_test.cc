// The office-furniture model set (criteria/office-furniture.yaml) and the
// sample tender derived from it (samples/model-office-furniture): the
// expected outcome is the one samples/model-office-furniture/README.md
// derives by hand.
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
using ::testing::AnyOf;

TEST(OfficeFurnitureModelTest, ModelSetLoadsWithoutErrors) {
  const Result<CriteriaSet> r =
      LoadCriteriaFile(SourcePath("criteria/office-furniture.yaml"));
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_FALSE(HasErrors(r.diagnostics)) << circa_test::Describe(r.diagnostics);
  const CriteriaSet& set = *r.value;
  EXPECT_EQ(set.id, "office-furniture");
  EXPECT_EQ(set.version, "1.0.0");
  EXPECT_EQ(set.product_group, "office-furniture");
  EXPECT_EQ(set.requirements.size(), 3u);
  EXPECT_EQ(set.clauses.size(), 3u);
  EXPECT_EQ(set.sources.size(), 3u);
  // Every one of the six circular strategies is covered.
  EXPECT_EQ(set.Strategies().size(), AllStrategies().size());
  EXPECT_EQ(set.labels.at("nl"), "Circulair kantoormeubilair (modelcriteria)");
}

// README: D is excluded on its requirements; C wins with 88.41 (C's price
// 40 x 268,000 / 318,000 = 33.710692 plus 54.7 quality points); B is second
// with 86.21; E 63.05; A 50.40.
TEST(OfficeFurnitureModelTest, SampleOutcomeMatchesReadme) {
  const Tender t = LoadSample("samples/model-office-furniture");
  EXPECT_EQ(t.criteria.model_id, "office-furniture");
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

  EXPECT_EQ(e.Winner(), c);
  EXPECT_NEAR(e.totals[c], 88.41, 0.005);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(b)], 2);
  EXPECT_NEAR(e.totals[b], 86.21, 0.005);
  EXPECT_NEAR(e.totals[e_bid], 63.05, 0.005);
  EXPECT_NEAR(e.totals[a], 50.40, 0.005);

  // D (cheapest, 229,000 EUR) fails its requirements and does not set the
  // lowest price: A's 268,000 EUR does.
  EXPECT_EQ(e.status[static_cast<std::size_t>(d)], BidStatus::kExcluded);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(d)], 0);
  ASSERT_FALSE(e.exclusion.empty());
  EXPECT_EQ(e.exclusion[static_cast<std::size_t>(d)].stage,
            ExclusionStage::kRequirement);
  EXPECT_THAT(e.exclusion[static_cast<std::size_t>(d)].rule,
              AnyOf("legal_timber", "refurbishment_references"));
  const int price = ColumnOf(scorer, "price");
  ASSERT_GE(price, 0);
  EXPECT_DOUBLE_EQ(e.column_min[price], 268000);
  EXPECT_NEAR(e.Points(a, price), 40.0, 0.005);
  // The tender re-weighted the model: price 40 (model 35), the dropped
  // furniture_as_a_service is gone, and the resolved leaves add up to 100.
  EXPECT_DOUBLE_EQ(e.weights[price], 40);
  EXPECT_EQ(ColumnOf(scorer, "furniture_as_a_service"), -1);
  EXPECT_EQ(scorer.size(), 12);
  EXPECT_NEAR(e.weights.sum(), 100, 1e-9);
}

}  // namespace
}  // namespace circa
