// Criteria-set reader (engine/io/*_reader.cc, criteria_reader.cc): structural
// problems, each asserted as the exact Diagnostic::ToString() text, position
// included. Sums and duplicate ids are
// tests/validate/criteria_validator_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "circa/load.h"
#include "test_util.h"

namespace circa {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

// Lines 1-5 of every case; criteria items start on line 6.
constexpr char kHead[] =
    "circa: 1\n"
    "id: t\n"
    "version: \"1\"\n"
    "title: T\n"
    "criteria:\n";

// Lines 6-9: a valid price leaf worth 60 of 100 points.
constexpr char kPrice[] =
    "  - id: price\n"
    "    type: price\n"
    "    weight: 60\n"
    "    scoring: {rule: lowest-ratio}\n";

// Lines 10-12 of a quality criterion worth 40; line 13 onwards is the case.
constexpr char kQuality[] =
    "  - id: quality\n"
    "    type: quality\n"
    "    weight: 40\n";

struct MessageCase {
  std::string name;
  std::string yaml;
  std::vector<std::string> expected;
  int max_depth = 8;
};

void PrintTo(const MessageCase& c, std::ostream* os) { *os << c.name; }

std::string WithQualityScoring(const std::string& scoring) {
  return std::string(kHead) + kPrice + kQuality + scoring;
}

const char kRuleNames[] =
    "lowest-ratio, percent-of-lowest, linear-range, linear-ceiling, "
    "logarithmic, linear, ratio-to-best, steps, yes-no, scale, "
    "share-of-total, below-highest";

std::vector<MessageCase> Cases() {
  return {
      {"UnknownCriterionKeySuggests",
       std::string(kHead) + kPrice +
           "  - id: quality\n"
           "    type: quality\n"
           "    wieght: 40\n"
           "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:12:5: criteria[1].wieght: unknown key; did you mean "
        "\"weight\"?",
        "criteria.yaml:10:5: criteria[1].weight: missing; expected a number or "
        "a range [min, max]"}},
      {"UnknownTopLevelKeySuggests",
       "circa: 1\nid: t\nversion: \"1\"\ntitel: T\ncriteria:\n" +
           std::string(kPrice) + kQuality + "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:4:1: titel: unknown key; did you mean \"title\"?",
        "criteria.yaml:1:1: title: missing; expected a text value"}},
      {"UnknownKeyWithoutSuggestion",
       WithQualityScoring("    scoring: {rule: yes-no, colour: red}\n"),
       {"criteria.yaml:13:29: criteria[1].scoring.colour: unknown key"}},
      {"DuplicateKey",
       WithQualityScoring("    scoring: {rule: yes-no}\n    weight: 40\n"),
       {"criteria.yaml:14:5: criteria[1].weight: duplicate key"}},
      {"NegativeWeight",
       std::string(kHead) + kPrice + kQuality +
           "    scoring: {rule: yes-no}\n"
           "  - id: extra\n"
           "    type: quality\n"
           "    weight: -5\n"
           "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:16:13: criteria[2].weight: expected a number >= 0, got "
        "\"-5\""}},
      {"WeightNotANumber",
       std::string(kHead) + kPrice +
           "  - id: quality\n"
           "    type: quality\n"
           "    weight: forty\n"
           "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:12:13: criteria[1].weight: expected a number or a range "
        "[min, max], got \"forty\""}},
      {"ReservedId",
       std::string(kHead) + kPrice +
           "  - id: bid\n"
           "    type: quality\n"
           "    weight: 40\n"
           "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:10:9: criteria[1].id: \"bid\" is reserved for a "
        "bid-file column; choose another id"}},
      {"ReservedIdSupplier",
       std::string(kHead) + kPrice +
           "  - id: supplier\n"
           "    type: quality\n"
           "    weight: 40\n"
           "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:10:9: criteria[1].id: \"supplier\" is reserved for a "
        "bid-file column; choose another id"}},
      {"BadId",
       std::string(kHead) + kPrice +
           "  - id: _quality\n"
           "    type: quality\n"
           "    weight: 40\n"
           "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:10:9: criteria[1].id: expected an id of letters, "
        "digits, '_', '-' or '.', starting with a letter or digit, got "
        "\"_quality\""}},
      {"UnknownRule",
       WithQualityScoring("    scoring: {rule: linear-rang}\n"),
       {"criteria.yaml:13:21: criteria[1].scoring.rule: unknown rule "
        "\"linear-rang\"; expected one of " +
        std::string(kRuleNames)}},
      {"PriceRuleOnQuality",
       WithQualityScoring("    scoring: {rule: percent-of-lowest}\n"),
       {"criteria.yaml:13:21: criteria[1].scoring.rule: rule "
        "percent-of-lowest scores a price or cost; this criterion's type is "
        "quality"}},
      {"BelowHighestOnQuality",
       WithQualityScoring("    scoring: {rule: below-highest}\n"),
       {"criteria.yaml:13:21: criteria[1].scoring.rule: rule "
        "below-highest scores a price or cost; this criterion's type is "
        "quality"}},
      {"ShareOfTotalBadBetter",
       WithQualityScoring(
           "    scoring: {rule: share-of-total, better: more}\n"),
       {"criteria.yaml:13:45: criteria[1].scoring.better: expected higher or "
        "lower, got \"more\""}},
      {"BelowHighestTakesNoParameters",
       std::string(kHead) +
           "  - id: price\n"
           "    type: price\n"
           "    weight: 60\n"
           "    scoring: {rule: below-highest, better: lower}\n" +
           kQuality + "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:9:36: criteria[0].scoring.better: unknown key"}},
      {"ScaleOnPrice",
       std::string(kHead) +
           "  - id: price\n"
           "    type: price\n"
           "    weight: 60\n"
           "    scoring: {rule: scale, levels: {0: bad, 5: good}}\n" +
           kQuality + "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:9:21: criteria[0].scoring.rule: rule scale scores a "
        "quality; this criterion's type is price"}},
      {"YesNoOnCost",
       std::string(kHead) +
           "  - id: price\n"
           "    type: cost\n"
           "    weight: 60\n"
           "    scoring: {rule: yes-no}\n" +
           kQuality + "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:9:21: criteria[0].scoring.rule: rule yes-no scores a "
        "quality; this criterion's type is cost"}},
      {"LinearBestEqualsWorst",
       WithQualityScoring("    scoring: {rule: linear, worst: 10, best: 10}\n"),
       {"criteria.yaml:13:46: criteria[1].scoring.best: best and worst must "
        "differ (both are 10)"}},
      {"LinearMissingBest",
       WithQualityScoring("    scoring: {rule: linear, worst: 10}\n"),
       {"criteria.yaml:13:14: criteria[1].scoring.best: missing; expected a "
        "number"}},
      {"StepsNotIncreasing",
       WithQualityScoring("    scoring:\n"
                          "      rule: steps\n"
                          "      steps: [[5, 0.5], [2, 1]]\n"),
       {"criteria.yaml:15:26: criteria[1].scoring.steps[1][0]: thresholds "
        "must increase; 2 follows 5"}},
      {"StepsEqualThresholds",
       WithQualityScoring("    scoring:\n"
                          "      rule: steps\n"
                          "      steps: [[5, 0.5], [5, 1]]\n"),
       {"criteria.yaml:15:26: criteria[1].scoring.steps[1][0]: thresholds "
        "must increase; 5 follows 5"}},
      {"StepScoreAboveOne",
       WithQualityScoring("    scoring:\n"
                          "      rule: steps\n"
                          "      steps: [[2, 0.5], [5, 1.5]]\n"),
       {"criteria.yaml:15:29: criteria[1].scoring.steps[1][1]: expected a "
        "score between 0 and 1, got \"1.5\""}},
      {"StepScoreNegative",
       WithQualityScoring("    scoring:\n"
                          "      rule: steps\n"
                          "      steps: [[2, -0.5]]\n"),
       {"criteria.yaml:15:19: criteria[1].scoring.steps[0][1]: expected a "
        "score between 0 and 1, got \"-0.5\""}},
      {"StepNotAPair",
       WithQualityScoring("    scoring:\n"
                          "      rule: steps\n"
                          "      steps: [[2, 0.5, 1]]\n"),
       {"criteria.yaml:15:15: criteria[1].scoring.steps[0]: expected a pair "
        "[threshold, score], got a list"}},
      {"ScaleDuplicateLevel",
       WithQualityScoring("    scoring:\n"
                          "      rule: scale\n"
                          "      levels: {0: poor, 5: good, 5.0: fine}\n"),
       {"criteria.yaml:15:34: criteria[1].scoring.levels.5.0: level 5 is "
        "defined twice"}},
      {"ScaleDuplicateDescriptor",
       WithQualityScoring("    scoring:\n"
                          "      rule: scale\n"
                          "      levels: {0: poor, 5: Good, 10: good}\n"),
       {"criteria.yaml:15:38: criteria[1].scoring.levels.10: descriptor "
        "\"good\" is used twice"}},
      {"ScaleLevelLabelUnknownLevel",
       WithQualityScoring("    scoring:\n"
                          "      rule: scale\n"
                          "      levels: {0: poor, 5: good}\n"
                          "      level-labels: {nl: {0: slecht, 4: goed}}\n"),
       {"criteria.yaml:16:38: criteria[1].scoring.level-labels.nl.4: level 4 "
        "is not one of the levels (0, 5)"}},
      {"ScaleLevelLabelLanguage",
       WithQualityScoring("    scoring:\n"
                          "      rule: scale\n"
                          "      levels: {0: poor, 5: good}\n"
                          "      level-labels: {Dutch: {0: slecht}}\n"),
       {"criteria.yaml:16:22: criteria[1].scoring.level-labels: expected a "
        "two-letter language code such as en or nl, got \"Dutch\""}},
      {"ScaleLevelLabelEmpty",
       WithQualityScoring("    scoring:\n"
                          "      rule: scale\n"
                          "      levels: {0: poor, 5: good}\n"
                          "      level-labels: {fr: {5: \"\"}}\n"),
       {"criteria.yaml:16:30: criteria[1].scoring.level-labels.fr.5: expected "
        "a descriptor, got \"\""}},
      {"DescriptionsLanguage",
       WithQualityScoring("    descriptions: {nl: Kwaliteit, english: "
                          "Quality}\n    scoring: {rule: yes-no}\n"),
       {"criteria.yaml:13:35: criteria[1].descriptions: expected a two-letter "
        "language code such as en or nl, got \"english\""}},
      {"ScaleTopLevelZero",
       WithQualityScoring("    scoring: {rule: scale, levels: {0: none}}\n"),
       {"criteria.yaml:13:36: criteria[1].scoring.levels: the top level must "
        "be > 0"}},
      {"CeilingMissing",
       std::string(kHead) +
           "  - id: price\n"
           "    type: price\n"
           "    weight: 60\n"
           "    scoring: {rule: linear-ceiling}\n" +
           kQuality + "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:9:14: criteria[0].scoring.ceiling: missing; expected a "
        "number"}},
      {"LogarithmicZeroAtOne",
       std::string(kHead) +
           "  - id: price\n"
           "    type: price\n"
           "    weight: 60\n"
           "    scoring: {rule: logarithmic, zero-at: 1}\n" +
           kQuality + "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:9:43: criteria[0].scoring.zero-at: expected a multiple "
        "of the lowest price > 1 (such as 1.5, 2 or 3), got \"1\""}},
      {"BadDirection",
       WithQualityScoring("    scoring: {rule: linear-range, better: more}\n"),
       {"criteria.yaml:13:43: criteria[1].scoring.better: expected higher or "
        "lower, got \"more\""}},
      {"MissingTitleIdVersion",
       "circa: 1\ncriteria:\n" + std::string(kPrice) + kQuality +
           "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:1:1: id: missing; expected a text value",
        "criteria.yaml:1:1: version: missing; expected a text value",
        "criteria.yaml:1:1: title: missing; expected a text value"}},
      {"UnsupportedFormat",
       "circa: 2\nid: t\nversion: \"1\"\ntitle: T\ncriteria:\n" +
           std::string(kPrice) + kQuality + "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:1:8: circa: unsupported format version 2; this circa "
        "reads format 1"}},
      {"MissingFormat",
       "id: t\nversion: \"1\"\ntitle: T\ncriteria:\n" + std::string(kPrice) +
           kQuality + "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:1:1: circa: missing; expected a number"}},
      {"BadCurrencyAndMode",
       "circa: 1\nid: t\nversion: \"1\"\ntitle: T\ncurrency: euro\n"
       "weights: percentage\ncriteria:\n" +
           std::string(kPrice) + kQuality + "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:5:11: currency: expected an ISO 4217 code such as EUR, "
        "got \"euro\"",
        "criteria.yaml:6:10: weights: expected points, percent or order, got "
        "\"percentage\""}},
      {"NestingTooDeep",
       std::string(kHead) + kPrice + kQuality +
           "    criteria:\n"
           "      - id: circular\n"
           "        weight: 40\n"
           "        criteria:\n"
           "          - id: recycled\n"
           "            weight: 40\n"
           "            scoring: {rule: yes-no}\n",
       {"criteria.yaml:17:11: criteria[1].criteria[0].criteria: criteria are "
        "nested more than 2 levels deep"},
       2},
      {"BothScoringAndCriteria",
       WithQualityScoring("    scoring: {rule: yes-no}\n"
                          "    criteria:\n"
                          "      - id: design\n"
                          "        weight: 40\n"
                          "        scoring: {rule: yes-no}\n"),
       {"criteria.yaml:10:5: criteria[1]: a criterion has either scoring (a "
        "leaf) or criteria (a group), not both"}},
      {"NeitherScoringNorCriteria",
       std::string(kHead) + kPrice + kQuality,
       {"criteria.yaml:10:5: criteria[1]: missing scoring (for a leaf) or "
        "criteria (for a group)"}},
      {"LeafWithoutType",
       std::string(kHead) + kPrice +
           "  - id: quality\n"
           "    weight: 40\n"
           "    scoring: {rule: yes-no}\n",
       {"criteria.yaml:10:5: criteria[1].type: missing; expected price, cost "
        "or quality"}},
      {"ChildTypeDiffersFromGroup",
       std::string(kHead) + kPrice + kQuality +
           "    criteria:\n"
           "      - id: design\n"
           "        type: price\n"
           "        weight: 40\n"
           "        scoring: {rule: yes-no}\n",
       {"criteria.yaml:15:15: criteria[1].criteria[0].type: type price "
        "differs from its group's type quality"}},
      {"EmptyCriteriaList",
       std::string(kHead) + "",  // "criteria:" with nothing after it
       {"criteria.yaml:1:1: criteria: missing; expected a list of criteria"}},
      {"EmptyCriteriaFlowList",
       "circa: 1\nid: t\nversion: \"1\"\ntitle: T\ncriteria: []\n",
       {"criteria.yaml:5:11: criteria: expected a non-empty list of criteria, "
        "got a list"}},
      {"EmptyGroupList",
       WithQualityScoring("    criteria: []\n"),
       {"criteria.yaml:13:15: criteria[1].criteria: expected a non-empty list "
        "of criteria, got a list"}},
      {"CriteriaNotAList",
       "circa: 1\nid: t\nversion: \"1\"\ntitle: T\ncriteria: price\n",
       {"criteria.yaml:5:11: criteria: expected a non-empty list of criteria, "
        "got \"price\""}},
      {"RootNotAMap",
       "- circa: 1\n- id: t\n",
       {"criteria.yaml:1:1: expected a criteria set (a map with circa, id, "
        "version, title and criteria), got a list"}},
      {"EmptyFile",
       "",
       {"criteria.yaml:1:1: the file is empty; expected a YAML map"}},
      {"CommentsOnly",
       "# nothing here yet\n\n",
       {"criteria.yaml:1:1: the file is empty; expected a YAML map"}},
      {"BinaryGarbage",
       std::string("\x7f"
                   "ELF\x02\x01\x01\x00\x00\x00",
                   10),
       {"criteria.yaml:1:8: expected UTF-8 text, found a byte that is not "
        "(binary file?)"}},
      {"InvalidUtf8OnLaterLine",
       "circa: 1\nid: t\ntitle: Caf\xE9\n",
       {"criteria.yaml:3:11: expected UTF-8 text, found the byte 0xE9, "
        "which UTF-8 does not allow here (saved as Windows-1252 or Latin-1? "
        "save or export the file as UTF-8)"}},
  };
}

class CriteriaMessageTest : public ::testing::TestWithParam<MessageCase> {};

TEST_P(CriteriaMessageTest, ExactDiagnostics) {
  const MessageCase& c = GetParam();
  LoadOptions options;
  options.max_depth = c.max_depth;
  const Result<CriteriaSet> r = ParseCriteria(c.yaml, "criteria.yaml", options);
  EXPECT_FALSE(r.ok());
  EXPECT_THAT(circa_test::Messages(r.diagnostics), ElementsAreArray(c.expected))
      << c.yaml;
}

std::string CaseName(const ::testing::TestParamInfo<MessageCase>& param) {
  return param.param.name;
}

INSTANTIATE_TEST_SUITE_P(Reader, CriteriaMessageTest,
                         ::testing::ValuesIn(Cases()), CaseName);

// The same file loads once the nesting limit allows it.
TEST(CriteriaReaderTest, NestingWithinTheDefaultLimitLoads) {
  const CriteriaSet set =
      circa_test::ParseCriteriaOk(std::string(kHead) + kPrice + kQuality +
                                  "    criteria:\n"
                                  "      - id: circular\n"
                                  "        weight: 40\n"
                                  "        criteria:\n"
                                  "          - id: recycled\n"
                                  "            weight: 40\n"
                                  "            scoring: {rule: yes-no}\n");
  ASSERT_EQ(set.Leaves().size(), 2u);
  EXPECT_EQ(set.Leaves()[1]->id, "recycled");
  EXPECT_EQ(set.Leaves()[1]->type, CriterionType::kQuality);  // inherited
}

// Groups nested `depth` levels: a chain of groups and one leaf at the bottom.
std::string Chain(int depth) {
  std::string yaml = "circa: 1\nid: t\nversion: \"1\"\ntitle: T\ncriteria:\n";
  std::string indent = "  ";
  for (int level = 1; level <= depth; ++level) {
    yaml += indent + "- id: c" + std::to_string(level) + "\n";
    yaml += indent + "  type: quality\n";
    yaml += indent + "  weight: 100\n";
    if (level == depth) {
      yaml += indent + "  scoring: {rule: yes-no}\n";
    } else {
      yaml += indent + "  criteria:\n";
      indent += "    ";
    }
  }
  return yaml;
}

TEST(CriteriaReaderTest, DefaultDepthLimitIsEightLevels) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(Chain(8));
  EXPECT_EQ(set.Leaves().front()->id, "c8");
  const Result<CriteriaSet> deeper = ParseCriteria(Chain(9), "criteria.yaml");
  EXPECT_FALSE(deeper.ok());
  ASSERT_EQ(deeper.diagnostics.size(), 1u)
      << circa_test::Describe(deeper.diagnostics);
  EXPECT_THAT(deeper.diagnostics[0].message,
              ::testing::Eq("criteria are nested more than 8 levels deep"));
}

TEST(CriteriaReaderTest, MalformedYamlPointsAtTheSyntaxError) {
  // The flow sequence opened on line 4 is never closed, so "criteria:" on
  // line 5 is read inside it; yaml-cpp gives up at its ':' (column 9).
  const Result<CriteriaSet> r = ParseCriteria(
      "circa: 1\nid: t\nversion: \"1\"\ntitle: [T\ncriteria:\n  - id: x\n",
      "criteria.yaml");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].ToString(),
            "criteria.yaml:5:9: invalid YAML: end of sequence flow not found");
}

TEST(CriteriaReaderTest, MalformedIndentation) {
  const Result<CriteriaSet> r = ParseCriteria(
      "circa: 1\nid: t\nversion: \"1\"\ntitle: T\ncriteria:\n"
      "  - id: price\n"
      "    type: price\n"
      "   weight: 60\n",
      "criteria.yaml");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].where.line, 8);
  EXPECT_THAT(r.diagnostics[0].ToString(),
              ::testing::StartsWith("criteria.yaml:8:"));
  EXPECT_THAT(r.diagnostics[0].message,
              ::testing::StartsWith("invalid YAML: "));
}

TEST(CriteriaReaderTest, SampleLoadsWithRulesAndDefaults) {
  const std::string path =
      circa_test::SourcePath("samples/office-furniture/tender.yaml");
  const Result<CriteriaSet> r = LoadCriteriaFile(path);
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty());
  const CriteriaSet& set = *r.value;
  EXPECT_EQ(set.id, "office-furniture-circular");
  EXPECT_EQ(set.version, "1.0.0");
  EXPECT_EQ(set.currency, "EUR");
  EXPECT_EQ(set.weights, WeightMode::kPoints);
  EXPECT_EQ(set.source, path);
  EXPECT_EQ(set.sha256.size(), 64u);
  const auto leaves = set.Leaves();
  ASSERT_EQ(leaves.size(), 5u);
  EXPECT_EQ(leaves[0]->scoring->rule, Rule::kLowestRatio);
  EXPECT_EQ(leaves[0]->scoring->better, Direction::kLowerIsBetter);
  EXPECT_EQ(leaves[1]->scoring->rule, Rule::kLinear);
  EXPECT_EQ(leaves[1]->scoring->best, 60);
  EXPECT_EQ(leaves[1]->unit, "%");
  EXPECT_EQ(leaves[1]->name, "Recycled content");
  EXPECT_EQ(leaves[3]->scoring->steps.size(), 3u);
  EXPECT_EQ(leaves[3]->scoring->steps[1].threshold, 5);
  EXPECT_EQ(leaves[3]->scoring->steps[1].score, 0.5);
  // Scale levels sorted by value, descriptors kept.
  ASSERT_EQ(leaves[4]->scoring->levels.size(), 5u);
  EXPECT_EQ(leaves[4]->scoring->levels[1].value, 2.5);
  EXPECT_EQ(leaves[4]->scoring->levels[1].descriptor, "weak");
  EXPECT_THAT(set.LeafTopLevel(), ElementsAre(0, 1, 1, 1, 2));
}

TEST(CriteriaReaderTest, LinearDirectionFollowsTheAnchors) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(
      std::string(kHead) +
      "  - id: price\n"
      "    type: price\n"
      "    weight: 60\n"
      "    scoring: {rule: linear, worst: 200, best: 60}\n" +
      kQuality + "    scoring: {rule: linear, worst: 0, best: 100}\n");
  EXPECT_EQ(set.Leaves()[0]->scoring->better, Direction::kLowerIsBetter);
  EXPECT_EQ(set.Leaves()[1]->scoring->better, Direction::kHigherIsBetter);
}

TEST(CriteriaReaderTest, FileTooLarge) {
  LoadOptions options;
  options.max_criteria_bytes = 8;
  const Result<CriteriaSet> r =
      ParseCriteria("circa: 1\nid: t\n", "big.yaml", options);
  EXPECT_THAT(circa_test::Messages(r.diagnostics),
              ElementsAre("big.yaml: file is 15 bytes; the limit for a "
                          "criteria set is 8 bytes"));
}

// The repro d7 (issue 12): a second document after the criteria set was
// ignored.
TEST(CriteriaReaderTest, ASecondDocumentIsAnError) {
  const std::string set = std::string(kHead) + kPrice + kQuality +
                          "    scoring: {rule: linear, worst: 0, best: 10}\n";
  const Result<CriteriaSet> r =
      ParseCriteria(set + "---\n" + set, "criteria.yaml");
  EXPECT_THAT(circa_test::Messages(r.diagnostics),
              ElementsAre("criteria.yaml:14:1: a second document starts "
                          "here; circa reads one document per file (put it "
                          "in a file of its own)"));
}

// Before, a title whose quote was never closed swallowed the rest of the
// file and was reported as "criteria: missing" at 1:1.
TEST(CriteriaReaderTest, AQuoteNeverClosedIsLocatedAtTheQuote) {
  const Result<CriteriaSet> r = ParseCriteria(
      "circa: 1\nid: t\nversion: \"1\"\ntitle: \"Office\ncriteria:\n" +
          std::string(kPrice),
      "criteria.yaml");
  EXPECT_THAT(circa_test::Messages(r.diagnostics),
              ElementsAre("criteria.yaml:4:8: invalid YAML: this quote is "
                          "never closed; expected a closing \" before the end "
                          "of the file"));
}

TEST(CriteriaReaderTest, AYamlTagOutsideTheCoreSchemaIsRefused) {
  const Result<CriteriaSet> r = ParseCriteria(
      "circa: 1\nid: !!python/object:os.system t\n", "criteria.yaml");
  EXPECT_THAT(circa_test::Messages(r.diagnostics),
              ElementsAre("criteria.yaml:2:5: unsupported YAML tag "
                          "\"!!python/object:os.system\"; circa reads plain "
                          "values (the core tags !!str, !!int, !!float, "
                          "!!bool, !!null, !!map and !!seq are allowed)"));
}

TEST(CriteriaReaderTest, OldMacLineEndingsAreRead) {
  std::string text = std::string(kHead) + kPrice + kQuality +
                     "    scoring: {rule: linear, worst: 0, best: 10}\n";
  for (char& c : text) {
    if (c == '\n') c = '\r';
  }
  const CriteriaSet set = circa_test::ParseCriteriaOk(text);
  ASSERT_EQ(set.criteria.size(), 2u);
  EXPECT_EQ(set.criteria[1].id, "quality");
}

// Issue 12: a 40,000-line set with a mistake on every line gave 80,000
// messages. The reader stops at LoadOptions::max_errors.
TEST(CriteriaReaderTest, ErrorsStopAtTheCapOnAFortyThousandLineSet) {
  std::string text = kHead;
  for (int i = 0; i < 39995; ++i) {
    text += "  - {id: c" + std::to_string(i) +
            ", type: quality, weight: x, scoring: {rule: bogus}}\n";
  }
  const Result<CriteriaSet> r = ParseCriteria(text, "big.yaml");
  const std::vector<std::string> messages = circa_test::Messages(r.diagnostics);
  ASSERT_EQ(messages.size(), 51u);
  EXPECT_EQ(messages[0],
            "big.yaml:6:37: criteria[0].weight: expected a number or a range "
            "[min, max], got \"x\"");
  EXPECT_EQ(messages[50], "big.yaml: too many errors; stopped after 50");
  // The cap is LoadOptions::max_errors (on a shorter set: the same rows).
  LoadOptions options;
  options.max_errors = 3;
  const std::string head = text.substr(0, text.find("  - {id: c100,"));
  EXPECT_EQ(ParseCriteria(head, "big.yaml", options).diagnostics.size(), 4u);
}

}  // namespace
}  // namespace circa
