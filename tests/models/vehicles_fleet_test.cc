// The model criteria set criteria/vehicles-fleet.yaml and the sample tender
// that derives from it, samples/model-vehicles-fleet: the model loads cleanly,
// and the sample's outcome is the one samples/model-vehicles-fleet/README.md
// derives by hand (C, the shared mobility service, wins with 95.89, E second
// with 77.36, D excluded).
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

TEST(VehiclesFleetModelTest, ModelSetLoadsWithoutDiagnostics) {
  Result<CriteriaSet> set =
      LoadCriteriaFile(SourcePath("criteria/vehicles-fleet.yaml"));
  ASSERT_TRUE(set.ok()) << Describe(set.diagnostics);
  EXPECT_TRUE(set.diagnostics.empty()) << Describe(set.diagnostics);
  EXPECT_EQ(set.value->id, "vehicles-fleet");
  EXPECT_EQ(set.value->product_group, "vehicles-fleet");
  EXPECT_EQ(set.value->requirements.size(), 3u);
  EXPECT_EQ(set.value->clauses.size(), 3u);
}

TEST(VehiclesFleetModelTest, SampleOutcomeMatchesReadme) {
  const Tender tender = LoadSample("samples/model-vehicles-fleet");
  const Evaluation e = Scorer::Compile(tender.criteria).Evaluate(tender.bids);
  const BidSet& bids = tender.bids;
  ASSERT_EQ(bids.ids.size(), 5u);

  // D (the cheapest, 610,000 EUR) offers a 3-year warranty, below 5.
  ExpectExcludedByRequirement(e, bids, "D", "battery_warranty_minimum");

  // README "Expected outcome": C wins with 95.89, E second with
  // 77.36.
  const int winner = IndexOf(bids, "C");
  const int runner_up = IndexOf(bids, "E");
  ASSERT_GE(winner, 0);
  ASSERT_GE(runner_up, 0);
  EXPECT_EQ(e.Winner(), winner);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(winner)], 1);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(runner_up)], 2);
  EXPECT_NEAR(e.totals[winner], 95.89, 0.005);
  EXPECT_NEAR(e.totals[runner_up], 77.36, 0.005);

  // The purchase offer A scores none of the "share and buy the use" points.
  const int a = IndexOf(bids, "A");
  ASSERT_GE(a, 0);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(a)], 4);
  EXPECT_NEAR(e.totals[a], 34.54, 0.005);
}

}  // namespace
}  // namespace circa
