// What would make an excluded bid eligible (engine/analysis/
// counterfactual.cc, FindEligibilityCounterfactuals; issue 13): the quality
// points a bid lacks against each minimum score and against the max-pass
// cut, the value that reaches a one-column minimum, the requirement it
// failed, and that no price can rescue it. Figures derived by hand below;
// the sentences are the analysis report's (engine/report/analysis_report.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "circa/robustness.h"
#include "report/analysis_report.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::ParseBidsOk;
using circa_test::ParseCriteriaOk;
using ::testing::HasSubstr;

// Price 40 (lowest-ratio); plan 40 (scale 0-10, minimum 20 points);
// recycled 20 (linear 0-60 %, minimum 10 points).
constexpr char kSet[] = R"(circa: 1
id: eligibility
version: "1"
title: Eligibility
criteria:
  - {id: price, name: Price, type: price, weight: 40, scoring: {rule: lowest-ratio}}
  - {id: plan, name: Circular plan, type: quality, weight: 40, min-score: 20, scoring: {rule: scale, levels: {0: poor, 2.5: weak, 5: acceptable, 7.5: good, 10: excellent}}}
  - {id: recycled, name: Recycled content, type: quality, unit: "%", weight: 20, min-score: 10, scoring: {rule: linear, worst: 0, best: 60}}
)";

// Quality points by hand (scale: level / 10 x 40; linear: % / 60 x 20):
//   A (100, excellent, 60 %): plan 40, recycled 20  -> quality 60
//   B ( 90, good,      30 %): plan 30, recycled 10  -> quality 40
//   C ( 80, weak,      15 %): plan 10 (< 20), recycled 5 (< 10) -> 15
//   D ( 50, acceptable,30 %): plan 20, recycled 10  -> quality 30
// C lacks 20 - 10 = 10 on the plan: 'acceptable' (5 -> 20 points) is the
// nearest level that reaches it; and 10 - 5 = 5 on recycled content:
// x / 60 x 20 >= 10 from x = 30 %. C is the cheapest but one: no price
// helps, it is out before price is scored.
constexpr char kBids[] =
    "bid,price,plan,recycled\n"
    "A,100,10,60\n"
    "B,90,7.5,30\n"
    "C,80,2.5,15\n"
    "D,50,5,30\n";

TEST(Eligibility, ThresholdShortfallsAndTheValueThatReachesThem) {
  const CriteriaSet set = ParseCriteriaOk(kSet);
  const BidSet bids = ParseBidsOk(kBids, set);
  const Scorer scorer = circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(bids);
  ASSERT_EQ(e.exclusion[2].stage, ExclusionStage::kThreshold);
  const EligibilityResult r =
      FindEligibilityCounterfactuals(scorer, bids.values, e);
  EXPECT_EQ(r.excluded, 1);
  ASSERT_EQ(r.bids.size(), 1u);
  const EligibilityCounterfactual& c = r.bids[0];
  EXPECT_EQ(c.bid, 2);
  EXPECT_EQ(c.stage, ExclusionStage::kThreshold);
  EXPECT_FALSE(c.price_can_rescue);
  EXPECT_DOUBLE_EQ(c.quality_points, 15);
  EXPECT_FALSE(c.cut_points.has_value());
  ASSERT_EQ(c.thresholds.size(), 2u);  // both, not only the first
  EXPECT_EQ(c.thresholds[0].threshold, 0);
  EXPECT_DOUBLE_EQ(c.thresholds[0].points, 10);
  EXPECT_DOUBLE_EQ(c.thresholds[0].min_points, 20);
  EXPECT_DOUBLE_EQ(c.thresholds[0].max_points, 40);
  EXPECT_DOUBLE_EQ(c.thresholds[0].lacking, 10);
  EXPECT_EQ(c.thresholds[0].column, 1);
  EXPECT_DOUBLE_EQ(c.thresholds[0].current, 2.5);
  ASSERT_TRUE(c.thresholds[0].needed.has_value());
  EXPECT_DOUBLE_EQ(*c.thresholds[0].needed, 5);
  EXPECT_DOUBLE_EQ(c.thresholds[1].lacking, 5);
  ASSERT_TRUE(c.thresholds[1].needed.has_value());
  EXPECT_NEAR(*c.thresholds[1].needed, 30, 1e-6);
  // The needed values do make C eligible, and the level below does not.
  Eigen::MatrixXd fixed = bids.values;
  fixed(2, 1) = *c.thresholds[0].needed;
  fixed(2, 2) = *c.thresholds[1].needed;
  EXPECT_EQ(scorer.Evaluate(fixed).status[2], BidStatus::kRanked);
  fixed(2, 1) = 2.5;
  EXPECT_EQ(scorer.Evaluate(fixed).status[2], BidStatus::kExcluded);

  report::AnalysisReport rep;
  rep.criteria = &set;
  rep.bids = &bids;
  rep.scorer = &scorer;
  rep.evaluation = &e;
  rep.eligibility = &r;
  rep.width = 1000;
  const std::string table = report::RenderAnalysisTable(rep);
  EXPECT_THAT(table, HasSubstr("What would make each excluded bid eligible\n"
                               "------------------------------------------\n"
                               "1 excluded bid is left out of the other "
                               "analyses; what would have kept it in:\n"));
  EXPECT_THAT(
      table,
      HasSubstr("- Bid C was below a minimum score: it lacks 10 quality "
                "points on Circular plan (10 of 40, minimum 20), reached with "
                "'acceptable' instead of 'weak'; it lacks 5 quality points on "
                "Recycled content (5 of 20, minimum 10), reached with 30% "
                "instead of 15%. No price or cost can make it eligible: it "
                "was excluded before they were scored.\n"));
  const std::string json = report::RenderAnalysisJson(rep);
  EXPECT_THAT(json, HasSubstr("\"stage\": \"threshold\""));
  EXPECT_THAT(json, HasSubstr("\"lacking\": 10.0"));
  EXPECT_THAT(json, HasSubstr("\"price_can_rescue\": false"));
  EXPECT_THAT(report::RenderAnalysisMarkdown(rep),
              HasSubstr("## What would make each excluded bid eligible\n"));
}

// With max-pass 2, A (60), B (40) and D (30) met every minimum; D is third
// and goes out. The last bid that went on is B with 40 quality points: D
// lacks 40 - 30 = 10, and C, once above its minimums, would also need 40 in
// all, 25 more than its 15.
TEST(Eligibility, MaxPassPlaceAndTheQualityPointsToReachTheCut) {
  CriteriaSet set = ParseCriteriaOk(kSet);
  set.max_pass = 2;
  const BidSet bids = ParseBidsOk(kBids, set);
  const Scorer scorer = circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(bids);
  ASSERT_EQ(e.exclusion[3].stage, ExclusionStage::kMaxPass);
  const EligibilityResult r =
      FindEligibilityCounterfactuals(scorer, bids.values, e);
  EXPECT_EQ(r.excluded, 2);
  ASSERT_EQ(r.bids.size(), 2u);
  const EligibilityCounterfactual& c = r.bids[0];
  ASSERT_TRUE(c.cut_points.has_value());
  EXPECT_DOUBLE_EQ(*c.cut_points, 40);
  EXPECT_DOUBLE_EQ(c.cut_lacking, 25);
  const EligibilityCounterfactual& d = r.bids[1];
  EXPECT_EQ(d.bid, 3);
  EXPECT_EQ(d.stage, ExclusionStage::kMaxPass);
  EXPECT_EQ(d.place, 3);
  EXPECT_EQ(d.passed, 3);
  EXPECT_DOUBLE_EQ(d.quality_points, 30);
  EXPECT_DOUBLE_EQ(*d.cut_points, 40);
  EXPECT_DOUBLE_EQ(d.cut_lacking, 10);
  EXPECT_TRUE(d.thresholds.empty());

  report::AnalysisReport rep;
  rep.criteria = &set;
  rep.bids = &bids;
  rep.scorer = &scorer;
  rep.evaluation = &e;
  rep.eligibility = &r;
  rep.width = 1000;
  const std::string table = report::RenderAnalysisTable(rep);
  EXPECT_THAT(table, HasSubstr(" To go on past max-pass it would also need "
                               "40 quality points in all, 25 more than its "
                               "15. No price"));
  EXPECT_THAT(table,
              HasSubstr("- Bid D placed 3 of 3 on quality with 30 points, "
                        "below the max-pass cut: it lacks 10 quality points "
                        "to reach the 40 of the last bid that went on (a tie "
                        "at the cut goes on). No price or cost can make it "
                        "eligible: it was excluded before they were "
                        "scored.\n"));
}

TEST(Eligibility, RequirementNamesTheRequirement) {
  const CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: r
version: "1"
title: r
requirements:
  - id: thick
    conditions: [{field: thickness, min: 2}]
criteria:
  - {id: price, type: price, weight: 100, scoring: {rule: lowest-ratio}}
)");
  const BidSet bids = ParseBidsOk(
      "bid,price,thickness\n"
      "A,100,3\n"
      "B,50,1\n",
      set);
  const Scorer scorer = circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(bids);
  const EligibilityResult r =
      FindEligibilityCounterfactuals(scorer, bids.values, e);
  ASSERT_EQ(r.bids.size(), 1u);
  EXPECT_EQ(r.bids[0].bid, 1);
  EXPECT_EQ(r.bids[0].stage, ExclusionStage::kRequirement);
  EXPECT_EQ(r.bids[0].requirement, "thick");
  EXPECT_FALSE(r.bids[0].price_can_rescue);

  report::AnalysisReport rep;
  rep.criteria = &set;
  rep.bids = &bids;
  rep.scorer = &scorer;
  rep.evaluation = &e;
  rep.eligibility = &r;
  rep.width = 1000;
  EXPECT_THAT(report::RenderAnalysisTable(rep),
              HasSubstr("- Bid B does not meet requirement thick: thickness "
                        "is \"1\", expected at least 2. Only meeting the "
                        "requirement makes it eligible: it was excluded "
                        "before anything was scored, so no price, cost or "
                        "quality can rescue it.\n"));
}

TEST(Eligibility, NoExclusionNoEntries) {
  const CriteriaSet set = ParseCriteriaOk(kSet);
  const BidSet bids = ParseBidsOk(
      "bid,price,plan,recycled\n"
      "A,100,10,60\n"
      "B,90,7.5,30\n",
      set);
  const Scorer scorer = circa_test::CompileOk(set);
  const EligibilityResult r = FindEligibilityCounterfactuals(
      scorer, bids.values, scorer.Evaluate(bids));
  EXPECT_EQ(r.excluded, 0);
  EXPECT_TRUE(r.bids.empty());
}

}  // namespace
}  // namespace circa
