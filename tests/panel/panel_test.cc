// Evaluator panels (engine/panel/panel.cc): the panel scores file, every
// bad-file message with its exact text and position, aggregation (mean,
// median, consensus), disagreement, ApplyPanel's effect on scoring and the
// award-letter sentences.
#include "circa/panel.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "circa/circa.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::Describe;
using circa_test::Messages;
using circa_test::ParseBidsOk;
using circa_test::ParseCriteriaOk;
using ::testing::ElementsAre;

// Leaves, in column order: price (lowest-ratio, 40 points), plan (scale
// 0..4, 30), take_back (yes-no, 10), recycled (linear 0..60 %, 10), repair
// (steps 2 -> 0, 5 -> 0.5, 10 -> 1; 10).
constexpr char kCriteria[] = R"(circa: 1
id: panel-test
version: "1"
title: Panel test
criteria:
  - id: price
    type: price
    weight: 40
    scoring: {rule: lowest-ratio}
  - id: quality
    type: quality
    weight: 60
    criteria:
      - id: plan
        name: Circular service plan
        weight: 30
        scoring:
          rule: scale
          levels: {0: unacceptable, 1: weak, 2: acceptable, 3: good, 4: excellent}
      - id: take_back
        name: Take-back
        weight: 10
        scoring: {rule: yes-no}
      - id: recycled
        name: Recycled content
        unit: "%"
        weight: 10
        scoring: {rule: linear, worst: 0, best: 60}
      - id: repair
        name: Repairability
        unit: years
        weight: 10
        scoring: {rule: steps, steps: [[2, 0], [5, 0.5], [10, 1]]}
)";

// Panel columns are given as placeholders (plan 0); ApplyPanel replaces
// them.
constexpr char kBids[] = R"(bid,supplier,price,plan,take_back,recycled,repair
A,Alpha,100000,0,no,30,5
B,Beta,80000,0,yes,60,10
C,Gamma,125000,0,no,0,2
)";

constexpr char kHeader[] = "bid,criterion,evaluator,score,rationale\n";

class PanelTest : public ::testing::Test {
 protected:
  PanelTest() : set_(ParseCriteriaOk(kCriteria)) { set_.panel = PanelPolicy{}; }

  // The leaf or group with this id, to attach a policy.
  Criterion& Node(const std::string& id) {
    for (Criterion& top : set_.criteria) {
      if (top.id == id) return top;
      for (Criterion& leaf : top.children) {
        if (leaf.id == id) return leaf;
      }
    }
    throw std::runtime_error("no criterion " + id);
  }

  Result<PanelScores> Parse(std::string_view body,
                            const std::vector<std::string>& ids = {"A", "B",
                                                                   "C"},
                            const LoadOptions& options = {}) const {
    return ParsePanel(std::string(kHeader) + std::string(body), "panel.csv",
                      set_, ids, options);
  }

  std::vector<std::string> Errors(std::string_view body,
                                  const std::vector<std::string>& ids = {"A"},
                                  const LoadOptions& options = {}) const {
    const Result<PanelScores> r = Parse(body, ids, options);
    EXPECT_FALSE(r.ok());
    return Messages(r.diagnostics);
  }

  PanelScores ParseOk(std::string_view text,
                      const std::vector<std::string>& ids = {"A", "B", "C"},
                      const LoadOptions& options = {}) const {
    Result<PanelScores> r = ParsePanel(text, "panel.csv", set_, ids, options);
    if (!r.ok() || !r.diagnostics.empty()) {
      throw std::runtime_error("panel did not load cleanly:\n" +
                               Describe(r.diagnostics));
    }
    return std::move(*r.value);
  }

  PanelResult Aggregate(std::string_view body,
                        const std::vector<std::string>& ids = {"A", "B",
                                                               "C"}) const {
    return AggregatePanel(
        ParseOk(std::string(kHeader) + std::string(body), ids), set_);
  }

  CriteriaSet set_;
};

// --- Reading ---------------------------------------------------------------

TEST_F(PanelTest, KeepsEveryRowWithItsPosition) {
  const PanelScores p = ParseOk(std::string(kHeader) +
                                    "A,plan,Ann,3,\"Clear plan, named staff\"\n"
                                    "A,plan,consensus,good,\n",
                                {"A"});
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0].bid, "A");
  EXPECT_EQ(p.rows[0].criterion, "plan");
  EXPECT_EQ(p.rows[0].evaluator, "Ann");
  EXPECT_EQ(p.rows[0].score, 3.0);
  EXPECT_EQ(p.rows[0].text, "3");
  EXPECT_EQ(p.rows[0].rationale, "Clear plan, named staff");
  EXPECT_EQ(p.rows[0].where.file, "panel.csv");
  EXPECT_EQ(p.rows[0].where.line, 2);
  EXPECT_EQ(p.rows[0].row, 1);
  EXPECT_FALSE(p.rows[0].is_consensus());
  // A descriptor is read as its level.
  EXPECT_EQ(p.rows[1].score, 3.0);
  EXPECT_TRUE(p.rows[1].is_consensus());
  EXPECT_EQ(p.source, "panel.csv");
  EXPECT_EQ(p.locale, "auto");
  EXPECT_EQ(p.sha256.size(), 64u);
}

TEST_F(PanelTest, ColumnOrderIsFreeAndRationaleOptional) {
  const PanelScores p = ParseOk(
      "score,evaluator,criterion,bid\n"
      "4,Ann,plan,A\n",
      {"A"});
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0].bid, "A");
  EXPECT_EQ(p.rows[0].evaluator, "Ann");
  EXPECT_EQ(p.rows[0].score, 4.0);
  EXPECT_EQ(p.rows[0].rationale, "");
}

TEST_F(PanelTest, SemicolonsAndDecimalComma) {
  const PanelScores p = ParseOk(
      "# locale: nl-BE\n"
      "bid;criterion;evaluator;score;rationale\n"
      "A;recycled;Ann;12,5;Gewogen gemiddelde\n"
      "A;recycled;Bob;45 %;\n",
      {"A"});
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0].score, 12.5);
  EXPECT_EQ(p.rows[0].where.line, 3);
  EXPECT_EQ(p.rows[1].score, 45.0);
  EXPECT_EQ(p.locale, "nl-BE");
}

TEST_F(PanelTest, YesNoWordsAndNumbers) {
  const PanelScores p = ParseOk(std::string(kHeader) +
                                    "A,take_back,Ann,yes,\n"
                                    "A,take_back,Bob,0,\n"
                                    "A,repair,Ann,7,\n",
                                {"A"});
  EXPECT_EQ(p.rows[0].score, 1.0);
  EXPECT_EQ(p.rows[1].score, 0.0);
  EXPECT_EQ(p.rows[2].score, 7.0);
}

// --- Messages --------------------------------------------------------------

TEST_F(PanelTest, UnknownBid) {
  EXPECT_THAT(Errors("F,plan,Ann,3,\n", {"A", "B", "C"}),
              ElementsAre("panel.csv:2:1: row 1.bid: unknown bid \"F\"; "
                          "expected one of A, B or C"));
}

TEST_F(PanelTest, UnknownBidAmongManySuggests) {
  std::vector<std::string> ids;
  for (int i = 1; i <= 12; ++i) ids.push_back("BID-" + std::to_string(i));
  EXPECT_THAT(Errors("BID-13x,plan,Ann,3,\n", ids),
              ElementsAre("panel.csv:2:1: row 1.bid: unknown bid \"BID-13x\"; "
                          "expected a bid id of the bids file (did you mean "
                          "\"BID-1\"?)"));
}

TEST_F(PanelTest, UnknownCriterionSuggests) {
  EXPECT_THAT(Errors("A,plann,Ann,3,\n"),
              ElementsAre("panel.csv:2:3: row 1.criterion: unknown criterion "
                          "\"plann\"; expected a leaf criterion id (did you "
                          "mean \"plan\"?)"));
}

TEST_F(PanelTest, GroupIsNotScored) {
  EXPECT_THAT(Errors("A,quality,Ann,3,\n"),
              ElementsAre("panel.csv:2:3: row 1.criterion: \"quality\" is a "
                          "group of criteria; score each of its leaf criteria "
                          "instead"));
}

TEST_F(PanelTest, PriceIsNotAPanelCriterion) {
  EXPECT_THAT(Errors("A,price,Ann,100000,\n"),
              ElementsAre("panel.csv:2:3: row 1.criterion: criterion "
                          "\"price\" is a price criterion scored by rule "
                          "lowest-ratio; a panel scores only quality criteria "
                          "with rule scale, steps, linear or yes-no"));
}

TEST_F(PanelTest, CriterionWithoutPolicy) {
  set_.panel.reset();
  Node("take_back").panel = PanelPolicy{};
  EXPECT_THAT(Errors("A,plan,Ann,3,\nA,take_back,Ann,yes,\n"),
              ElementsAre("panel.csv:2:3: row 1.criterion: criterion \"plan\" "
                          "has no panel policy; declare panel: on the "
                          "criterion, on a group above it or on the criteria "
                          "set"));
}

TEST_F(PanelTest, OutOfScale) {
  EXPECT_THAT(
      Errors("A,plan,Ann,2.5,\nA,plan,Bob,superb,\nA,plan,Cid,,\n"),
      ElementsAre("panel.csv:2:12: row 1.score: \"2.5\" is out of scale; "
                  "expected one of the levels 0 (unacceptable), 1 (weak), 2 "
                  "(acceptable), 3 (good), 4 (excellent)",
                  "panel.csv:3:12: row 2.score: \"superb\" is out of scale; "
                  "expected one of the levels 0 (unacceptable), 1 (weak), 2 "
                  "(acceptable), 3 (good), 4 (excellent)",
                  "panel.csv:4:12: row 3.score: missing; expected one of the "
                  "levels 0 (unacceptable), 1 (weak), 2 (acceptable), 3 "
                  "(good), 4 (excellent)"));
}

TEST_F(PanelTest, OutOfRangeForYesNoLinearAndSteps) {
  EXPECT_THAT(
      Errors("A,take_back,Ann,2,\nA,recycled,Ann,75,\nA,repair,Ann,-1,\n"
             "A,recycled,Bob,lots,\n"),
      ElementsAre(
          "panel.csv:2:17: row 1.score: expected 1 (yes) or 0 (no), got \"2\"",
          "panel.csv:3:16: row 2.score: expected a number from 0 to 60, got "
          "\"75\"",
          "panel.csv:4:14: row 3.score: expected a number from 0 to 10, got "
          "\"-1\"",
          "panel.csv:5:16: row 4.score: expected a number, got \"lots\""));
}

TEST_F(PanelTest, DuplicateScoreIgnoresCase) {
  EXPECT_THAT(Errors("A,plan,Ann,3,\nA,plan,ann,4,\nA,plan,Consensus,3,\n"
                     "A,plan,CONSENSUS,4,\n"),
              ElementsAre("panel.csv:3:8: row 2.evaluator: duplicate score by "
                          "ann for bid A on plan (first at line 2)",
                          "panel.csv:5:8: row 4.evaluator: duplicate score by "
                          "CONSENSUS for bid A on plan (first at line 4)"));
}

TEST_F(PanelTest, MissingRationaleWhenRequired) {
  PanelPolicy policy;
  policy.rationale_required = true;
  Node("plan").panel = policy;
  EXPECT_THAT(Errors("A,plan,Ann,3,  \nA,take_back,Ann,yes,\n"),
              ElementsAre("panel.csv:2:14: row 1.rationale: missing; the "
                          "panel policy of \"plan\" requires a rationale for "
                          "every score"));
  // Without a rationale column the row itself is named.
  const Result<PanelScores> r =
      ParsePanel("bid,criterion,evaluator,score\nA,plan,Ann,3\n", "panel.csv",
                 set_, {"A"});
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("panel.csv:2:1: row 1.rationale: missing; the panel "
                          "policy of \"plan\" requires a rationale for every "
                          "score"));
}

TEST_F(PanelTest, GroupPolicyAppliesToLeavesBelow) {
  PanelPolicy policy;
  policy.rationale_required = true;
  Node("quality").panel = policy;
  EXPECT_THAT(Errors("A,recycled,Ann,30,\n"),
              ElementsAre("panel.csv:2:19: row 1.rationale: missing; the "
                          "panel policy of \"recycled\" requires a rationale "
                          "for every score",
                          // The group declares a panel for all its leaves.
                          "panel.csv: plan: no panel scores; the criterion "
                          "has a panel policy, so every bid needs a score "
                          "from the panel on it",
                          "panel.csv: take_back: no panel scores; the "
                          "criterion has a panel policy, so every bid needs a "
                          "score from the panel on it",
                          "panel.csv: repair: no panel scores; the criterion "
                          "has a panel policy, so every bid needs a score "
                          "from the panel on it"));
}

TEST_F(PanelTest, CompleteNamesMissingBidEvaluatorPairs) {
  PanelPolicy policy;
  policy.complete = true;
  Node("plan").panel = policy;
  EXPECT_THAT(Errors("A,plan,Ann,3,\nB,plan,Ann,3,\nC,plan,Ann,3,\n"
                     "A,plan,Bob,3,\n"
                     "A,plan,Cid,3,\nB,plan,Cid,3,\n"
                     "C,plan,consensus,3,\n",
                     {"A", "B", "C"}),
              ElementsAre("panel.csv:5:1: plan: Bob did not score bids B and "
                          "C; the panel policy requires every evaluator to "
                          "score every bid (complete)",
                          "panel.csv:6:1: plan: Cid did not score bid C; the "
                          "panel policy requires every evaluator to score "
                          "every bid (complete)"));
}

TEST_F(PanelTest, ExcludedBidsNeedNoScore) {
  PanelPolicy policy;
  policy.complete = true;
  Node("plan").panel = policy;
  const Result<PanelScores> r =
      ParsePanel(std::string(kHeader) +
                     "A,plan,Ann,3,\nB,plan,Ann,3,\nA,plan,Bob,4,\n"
                     "B,plan,Bob,2,\nC,plan,Bob,1,\n",
                 "panel.csv", set_, {"A", "B", "C"}, {"C"}, {});
  EXPECT_TRUE(r.ok()) << Describe(r.diagnostics);
  ASSERT_TRUE(r.value.has_value());
  EXPECT_EQ(r.value->excluded, std::vector<std::string>{"C"});
}

TEST_F(PanelTest, ConsensusRequiredByPolicy) {
  PanelPolicy policy;
  policy.aggregate = PanelAggregate::kConsensus;
  Node("plan").panel = policy;
  EXPECT_THAT(Errors("A,plan,Ann,3,\nA,plan,consensus,3,\nB,plan,Ann,2,\n",
                     {"A", "B", "C"}),
              ElementsAre("panel.csv:4:1: bids[B].plan: no consensus score "
                          "for bid B on plan; the panel policy aggregates by "
                          "consensus, so add a row with evaluator "
                          "\"consensus\"",
                          "panel.csv: bids[C].plan: no panel score; every bid "
                          "needs a score from at least one evaluator on plan"));
}

TEST_F(PanelTest, BidWithoutAnyScore) {
  EXPECT_THAT(
      Errors("A,plan,Ann,3,\nC,take_back,Bob,no,\n", {"A", "B", "C"}),
      ElementsAre("panel.csv: bids[B].plan: no panel score; every bid needs a "
                  "score from at least one evaluator on plan",
                  "panel.csv: bids[C].plan: no panel score; every bid needs a "
                  "score from at least one evaluator on plan",
                  "panel.csv: bids[A].take_back: no panel score; every bid "
                  "needs a score from at least one evaluator on take_back",
                  "panel.csv: bids[B].take_back: no panel score; every bid "
                  "needs a score from at least one evaluator on take_back"));
}

TEST_F(PanelTest, BadRowDoesNotAlsoReportAMissingScore) {
  // Row 1 has a bad score, but bid A was scored on plan: one error only.
  EXPECT_THAT(Errors("A,plan,Ann,9,\n"),
              ElementsAre("panel.csv:2:12: row 1.score: \"9\" is out of "
                          "scale; expected one of the levels 0 "
                          "(unacceptable), 1 (weak), 2 (acceptable), 3 "
                          "(good), 4 (excellent)"));
}

TEST_F(PanelTest, MissingCells) {
  EXPECT_THAT(Errors(",,,3,\n"),
              ElementsAre("panel.csv:2:1: row 1.bid: missing; expected a bid "
                          "id",
                          "panel.csv:2:2: row 1.criterion: missing; expected "
                          "a leaf criterion id",
                          "panel.csv:2:3: row 1.evaluator: missing; expected "
                          "the evaluator's name, or consensus for the "
                          "moderated score"));
}

TEST_F(PanelTest, HeaderProblems) {
  const Result<PanelScores> r = ParsePanel(
      "bid,criterion,scroe,bid\nA,plan,3,A\n", "panel.csv", set_, {"A"});
  EXPECT_THAT(
      Messages(r.diagnostics),
      ElementsAre("panel.csv:1:15: header: unknown column \"scroe\"; expected "
                  "bid, criterion, evaluator, score or rationale (did you "
                  "mean \"score\"?)",
                  "panel.csv:1:21: header: duplicate column \"bid\"",
                  "panel.csv:1:1: header: missing the columns evaluator and "
                  "score; expected a header row with bid, criterion, "
                  "evaluator, score and rationale (in any order)"));
}

TEST_F(PanelTest, EmptyFileAndHeaderOnly) {
  Result<PanelScores> r = ParsePanel("", "panel.csv", set_, {"A"});
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("panel.csv:1:1: the file is empty; expected a "
                          "header row (bid, criterion, evaluator, score, "
                          "rationale) and one row per score"));
  r = ParsePanel(kHeader, "panel.csv", set_, {"A"});
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("panel.csv: no scores found; expected at least one "
                          "row"));
}

TEST_F(PanelTest, RowWidth) {
  EXPECT_THAT(Errors("A,plan,Ann\n"),
              ElementsAre("panel.csv:2:1: row 1: row has 3 values; the header "
                          "has 5 columns"));
}

TEST_F(PanelTest, UnknownLocale) {
  const Result<PanelScores> r =
      ParsePanel(std::string("# locale: xx\n") + kHeader + "A,plan,Ann,3,\n",
                 "panel.csv", set_, {"A"});
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("panel.csv:1:1: locale: unknown locale \"xx\"; "
                          "expected auto, en, or a decimal-comma locale such "
                          "as nl-BE, fr-BE, de-BE"));
}

TEST_F(PanelTest, ErrorCap) {
  LoadOptions options;
  options.max_errors = 2;
  EXPECT_THAT(
      Errors("F,plan,Ann,3,\nG,plan,Ann,3,\nH,plan,Ann,3,\n", {"A"}, options),
      ElementsAre("panel.csv:2:1: row 1.bid: unknown bid \"F\"; "
                  "expected one of A",
                  "panel.csv:3:1: row 2.bid: unknown bid \"G\"; "
                  "expected one of A",
                  "panel.csv: too many errors; stopped after 2"));
}

// Old Mac files (lines ended by a lone CR) are read as lines.
TEST_F(PanelTest, OldMacLineEndingsAreRead) {
  std::string text = std::string(kHeader) +
                     "A,plan,Ann,3,\"Clear plan\"\nA,plan,consensus,good,\n";
  for (char& c : text) {
    if (c == '\n') c = '\r';
  }
  const PanelScores p = ParseOk(text, {"A"});
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[1].evaluator, "consensus");
  EXPECT_EQ(p.rows[1].where.line, 3);
}

TEST_F(PanelTest, LoadPanelFileReportsAMissingFile) {
  const Result<PanelScores> r =
      LoadPanelFile("/nonexistent/panel.csv", set_, {"A"});
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].where.file, "/nonexistent/panel.csv");
}

// --- Policies --------------------------------------------------------------

TEST_F(PanelTest, PolicyLookupOwnGroupSet) {
  EXPECT_EQ(PanelPolicyFor(set_, "plan"), &*set_.panel);
  Node("quality").panel = PanelPolicy{};
  EXPECT_EQ(PanelPolicyFor(set_, "plan"), &*Node("quality").panel);
  Node("plan").panel = PanelPolicy{};
  EXPECT_EQ(PanelPolicyFor(set_, "plan"), &*Node("plan").panel);
  EXPECT_EQ(PanelPolicyFor(set_, "recycled"), &*Node("quality").panel);
  EXPECT_EQ(PanelPolicyFor(set_, "nope"), nullptr);
  set_.panel.reset();
  EXPECT_EQ(PanelPolicyFor(set_, "price"), nullptr);
  // Declared: quality leaves with a panel rule under the group's policy.
  std::vector<std::string> declared;
  for (const Criterion* c : DeclaredPanelLeaves(set_))
    declared.push_back(c->id);
  EXPECT_THAT(declared, ElementsAre("plan", "take_back", "recycled", "repair"));
  EXPECT_TRUE(IsPanelRule(Rule::kScale));
  EXPECT_TRUE(IsPanelRule(Rule::kYesNo));
  EXPECT_FALSE(IsPanelRule(Rule::kLowestRatio));
  EXPECT_FALSE(IsPanelRule(Rule::kLinearRange));
  EXPECT_EQ(PanelAggregateName(PanelAggregate::kMedian), "median");
  EXPECT_EQ(PanelAggregateFromString("consensus"), PanelAggregate::kConsensus);
  EXPECT_EQ(PanelAggregateFromString("average"), std::nullopt);
}

// --- Aggregation -----------------------------------------------------------

TEST_F(PanelTest, MeanAndStatistics) {
  const PanelResult r = Aggregate(
      "A,plan,Ann,3,\nA,plan,Bob,4,\nA,plan,Cid,4,\n"
      "B,plan,Ann,2,\nB,plan,Bob,2,\nB,plan,Cid,3,\n"
      "C,plan,Cid,4,\n");
  ASSERT_EQ(r.cells.size(), 3u);
  const PanelCell& a = r.cells[0];
  EXPECT_EQ(a.bid, "A");
  EXPECT_EQ(a.criterion, "plan");
  EXPECT_EQ(a.aggregate, PanelAggregate::kMean);
  EXPECT_EQ(a.evaluators, 3);
  // (3 + 4 + 4) / 3 = 3.6667; median 4; spread 4 - 3 = 1.
  EXPECT_NEAR_TOL(a.value, 11.0 / 3.0, kFloatNoise);
  EXPECT_NEAR_TOL(a.mean, 11.0 / 3.0, kFloatNoise);
  EXPECT_EQ(a.median, 4.0);
  EXPECT_EQ(a.min, 3.0);
  EXPECT_EQ(a.max, 4.0);
  EXPECT_EQ(a.spread, 1.0);
  // Deviations -2/3, 1/3, 1/3: squares 4/9 + 1/9 + 1/9 = 6/9; / 3 = 2/9;
  // sqrt(2/9) = 0.4714.
  EXPECT_NEAR_TOL(a.stddev, std::sqrt(2.0 / 9.0), kFloatNoise);
  EXPECT_FALSE(a.consensus);
  EXPECT_FALSE(a.disagreement);
  EXPECT_EQ(a.scores.size(), 3u);
  // (2 + 2 + 3) / 3 = 2.3333.
  EXPECT_NEAR_TOL(r.cells[1].value, 7.0 / 3.0, kFloatNoise);
  // One evaluator: the value is that score, spread 0.
  EXPECT_EQ(r.cells[2].value, 4.0);
  EXPECT_EQ(r.cells[2].spread, 0.0);
  EXPECT_EQ(r.cells[2].stddev, 0.0);
  EXPECT_EQ(r.Find("B", "plan"), &r.cells[1]);
  EXPECT_EQ(r.Find("B", "recycled"), nullptr);
}

TEST_F(PanelTest, MedianOddAndEven) {
  PanelPolicy policy;
  policy.aggregate = PanelAggregate::kMedian;
  Node("plan").panel = policy;
  const PanelResult r = Aggregate(
      "A,plan,Ann,1,\nA,plan,Bob,4,\nA,plan,Cid,2,\n"
      "B,plan,Ann,1,\nB,plan,Bob,2,\nB,plan,Cid,4,\nB,plan,Dee,4,\n"
      "C,plan,Ann,0,\n");
  // A: sorted 1, 2, 4 -> 2 (the mean would be 7/3).
  EXPECT_EQ(r.cells[0].value, 2.0);
  EXPECT_NEAR_TOL(r.cells[0].mean, 7.0 / 3.0, kFloatNoise);
  // B: sorted 1, 2, 4, 4 -> (2 + 4) / 2 = 3; mean 11/4 = 2.75.
  EXPECT_EQ(r.cells[1].value, 3.0);
  EXPECT_EQ(r.cells[1].mean, 2.75);
  EXPECT_EQ(r.cells[1].evaluators, 4);
}

TEST_F(PanelTest, ConsensusOverridesEveryAggregate) {
  // Under mean: A's individual scores 3, 4, 4 (mean 3.67) but the panel
  // agreed 3.
  const PanelResult mean = Aggregate(
      "A,plan,Ann,3,\nA,plan,consensus,3,Agreed\nA,plan,Bob,4,\n"
      "A,plan,Cid,4,\nB,plan,Ann,2,\nC,plan,Consensus,4,\n");
  const PanelCell& a = mean.cells[0];
  EXPECT_TRUE(a.consensus);
  EXPECT_EQ(a.value, 3.0);
  EXPECT_NEAR_TOL(a.mean, 11.0 / 3.0, kFloatNoise);
  EXPECT_EQ(a.evaluators, 3);  // the consensus row is not an evaluator
  ASSERT_EQ(a.scores.size(), 4u);
  EXPECT_TRUE(a.scores.back().is_consensus());  // kept, last
  EXPECT_FALSE(mean.cells[1].consensus);
  EXPECT_EQ(mean.cells[1].value, 2.0);
  // Only a consensus row: no evaluators, min = max = value.
  const PanelCell& c = mean.cells[2];
  EXPECT_TRUE(c.consensus);
  EXPECT_EQ(c.evaluators, 0);
  EXPECT_EQ(c.value, 4.0);
  EXPECT_EQ(c.min, 4.0);
  EXPECT_EQ(c.max, 4.0);

  // Under median and consensus policies alike.
  for (const PanelAggregate agg :
       {PanelAggregate::kMedian, PanelAggregate::kConsensus}) {
    PanelPolicy policy;
    policy.aggregate = agg;
    Node("plan").panel = policy;
    const PanelResult r = Aggregate(
        "A,plan,Ann,4,\nA,plan,Bob,4,\nA,plan,consensus,1,\n"
        "B,plan,consensus,2,\nC,plan,consensus,0,\n");
    EXPECT_EQ(r.cells[0].value, 1.0) << PanelAggregateName(agg);
    EXPECT_EQ(r.cells[0].median, 4.0);
  }
}

TEST_F(PanelTest, DisagreementFlag) {
  PanelPolicy policy;
  policy.disagreement_limit = 1;
  Node("plan").panel = policy;
  const PanelResult r = Aggregate(
      "A,plan,Ann,1,\nA,plan,Bob,4,\nA,plan,Cid,4,\n"
      "B,plan,Ann,3,\nB,plan,Bob,4,\n"
      "C,plan,Ann,4,\nC,plan,Bob,4,\n");
  // A: spread 4 - 1 = 3 > 1: flagged. B: spread 1, not above the limit.
  EXPECT_EQ(r.cells[0].spread, 3.0);
  EXPECT_TRUE(r.cells[0].disagreement);
  EXPECT_EQ(r.cells[1].spread, 1.0);
  EXPECT_FALSE(r.cells[1].disagreement);
  EXPECT_FALSE(r.cells[2].disagreement);
  EXPECT_EQ(r.cells[0].disagreement_limit, 1.0);
  // No limit: never flagged.
  Node("plan").panel.reset();
  EXPECT_FALSE(Aggregate("A,plan,Ann,0,\nA,plan,Bob,4,\nB,plan,Ann,1,\n"
                         "C,plan,Ann,1,\n")
                   .cells[0]
                   .disagreement);
}

TEST_F(PanelTest, CellsInBidThenLeafOrder) {
  const PanelResult r = Aggregate(
      "C,take_back,Ann,yes,\nA,take_back,Ann,no,\nB,plan,Ann,2,\n"
      "A,plan,Ann,3,\nC,plan,Ann,1,\nB,take_back,Ann,yes,\n");
  std::vector<std::string> keys;
  for (const PanelCell& c : r.cells) keys.push_back(c.bid + "/" + c.criterion);
  EXPECT_THAT(keys, ElementsAre("A/plan", "A/take_back", "B/plan",
                                "B/take_back", "C/plan", "C/take_back"));
}

// --- ApplyPanel and scoring ------------------------------------------------

TEST_F(PanelTest, ApplyPanelChangesTheScore) {
  BidSet bids = ParseBidsOk(kBids, set_);
  const Scorer scorer = ::circa_test::CompileOk(set_);
  const Evaluation before = scorer.Evaluate(bids);
  // Plan placeholders 0: A 32 (price 80,000/100,000 x 40) + 5 (recycled
  // 30/60 x 10) + 5 (repair 5 years: step 0.5 x 10) = 42; B 40 + 10 + 10 +
  // 10 = 70; C 25.6 (80/125 x 40) = 25.6.
  EXPECT_NEAR_TOL(before.totals[0], 42.0, kFloatNoise);
  EXPECT_NEAR_TOL(before.totals[1], 70.0, kFloatNoise);
  EXPECT_NEAR_TOL(before.totals[2], 25.6, kFloatNoise);

  const PanelResult panel = Aggregate(
      "A,plan,Ann,3,\nA,plan,Bob,4,\nA,plan,Cid,4,\n"
      "B,plan,Ann,2,\nB,plan,Bob,2,\nB,plan,Cid,3,\n"
      "C,plan,Ann,4,\nC,plan,Bob,4,\nC,plan,Cid,4,\n");
  ApplyPanel(panel, &bids);
  // Column 1 is plan. A: 11/3, B: 7/3, C: 4.
  EXPECT_NEAR_TOL(bids.values(0, 1), 11.0 / 3.0, kFloatNoise);
  EXPECT_NEAR_TOL(bids.values(1, 1), 7.0 / 3.0, kFloatNoise);
  EXPECT_EQ(bids.values(2, 1), 4.0);
  // The number only: how it was reached is worded from the panel's facts.
  EXPECT_EQ(bids.Text(0, 1), "3.67");
  EXPECT_EQ(bids.Text(1, 1), "2.33");
  EXPECT_EQ(bids.Text(2, 1), "4");
  EXPECT_EQ(PanelCellText(panel.cells[0]), "3.67 (mean of 3)");
  // Other columns untouched.
  EXPECT_EQ(bids.Text(0, 2), "no");
  EXPECT_EQ(bids.values(1, 3), 60.0);

  // The scale rule scores value / top level, also between levels: plan
  // points A 30 x (11/3) / 4 = 27.5, B 30 x (7/3) / 4 = 17.5, C 30.
  const Evaluation after = scorer.Evaluate(bids);
  EXPECT_NEAR_TOL(after.Points(0, 1), 27.5, kFloatNoise);
  EXPECT_NEAR_TOL(after.Points(1, 1), 17.5, kFloatNoise);
  EXPECT_NEAR_TOL(after.Points(2, 1), 30.0, kFloatNoise);
  // Totals: A 42 + 27.5 = 69.5, B 70 + 17.5 = 87.5, C 25.6 + 30 = 55.6.
  EXPECT_NEAR_TOL(after.totals[0], 69.5, kFloatNoise);
  EXPECT_NEAR_TOL(after.totals[1], 87.5, kFloatNoise);
  EXPECT_NEAR_TOL(after.totals[2], 55.6, kFloatNoise);
  EXPECT_EQ(after.Winner(), 1);
}

TEST_F(PanelTest, ApplyPanelSkipsUnknownBidsAndColumns) {
  BidSet bids = ParseBidsOk(kBids, set_);
  PanelResult r;
  PanelCell cell;
  cell.bid = "Z";
  cell.criterion = "plan";
  cell.value = 4;
  r.cells.push_back(cell);
  cell.bid = "A";
  cell.criterion = "nope";
  r.cells.push_back(cell);
  ApplyPanel(r, &bids);
  EXPECT_EQ(bids.values(0, 1), 0.0);
  EXPECT_EQ(bids.Text(0, 1), "0");
}

TEST_F(PanelTest, CheckPanelFilledNamesEmptyPanelCells) {
  BidSet bids = ParseBidsOk(kBids, set_);
  // As a bid reader that allows empty panel cells would leave them.
  bids.text.Set(0 * 5 + 1, "");
  bids.text.Set(2 * 5 + 1, "");
  bids.text.Set(1 * 5 + 0, "");  // price: no panel policy, not reported
  EXPECT_THAT(Messages(CheckPanelFilled(bids, set_)),
              ElementsAre("bids.csv:2:1: bids[A].plan: no value: the bid file "
                          "leaves it empty and the panel file has no score "
                          "for it",
                          "bids.csv:4:1: bids[C].plan: no value: the bid file "
                          "leaves it empty and the panel file has no score "
                          "for it"));
  EXPECT_THAT(Messages(CheckPanelFilled(bids, set_, {"C"})),
              ElementsAre("bids.csv:2:1: bids[A].plan: no value: the bid file "
                          "leaves it empty and the panel file has no score "
                          "for it"));
  ApplyPanel(Aggregate("A,plan,Ann,3,\nB,plan,Ann,3,\nC,plan,Ann,3,\n"), &bids);
  EXPECT_TRUE(CheckPanelFilled(bids, set_).empty());
}

TEST_F(PanelTest, CellText) {
  PanelCell cell;
  cell.value = 3;
  cell.evaluators = 3;
  cell.aggregate = PanelAggregate::kMedian;
  EXPECT_EQ(PanelCellText(cell), "3 (median of 3)");
  cell.consensus = true;
  EXPECT_EQ(PanelCellText(cell), "3 (consensus of 3)");
  cell.evaluators = 0;
  cell.value = 2.5;
  EXPECT_EQ(PanelCellText(cell), "2.5 (consensus)");
}

// --- Sentences -------------------------------------------------------------

TEST_F(PanelTest, DescribeMean) {
  const PanelResult r = Aggregate(
      "A,plan,Ann,3,Clear plan\nA,plan,Bob,4,Named repair team\n"
      "A,plan,Cid,4,\nB,plan,Ann,3,Good\nC,plan,Ann,2,\n");
  EXPECT_THAT(
      DescribePanel(r, set_),
      ElementsAre("Bid A, Circular service plan: mean of 3 evaluators (Ann 3, "
                  "Bob 4, Cid 4) = 3.67; spread 1; rationales: Ann: \"Clear "
                  "plan\"; Bob: \"Named repair team\".",
                  "Bid B, Circular service plan: mean of 1 evaluator (Ann 3) "
                  "= 3 (good); rationale: Ann: \"Good\".",
                  "Bid C, Circular service plan: mean of 1 evaluator (Ann 2) "
                  "= 2 (acceptable)."));
}

TEST_F(PanelTest, DescribeMedianDisagreementAndUnits) {
  PanelPolicy policy;
  policy.aggregate = PanelAggregate::kMedian;
  policy.disagreement_limit = 1;
  set_.panel = policy;
  const PanelResult r = Aggregate(
      "A,plan,Ann,1,\nA,plan,Bob,4,\nA,plan,Cid,3,\n"
      "A,recycled,Ann,30,\nA,recycled,Bob,40,\n"
      "A,take_back,Ann,yes,\nA,take_back,Bob,no,\n",
      {"A"});
  EXPECT_THAT(
      DescribePanel(r, set_),
      ElementsAre("Bid A, Circular service plan: median of 3 evaluators (Ann "
                  "1, Bob 4, Cid 3) = 3 (good); spread 3, above the "
                  "disagreement limit of 1.",
                  "Bid A, Take-back: median of 2 evaluators (Ann yes, Bob no) "
                  "= 0.5; spread 1.",
                  "Bid A, Recycled content: median of 2 evaluators (Ann 30, "
                  "Bob 40) = 35%; spread 10, above the disagreement limit of "
                  "1."));
}

// The facts behind the sentences: the words of DescribeMedian... come only
// from these numbers and flags (engine/explain/panel.cc).
TEST_F(PanelTest, CellFactsBehindTheSentence) {
  PanelPolicy policy;
  policy.aggregate = PanelAggregate::kMedian;
  policy.disagreement_limit = 1;
  set_.panel = policy;
  const PanelResult r = Aggregate(
      "A,plan,Ann,1,Too vague\nA,plan,Bob,4,\nA,plan,Cid,3,\n"
      "B,plan,Ann,2,\nB,plan,Bob,3,\nB,plan,Cid,4,\n"
      "B,plan,consensus,3,Agreed\n",
      {"A", "B"});
  const PanelCell* a = r.Find("A", "plan");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->aggregate, PanelAggregate::kMedian);
  EXPECT_FALSE(a->consensus);
  EXPECT_EQ(a->evaluators, 3);
  EXPECT_EQ(a->value, 3.0);  // the median of 1, 3, 4
  EXPECT_EQ(a->median, 3.0);
  EXPECT_DOUBLE_EQ(a->mean, 8.0 / 3.0);
  EXPECT_EQ(a->min, 1.0);
  EXPECT_EQ(a->max, 4.0);
  EXPECT_EQ(a->spread, 3.0);
  EXPECT_EQ(a->disagreement_limit, 1.0);
  EXPECT_TRUE(a->disagreement);
  ASSERT_EQ(a->scores.size(), 3u);
  EXPECT_EQ(a->scores[0].evaluator, "Ann");
  EXPECT_EQ(a->scores[0].rationale, "Too vague");
  EXPECT_TRUE(a->scores[1].rationale.empty());
  const PanelCell* b = r.Find("B", "plan");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->consensus);
  EXPECT_EQ(b->value, 3.0);  // the consensus row's score
  EXPECT_EQ(b->evaluators, 3);
  EXPECT_EQ(b->mean, 3.0);
  EXPECT_EQ(b->spread, 2.0);
  EXPECT_TRUE(b->disagreement);
  ASSERT_EQ(b->scores.size(), 4u);
  EXPECT_TRUE(b->scores.back().is_consensus());  // last, as documented
  EXPECT_EQ(PanelCellText(*b), "3 (consensus of 3)");
  EXPECT_EQ(DescribePanel(*b, set_),
            "Bid B, Circular service plan: consensus score 3 (good), agreed "
            "after 3 evaluators scored individually (Ann 2, Bob 3, Cid 4; "
            "mean 3); spread 2, above the disagreement limit of 1; "
            "rationale: \"Agreed\".");
}

TEST_F(PanelTest, DescribeConsensus) {
  const PanelResult r = Aggregate(
      "A,plan,Ann,3,Clear plan\nA,plan,Bob,4,\nA,plan,Cid,4,\n"
      "A,plan,consensus,3,Panel agreed: no spare-parts guarantee\n"
      "B,plan,consensus,4,\nC,plan,Consensus,1,Weak\n");
  EXPECT_THAT(
      DescribePanel(r, set_),
      ElementsAre("Bid A, Circular service plan: consensus score 3 (good), "
                  "agreed after 3 evaluators scored individually (Ann 3, Bob "
                  "4, Cid 4; mean 3.67); spread 1; rationale: \"Panel agreed: "
                  "no spare-parts guarantee\".",
                  "Bid B, Circular service plan: consensus score 4 "
                  "(excellent).",
                  "Bid C, Circular service plan: consensus score 1 (weak); "
                  "rationale: \"Weak\"."));
}

// --- The office-furniture sample -------------------------------------------

TEST(PanelSampleTest, OfficeFurniturePanel) {
  Result<CriteriaSet> set = LoadCriteriaFile(
      circa_test::SourcePath("samples/office-furniture/tender.yaml"));
  ASSERT_TRUE(set.ok()) << Describe(set.diagnostics);
  // The sample's tender.yaml declares no panel yet: attach one to the plan.
  for (Criterion& c : set.value->criteria) {
    if (c.id == "plan") c.panel = PanelPolicy{};
  }
  Result<BidSet> bids = LoadBidsFile(
      circa_test::SourcePath("samples/office-furniture/bids.csv"), *set.value);
  ASSERT_TRUE(bids.ok()) << Describe(bids.diagnostics);
  const Result<PanelScores> scores =
      LoadPanelFile(circa_test::SourcePath("samples/furniture-award/panel.csv"),
                    *set.value, bids.value->ids);
  ASSERT_TRUE(scores.ok()) << Describe(scores.diagnostics);
  EXPECT_TRUE(scores.diagnostics.empty());
  EXPECT_EQ(scores.value->rows.size(), 15u);
  const PanelResult panel = AggregatePanel(*scores.value, *set.value);
  ASSERT_EQ(panel.cells.size(), 5u);
  // Means of the three evaluators: A (5 + 5 + 2.5) / 3 = 4.1667, B (7.5 +
  // 7.5 + 10) / 3 = 8.3333, C (10 + 7.5 + 10) / 3 = 9.1667, D (2.5 + 2.5 +
  // 0) / 3 = 1.6667, E (10 + 10 + 7.5) / 3 = 9.1667.
  const std::vector<double> expected{12.5 / 3, 25.0 / 3, 27.5 / 3, 5.0 / 3,
                                     27.5 / 3};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_NEAR_TOL(panel.cells[i].value, expected[i], kFloatNoise);
    EXPECT_EQ(panel.cells[i].spread, 2.5);
  }
  const Scorer scorer = ::circa_test::CompileOk(*set.value);
  const Evaluation before = scorer.Evaluate(*bids.value);
  // The bid file's plan levels: A 5, B 7.5, C 10, D 2.5, E 10.
  const std::vector<double> written{5, 7.5, 10, 2.5, 10};
  ApplyPanel(panel, &*bids.value);
  const Evaluation after = scorer.Evaluate(*bids.value);
  // Plan is worth 25 points for level 10: each level is 2.5 points, so a
  // total moves by 2.5 x (panel mean - written level).
  for (Eigen::Index i = 0; i < 5; ++i) {
    const auto k = static_cast<std::size_t>(i);
    EXPECT_NEAR_TOL(after.totals[i] - before.totals[i],
                    2.5 * (expected[k] - written[k]), kFloatNoise);
  }
  EXPECT_EQ(bids.value->ids[static_cast<std::size_t>(after.Winner())], "E");
  EXPECT_EQ(DescribePanel(panel.cells[1], *set.value),
            "Bid B, Circular service plan: mean of 3 evaluators (Evaluator A "
            "7.5, Evaluator B 7.5, Evaluator C 10) = 8.33; spread 2.5; "
            "rationales: Evaluator A: \"Maintenance and repair within 5 "
            "working days; spare parts for 10 years.\"; Evaluator B: \"Good "
            "repair service; reuse of returned chairs only.\"; Evaluator C: "
            "\"Repair, refurbishment and internal reuse platform all "
            "covered.\".");
}

}  // namespace
}  // namespace circa
