// The model criteria set criteria/cleaning.yaml and the sample tender that
// derives from it, samples/model-cleaning: the model loads cleanly, and the
// sample's outcome is the one samples/model-cleaning/README.md derives by
// hand (B wins with 89.67, C second with 83.20, D excluded).
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

using ::circa_test::Describe;
using ::circa_test::SourcePath;

TEST(CleaningModelTest, ModelSetLoadsWithoutDiagnostics) {
  Result<CriteriaSet> set =
      LoadCriteriaFile(SourcePath("criteria/cleaning.yaml"));
  ASSERT_TRUE(set.ok()) << Describe(set.diagnostics);
  EXPECT_TRUE(set.diagnostics.empty()) << Describe(set.diagnostics);
  EXPECT_EQ(set.value->id, "cleaning");
  EXPECT_EQ(set.value->product_group, "cleaning");
  EXPECT_EQ(set.value->requirements.size(), 3u);
  EXPECT_EQ(set.value->clauses.size(), 3u);
}

TEST(CleaningModelTest, SampleOutcomeMatchesReadme) {
  const Tender tender = LoadSample("samples/model-cleaning");
  const Evaluation e = Scorer::Compile(tender.criteria).Evaluate(tender.bids);
  const BidSet& bids = tender.bids;
  ASSERT_EQ(bids.ids.size(), 5u);

  // D (the cheapest, 239,000 EUR) has no EU Ecolabel or equivalent.
  ExpectExcludedByRequirement(e, bids, "D", "ecolabel_products");

  // README "Expected outcome": B wins with 89.67, C second with
  // 83.20.
  const int winner = IndexOf(bids, "B");
  const int runner_up = IndexOf(bids, "C");
  ASSERT_GE(winner, 0);
  ASSERT_GE(runner_up, 0);
  EXPECT_EQ(e.Winner(), winner);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(winner)], 1);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(runner_up)], 2);
  EXPECT_NEAR(e.totals[winner], 89.67, 0.005);
  EXPECT_NEAR(e.totals[runner_up], 83.20, 0.005);

  // The derivation: biobased_products dropped, recycled_bin_bags added, price
  // re-weighted to 35; the lowest valid price (A's 268,000) gives 35 points.
  const int a = IndexOf(bids, "A");
  ASSERT_GE(a, 0);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(a)], 4);
  EXPECT_NEAR(e.totals[a], 51.71, 0.005);
}

}  // namespace
}  // namespace circa
