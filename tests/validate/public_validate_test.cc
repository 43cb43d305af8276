// The public ValidateCriteria (include/circa/validate.h) and Scorer::Compile
// on sets built in code: a broken rule is a diagnostic, never a crash, and
// a set read from a file passes unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "circa/circa.h"
#include "circa/validate.h"
#include "test_util.h"

namespace circa {
namespace {

using ::testing::ElementsAre;

Criterion Leaf(const std::string& id, double weight,
               std::optional<ScoringRule> scoring) {
  Criterion c;
  c.id = id;
  c.name = id;
  c.type = CriterionType::kQuality;
  c.weight = weight;
  c.scoring = std::move(scoring);
  c.where = {"code", 0, 0};
  return c;
}

ScoringRule Linear(double worst, double best) {
  ScoringRule r;
  r.rule = Rule::kLinear;
  r.worst = worst;
  r.best = best;
  return r;
}

CriteriaSet BuiltInCode() {
  CriteriaSet set;
  set.id = "built";
  set.scale = 100;
  set.criteria.push_back(Leaf("a", 60, Linear(0, 10)));
  set.criteria.push_back(Leaf("b", 40, Linear(0, 5)));
  return set;
}

TEST(PublicValidateTest, AValidSetGetsItsEffectiveWeights) {
  const Result<CriteriaSet> r = ValidateCriteria(BuiltInCode());
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_DOUBLE_EQ(r.value->criteria[0].effective_weight, 60);
  EXPECT_DOUBLE_EQ(r.value->criteria[1].effective_weight, 40);
  // Compiling validates the same way and scores.
  const Result<Scorer> scorer = Scorer::Compile(BuiltInCode());
  ASSERT_TRUE(scorer.ok());
  const Evaluation e = scorer.value->Evaluate(circa_test::Rows({{10, 5}}));
  EXPECT_DOUBLE_EQ(e.totals[0], 100);
}

TEST(PublicValidateTest, BrokenRulesAreDiagnosticsNotCrashes) {
  CriteriaSet set = BuiltInCode();
  set.criteria[0].scoring = Linear(7, 7);  // best = worst: divides by 0
  set.criteria[1].scoring = std::nullopt;  // Compile would dereference it
  const std::vector<std::string> expected = {
      "code: criteria[0].scoring.best: best and worst must differ (both are "
      "7)",
      "code: criteria[1].scoring: b has no scoring rule; every leaf "
      "criterion needs one (docs/rules.md)"};
  const Result<CriteriaSet> r = ValidateCriteria(set);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(circa_test::Messages(r.diagnostics), expected);
  const Result<Scorer> scorer = Scorer::Compile(set);
  EXPECT_FALSE(scorer.ok());
  EXPECT_EQ(circa_test::Messages(scorer.diagnostics), expected);
}

TEST(PublicValidateTest, TheFileChecksApplyToABuiltSet) {
  CriteriaSet set = BuiltInCode();
  set.criteria[1].weight = 30;  // 60 + 30 is not the scale
  set.criteria[1].id = "a";     // and the id is taken
  const Result<Scorer> scorer = Scorer::Compile(set);
  EXPECT_FALSE(scorer.ok());
  EXPECT_THAT(
      circa_test::Messages(scorer.diagnostics),
      ElementsAre("code: criteria: weights add up to 90; expected 100 (the "
                  "scale): a 60 + a 30",
                  "code: criteria[1].id: duplicate id \"a\"; first used at "
                  "line 0"));
}

// weights: order with a criterion that has no place: the reader refuses
// it; built in code (or decoded from a damaged archive, as fuzz_batch
// found) the rank-order weights were NaN and so were the totals.
TEST(PublicValidateTest, AnOrderSetNeedsEveryPlace) {
  CriteriaSet set = BuiltInCode();
  set.weights = WeightMode::kOrder;
  set.criteria[0].order = 1;  // criteria[1] has none
  const std::vector<std::string> expected = {
      "code: criteria[1].order: missing; expected the criterion's place in "
      "the order of importance among its siblings (1 = most important)"};
  const Result<Scorer> scorer = Scorer::Compile(set);
  EXPECT_FALSE(scorer.ok());
  EXPECT_EQ(circa_test::Messages(scorer.diagnostics), expected);
  set.criteria[1].order = 2;
  const Result<Scorer> ordered = Scorer::Compile(set);
  ASSERT_TRUE(ordered.ok()) << circa_test::Describe(ordered.diagnostics);
  const Evaluation e = ordered.value->Evaluate(circa_test::Rows({{10, 5}}));
  EXPECT_DOUBLE_EQ(e.totals[0], 100);
}

TEST(PublicValidateTest, OtherRuleParameters) {
  CriteriaSet set = BuiltInCode();
  ScoringRule ceiling;
  ceiling.rule = Rule::kLinearCeiling;
  ceiling.ceiling = 0;
  ScoringRule log;
  log.rule = Rule::kLogarithmic;
  log.zero_at = 1;
  set.criteria[0].scoring = ceiling;
  set.criteria[1].scoring = log;
  set.criteria.push_back(Leaf("c", 0, ScoringRule{}));
  set.criteria.back().scoring->rule = Rule::kSteps;
  set.criteria.push_back(Leaf("d", 0, ScoringRule{}));
  set.criteria.back().scoring->rule = Rule::kScale;
  EXPECT_THAT(
      circa_test::Messages(ValidateCriteria(set).diagnostics),
      ElementsAre("code: criteria[0].scoring.ceiling: expected a price > 0, "
                  "got \"0\"",
                  "code: criteria[1].scoring.zero-at: expected a multiple of "
                  "the lowest price > 1 (such as 1.5, 2 or 3), got \"1\"",
                  "code: criteria[2].scoring.steps: expected at least one step",
                  "code: criteria[3].scoring.levels: expected at least one "
                  "level"));
}

TEST(PublicValidateTest, ASetReadFromAFilePassesUnchanged) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(R"(circa: 1
id: read
version: "1"
title: Read
weights: percent
criteria:
  - id: quality
    weight: 60
    criteria:
      - {id: q1, type: quality, weight: 50, scoring: {rule: yes-no}}
      - {id: q2, type: quality, weight: 50, scoring: {rule: yes-no}}
  - {id: price, type: price, weight: 40, scoring: {rule: lowest-ratio}}
)");
  const Result<CriteriaSet> r = ValidateCriteria(set);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.value->criteria.size(), set.criteria.size());
  for (std::size_t i = 0; i < set.criteria.size(); ++i) {
    EXPECT_EQ(r.value->criteria[i].effective_weight,
              set.criteria[i].effective_weight);
  }
  EXPECT_DOUBLE_EQ(r.value->criteria[0].children[1].effective_weight, 30);
}

}  // namespace
}  // namespace circa
