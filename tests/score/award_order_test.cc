// The award order (docs/criteria-format.md, "Award order"): requirements,
// thresholds (Montte, worked case T12), max-pass, rounding, abnormally-low
// flags (below-mean and RGLCAP art. 85), the tie-break policy, weights as
// ranges or order, and the two samples that exercise them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "circa/circa.h"
#include "rank/rank.h"
#include "score/stages.h"
#include "test_util.h"

namespace circa {
namespace {

using ::circa_test::FlagText;
using ::circa_test::Messages;
using ::circa_test::NoteText;
using ::circa_test::ParseBidsOk;
using ::circa_test::ParseCriteriaOk;
using ::circa_test::Reason;
using ::circa_test::SourcePath;
using ::circa_test::StepTexts;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

int Find(const BidSet& bids, const std::string& id) {
  for (std::size_t i = 0; i < bids.ids.size(); ++i) {
    if (bids.ids[i] == id) return static_cast<int>(i);
  }
  return -1;
}

std::string WinnerOf(const BidSet& bids, const Evaluation& e) {
  const int w = e.Winner();
  return w < 0 ? "" : bids.ids[static_cast<std::size_t>(w)];
}

Tender LoadSample(const std::string& name) {
  const std::string dir = SourcePath("samples/" + name);
  Result<TenderPaths> paths = ResolveTenderDirectory(dir);
  if (!paths.ok())
    throw std::runtime_error(circa_test::Describe(paths.diagnostics));
  Result<Tender> t = LoadTender(*paths.value, {});
  if (!t.ok()) throw std::runtime_error(circa_test::Describe(t.diagnostics));
  return std::move(*t.value);
}

// --- T12: Montte two-stage threshold ---------------------------------------

// DOMAIN.md §7 T12 (CJEU C-546/16 Montte): technical maximum 50, threshold
// 35; a bid below it is excluded before price is scored, so it does not set
// the lowest price.
constexpr const char* kMontte = R"(circa: 1
id: montte
version: "1"
title: Two-stage award
criteria:
  - id: technical
    type: quality
    weight: 50
    min-score: 35
    scoring: {rule: linear, worst: 0, best: 50}
  - id: price
    type: price
    weight: 50
    scoring: {rule: lowest-ratio}
)";

TEST(AwardOrderTest, MontteThresholdExcludesBeforePrice) {
  const CriteriaSet set = ParseCriteriaOk(kMontte);
  // A: technical 40, price 100; B: technical 30 (below 35), price 50;
  // C: technical 45, price 120.
  const BidSet bids =
      ParseBidsOk("bid,technical,price\nA,40,100\nB,30,50\nC,45,120\n", set);
  const Evaluation e = ::circa_test::CompileOk(set).Evaluate(bids);
  EXPECT_EQ(e.status[1], BidStatus::kExcluded);
  EXPECT_EQ(e.exclusion[1].stage, ExclusionStage::kThreshold);
  // The fact: criterion, points, maximum and minimum.
  EXPECT_EQ(e.exclusion[1].rule, "technical");
  EXPECT_DOUBLE_EQ(e.exclusion[1].points, 30);
  EXPECT_DOUBLE_EQ(e.exclusion[1].max_points, 50);
  EXPECT_DOUBLE_EQ(e.exclusion[1].min_points, 35);
  EXPECT_EQ(Reason(set, e.exclusion[1]),
            "scored 30.00 of 50 points on technical, below the minimum of 35; "
            "excluded before price and cost were scored");
  // P_min is A's 100, not B's 50: A gets all 50 price points, C 50 x 100 /
  // 120 = 41.667.
  EXPECT_DOUBLE_EQ(e.column_min[1], 100);
  EXPECT_DOUBLE_EQ(e.totals[0], 40 + 50);
  EXPECT_NEAR(e.totals[2], 45 + 50.0 * 100 / 120, 1e-12);
  EXPECT_EQ(e.rank[0], 1);
  EXPECT_EQ(e.rank[1], 0);
  EXPECT_EQ(e.rank[2], 2);
  EXPECT_THAT(e.order, ElementsAre(0, 2, 1));
  // B was scored on quality (its points are shown) but not on price.
  EXPECT_TRUE(e.Scored(1, false));
  EXPECT_FALSE(e.Scored(1, true));
  EXPECT_DOUBLE_EQ(e.Points(1, 1), 0);
}

TEST(AwardOrderTest, WithoutTheThresholdTheExcludedBidSetsTheLowestPrice) {
  CriteriaSet set = ParseCriteriaOk(kMontte);
  set.criteria[0].threshold.reset();
  const BidSet bids =
      ParseBidsOk("bid,technical,price\nA,40,100\nB,30,50\nC,45,120\n", set);
  const Evaluation e = ::circa_test::CompileOk(set).Evaluate(bids);
  EXPECT_DOUBLE_EQ(e.column_min[1], 50);
  EXPECT_DOUBLE_EQ(e.totals[1], 30 + 50);  // B now wins on price
  EXPECT_EQ(WinnerOf(bids, e), "B");
}

TEST(AwardOrderTest, PercentThresholdOnAGroup) {
  const CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: t
version: "1"
title: t
criteria:
  - id: price
    type: price
    weight: 40
    scoring: {rule: lowest-ratio}
  - id: quality
    type: quality
    weight: 60
    min-score: 50%
    criteria:
      - {id: q1, weight: 30, scoring: {rule: yes-no}}
      - {id: q2, weight: 30, scoring: {rule: yes-no}}
)");
  EXPECT_DOUBLE_EQ(set.criteria[1].threshold->points, 30);
  const BidSet bids =
      ParseBidsOk("bid,price,q1,q2\nA,10,yes,no\nB,9,no,no\n", set);
  const Evaluation e = ::circa_test::CompileOk(set).Evaluate(bids);
  EXPECT_EQ(e.status[0], BidStatus::kRanked);  // exactly 30 of 30 needed
  EXPECT_EQ(e.status[1], BidStatus::kExcluded);
}

TEST(AwardOrderTest, ThresholdErrors) {
  const Result<CriteriaSet> r = ParseCriteria(R"(circa: 1
id: t
version: "1"
title: t
criteria:
  - id: price
    type: price
    weight: 40
    min-score: 10
    scoring: {rule: lowest-ratio}
  - id: quality
    type: quality
    weight: 60
    min-score: 70
    scoring: {rule: yes-no}
  - id: extra
    type: quality
    weight: 0
    min-score: lots
    scoring: {rule: yes-no}
)",
                                              "criteria.yaml");
  EXPECT_THAT(
      Messages(r.diagnostics),
      ElementsAre(
          "criteria.yaml:19:16: criteria[2].min-score: expected a minimum "
          "score in points (e.g. 35) or a percentage of the criterion's "
          "points (e.g. \"50%\"), got \"lots\"",
          "criteria.yaml:9:16: criteria[0].min-score: a minimum score applies "
          "to quality criteria only (price and cost are scored after "
          "thresholds); price is or contains a price or cost criterion",
          "criteria.yaml:14:16: criteria[1].min-score: minimum score 70 is "
          "more than the 60 points of quality"));
}

// --- max-pass ----------------------------------------------------------------

TEST(AwardOrderTest, MaxPassKeepsTheBestOnQualityAndTiesAtTheCut) {
  CriteriaSet set = ParseCriteriaOk(kMontte);
  set.criteria[0].threshold.reset();
  set.max_pass = 2;
  const BidSet bids = ParseBidsOk(
      "bid,technical,price\nA,40,100\nB,30,50\nC,45,120\nD,20,40\n", set);
  const Evaluation e = ::circa_test::CompileOk(set).Evaluate(bids);
  EXPECT_EQ(e.exclusion[1].stage, ExclusionStage::kMaxPass);
  // The fact: place, of how many, quality points and N.
  EXPECT_EQ(e.exclusion[1].place, 3);
  EXPECT_EQ(e.exclusion[1].of, 4);
  EXPECT_DOUBLE_EQ(e.exclusion[1].points, 30);
  EXPECT_EQ(e.exclusion[1].max_pass, 2);
  EXPECT_EQ(Reason(set, e.exclusion[1]),
            "placed 3 of 4 on quality with 30.00 points; only the best 2 go "
            "on to price and cost (max-pass)");
  EXPECT_EQ(e.exclusion[3].stage, ExclusionStage::kMaxPass);
  EXPECT_DOUBLE_EQ(e.column_min[1], 100);
  EXPECT_EQ(e.RankedCount(), 2);

  // Equal quality at the cut: both go on, and a note says so.
  const BidSet tie = ParseBidsOk(
      "bid,technical,price\nA,40,100\nB,40,50\nC,45,120\nD,20,40\n", set);
  const Evaluation t = ::circa_test::CompileOk(set).Evaluate(tie);
  EXPECT_EQ(t.RankedCount(), 3);
  EXPECT_EQ(t.notes.front().kind, NoteKind::kMaxPassTie);
  EXPECT_EQ(t.notes.front().max_pass, 2);
  EXPECT_EQ(t.notes.front().count, 3);
  EXPECT_THAT(NoteText(t, 0),
              HasSubstr("bids tied on quality at the cut all go on (3 bids)"));
}

// --- requirements ------------------------------------------------------------

constexpr const char* kRequirements = R"(circa: 1
id: r
version: "1"
title: r
requirements:
  - id: wood
    name: Legal wood
    evidence: FSC, PEFC or equivalent
    groups:
      - [{field: label, one-of: [FSC, PEFC]}]
      - [{field: equivalent, equals: yes}, {field: evidence_ref, pattern: "DOC-*"}]
  - id: recycled_min
    conditions: [{field: recycled, min: 20}]
criteria:
  - id: price
    type: price
    weight: 60
    scoring: {rule: lowest-ratio}
  - id: recycled
    type: quality
    unit: "%"
    weight: 40
    scoring: {rule: linear, worst: 0, best: 60}
)";

TEST(AwardOrderTest, RequirementIsMetByAnyGroupOfAllConditions) {
  const CriteriaSet set = ParseCriteriaOk(kRequirements);
  EXPECT_THAT(set.Fields(), ElementsAre("equivalent", "evidence_ref", "label"));
  const BidSet bids = ParseBidsOk(
      "bid,price,recycled,label,equivalent,evidence_ref\n"
      "A,100,30,fsc,no,\n"         // group 1 (any case)
      "B,90,30,none,yes,DOC-17\n"  // group 2
      "C,50,30,none,yes,\n"        // group 2 half met
      "D,80,10,PEFC,no,\n",        // recycled below 20
      set);
  const Evaluation e = ::circa_test::CompileOk(set).Evaluate(bids);
  EXPECT_EQ(e.status[0], BidStatus::kRanked);
  EXPECT_EQ(e.status[1], BidStatus::kRanked);
  EXPECT_EQ(e.exclusion[2].rule, "wood");
  // The fact: every failed condition of both groups, with the bid's value
  // and the condition as declared.
  const std::vector<FailedCondition>& failed = e.exclusion[2].failed;
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[0].group, 0);
  EXPECT_EQ(failed[0].declared.field, "label");
  EXPECT_EQ(failed[0].declared.op, Condition::Op::kOneOf);
  EXPECT_THAT(failed[0].declared.one_of, ElementsAre("FSC", "PEFC"));
  EXPECT_EQ(failed[0].value, "none");
  EXPECT_EQ(failed[1].group, 1);
  EXPECT_EQ(failed[1].declared.field, "evidence_ref");
  EXPECT_EQ(failed[1].declared.op, Condition::Op::kPattern);
  EXPECT_EQ(failed[1].value, "");
  EXPECT_EQ(Reason(set, e.exclusion[2]),
            "does not meet requirement wood (Legal wood): option 1: label is "
            "\"none\", expected one of FSC, PEFC; option 2: evidence_ref is "
            "empty, expected text matching DOC-*; accepted evidence: FSC, "
            "PEFC or equivalent");
  EXPECT_EQ(e.exclusion[3].rule, "recycled_min");
  ASSERT_EQ(e.exclusion[3].failed.size(), 1u);
  EXPECT_EQ(e.exclusion[3].failed[0].declared.op, Condition::Op::kMin);
  EXPECT_DOUBLE_EQ(e.exclusion[3].failed[0].declared.number, 20);
  EXPECT_EQ(e.exclusion[3].failed[0].value, "10");
  EXPECT_EQ(e.exclusion[3].failed[0].number, 10);
  EXPECT_EQ(Reason(set, e.exclusion[3]),
            "does not meet requirement recycled_min: recycled is \"10\", "
            "expected at least 20");
  // C (price 50) and D (80) take no part in relative scoring: P_min is B's
  // 90.
  EXPECT_DOUBLE_EQ(e.column_min[0], 90);
  EXPECT_EQ(WinnerOf(bids, e), "B");
  EXPECT_FALSE(e.Scored(2, false));
  EXPECT_DOUBLE_EQ(e.totals[2], 0);
}

// A minimum on a field that is not a criterion compares the number the
// bid file gave, read with the file: an unquoted YAML 2.5 is two and a half
// even under nl-BE (it was read as text with the locale and failed), and a
// quoted "1,5" follows the locale.
TEST(AwardOrderTest, RequirementMinimumOnAFieldReadWithTheFile) {
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
      "locale: nl-BE\n"
      "bids:\n"
      "  - {id: A, price: 100, thickness: 2.5}\n"
      "  - {id: B, price: 90, thickness: \"1,5\"}\n",
      set, BidsFormat::kYaml, "bids.yaml");
  const Evaluation e = ::circa_test::CompileOk(set).Evaluate(bids);
  EXPECT_EQ(e.status[0], BidStatus::kRanked);
  EXPECT_EQ(e.exclusion[1].rule, "thick");
  EXPECT_EQ(Reason(set, e.exclusion[1]),
            "does not meet requirement thick: thickness is \"1,5\", expected "
            "at least 2");
  EXPECT_EQ(WinnerOf(bids, e), "A");
}

TEST(AwardOrderTest, RequirementFieldsMustBeInTheBidFile) {
  const CriteriaSet set = ParseCriteriaOk(kRequirements);
  const Result<BidSet> r = ParseBids("bid,price,recycled\nA,100,30\n",
                                     "bids.csv", BidsFormat::kCsv, set, {});
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("bids.csv:1:1: header: missing columns read by the "
                          "requirements or the tie-break policy: equivalent, "
                          "evidence_ref, label"));
}

TEST(AwardOrderTest, BadRequirementDefinitions) {
  const Result<CriteriaSet> r = ParseCriteria(R"(circa: 1
id: r
version: "1"
title: r
requirements:
  - id: a
    conditions: [{field: label}]
  - id: b
  - id: a
    conditions: [{field: x, equals: 1, bogus: 2}]
  - id: c
    groups: []
criteria:
  - {id: price, type: price, weight: 100, scoring: {rule: lowest-ratio}}
)",
                                              "criteria.yaml");
  EXPECT_THAT(
      Messages(r.diagnostics),
      ElementsAre(
          "criteria.yaml:7:18: requirements[0].conditions[0]: a condition "
          "needs one of equals, min, max, one-of or pattern",
          "criteria.yaml:8:5: requirements[1]: missing conditions (all must "
          "hold) or groups (any group of conditions)",
          "criteria.yaml:10:40: requirements[2].conditions[0].bogus: unknown "
          "key",
          "criteria.yaml:12:13: requirements[3].groups: expected a non-empty "
          "list of condition lists, got a list",
          "criteria.yaml:9:5: requirements[2].id: duplicate requirement id "
          "\"a\"; first used at line 6"));
}

TEST(AwardOrderTest, GlobPatternsNeverBacktrackWithoutBound) {
  using score::GlobMatch;
  EXPECT_TRUE(GlobMatch("DOC-*", "doc-17"));
  EXPECT_TRUE(GlobMatch("*ecolabel*", "EU Ecolabel 2026"));
  EXPECT_TRUE(GlobMatch("a?c", "abc"));
  EXPECT_FALSE(GlobMatch("a?c", "ac"));
  EXPECT_FALSE(GlobMatch("*a*a*a*a*a*b", std::string(5000, 'a')));
}

// --- rounding ----------------------------------------------------------------

TEST(AwardOrderTest, RoundingAppliesToPointsThenTotalsBeforeComparison) {
  CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: r
version: "1"
title: r
rounding: {decimals: 2}
criteria:
  - {id: price, type: price, weight: 70, scoring: {rule: lowest-ratio}}
  - {id: q, type: quality, weight: 30, scoring: {rule: linear, worst: 0, best: 3}}
)");
  EXPECT_EQ(set.rounding.decimals, 2);
  EXPECT_TRUE(set.rounding.points && set.rounding.totals);
  // A: price 70 x 100 / 300 = 23.333.. -> 23.33; q 30 x 1/3 = 10 -> 10.00.
  // B: price 70 x 100 / 100 = 70; q 0.
  const BidSet bids = ParseBidsOk("bid,price,q\nA,300,1\nB,100,0\n", set);
  const Scorer scorer = ::circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(bids);
  EXPECT_DOUBLE_EQ(e.Points(0, 0), 23.33);
  EXPECT_DOUBLE_EQ(e.totals[0], 33.33);
  // Half away from zero, as written: 2.675 -> 2.68, -2.675 -> -2.68.
  EXPECT_DOUBLE_EQ(scorer.Round(2.675), 2.68);
  EXPECT_DOUBLE_EQ(scorer.Round(-2.675), -2.68);
  EXPECT_DOUBLE_EQ(scorer.Round(1.005), 1.01);

  // Two bids whose unrounded totals differ by less than a cent tie after
  // rounding: rounding is applied before comparison.
  set.criteria[0].effective_weight = 50;
  set.criteria[1].effective_weight = 50;
  const BidSet close =
      ParseBidsOk("bid,price,q\nA,100,2.0001\nB,100,2.0002\n", set);
  const Evaluation c = ::circa_test::CompileOk(set).Evaluate(close);
  EXPECT_EQ(c.rank[0], 1);
  EXPECT_EQ(c.rank[1], 1);
  EXPECT_TRUE(c.tied[0]);
}

// --- tie-break
// -----------------------------------------------------------------

TEST(AwardOrderTest, TieBreakPolicyDecidesRuleByRule) {
  CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: t
version: "1"
title: t
tie-break:
  - higher: q
  - lower: price
  - earlier: submitted
  - draw: 7
criteria:
  - {id: price, type: price, weight: 50, scoring: {rule: linear, worst: 200, best: 100}}
  - {id: q, type: quality, weight: 50, scoring: {rule: linear, worst: 0, best: 10}}
)");
  // All four total 75: A and B also tie on q (5 -> 25) and price (150), C
  // and D tie on nothing else; submitted separates A and B.
  const BidSet bids = ParseBidsOk(
      "bid,price,q,submitted\n"
      "A,150,5,2026-03-02T10:00:00+01:00\n"
      "B,150,5,2026-03-02T09:30:00+01:00\n"
      "C,100,0,2026-03-01\n"
      "D,200,10,2026-03-03\n",
      set);
  const Evaluation e = ::circa_test::CompileOk(set).Evaluate(bids);
  // q: D 50 first, then A and B 25, then C 0; A vs B: same price; earlier
  // submitted: B (09:30) before A (10:00).
  EXPECT_THAT(e.order, ElementsAre(3, 1, 0, 2));
  EXPECT_THAT(e.rank, ElementsAre(3, 2, 4, 1));
  ASSERT_EQ(e.tie_breaks.size(), 1u);
  const TieBreakRecord& t = e.tie_breaks.front();
  EXPECT_TRUE(t.resolved);
  EXPECT_EQ(t.rank, 1);
  // The facts: rule 1 (higher points on q) with each bid's negated points,
  // rule 3 (earlier submitted) with the times as written.
  ASSERT_EQ(t.steps.size(), 2u);
  EXPECT_EQ(t.steps[0].rule, 0);
  EXPECT_EQ(t.steps[0].step.kind, TieBreakStep::Kind::kHigherPoints);
  ASSERT_EQ(t.steps[0].keys.size(), 4u);
  EXPECT_EQ(t.steps[0].keys[0].bid, 3);
  EXPECT_DOUBLE_EQ(*t.steps[0].keys[0].key, -50);
  EXPECT_EQ(t.steps[1].rule, 2);
  EXPECT_EQ(t.steps[1].step.kind, TieBreakStep::Kind::kEarlier);
  ASSERT_EQ(t.steps[1].keys.size(), 2u);
  EXPECT_EQ(t.steps[1].keys[0].bid, 1);
  EXPECT_EQ(t.steps[1].keys[0].as_written, "2026-03-02T09:30:00+01:00");
  EXPECT_THAT(StepTexts(set, t, bids),
              ElementsAre("rule 1, higher points on q: D 50.00 points, A "
                          "25.00 points, B 25.00 points, C 0.00 points",
                          "rule 3, earlier submitted: B "
                          "2026-03-02T09:30:00+01:00, A "
                          "2026-03-02T10:00:00+01:00"));
}

TEST(AwardOrderTest, SeededDrawIsReproducibleAndIndependentOfFileOrder) {
  CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: t
version: "1"
title: t
tie-break: [{draw: 20261127}]
criteria:
  - {id: q, type: quality, weight: 100, scoring: {rule: yes-no}}
)");
  const BidSet one = ParseBidsOk("bid,q\nA,yes\nB,yes\nC,yes\n", set);
  const BidSet two = ParseBidsOk("bid,q\nC,yes\nA,yes\nB,yes\n", set);
  const Scorer scorer = ::circa_test::CompileOk(set);
  const Evaluation e1 = scorer.Evaluate(one);
  const Evaluation e2 = scorer.Evaluate(two);
  std::vector<std::string> o1, o2;
  for (const int i : e1.order)
    o1.push_back(one.ids[static_cast<std::size_t>(i)]);
  for (const int i : e2.order)
    o2.push_back(two.ids[static_cast<std::size_t>(i)]);
  EXPECT_EQ(o1, o2);
  EXPECT_TRUE(e1.tie_breaks.front().resolved);
  EXPECT_THAT(StepTexts(set, e1.tie_breaks.front(), one).front(),
              HasSubstr("draw by lot with seed 20261127"));
  // The step records the rule and each bid's draw key.
  const TieBreakStepRecord& draw = e1.tie_breaks.front().steps.front();
  EXPECT_EQ(draw.step.kind, TieBreakStep::Kind::kDraw);
  EXPECT_EQ(draw.step.seed, 20261127u);
  ASSERT_EQ(draw.keys.size(), 3u);
  EXPECT_EQ(
      *draw.keys[0].key,
      static_cast<double>(
          rank::DrawKey(20261127,
                        one.ids[static_cast<std::size_t>(draw.keys[0].bid)]) >>
          11));
  // The draw key depends only on the seed and the bid id.
  EXPECT_EQ(rank::DrawKey(1, "A"), rank::DrawKey(1, "A"));
  EXPECT_NE(rank::DrawKey(1, "A"), rank::DrawKey(2, "A"));
}

TEST(AwardOrderTest, BadTieBreakPolicies) {
  const Result<CriteriaSet> r = ParseCriteria(R"(circa: 1
id: t
version: "1"
title: t
tie-break:
  - draw: 1
  - higher: qualty
  - lower: q
  - earlier: q
  - sooner: x
criteria:
  - {id: price, type: price, weight: 50, scoring: {rule: lowest-ratio}}
  - {id: q, type: quality, weight: 50, scoring: {rule: yes-no}}
)",
                                              "criteria.yaml");
  EXPECT_THAT(
      Messages(r.diagnostics),
      ElementsAre(
          "criteria.yaml:6:5: tie-break[0]: a draw decides every tie; it must "
          "be the last rule",
          "criteria.yaml:10:5: tie-break[4].sooner: unknown key",
          "criteria.yaml:7:5: tie-break[1].higher: unknown criterion "
          "\"qualty\" in {higher: ...}",
          "criteria.yaml:8:5: tie-break[2].lower: {lower: q} compares "
          "numbers; q is scored by yes-no",
          "criteria.yaml:9:5: tie-break[3].earlier: \"q\" is a criterion; "
          "{earlier: ...} names a bid-file column holding a date or time, "
          "such as submitted"));
}

TEST(AwardOrderTest, SubmissionTimesAreChecked) {
  CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: t
version: "1"
title: t
tie-break: [{earlier: submitted}]
criteria:
  - {id: q, type: quality, weight: 100, scoring: {rule: yes-no}}
)");
  const Result<BidSet> r =
      ParseBids("bid,q,submitted\nA,yes,2026-02-30\nB,yes,yesterday\n",
                "bids.csv", BidsFormat::kCsv, set, {});
  EXPECT_THAT(
      Messages(r.diagnostics),
      ElementsAre("bids.csv:2:7: bids[A].submitted: expected a date or time "
                  "such as 2026-03-14 or 2026-03-14T10:30:00+01:00 (the "
                  "tie-break compares it), got \"2026-02-30\"",
                  "bids.csv:3:7: bids[B].submitted: expected a date or time "
                  "such as 2026-03-14 or 2026-03-14T10:30:00+01:00 (the "
                  "tie-break compares it), got \"yesterday\""));
}

// --- abnormally low ----------------------------------------------------------

// The set the last PricesOnly or PriceAndQuality call scored (its notes and
// flags are worded with it).
CriteriaSet& LastSet() {
  static CriteriaSet set;
  return set;
}

Evaluation PricesOnly(const std::string& rule,
                      const std::vector<double>& prices,
                      std::vector<std::string>* flags) {
  CriteriaSet set = ParseCriteriaOk(
      "circa: 1\nid: a\nversion: \"1\"\ntitle: a\nabnormally-low: " + rule +
      "\ncriteria:\n  - {id: price, type: price, weight: 100, scoring: "
      "{rule: lowest-ratio}}\n");
  Eigen::MatrixXd values(static_cast<Eigen::Index>(prices.size()), 1);
  for (std::size_t i = 0; i < prices.size(); ++i) {
    values(static_cast<Eigen::Index>(i), 0) = prices[i];
  }
  Evaluation e = ::circa_test::CompileOk(set).Evaluate(values);
  LastSet() = set;
  flags->clear();
  for (const AbnormallyLowFlag& f : e.abnormally_low) {
    flags->push_back(FlagText(set, f));
  }
  return e;
}

TEST(AwardOrderTest, BelowMeanOfTheOtherBids) {
  std::vector<std::string> f;
  // 70 against the mean of 100 and 110 (105): 33.33 % below, limit 20 %.
  const Evaluation e = PricesOnly(
      "{rule: below-mean, criterion: price, percent: 20}", {70, 100, 110}, &f);
  // The fact: rule, price, reference, share below, threshold and limit.
  const AbnormallyLowFlag& flag = e.abnormally_low[0];
  EXPECT_TRUE(flag.flagged());
  EXPECT_EQ(flag.rule, AbnormallyLowRule::Kind::kBelowMean);
  EXPECT_EQ(flag.basis, AbnormallyLowBasis::kMeanOfOthers);
  EXPECT_DOUBLE_EQ(flag.price, 70);
  EXPECT_DOUBLE_EQ(flag.reference, 105);
  EXPECT_DOUBLE_EQ(flag.below, 1 - 70.0 / 105);
  EXPECT_DOUBLE_EQ(flag.threshold, 20);
  EXPECT_DOUBLE_EQ(flag.limit, 84);
  EXPECT_EQ(flag.count, 2);
  EXPECT_EQ(flag.of, 3);
  EXPECT_FALSE(e.abnormally_low[1].flagged());
  EXPECT_EQ(f[0],
            "price EUR 70.00 is 33.33 % below the mean of the other 2 valid "
            "bids (EUR 105.00); the declared limit is 20 % below (EUR 84.00); "
            "a justification must be requested before the award (Directive "
            "2014/24/EU art. 69); the bid keeps its rank");
  EXPECT_EQ(f[1], "");
  EXPECT_EQ(f[2], "");
}

// RGLCAP art. 85 (Real Decreto 1098/2001), each paragraph's case computed by
// hand.
TEST(AwardOrderTest, Rglcap85) {
  std::vector<std::string> f;
  // 85.1: one bid, budget 1000: 740 is 26 % below (> 25).
  PricesOnly("{rule: rglcap-85, criterion: price, budget: 1000}", {740}, &f);
  EXPECT_THAT(f[0], HasSubstr("26.00 % below the budget EUR 1,000.00"));
  PricesOnly("{rule: rglcap-85, criterion: price, budget: 1000}", {760}, &f);
  EXPECT_EQ(f[0], "");
  // 85.2: two bids: 79 is 21 % below 100 (> 20); 81 is not.
  PricesOnly("{rule: rglcap-85, criterion: price}", {79, 100}, &f);
  EXPECT_THAT(f[0], HasSubstr("21.00 % below the other bid"));
  PricesOnly("{rule: rglcap-85, criterion: price}", {81, 100}, &f);
  EXPECT_EQ(f[0], "");
  // 85.3: three bids 80, 100, 150: mean 110; 150 > 121 so it leaves the
  // mean: (80 + 100) / 2 = 90; 80 is 11.11 % below 90 (> 10).
  const Evaluation three =
      PricesOnly("{rule: rglcap-85, criterion: price}", {80, 100, 150}, &f);
  EXPECT_THAT(f[0], HasSubstr("11.11 % below the mean of the 2 lower bids"));
  // The fact: paragraph 3, the mean of the two lower bids, 10 %.
  EXPECT_EQ(three.abnormally_low[0].rule, AbnormallyLowRule::Kind::kRglcap85);
  EXPECT_EQ(three.abnormally_low[0].basis, AbnormallyLowBasis::kMeanOfTwoLower);
  EXPECT_EQ(three.abnormally_low[0].paragraph, 3);
  EXPECT_DOUBLE_EQ(three.abnormally_low[0].reference, 90);
  EXPECT_DOUBLE_EQ(three.abnormally_low[0].threshold, 10);
  EXPECT_EQ(three.abnormally_low[0].count, 2);
  EXPECT_EQ(f[1], "");
  // No bid more than 10 % above the mean: 85, 100, 104 have mean 96.33
  // (limit 105.97), so all three stay in it; 85 is 11.76 % below -> flagged.
  PricesOnly("{rule: rglcap-85, criterion: price}", {85, 100, 104}, &f);
  EXPECT_THAT(f[0], HasSubstr("below the mean of the 3 bids (EUR 96.33)"));
  // 85.4: four bids 60, 100, 100, 200: mean 115; 200 > 126.5 leaves; new
  // mean of 60, 100, 100 = 86.67; 60 is 30.77 % below.
  PricesOnly("{rule: rglcap-85, criterion: price}", {60, 100, 100, 200}, &f);
  EXPECT_THAT(f[0], HasSubstr("30.77 % below the mean of the 3 bids not more "
                              "than 10 % above the mean of all 4"));
  // ... and if fewer than three remain, the mean of the three lowest: 50,
  // 60, 300, 310: mean 180; 300 and 310 leave; 2 remain -> mean of 50, 60,
  // 300 = 136.67; 50 and 60 are flagged.
  PricesOnly("{rule: rglcap-85, criterion: price}", {50, 60, 300, 310}, &f);
  EXPECT_THAT(f[0], HasSubstr("the mean of the 3 lowest bids (EUR 136.67)"));
  EXPECT_NE(f[1], "");
  EXPECT_EQ(f[2], "");
}

// The abnormally-low notes (not the notes about tied bids), in words.
std::vector<std::string> NoteTexts(const Evaluation& e) {
  std::vector<std::string> out;
  for (std::size_t n = 0; n < e.notes.size(); ++n) {
    const std::string text = NoteText(e, n, &LastSet());
    if (text.rfind("abnormally-low:", 0) == 0) out.push_back(text);
  }
  return out;
}

// RGLCAP art. 85.3, last sentence: with three bids, any bid more than 25
// units below the budget is abnormal in any case. Budget 100,000; bids
// 70,000 / 74,000 / 76,000: mean 73,333.33, 76,000 is not more than 10 %
// above it (80,666.67), so the mean stays; 10 % below it is 66,000, which
// no bid undercuts. 25 % below the budget is 75,000: 70,000 (30 %) and
// 74,000 (26 %) are abnormal, 76,000 (24 %) is not.
TEST(AwardOrderTest, Rglcap85ThreeBidsAgainstTheBudget) {
  std::vector<std::string> f;
  const Evaluation e =
      PricesOnly("{rule: rglcap-85, criterion: price, budget: 100000}",
                 {70000, 74000, 76000}, &f);
  EXPECT_EQ(f[0],
            "price EUR 70,000.00 is 30.00 % below the budget EUR 100,000.00; "
            "more than 25 % below is abnormally low (Spain, RGLCAP art. "
            "85.3); a justification must be requested before the award "
            "(Directive 2014/24/EU art. 69); the bid keeps its rank");
  EXPECT_THAT(f[1], HasSubstr("26.00 % below the budget"));
  EXPECT_EQ(f[2], "");
  EXPECT_TRUE(NoteTexts(e).empty());
  // Without a budget the clause cannot be checked, and the note says so.
  const Evaluation no_budget = PricesOnly("{rule: rglcap-85, criterion: price}",
                                          {70000, 74000, 76000}, &f);
  EXPECT_EQ(f[0], "");
  EXPECT_THAT(NoteTexts(no_budget),
              ElementsAre("abnormally-low: RGLCAP art. 85.3 (Spain) also "
                          "holds any of three bids more than 25 % below the "
                          "tender budget abnormally low; the criteria set "
                          "declares no budget (abnormally-low.budget), so "
                          "that clause is not checked"));
}

// A price-quality award: price 40 of 100 points.
Evaluation PriceAndQuality(const std::string& rule,
                           const std::vector<double>& prices,
                           std::vector<std::string>* flags) {
  CriteriaSet set = ParseCriteriaOk(
      "circa: 1\nid: a\nversion: \"1\"\ntitle: a\nabnormally-low: " + rule +
      "\ncriteria:\n  - {id: price, type: price, weight: 40, scoring: "
      "{rule: lowest-ratio}}\n  - {id: q, type: quality, weight: 60, "
      "scoring: {rule: linear, worst: 0, best: 10}}\n");
  Eigen::MatrixXd values(static_cast<Eigen::Index>(prices.size()), 2);
  for (std::size_t i = 0; i < prices.size(); ++i) {
    values(static_cast<Eigen::Index>(i), 0) = prices[i];
    values(static_cast<Eigen::Index>(i), 1) = 5;
  }
  Evaluation e = ::circa_test::CompileOk(set).Evaluate(values);
  LastSet() = set;
  flags->clear();
  for (const AbnormallyLowFlag& f : e.abnormally_low) {
    flags->push_back(FlagText(set, f));
  }
  return e;
}

TEST(AwardOrderTest, Rglcap85WarnsOnAPriceQualityAward) {
  std::vector<std::string> f;
  // 79 is 21 % below 100 (85.2): still flagged, with the warning.
  const Evaluation e =
      PriceAndQuality("{rule: rglcap-85, criterion: price}", {79, 100}, &f);
  EXPECT_THAT(f[0], HasSubstr("(Spain, RGLCAP art. 85.2)"));
  EXPECT_THAT(NoteTexts(e),
              ElementsAre("abnormally-low: rglcap-85 (Spain, RGLCAP art. 85) "
                          "is meant for price-only awards; here price "
                          "carries 40.00 % of the points, so its flags are "
                          "indicative only"));
}

// Belgium, KB 18 April 2017 art. 36 § 4 (works), computed by hand.
TEST(AwardOrderTest, BelgianPriceExaminationForWorks) {
  std::vector<std::string> f;
  // 4 bids 70, 100, 100, 400 (fewer than 7): the highest leaves the mean,
  // (70 + 100 + 100) / 3 = 90; 15 % below is 76.50; 70 is 22.22 % below.
  // (With 400 in the mean, 167.50, the two 100s would be flagged too.)
  const Evaluation e =
      PricesOnly("{rule: kb-2017-36, criterion: price, contract: works}",
                 {70, 100, 100, 400}, &f);
  EXPECT_EQ(f[0],
            "price EUR 70.00 is 22.22 % below the mean of the bids without "
            "the highest (4 bids, fewer than 7), EUR 90.00; at least 15 % "
            "below must be examined (Belgium, royal decree of 18 April 2017 "
            "(classic sectors) art. 36 § 4); a justification must be "
            "requested before the award (Directive 2014/24/EU art. 69); the "
            "bid keeps its rank");
  EXPECT_EQ(f[1], "");
  EXPECT_EQ(f[3], "");
  EXPECT_TRUE(NoteTexts(e).empty());
  // 7 bids: the highest (300) and the lowest (60) leave the mean:
  // (90 + 100 + 100 + 100 + 110) / 5 = 100; 15 % below is 85: only 60.
  PricesOnly("{rule: kb-2017-36, criterion: price, contract: works}",
             {60, 90, 100, 100, 100, 110, 300}, &f);
  EXPECT_THAT(f[0], HasSubstr("40.00 % below the mean of the bids without "
                              "the highest and the lowest (7 bids, 7 or "
                              "more), EUR 100.00"));
  for (std::size_t i = 1; i < f.size(); ++i) EXPECT_EQ(f[i], "") << i;
  // At least 15 %: 85 against a mean of 100 exactly is examined. 4 bids 85,
  // 100, 115, 200: without 200, (85 + 100 + 115) / 3 = 100.
  PricesOnly("{rule: kb-2017-36, criterion: price, contract: works}",
             {85, 100, 115, 200}, &f);
  EXPECT_THAT(f[0], HasSubstr("15.00 % below"));
  // Fewer than 4 bids: no numeric trigger.
  const Evaluation three =
      PricesOnly("{rule: kb-2017-36, criterion: price, contract: works}",
                 {50, 100, 100}, &f);
  EXPECT_EQ(f[0], "");
  EXPECT_THAT(NoteTexts(three),
              ElementsAre("abnormally-low: Belgium, royal decree of 18 April "
                          "2017 (classic sectors) art. 36 § 4 needs at least "
                          "4 bids; 3 were ranked, so every price is examined "
                          "(§ 1-3) and circa flags no bid"));
}

TEST(AwardOrderTest, BelgianPriceExaminationForSuppliesAndQuality) {
  std::vector<std::string> f;
  // Supplies: § 1-3 only, no number.
  const Evaluation supplies =
      PricesOnly("{rule: kb-2017-36, criterion: price, contract: supplies}",
                 {70, 100, 100, 400}, &f);
  EXPECT_EQ(f[0], "");
  EXPECT_THAT(NoteTexts(supplies),
              ElementsAre("abnormally-low: Belgium, royal decree of 18 April "
                          "2017 (classic sectors) art. 36 § 1-3: for "
                          "supplies the buyer examines every price and asks "
                          "for a justification of any that seems abnormally "
                          "low; the decree sets no number, so circa flags no "
                          "bid"));
  // Services in a fraud-sensitive sector are treated as works.
  PricesOnly(
      "{rule: kb-2017-36, criterion: price, contract: "
      "fraud-sensitive-services}",
      {70, 100, 100, 400}, &f);
  EXPECT_NE(f[0], "");
  // Works under price-quality with price below half of the weight.
  const Evaluation pq =
      PriceAndQuality("{rule: kb-2017-36, criterion: price, contract: works}",
                      {70, 100, 100, 400}, &f);
  EXPECT_EQ(f[0], "");
  EXPECT_THAT(NoteTexts(pq),
              ElementsAre(HasSubstr("carries 40.00 %; every price is still "
                                    "examined (§ 1-3), circa flags no bid")));
}

TEST(AwardOrderTest, BelgianPriceExaminationNeedsAContract) {
  const Result<CriteriaSet> r = ParseCriteria(R"(circa: 1
id: a
version: "1"
title: a
abnormally-low: {rule: kb-2017-36, criterion: price, contract: goods}
criteria:
  - {id: price, type: price, weight: 100, scoring: {rule: lowest-ratio}}
)",
                                              "criteria.yaml");
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("criteria.yaml:5:64: abnormally-low.contract: "
                          "expected works, supplies, services or "
                          "fraud-sensitive-services, got \"goods\""));
}

// --- weights as ranges or order ----------------------------------------------

TEST(AwardOrderTest, WeightRangesUseTheMiddleAndKeepTheRange) {
  const CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: w
version: "1"
title: w
weights: percent
criteria:
  - {id: price, type: price, weight: [30, 40], scoring: {rule: lowest-ratio}}
  - {id: quality, type: quality, weight: [60, 70], scoring: {rule: yes-no}}
)");
  EXPECT_DOUBLE_EQ(set.criteria[0].effective_weight, 35);
  EXPECT_DOUBLE_EQ(set.criteria[1].effective_weight, 65);
  EXPECT_DOUBLE_EQ(set.criteria[1].effective_range->lo, 60);
  EXPECT_DOUBLE_EQ(set.criteria[1].effective_range->hi, 70);
  const Scorer scorer = ::circa_test::CompileOk(set);
  ASSERT_TRUE(scorer.columns()[0].weight_range.has_value());
  EXPECT_DOUBLE_EQ(scorer.columns()[0].weight_range->hi, 40);
}

TEST(AwardOrderTest, WeightRangeErrors) {
  const Result<CriteriaSet> r = ParseCriteria(R"(circa: 1
id: w
version: "1"
title: w
criteria:
  - {id: price, type: price, weight: [50, 40], scoring: {rule: lowest-ratio}}
  - {id: q, type: quality, weight: [10, 20, 30], scoring: {rule: yes-no}}
  - {id: r, type: quality, weight: [60, 62], scoring: {rule: yes-no}}
)",
                                              "criteria.yaml");
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("criteria.yaml:6:38: criteria[0].weight: expected a "
                          "range [min, max] with 0 <= min <= max, got [50, 40]",
                          "criteria.yaml:7:36: criteria[1].weight: expected a "
                          "weight range [min, max], got a list of 3"));
}

TEST(AwardOrderTest, OrderOfImportanceGivesRankOrderCentroidWeights) {
  Result<CriteriaSet> r = ParseCriteria(R"(circa: 1
id: o
version: "1"
title: o
weights: order
criteria:
  - {id: quality, type: quality, order: 1, scoring: {rule: yes-no}}
  - {id: price, type: price, order: 2, scoring: {rule: lowest-ratio}}
  - {id: delivery, type: quality, order: 3, scoring: {rule: yes-no}}
)",
                                        "criteria.yaml");
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  // Barron & Barrett (1996): w1 = (1 + 1/2 + 1/3)/3 = 0.6111, w2 = (1/2 +
  // 1/3)/3 = 0.2778, w3 = (1/3)/3 = 0.1111; of 100 points.
  EXPECT_NEAR(r.value->criteria[0].effective_weight, 100 * 11.0 / 18, 1e-12);
  EXPECT_NEAR(r.value->criteria[1].effective_weight, 100 * 5.0 / 18, 1e-12);
  EXPECT_NEAR(r.value->criteria[2].effective_weight, 100 * 2.0 / 18, 1e-12);
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre(HasSubstr("weights are derived from the published "
                                    "order of importance (rank-order "
                                    "centroid)")));
  const Result<CriteriaSet> bad = ParseCriteria(R"(circa: 1
id: o
version: "1"
title: o
weights: order
criteria:
  - {id: a, type: quality, order: 1, scoring: {rule: yes-no}}
  - {id: b, type: quality, order: 1, weight: 3, scoring: {rule: yes-no}}
)",
                                                "criteria.yaml");
  EXPECT_THAT(
      Messages(bad.diagnostics),
      ElementsAre("criteria.yaml:8:46: criteria[1].weight: this set publishes "
                  "an order of importance (weights: order); give order: 1, "
                  "2, ... instead of a weight",
                  "criteria.yaml:8:5: criteria[1].order: order 1 is given "
                  "twice; each place 1 to 2 must be used once (rank-order "
                  "weights need a strict order)"));
}

TEST(AwardOrderTest, StepsThatCannotGiveFullPointsWarn) {
  const Result<CriteriaSet> r = ParseCriteria(R"(circa: 1
id: s
version: "1"
title: s
criteria:
  - {id: price, type: price, weight: 60, scoring: {rule: lowest-ratio}}
  - {id: w, type: quality, weight: 40, scoring: {rule: steps, steps: [[2, 0], [5, 0.8]]}}
)",
                                              "criteria.yaml");
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(
      Messages(r.diagnostics),
      ElementsAre("criteria.yaml:7:5: warning: w.scoring: the best step scores "
                  "0.8, so no bid can earn all 40 points of w; its "
                  "real weight is lower than published"));
}

TEST(AwardOrderTest, WarnsWhenPriceAndQualityScalesDifferInLength) {
  CriteriaSet set = ParseCriteriaOk(kMontte);
  set.criteria[0].threshold.reset();
  // Price hands out all 50 points (to A); the best quality is C's 45 of 50.
  const BidSet bids =
      ParseBidsOk("bid,technical,price\nA,40,100\nC,45,120\n", set);
  const Evaluation e = ::circa_test::CompileOk(set).Evaluate(bids);
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_EQ(e.notes[0].kind, NoteKind::kPriceQualitySplit);
  EXPECT_DOUBLE_EQ(e.notes[0].money_points, 50);
  EXPECT_DOUBLE_EQ(e.notes[0].money_weight, 50);
  EXPECT_DOUBLE_EQ(e.notes[0].quality_points, 45);
  EXPECT_DOUBLE_EQ(e.notes[0].quality_weight, 50);
  EXPECT_EQ(NoteText(e, 0),
            "price and cost hand out at most 50.00 of their 50 points, quality "
            "at most 45.00 of its 50: the published split 50/50 works like "
            "50.00/45.00 among these bids (the price and quality scales "
            "differ in length)");
  // Within 5 percentage points: no note.
  const BidSet close =
      ParseBidsOk("bid,technical,price\nA,40,100\nC,48,120\n", set);
  EXPECT_TRUE(::circa_test::CompileOk(set).Evaluate(close).notes.empty());
}

// --- the samples -------------------------------------------------------------

TEST(AwardOrderSamples, FurnitureAwardRunsEveryStage) {
  const Tender t = LoadSample("furniture-award");
  const Scorer scorer = ::circa_test::CompileOk(t.criteria);
  const Evaluation e = scorer.Evaluate(t.bids);
  const BidSet& b = t.bids;
  EXPECT_EQ(WinnerOf(b, e), "C");
  EXPECT_EQ(e.exclusion[static_cast<std::size_t>(Find(b, "F"))].stage,
            ExclusionStage::kRequirement);
  EXPECT_EQ(e.exclusion[static_cast<std::size_t>(Find(b, "D"))].stage,
            ExclusionStage::kThreshold);
  // Totals as README.md states them (rounded to 2 decimals by the set).
  EXPECT_DOUBLE_EQ(e.totals[Find(b, "C")], 89.06);
  EXPECT_DOUBLE_EQ(e.totals[Find(b, "B")], 88.52);
  EXPECT_DOUBLE_EQ(e.totals[Find(b, "E")], 88.51);
  EXPECT_DOUBLE_EQ(e.totals[Find(b, "A")], 70.42);
  // The panel's mean for C: (10 + 7.5 + 10) / 3.
  EXPECT_NEAR(b.values(Find(b, "C"), 4), 27.5 / 3, 1e-12);
  // A is abnormally low and keeps its rank.
  EXPECT_THAT(
      FlagText(t.criteria,
               e.abnormally_low[static_cast<std::size_t>(Find(b, "A"))]),
      HasSubstr("15.81 % below the mean of the other 3 valid bids"));
  EXPECT_EQ(e.rank[static_cast<std::size_t>(Find(b, "A"))], 4);
  EXPECT_TRUE(e.tie_breaks.empty());

  // The threshold changes the winner: without it D sets the lowest price.
  CriteriaSet no_threshold = t.criteria;
  no_threshold.criteria[1].threshold.reset();
  const Evaluation without = ::circa_test::CompileOk(no_threshold).Evaluate(b);
  EXPECT_EQ(WinnerOf(b, without), "E");
  EXPECT_DOUBLE_EQ(without.totals[Find(b, "E")], 83.30);
}

TEST(AwardOrderSamples, TieBreakSampleIsDecidedByThePolicy) {
  const Tender t = LoadSample("tie-break");
  const Evaluation e = ::circa_test::CompileOk(t.criteria).Evaluate(t.bids);
  const BidSet& b = t.bids;
  EXPECT_EQ(WinnerOf(b, e), "B");
  EXPECT_DOUBLE_EQ(e.totals[Find(b, "A")], 67.50);
  EXPECT_DOUBLE_EQ(e.totals[Find(b, "B")], 67.50);
  EXPECT_EQ(e.rank[static_cast<std::size_t>(Find(b, "A"))], 2);
  EXPECT_EQ(e.exclusion[static_cast<std::size_t>(Find(b, "D"))].rule,
            "ecolabel");
  ASSERT_EQ(e.tie_breaks.size(), 1u);
  EXPECT_THAT(StepTexts(t.criteria, e.tie_breaks.front(), b),
              ElementsAre("rule 1, higher points on Circularity: B 42.50 "
                          "points, A 30.00 points"));
  const std::vector<BidExplanation> x =
      Explain(t.criteria, ::circa_test::CompileOk(t.criteria), b, e);
  EXPECT_THAT(x[static_cast<std::size_t>(Find(b, "B"))].summary,
              HasSubstr("ranks ahead of it by the declared tie-break"));
}

}  // namespace
}  // namespace circa
