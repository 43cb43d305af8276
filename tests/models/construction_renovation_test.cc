// The model criteria set criteria/construction-renovation.yaml and the sample
// tender that derives from it, samples/model-construction-renovation: the model
// loads cleanly, and the sample's outcome is the one
// samples/model-construction-renovation/README.md derives by hand (B wins
// with 90.04, E second with 87.41, D excluded).
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

TEST(ConstructionRenovationModelTest, ModelSetLoadsWithoutDiagnostics) {
  Result<CriteriaSet> set =
      LoadCriteriaFile(SourcePath("criteria/construction-renovation.yaml"));
  ASSERT_TRUE(set.ok()) << Describe(set.diagnostics);
  EXPECT_TRUE(set.diagnostics.empty()) << Describe(set.diagnostics);
  EXPECT_EQ(set.value->id, "construction-renovation");
  EXPECT_EQ(set.value->product_group, "construction-renovation");
  EXPECT_EQ(set.value->requirements.size(), 3u);
  EXPECT_EQ(set.value->clauses.size(), 3u);
}

TEST(ConstructionRenovationModelTest, SampleOutcomeMatchesReadme) {
  const Tender tender = LoadSample("samples/model-construction-renovation");
  const Evaluation e = Scorer::Compile(tender.criteria).Evaluate(tender.bids);
  const BidSet& bids = tender.bids;
  ASSERT_EQ(bids.ids.size(), 5u);

  // D (the cheapest, 2,950,000 EUR) made no pre-demolition inventory.
  ExpectExcludedByRequirement(e, bids, "D", "demolition_audit");

  // README "Expected outcome": B wins with 90.04, E second with
  // 87.41.
  const int winner = IndexOf(bids, "B");
  const int runner_up = IndexOf(bids, "E");
  ASSERT_GE(winner, 0);
  ASSERT_GE(runner_up, 0);
  EXPECT_EQ(e.Winner(), winner);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(winner)], 1);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(runner_up)], 2);
  EXPECT_NEAR(e.totals[winner], 90.04, 0.005);
  EXPECT_NEAR(e.totals[runner_up], 87.41, 0.005);

  // The cheapest valid bid, A, comes last of the ranked bids.
  const int a = IndexOf(bids, "A");
  ASSERT_GE(a, 0);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(a)], 4);
  EXPECT_NEAR(e.totals[a], 57.44, 0.005);
}

}  // namespace
}  // namespace circa
