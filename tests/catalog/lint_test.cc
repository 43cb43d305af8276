// Lint: each facilitator-quality finding with its exact message, a model
// set with none, and the ids-stable check against a previous version.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "circa/catalog.h"
#include "test_util.h"

namespace circa {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kGood = R"(circa: 1
id: good-model
version: 1.0.0
title: Good
labels: {en: Good, nl: Goed}
publisher: Facilitator
product-group: office-furniture
sources:
  - {id: eu-gpp-furniture, title: EU GPP criteria for furniture}
criteria:
  - id: price
    type: price
    unit: EUR
    description: Total price.
    labels: {en: Price, nl: Prijs}
    source: eu-gpp-furniture AC1
    weight: 40
    scoring: {rule: lowest-ratio}
  - id: circ
    type: quality
    weight: 60
    labels: {en: Circularity, nl: Circulariteit}
    criteria:
      - id: recycled
        unit: "%"
        description: Recycled content by mass.
        labels: {en: Recycled content, nl: Gerecycleerd gehalte}
        evidence: EPD or equivalent
        level: core
        source: eu-gpp-furniture AC3
        strategies: [recycled-content]
        weight: 30
        scoring: {rule: linear, worst: 0, best: 60}
      - id: plan
        description: Circular service plan.
        labels: {en: Plan, nl: Plan}
        evidence: the plan
        level: comprehensive
        source: eu-gpp-furniture
        weight: 30
        scoring: {rule: scale, levels: {0: no plan, 5: a complete plan}}
requirements:
  - id: legal_wood
    description: Legal wood.
    labels: {en: Legal wood, nl: Legaal hout}
    evidence: FSC or equivalent
    level: core
    source: eu-gpp-furniture TS1
    conditions: [{field: wood, equals: yes}]
clauses:
  - id: take_back
    description: Take-back at end of use.
    labels: {en: Take-back, nl: Terugname}
    evidence: clause in the contract
    level: core
    source: eu-gpp-furniture CPC1
    strategies: [next-loop]
)";

TEST(Lint, AWellDocumentedModelSetHasNoFindings) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kGood, "good.yaml");
  EXPECT_THAT(Lint(set), IsEmpty());
}

constexpr const char* kBad = R"(circa: 1
id: bad
version: "1.0"
title: Bad
criteria:
  - {id: Price, type: price, weight: 40, scoring: {rule: lowest-ratio}}
  - id: circ
    type: quality
    weight: 60
    labels: {en: Circularity}
    criteria:
      - id: plan
        description: Plan.
        labels: {en: Plan, nl: Plan}
        evidence: the plan
        level: core
        source: gpp AC2
        weight: 60
        scoring: {rule: scale, levels: {0: "0", 5: good}}
  - {id: zero, type: quality, weight: 0, scoring: {rule: yes-no}}
requirements:
  - {id: r, conditions: [{field: x, min: 1}]}
clauses:
  - {id: c}
)";

TEST(Lint, EachFindingHasItsMessage) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kBad, "bad.yaml");
  EXPECT_THAT(
      circa_test::Messages(Lint(set)),
      ElementsAre(
          "bad.yaml:1:1: warning: product-group: missing; a model set names "
          "its product group (such as office-furniture)",
          "bad.yaml:1:1: warning: publisher: missing; a model set names who "
          "publishes and maintains it",
          "bad.yaml:1:1: warning: labels.en: missing; give the name in en "
          "and nl",
          "bad.yaml:1:1: warning: labels.nl: missing; give the name in en "
          "and nl",
          "bad.yaml:1:1: warning: sources: none declared; list the documents "
          "the set follows (EU GPP criteria, national guidance) with id and "
          "title",
          "bad.yaml:1:1: warning: version: \"1.0\" is not a semantic version "
          "(MAJOR.MINOR.PATCH); buyers pin model versions and removing an id "
          "needs a new major version",
          "bad.yaml:1:1: warning: strategies: no circular strategy covered; "
          "tag criteria, requirements or clauses with strategies (use-less, "
          "use-not-own, reuse, recycled-content, longer-life, next-loop)",
          "bad.yaml:6:5: warning: criteria[0].id: \"Price\" is not lowercase "
          "snake_case ([a-z][a-z0-9_]*)",
          "bad.yaml:6:5: warning: criteria[0].labels.en: missing; give the "
          "name in en and nl",
          "bad.yaml:6:5: warning: criteria[0].labels.nl: missing; give the "
          "name in en and nl",
          "bad.yaml:6:5: warning: criteria[0].description: missing; say what "
          "is asked and how it is verified",
          "bad.yaml:6:5: warning: criteria[0].source: missing; name the "
          "declared source and the item it follows, such as "
          "\"eu-gpp-furniture AC3\"",
          "bad.yaml:6:5: warning: criteria[0].unit: missing; a price or cost "
          "needs its unit (such as EUR)",
          "bad.yaml:7:5: warning: criteria[1].labels.nl: missing; give the "
          "name in en and nl",
          "bad.yaml:7:5: warning: criteria[1].criteria: a group with one "
          "criterion; the group and its criterion carry the same weight "
          "(merge them)",
          "bad.yaml:12:9: criteria[1].criteria[0].source: \"gpp AC2\" does "
          "not start with a declared source id (none declared)",
          "bad.yaml:12:9: warning: criteria[1].criteria[0].scoring.levels.0: "
          "level 0 is described as \"0\"; describe in words what earns it",
          "bad.yaml:20:5: warning: criteria[2].labels.en: missing; give the "
          "name in en and nl",
          "bad.yaml:20:5: warning: criteria[2].labels.nl: missing; give the "
          "name in en and nl",
          "bad.yaml:20:5: warning: criteria[2].description: missing; say "
          "what is asked and how it is verified",
          "bad.yaml:20:5: warning: criteria[2].evidence: missing; say what "
          "proves it (a label or equivalent, EPD, declaration, test report)",
          "bad.yaml:20:5: warning: criteria[2].level: missing; give core or "
          "comprehensive (the EU GPP ambition level)",
          "bad.yaml:20:5: warning: criteria[2].source: missing; name the "
          "declared source and the item it follows, such as "
          "\"eu-gpp-furniture AC3\"",
          "bad.yaml:20:5: warning: criteria[2].weight: 0: the criterion is "
          "scored but adds no points; give it a weight or drop it",
          "bad.yaml:22:5: warning: requirements[0].labels.en: missing; give "
          "the name in en and nl",
          "bad.yaml:22:5: warning: requirements[0].labels.nl: missing; give "
          "the name in en and nl",
          "bad.yaml:22:5: warning: requirements[0].description: missing; say "
          "what is asked and how it is verified",
          "bad.yaml:22:5: warning: requirements[0].evidence: missing; say "
          "what proves it (a label or equivalent, EPD, declaration, test "
          "report)",
          "bad.yaml:22:5: warning: requirements[0].level: missing; give core "
          "or comprehensive (the EU GPP ambition level)",
          "bad.yaml:22:5: warning: requirements[0].source: missing; name the "
          "declared source and the item it follows, such as "
          "\"eu-gpp-furniture AC3\"",
          "bad.yaml:24:5: warning: clauses[0].labels.en: missing; give the "
          "name in en and nl",
          "bad.yaml:24:5: warning: clauses[0].labels.nl: missing; give the "
          "name in en and nl",
          "bad.yaml:24:5: warning: clauses[0].description: missing; say what "
          "is asked and how it is verified",
          "bad.yaml:24:5: warning: clauses[0].evidence: missing; say what "
          "proves it (a label or equivalent, EPD, declaration, test report)",
          "bad.yaml:24:5: warning: clauses[0].level: missing; give core or "
          "comprehensive (the EU GPP ambition level)",
          "bad.yaml:24:5: warning: clauses[0].source: missing; name the "
          "declared source and the item it follows, such as "
          "\"eu-gpp-furniture AC3\""));
}

TEST(Lint, UnknownSourceNamesTheDeclaredOnes) {
  std::string text = kGood;
  text.replace(text.find("source: eu-gpp-furniture AC3"),
               std::string("source: eu-gpp-furniture AC3").size(),
               "source: eu-gpp-furniturex AC3");
  const CriteriaSet set = circa_test::ParseCriteriaOk(text, "s.yaml");
  EXPECT_THAT(circa_test::Messages(Lint(set)),
              ElementsAre("s.yaml:24:9: criteria[1].criteria[0].source: "
                          "\"eu-gpp-furniturex AC3\" does not start with a "
                          "declared source id (eu-gpp-furniture)"));
}

TEST(Lint, DefaultOptionsAreValid) {
  std::string why;
  EXPECT_TRUE(LintOptions().IsValid(&why)) << why;
  LintOptions bad;
  bad.languages = {"en", "NL"};
  EXPECT_FALSE(bad.IsValid(&why));
  EXPECT_EQ(why,
            "languages: expected two-letter codes such as en or nl, got "
            "\"NL\"");
  bad.languages.clear();
  EXPECT_FALSE(bad.IsValid(&why));
}

TEST(Lint, LanguagesAreAnOption) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kGood, "good.yaml");
  LintOptions options;
  options.languages = {"en", "nl", "fr"};
  const std::vector<Diagnostic> findings = Lint(set, options);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].ToString(),
            "good.yaml:1:1: warning: labels.fr: missing; give the name in en, "
            "nl and fr");
}

TEST(Lint, IdsStableAgainstThePreviousVersion) {
  const CriteriaSet old = circa_test::ParseCriteriaOk(kGood, "v1.yaml");
  // 1.1.0 drops take_back (a clause) and renames plan to service_plan.
  std::string text = kGood;
  text.replace(text.find("version: 1.0.0"), 14, "version: 1.1.0");
  text.replace(text.find("- id: plan"), 10, "- id: service_plan");
  text = text.substr(0, text.find("clauses:"));
  const CriteriaSet minor = circa_test::ParseCriteriaOk(text, "v2.yaml");
  LintOptions options;
  options.previous = &old;
  EXPECT_THAT(
      circa_test::Messages(Lint(minor, options)),
      ElementsAre("v2.yaml:1:1: criteria: criterion \"plan\" of version 1.0.0 "
                  "is gone in version 1.1.0; removing or renaming an id needs "
                  "a new major version (2.0.0)",
                  "v2.yaml:1:1: clauses: clause \"take_back\" of version "
                  "1.0.0 is gone in version 1.1.0; removing or renaming an id "
                  "needs a new major version (2.0.0)"));
  text.replace(text.find("version: 1.1.0"), 14, "version: 2.0.0");
  const CriteriaSet major = circa_test::ParseCriteriaOk(text, "v3.yaml");
  EXPECT_THAT(Lint(major, options), IsEmpty());
}

}  // namespace
}  // namespace circa
