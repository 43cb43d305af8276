// The model criteria set criteria/lighting.yaml and the sample tender that
// derives from it, samples/model-lighting: the model loads cleanly, and the
// sample's outcome is the one samples/model-lighting/README.md derives by
// hand (B, light as a service, wins with 91.41, D second with 82.11, C
// excluded).
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

TEST(LightingModelTest, ModelSetLoadsWithoutDiagnostics) {
  Result<CriteriaSet> set =
      LoadCriteriaFile(SourcePath("criteria/lighting.yaml"));
  ASSERT_TRUE(set.ok()) << Describe(set.diagnostics);
  EXPECT_TRUE(set.diagnostics.empty()) << Describe(set.diagnostics);
  EXPECT_EQ(set.value->id, "lighting");
  EXPECT_EQ(set.value->product_group, "lighting");
  EXPECT_EQ(set.value->requirements.size(), 3u);
  EXPECT_EQ(set.value->clauses.size(), 3u);
}

TEST(LightingModelTest, SampleOutcomeMatchesReadme) {
  const Tender tender = LoadSample("samples/model-lighting");
  const Evaluation e = Scorer::Compile(tender.criteria).Evaluate(tender.bids);
  const BidSet& bids = tender.bids;
  ASSERT_EQ(bids.ids.size(), 5u);

  // C (the cheapest, 905,000 EUR) offers IP54 luminaires, below IP65.
  ExpectExcludedByRequirement(e, bids, "C", "ingress_protection");

  // README "Expected outcome": B wins with 91.41, D second with
  // 82.11.
  const int winner = IndexOf(bids, "B");
  const int runner_up = IndexOf(bids, "D");
  ASSERT_GE(winner, 0);
  ASSERT_GE(runner_up, 0);
  EXPECT_EQ(e.Winner(), winner);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(winner)], 1);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(runner_up)], 2);
  EXPECT_NEAR(e.totals[winner], 91.41, 0.005);
  EXPECT_NEAR(e.totals[runner_up], 82.11, 0.005);

  // The cheapest valid bid, A, comes last of the ranked bids with 61.875.
  const int a = IndexOf(bids, "A");
  ASSERT_GE(a, 0);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(a)], 4);
  EXPECT_NEAR(e.totals[a], 61.875, 0.005);
}

}  // namespace
}  // namespace circa
