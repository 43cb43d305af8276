// Cross-criterion checks (engine/validate/criteria_validator.cc): sibling
// weights that add up, unique ids, and every problem reported at once.
#include "validate/criteria_validator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "circa/load.h"
#include "test_util.h"

namespace circa {
namespace {

using ::testing::ElementsAreArray;
using ::testing::UnorderedElementsAreArray;

struct ValidationCase {
  std::string name;
  std::string yaml;
  std::vector<std::string> expected;
};

void PrintTo(const ValidationCase& c, std::ostream* os) { *os << c.name; }

// Lines 1-4; line 5 is the case's (scale/weights or "criteria:").
constexpr char kHead[] = "circa: 1\nid: t\nversion: \"1\"\ntitle: T\n";

std::vector<ValidationCase> Cases() {
  return {
      {"TopLevelPointsDoNotAddUp",
       std::string(kHead) + "criteria:\n"                          // 5
                            "  - id: price\n"                      // 6
                            "    type: price\n"                    // 7
                            "    weight: 60\n"                     // 8
                            "    scoring: {rule: lowest-ratio}\n"  // 9
                            "  - id: quality\n"                    // 10
                            "    type: quality\n"                  // 11
                            "    weight: 30\n"                     // 12
                            "    scoring: {rule: yes-no}\n",       // 13
       {"criteria.yaml:6:5: criteria: weights add up to 90; expected 100 (the "
        "scale): price 60 + quality 30"}},
      {"TopLevelPointsAgainstAScale",
       std::string(kHead) + "scale: 10\n"      // 5
                            "criteria:\n"      // 6
                            "  - id: price\n"  // 7
                            "    type: price\n"
                            "    weight: 6.5\n"
                            "    scoring: {rule: lowest-ratio}\n"
                            "  - id: quality\n"
                            "    type: quality\n"
                            "    weight: 4\n"
                            "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:7:5: criteria: weights add up to 10.5; expected 10 (the "
        "scale): price 6.5 + quality 4"}},
      {"GroupPointsDoNotAddUp",
       std::string(kHead) + "criteria:\n"                          // 5
                            "  - id: price\n"                      // 6
                            "    type: price\n"                    // 7
                            "    weight: 60\n"                     // 8
                            "    scoring: {rule: lowest-ratio}\n"  // 9
                            "  - id: quality\n"                    // 10
                            "    type: quality\n"                  // 11
                            "    weight: 40\n"                     // 12
                            "    criteria:\n"                      // 13
                            "      - id: design\n"                 // 14
                            "        weight: 25\n"                 // 15
                            "        scoring: {rule: yes-no}\n"    // 16
                            "      - id: service\n"                // 17
                            "        weight: 10\n"                 // 18
                            "        scoring: {rule: yes-no}\n",   // 19
       {"criteria.yaml:14:9: criteria[1].criteria: weights add up to 35; "
        "expected 40 (the weight of quality): design 25 + service 10"}},
      {"TopLevelPercentDoNotAddUp",
       std::string(kHead) + "weights: percent\n"  // 5
                            "scale: 200\n"        // 6
                            "criteria:\n"         // 7
                            "  - id: price\n"     // 8
                            "    type: price\n"
                            "    weight: 60\n"
                            "    scoring: {rule: lowest-ratio}\n"
                            "  - id: quality\n"
                            "    type: quality\n"
                            "    weight: 30\n"
                            "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:8:5: criteria: weights add up to 90; expected 100 "
        "(percent): price 60 + quality 30"}},
      {"GroupPercentDoNotAddUp",
       std::string(kHead) + "weights: percent\n"                   // 5
                            "criteria:\n"                          // 6
                            "  - id: price\n"                      // 7
                            "    type: price\n"                    // 8
                            "    weight: 60\n"                     // 9
                            "    scoring: {rule: lowest-ratio}\n"  // 10
                            "  - id: quality\n"                    // 11
                            "    type: quality\n"                  // 12
                            "    weight: 40\n"                     // 13
                            "    criteria:\n"                      // 14
                            "      - id: design\n"                 // 15
                            "        weight: 50\n"
                            "        scoring: {rule: yes-no}\n"
                            "      - id: service\n"
                            "        weight: 40\n"
                            "        scoring: {rule: yes-no}\n",
       {"criteria.yaml:15:9: criteria[1].criteria: weights add up to 90; "
        "expected 100 (percent of quality): design 50 + service 40"}},
      {"OneDecimalShortIsNotRounding",
       std::string(kHead) +
           "criteria:\n"
           "  - {id: a, type: quality, weight: 33.3, scoring: {rule: yes-no}}\n"
           "  - {id: b, type: quality, weight: 33.3, scoring: {rule: yes-no}}\n"
           "  - {id: c, type: quality, weight: 33.3, scoring: {rule: "
           "yes-no}}\n",
       {"criteria.yaml:6:5: criteria: weights add up to 99.9; expected 100 "
        "(the "
        "scale): a 33.3 + b 33.3 + c 33.3"}},
      {"DuplicateSiblingId",
       std::string(kHead) + "criteria:\n"      // 5
                            "  - id: price\n"  // 6
                            "    type: price\n"
                            "    weight: 60\n"
                            "    scoring: {rule: lowest-ratio}\n"
                            "  - id: price\n"  // 10
                            "    type: quality\n"
                            "    weight: 40\n"
                            "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:10:5: criteria[1].id: duplicate id \"price\"; first "
        "used at line 6"}},
      {"DuplicateIdAcrossLevels",
       std::string(kHead) + "criteria:\n"                          // 5
                            "  - id: price\n"                      // 6
                            "    type: price\n"                    // 7
                            "    weight: 60\n"                     // 8
                            "    scoring: {rule: lowest-ratio}\n"  // 9
                            "  - id: quality\n"                    // 10
                            "    type: quality\n"                  // 11
                            "    weight: 40\n"                     // 12
                            "    criteria:\n"                      // 13
                            "      - id: quality\n"                // 14
                            "        weight: 40\n"
                            "        scoring: {rule: yes-no}\n",
       {"criteria.yaml:14:9: criteria[1].criteria[0].id: duplicate id "
        "\"quality\"; first used at line 10"}},
      // A weight that could not be read is reported once; sums that involve
      // it are not checked (criteria_validator.h), also when it is a group's.
      {"NegativeGroupWeightReportedOnce",
       std::string(kHead) + "criteria:\n"                          // 5
                            "  - id: price\n"                      // 6
                            "    type: price\n"                    // 7
                            "    weight: 60\n"                     // 8
                            "    scoring: {rule: lowest-ratio}\n"  // 9
                            "  - id: quality\n"                    // 10
                            "    type: quality\n"                  // 11
                            "    weight: -40\n"                    // 12
                            "    criteria:\n"                      // 13
                            "      - id: design\n"                 // 14
                            "        weight: 25\n"
                            "        scoring: {rule: yes-no}\n"
                            "      - id: service\n"
                            "        weight: 15\n"
                            "        scoring: {rule: yes-no}\n",
       {"criteria.yaml:12:13: criteria[1].weight: expected a number >= 0, got "
        "\"-40\""}},
      {"NegativeLeafWeightSkipsTheSum",
       std::string(kHead) + "criteria:\n"                          // 5
                            "  - id: price\n"                      // 6
                            "    type: price\n"                    // 7
                            "    weight: -5\n"                     // 8
                            "    scoring: {rule: lowest-ratio}\n"  // 9
                            "  - id: quality\n"
                            "    type: quality\n"
                            "    weight: 40\n"
                            "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:8:13: criteria[0].weight: expected a number >= 0, got "
        "\"-5\""}},
      // Limits (docs/criteria-format.md): d5 of issue 12, a scale whose
      // totals overflowed to null in JSON.
      {"ScaleAndWeightsBeyondTheLimits",
       std::string(kHead) + "scale: 1e303\n"  // 5
                            "criteria:\n"     // 6
                            "  - {id: price, type: price, weight: 6e302, "
                            "scoring: {rule: lowest-ratio}}\n"  // 7
                            "  - {id: q, type: quality, weight: 4e302, "
                            "scoring: {rule: yes-no}}\n",  // 8
       {"criteria.yaml:5:8: scale: scale 1e+303 is out of range; expected at "
        "most 1,000,000 (docs/criteria-format.md, \"Limits\")",
        "criteria.yaml:7:5: criteria[0].weight: weight 6e+302 is out of "
        "range; a weight must be at most 1,000,000 (docs/criteria-format.md, "
        "\"Limits\")",
        "criteria.yaml:8:5: criteria[1].weight: weight 4e+302 is out of "
        "range; a weight must be at most 1,000,000 (docs/criteria-format.md, "
        "\"Limits\")"}},
      // d10: best - worst overflowed and every bid scored 0.
      {"LinearAnchorsBeyondTheLimits",
       std::string(kHead) + "criteria:\n"  // 5
                            "  - {id: price, type: price, weight: 60, "
                            "scoring: {rule: lowest-ratio}}\n"  // 6
                            "  - {id: q, type: quality, weight: 40, scoring: "
                            "{rule: linear, worst: -1e308, best: 1e308}}\n",
       {"criteria.yaml:7:5: criteria[1].scoring.worst: worst -1e+308 is out "
        "of range; rule parameters must lie within -1e12 to 1e12 "
        "(docs/criteria-format.md, \"Limits\")",
        "criteria.yaml:7:5: criteria[1].scoring.best: best 1e+308 is out of "
        "range; rule parameters must lie within -1e12 to 1e12 "
        "(docs/criteria-format.md, \"Limits\")"}},
      {"StepsCeilingAndLevelsBeyondTheLimits",
       std::string(kHead) +
           "criteria:\n"  // 5
           "  - {id: price, type: price, weight: 40, scoring: {rule: "
           "linear-ceiling, ceiling: 2e12}}\n"  // 6
           "  - {id: s, type: quality, weight: 30, scoring: {rule: steps, "
           "better: higher, steps: [[1e13, 1]]}}\n"  // 7
           "  - {id: l, type: quality, weight: 30, scoring: {rule: scale, "
           "levels: {0: poor, 5e12: good}}}\n",  // 8
       {"criteria.yaml:6:5: criteria[0].scoring.ceiling: ceiling 2000000000000 "
        "is "
        "out of range; rule parameters must lie within -1e12 to 1e12 "
        "(docs/criteria-format.md, \"Limits\")",
        "criteria.yaml:7:5: criteria[1].scoring.steps[0]: step threshold "
        "10000000000000 is out of range; rule parameters must lie within -1e12 "
        "to 1e12 "
        "(docs/criteria-format.md, \"Limits\")",
        "criteria.yaml:8:5: criteria[2].scoring.levels: level 5000000000000 is "
        "out "
        "of range; rule parameters must lie within -1e12 to 1e12 "
        "(docs/criteria-format.md, \"Limits\")"}},
  };
}

class CriteriaValidationTest : public ::testing::TestWithParam<ValidationCase> {
};

TEST_P(CriteriaValidationTest, ExactDiagnostics) {
  const ValidationCase& c = GetParam();
  const Result<CriteriaSet> r = ParseCriteria(c.yaml, "criteria.yaml");
  EXPECT_FALSE(r.ok());
  EXPECT_THAT(circa_test::Messages(r.diagnostics), ElementsAreArray(c.expected))
      << c.yaml;
}

std::string CaseName(const ::testing::TestParamInfo<ValidationCase>& param) {
  return param.param.name;
}

INSTANTIATE_TEST_SUITE_P(Validator, CriteriaValidationTest,
                         ::testing::ValuesIn(Cases()), CaseName);

// Five independent mistakes give five errors, each at its own line.
TEST(CriteriaValidatorTest, FiveMistakesFiveErrors) {
  const std::string yaml =
      "circa: 1\n"                                        // 1
      "id: five-mistakes\n"                               // 2
      "version: \"1\"\n"                                  // 3
      "title: Five mistakes\n"                            // 4
      "criteria:\n"                                       // 5
      "  - id: price\n"                                   // 6
      "    type: price\n"                                 // 7
      "    weight: -5\n"                                  // 8  (1)
      "    scoring: {rule: lowest-ratio}\n"               // 9
      "  - id: design\n"                                  // 10
      "    type: quality\n"                               // 11
      "    weight: 20\n"                                  // 12
      "    scoring: {rule: lowest-ratio}\n"               // 13 (2)
      "  - id: design\n"                                  // 14 (3)
      "    type: quality\n"                               // 15
      "    weight: 20\n"                                  // 16
      "    scoring: {rule: yes-no}\n"                     // 17
      "  - id: durability\n"                              // 18
      "    type: quality\n"                               // 19
      "    weight: 20\n"                                  // 20
      "    scoring: {rule: linear, worst: 5, best: 5}\n"  // 21 (4)
      "  - id: service\n"                                 // 22
      "    type: quality\n"                               // 23
      "    weight: 20\n"                                  // 24
      "    scoring: {rule: stars}\n";                     // 25 (5)
  const Result<CriteriaSet> r = ParseCriteria(yaml, "five.yaml");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics.size(), 5u);
  EXPECT_THAT(
      circa_test::Messages(r.diagnostics),
      UnorderedElementsAreArray(std::vector<std::string>{
          "five.yaml:8:13: criteria[0].weight: expected a number >= 0, got "
          "\"-5\"",
          "five.yaml:13:21: criteria[1].scoring.rule: rule lowest-ratio scores "
          "a price or cost; this criterion's type is quality",
          "five.yaml:14:5: criteria[2].id: duplicate id \"design\"; first used "
          "at line 10",
          "five.yaml:21:45: criteria[3].scoring.best: best and worst must "
          "differ (both are 5)",
          "five.yaml:25:21: criteria[4].scoring.rule: unknown rule \"stars\"; "
          "expected one of lowest-ratio, percent-of-lowest, linear-range, "
          "linear-ceiling, logarithmic, linear, ratio-to-best, steps, yes-no, "
          "scale, share-of-total, below-highest"}));
}

// A long flat list that does not add up names its first 20 terms only
// (20,000 criteria made one message of 300 KB).
TEST(CriteriaValidatorTest, LongSumNamesTwentyTerms) {
  std::string yaml = std::string(kHead) + "criteria:\n";
  for (int i = 1; i <= 25; ++i) {
    yaml += "  - {id: c" + std::to_string(i) +
            ", type: quality, weight: 1, scoring: {rule: yes-no}}\n";
  }
  std::string terms;
  for (int i = 1; i <= 20; ++i) {
    terms += (i > 1 ? " + c" : "c") + std::to_string(i) + " 1";
  }
  const Result<CriteriaSet> r = ParseCriteria(yaml, "criteria.yaml");
  EXPECT_THAT(circa_test::Messages(r.diagnostics),
              ElementsAreArray({"criteria.yaml:6:5: criteria: weights add up "
                                "to 25; expected 100 (the scale): " +
                                terms + " + ... (5 more)"}));
}

TEST(CriteriaValidatorTest, SumsWithinRoundingOfTheInputAreAccepted) {
  // 33.33333 + 33.33333 + 33.33334 is 100 up to float noise.
  const CriteriaSet set = circa_test::ParseCriteriaOk(
      std::string(kHead) +
      "criteria:\n"
      "  - {id: a, type: quality, weight: 33.33333, scoring: {rule: yes-no}}\n"
      "  - {id: b, type: quality, weight: 33.33333, scoring: {rule: yes-no}}\n"
      "  - {id: c, type: quality, weight: 33.33334, scoring: {rule: "
      "yes-no}}\n");
  EXPECT_EQ(set.Leaves().size(), 3u);
}

TEST(CriteriaValidatorTest, ZeroWeightIsAllowed) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(
      std::string(kHead) +
      "criteria:\n"
      "  - {id: a, type: price, weight: 100, scoring: {rule: lowest-ratio}}\n"
      "  - {id: b, type: quality, weight: 0, scoring: {rule: yes-no}}\n");
  EXPECT_EQ(set.criteria[1].effective_weight, 0);
}

TEST(CriteriaValidatorTest, ReservedIds) {
  EXPECT_TRUE(validate::IsReservedId("bid"));
  EXPECT_TRUE(validate::IsReservedId("id"));
  EXPECT_TRUE(validate::IsReservedId("supplier"));
  EXPECT_FALSE(validate::IsReservedId("price"));
  EXPECT_FALSE(validate::IsReservedId("Bid2"));
}

}  // namespace
}  // namespace circa
