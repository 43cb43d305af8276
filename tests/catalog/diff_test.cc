// Diff: a hand-made pair of sets with each kind of change, as text and JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "circa/catalog.h"
#include "test_util.h"

namespace circa {
namespace {

constexpr const char* kOld = R"(circa: 1
id: model
version: 1.0.0
title: Model
criteria:
  - {id: price, type: price, weight: 40, unit: EUR, scoring: {rule: lowest-ratio}}
  - id: circ
    type: quality
    weight: 50
    criteria:
      - {id: recycled, weight: 20, unit: "%", scoring: {rule: linear, worst: 0, best: 60}}
      - {id: take_back, weight: 20, scoring: {rule: yes-no}}
      - {id: warranty, weight: 10, scoring: {rule: steps, steps: [[2, 0], [5, 1]]}}
  - {id: energy, type: quality, weight: 10, unit: kWh, scoring: {rule: linear, worst: 100, best: 50}}
requirements:
  - {id: legal_wood, conditions: [{field: wood_label, one-of: [FSC, PEFC]}]}
  - {id: old_req, conditions: [{field: x, min: 1}]}
clauses:
  - {id: c1, name: Take-back, labels: {nl: Terugname}}
)";

constexpr const char* kNew = R"(circa: 1
id: model
version: 1.1.0
title: Model
rounding: {decimals: 2}
criteria:
  - {id: price, type: price, weight: 30, unit: EUR, scoring: {rule: lowest-ratio}}
  - id: circ
    type: quality
    weight: 50
    criteria:
      - {id: recycled, name: Recycled content, weight: 20, unit: "%", scoring: {rule: linear, worst: 0, best: 80}}
      - {id: repair, weight: 30, scoring: {rule: yes-no}}
  - id: life
    type: quality
    weight: 10
    criteria:
      - {id: warranty, weight: 10, scoring: {rule: steps, steps: [[2, 0], [5, 1]]}}
  - {id: energy, type: cost, weight: 10, unit: kWh/year, scoring: {rule: linear, worst: 100, best: 50}}
requirements:
  - {id: legal_wood, conditions: [{field: wood_label, one-of: [FSC, PEFC, PEFC-CoC]}]}
  - {id: new_req, kind: selection, conditions: [{field: y, equals: yes}]}
clauses:
  - {id: c1, name: Take-back, labels: {nl: Terugname op het einde}}
)";

TEST(Diff, EachKindOfChangeAsText) {
  const CriteriaSet a = circa_test::ParseCriteriaOk(kOld, "old.yaml");
  const CriteriaSet b = circa_test::ParseCriteriaOk(kNew, "new.yaml");
  const CriteriaDiff diff = Diff(a, b);
  EXPECT_EQ(RenderDiffText(diff),
            "--- old.yaml (model 1.0.0)\n"
            "+++ new.yaml (model 1.1.0)\n"
            "~ set: version 1.0.0 -> 1.1.0\n"
            "~ set: rounding none -> 2 decimals on points and totals\n"
            "~ criterion price: weight 40 -> 30 points\n"
            "~ criterion recycled: renamed \"recycled\" -> \"Recycled "
            "content\"\n"
            "~ criterion recycled: rule linear: best 60 -> 80\n"
            "+ criterion repair: added under circ: 30 points, quality, "
            "yes-no\n"
            "+ criterion life: added under the top level: 10 points, quality "
            "group\n"
            "~ criterion warranty: moved from circ to life\n"
            "~ criterion energy: type quality -> cost\n"
            "~ criterion energy: unit kWh -> kWh/year\n"
            "- criterion take_back: removed (was under circ: 20 points, "
            "quality, yes-no)\n"
            "~ requirement legal_wood: conditions wood_label one of FSC, PEFC "
            "-> wood_label one of FSC, PEFC, PEFC-CoC\n"
            "+ requirement new_req: added (selection): y = yes\n"
            "- requirement old_req: removed (was: x >= 1)\n"
            "~ clause c1: documentation changed: labels.nl\n"
            "15 differences: 3 added, 2 removed, 1 re-weighted, 1 re-ruled, "
            "1 renamed, 1 moved, 1 re-typed, 5 changed\n");
}

TEST(Diff, RuleChangeNamesBothRules) {
  const CriteriaSet a = circa_test::ParseCriteriaOk(kOld, "old.yaml");
  const std::string text = std::string(kOld).replace(
      std::string(kOld).find("{rule: steps, steps: [[2, 0], [5, 1]]}"),
      std::string("{rule: steps, steps: [[2, 0], [5, 1]]}").size(),
      "{rule: linear, worst: 2, best: 5}");
  const CriteriaSet b = circa_test::ParseCriteriaOk(text, "b.yaml");
  const CriteriaDiff diff = Diff(a, b);
  ASSERT_EQ(diff.entries.size(), 1u);
  EXPECT_EQ(diff.entries[0].kind, DiffEntry::Kind::kReruled);
  EXPECT_EQ(diff.entries[0].message,
            "rule steps (better higher, steps [[2, 0], [5, 1]]) -> linear "
            "(worst 2, best 5)");
}

// The abnormally-low rules name their country (Spain, Belgium).
TEST(Diff, AbnormallyLowRulesNameTheirCountry) {
  const std::string base =
      "circa: 1\nid: s\nversion: 1.0.0\ntitle: s\ncriteria:\n  - {id: "
      "price, type: price, weight: 100, scoring: {rule: lowest-ratio}}\n";
  const CriteriaSet a = circa_test::ParseCriteriaOk(
      base + "abnormally-low: {rule: rglcap-85, criterion: price}\n", "a.yaml");
  const CriteriaSet b = circa_test::ParseCriteriaOk(
      base +
          "abnormally-low: {rule: kb-2017-36, criterion: price, contract: "
          "works}\n",
      "b.yaml");
  const CriteriaDiff diff = Diff(a, b);
  ASSERT_EQ(diff.entries.size(), 1u);
  EXPECT_EQ(diff.entries[0].message,
            "abnormally-low rglcap-85 (Spain, RGLCAP art. 85) on price -> "
            "kb-2017-36 (Belgium, KB 18 April 2017 art. 36) on price, works");
}

TEST(Diff, IdenticalSetsHaveNoDifferences) {
  const CriteriaSet a = circa_test::ParseCriteriaOk(kOld, "old.yaml");
  const CriteriaDiff diff = Diff(a, a);
  EXPECT_TRUE(diff.empty());
  EXPECT_EQ(RenderDiffText(diff),
            "--- old.yaml (model 1.0.0)\n+++ old.yaml (model 1.0.0)\n"
            "no differences\n");
}

TEST(Diff, Json) {
  const CriteriaSet a = circa_test::ParseCriteriaOk(kOld, "old.yaml");
  const CriteriaSet b = circa_test::ParseCriteriaOk(kNew, "new.yaml");
  const nlohmann::json j = nlohmann::json::parse(RenderDiffJson(Diff(a, b)));
  EXPECT_EQ(j["schema"], "circa.diff/1");
  EXPECT_EQ(j["counts"]["added"], 3);
  EXPECT_EQ(j["counts"]["re-weighted"], 1);
  ASSERT_EQ(j["changes"].size(), 15u);
  EXPECT_EQ(j["changes"][2],
            nlohmann::json({{"kind", "re-weighted"},
                            {"section", "criterion"},
                            {"id", "price"},
                            {"field", "weight"},
                            {"before", "40"},
                            {"after", "30"},
                            {"message", "weight 40 -> 30 points"}}));
}

}  // namespace
}  // namespace circa
