// Column kernels (engine/score/rules.cc): one TEST_P grid of rule x direction
// x edge case. Every expected value is worked out from the formula in
// DOMAIN.md §3 / circa/criteria.h, written next to the case.
#include "score/rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

namespace circa {
namespace {

using ::testing::HasSubstr;

constexpr Direction kHigher = Direction::kHigherIsBetter;
constexpr Direction kLower = Direction::kLowerIsBetter;

ScoringRule Make(Rule rule, Direction better = kLower) {
  ScoringRule r;
  r.rule = rule;
  r.better = better;
  return r;
}

ScoringRule Ceiling(double ceiling) {
  ScoringRule r = Make(Rule::kLinearCeiling);
  r.ceiling = ceiling;
  return r;
}

ScoringRule Log(double zero_at, bool allow_negative) {
  ScoringRule r = Make(Rule::kLogarithmic);
  r.zero_at = zero_at;
  r.allow_negative = allow_negative;
  return r;
}

ScoringRule Linear(double worst, double best) {
  ScoringRule r = Make(Rule::kLinear, best > worst ? kHigher : kLower);
  r.worst = worst;
  r.best = best;
  return r;
}

ScoringRule Steps(Direction better, std::vector<Step> steps) {
  ScoringRule r = Make(Rule::kSteps, better);
  r.steps = std::move(steps);
  return r;
}

ScoringRule Scale(const std::vector<std::pair<double, std::string>>& levels) {
  ScoringRule r = Make(Rule::kScale, kHigher);
  for (const auto& [value, descriptor] : levels) {
    ScaleLevel level;
    level.value = value;
    level.descriptor = descriptor;
    r.levels.push_back(std::move(level));
  }
  return r;
}

constexpr NoteKind kZeroLowest = NoteKind::kLowestIsZero;

struct RuleCase {
  std::string name;
  ScoringRule rule;
  std::vector<double> values;
  std::vector<double> expected;
  std::optional<NoteKind> note;  // the note the kernel must give
};

void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.name; }

std::vector<RuleCase> Cases() {
  const double third = 1.0 / 3.0;
  return {
      // lowest-ratio: P_min / P.
      {"LowestRatioT1",
       Make(Rule::kLowestRatio),
       {10000, 8000},
       {0.8, 1.0},
       std::nullopt},
      {"LowestRatioT2",
       Make(Rule::kLowestRatio),
       {15000, 10000, 30000},
       {10000.0 / 15000.0, 1.0, third},
       std::nullopt},
      {"LowestRatioSingleBid",
       Make(Rule::kLowestRatio),
       {500},
       {1.0},
       std::nullopt},
      {"LowestRatioAllEqual",
       Make(Rule::kLowestRatio),
       {7, 7, 7},
       {1, 1, 1},
       std::nullopt},
      {"LowestRatioZeroPrice",
       Make(Rule::kLowestRatio),
       {100, 0, 50},
       {0, 1, 0},
       kZeroLowest},
      {"LowestRatioAllZero",
       Make(Rule::kLowestRatio),
       {0, 0},
       {1, 1},
       kZeroLowest},
      // percent-of-lowest: max(0, 1 - (P - P_min) / P_min).
      {"PercentOfLowestT5",
       Make(Rule::kPercentOfLowest),
       {100, 110},
       {1.0, 0.9},
       std::nullopt},
      {"PercentOfLowestDoubleScoresZero",
       Make(Rule::kPercentOfLowest),
       {100, 200},
       {1.0, 0.0},
       std::nullopt},
      {"PercentOfLowestClampsAtZero",  // 1 - 150/100 = -0.5 -> 0
       Make(Rule::kPercentOfLowest),
       {100, 250, 175},
       {1.0, 0.0, 0.25},
       std::nullopt},
      {"PercentOfLowestZeroPrice",
       Make(Rule::kPercentOfLowest),
       {0, 10},
       {1, 0},
       kZeroLowest},
      // linear-range: (max - x) / (max - min), or (x - min) / (max - min).
      {"LinearRangeLower",
       Make(Rule::kLinearRange, kLower),
       {100, 150, 200},
       {1.0, 0.5, 0.0},
       std::nullopt},
      {"LinearRangeHigher",
       Make(Rule::kLinearRange, kHigher),
       {100, 150, 200, 125},
       {0.0, 0.5, 1.0, 0.25},
       std::nullopt},
      {"LinearRangeConstantLower",
       Make(Rule::kLinearRange, kLower),
       {42, 42, 42},
       {1, 1, 1},
       NoteKind::kAllEqual},
      {"LinearRangeConstantHigher",
       Make(Rule::kLinearRange, kHigher),
       {0, 0},
       {1, 1},
       NoteKind::kAllEqual},
      // linear-ceiling: max(0, (C - P) / (C - P_min)).
      {"LinearCeilingT6", Ceiling(1000), {500, 750}, {1.0, 0.5}, std::nullopt},
      {"LinearCeilingAboveScoresZero",
       Ceiling(1000),
       {500, 1200, 1000},
       {1.0, 0.0, 0.0},
       std::nullopt},
      {"LinearCeilingNoBidBelow",
       Ceiling(1000),
       {1000, 1500},
       {0, 0},
       NoteKind::kNoneBelowCeiling},
      {"LinearCeilingZeroPriceIsNotDegenerate",  // (1000 - 500) / 1000
       Ceiling(1000),
       {0, 500},
       {1.0, 0.5},
       std::nullopt},
      // logarithmic: 1 - ln(P / P_min) / ln(A).
      {"LogarithmicZeroAt2",
       Log(2, false),
       {100, 150, 200, 400},
       {1.0, 1.0 - std::log(1.5) / std::log(2.0), 0.0, 0.0},
       std::nullopt},
      {"LogarithmicAllowNegative",  // 400 = 4 x P_min: 1 - 2 = -1
       Log(2, true),
       {100, 150, 200, 400},
       {1.0, 1.0 - std::log(1.5) / std::log(2.0), 0.0, -1.0},
       std::nullopt},
      {"LogarithmicZeroAt1_5",
       Log(1.5, false),
       {100, 120, 150},
       {1.0, 1.0 - std::log(1.2) / std::log(1.5), 0.0},
       std::nullopt},
      {"LogarithmicZeroPrice", Log(2, false), {0, 100}, {1, 0}, kZeroLowest},
      // linear between anchors, clamped to [0, 1].
      {"LinearHigher",
       Linear(0, 60),
       {-10, 0, 30, 60, 90},
       {0.0, 0.0, 0.5, 1.0, 1.0},
       std::nullopt},
      {"LinearLower",  // T10 price anchors: worst 200, best 60
       Linear(200, 60),
       {250, 200, 130, 60, 10, 100},
       {0.0, 0.0, 0.5, 1.0, 1.0, 100.0 / 140.0},
       std::nullopt},
      // ratio-to-best: x / max (higher), min / x (lower).
      {"RatioToBestHigher",
       Make(Rule::kRatioToBest, kHigher),
       {50, 100, 25},
       {0.5, 1.0, 0.25},
       std::nullopt},
      {"RatioToBestLower",
       Make(Rule::kRatioToBest, kLower),
       {50, 100, 25},
       {0.5, 0.25, 1.0},
       std::nullopt},
      {"RatioToBestHigherZeroBest",
       Make(Rule::kRatioToBest, kHigher),
       {0, 0},
       {0, 0},
       NoteKind::kBestIsZero},
      {"RatioToBestLowerZeroBest",
       Make(Rule::kRatioToBest, kLower),
       {0, 5},
       {1, 0},
       kZeroLowest},
      // share-of-total: x / sum x (higher); (1/x) / sum 1/x (lower). The
      // scores of a column add up to 1. Hand-worked: 50 + 100 + 25 = 175;
      // 1/50 + 1/100 + 1/25 = 0.07.
      {"ShareOfTotalHigher",
       Make(Rule::kShareOfTotal, kHigher),
       {50, 100, 25},
       {50.0 / 175, 100.0 / 175, 25.0 / 175},
       std::nullopt},
      {"ShareOfTotalLower",
       Make(Rule::kShareOfTotal, kLower),
       {50, 100, 25},
       {0.02 / 0.07, 0.01 / 0.07, 0.04 / 0.07},
       std::nullopt},
      {"ShareOfTotalHigherAllZero",
       Make(Rule::kShareOfTotal, kHigher),
       {0, 0},
       {0, 0},
       NoteKind::kBestIsZero},
      {"ShareOfTotalLowerZeroPrice",  // the limit as that price goes to 0
       Make(Rule::kShareOfTotal, kLower),
       {0, 5},
       {1, 0},
       kZeroLowest},
      // below-highest: 1 - P / P_max; the highest price scores 0.
      {"BelowHighest",
       Make(Rule::kBelowHighest, kLower),
       {500, 800, 1000, 250},
       {0.5, 0.2, 0.0, 0.75},
       std::nullopt},
      {"BelowHighestAllZero",
       Make(Rule::kBelowHighest, kLower),
       {0, 0},
       {1, 1},
       NoteKind::kAllEqual},
      // steps, higher is better: the last step whose "at least" is met.
      {"StepsHigherSampleWarranty",
       Steps(kHigher, {{2, 0}, {5, 0.5}, {10, 1}}),
       {1, 2, 4.9, 5, 9, 10, 12},
       {0, 0, 0, 0.5, 0.5, 1, 1},
       std::nullopt},
      {"StepsHigherBelowFirstStep",
       Steps(kHigher, {{3, 0.25}, {5, 0.5}}),
       {2, 3, 4, 5, 6},
       {0, 0.25, 0.25, 0.5, 0.5},
       std::nullopt},
      // steps, lower is better: the first step whose "at most" is met.
      {"StepsLowerAtMost",
       Steps(kLower, {{10, 1}, {20, 0.5}, {30, 0.25}}),
       {5, 10, 15, 20, 25, 30, 31},
       {1, 1, 0.5, 0.5, 0.25, 0.25, 0},
       std::nullopt},
      // yes-no: the reader stores yes = 1, no = 0.
      {"YesNo",
       Make(Rule::kYesNo, kHigher),
       {1, 0, 1},
       {1, 0, 1},
       std::nullopt},
      {"YesNoAllNo", Make(Rule::kYesNo, kHigher), {0, 0}, {0, 0}, std::nullopt},
      // scale: level / top level.
      {"ScaleSample",
       Scale({{0, "unacceptable"},
              {2.5, "weak"},
              {5, "acceptable"},
              {7.5, "good"},
              {10, "excellent"}}),
       {0, 2.5, 7.5, 10},
       {0, 0.25, 0.75, 1},
       std::nullopt},
      {"ScaleOneToFive",
       Scale({{1, "poor"}, {3, "fair"}, {5, "good"}}),
       {1, 3, 5},
       {0.2, 0.6, 1.0},
       std::nullopt},
  };
}

class RuleGridTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(RuleGridTest, ScoresMatchTheFormula) {
  const RuleCase& c = GetParam();
  const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(
      c.values.data(), static_cast<Eigen::Index>(c.values.size()));
  Eigen::VectorXd out = Eigen::VectorXd::Constant(x.size(), -7.0);
  const score::ColumnOutcome outcome =
      score::ScoreColumn(c.rule, x, x.minCoeff(), x.maxCoeff(), out);

  ASSERT_EQ(out.size(), static_cast<Eigen::Index>(c.expected.size()));
  for (Eigen::Index i = 0; i < out.size(); ++i) {
    EXPECT_TRUE(std::isfinite(out[i])) << "bid " << i;
    EXPECT_NEAR_TOL(out[i], c.expected[static_cast<std::size_t>(i)],
                    kFloatNoise)
        << "bid " << i << " value " << x[i];
  }
  EXPECT_EQ(outcome.note, c.note);
}

std::string CaseName(const ::testing::TestParamInfo<RuleCase>& param) {
  return param.param.name;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleGridTest, ::testing::ValuesIn(Cases()),
                         CaseName);

// Every rule in the name table has at least one grid case above.
TEST(RuleGridTest, CoversEveryRule) {
  const std::vector<RuleCase> cases = Cases();
  for (const Rule rule : AllRules()) {
    bool found = false;
    for (const RuleCase& c : cases) found = found || c.rule.rule == rule;
    EXPECT_TRUE(found) << ToString(rule);
  }
}

// A well-formed rule of each kind (what the loader can produce).
ScoringRule Valid(Rule rule, Direction better) {
  switch (rule) {
    case Rule::kLinearCeiling:
      return Ceiling(1000);
    case Rule::kLogarithmic:
      return Log(2, better == kHigher);
    case Rule::kLinear:
      return better == kHigher ? Linear(0, 10) : Linear(10, 0);
    case Rule::kSteps:
      return Steps(better, {{1, 0.5}, {2, 1}});
    case Rule::kScale:
      return Scale({{0, "none"}, {5, "full"}});
    default:
      return Make(rule, better);
  }
}

// No rule produces NaN or infinity on a degenerate column, in either
// direction: all zero, all equal, one bid, one bid at zero.
TEST(RuleGridTest, NoNaNOnDegenerateColumns) {
  const std::vector<std::vector<double>> columns = {
      {0}, {0, 0, 0}, {5, 5, 5}, {0, 5}, {1000}, {1000, 0, 2000}};
  for (const Rule rule : AllRules()) {
    for (const Direction better : {kHigher, kLower}) {
      const ScoringRule r = Valid(rule, better);
      for (const std::vector<double>& values : columns) {
        const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(
            values.data(), static_cast<Eigen::Index>(values.size()));
        Eigen::VectorXd out(x.size());
        score::ScoreColumn(r, x, x.minCoeff(), x.maxCoeff(), out);
        EXPECT_TRUE(out.array().isFinite().all())
            << ToString(rule) << " " << ToString(better) << " on "
            << x.transpose();
      }
    }
  }
}

// Degenerate columns always explain themselves in a note; ordinary ones
// never do.
// Bid values at the ends of double's range (issue 12, item 5): no rule's
// intermediate result overflows into inf, -inf or a zero score for all.
TEST(RuleGridTest, FiniteOnExtremeValues) {
  const std::vector<std::vector<double>> columns = {
      {-1e308, 0, 1e308}, {1e-300, 1e300}, {1e-300, 1e308, 1}};
  for (const Rule rule : AllRules()) {
    for (const Direction better : {kHigher, kLower}) {
      ScoringRule r = Valid(rule, better);
      r.allow_negative = true;
      for (const std::vector<double>& values : columns) {
        const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(
            values.data(), static_cast<Eigen::Index>(values.size()));
        Eigen::VectorXd out(x.size());
        score::ScoreColumn(r, x, x.minCoeff(), x.maxCoeff(), out);
        EXPECT_TRUE(out.array().isFinite().all())
            << ToString(rule) << " " << ToString(better) << " on "
            << x.transpose() << ": " << out.transpose();
      }
    }
  }
  // linear-range across the whole range: the span itself overflows.
  const ScoringRule range = Make(Rule::kLinearRange, kHigher);
  const Eigen::Vector3d x(-1e308, 0, 1e308);
  Eigen::VectorXd out(3);
  score::ScoreColumn(range, x, -1e308, 1e308, out);
  EXPECT_THAT(std::vector<double>(out.begin(), out.end()),
              ::testing::ElementsAre(0, 0.5, 1));
  // logarithmic: P / P_min overflows; ln P - ln P_min does not.
  ScoringRule log = Make(Rule::kLogarithmic);
  log.allow_negative = true;
  const Eigen::Vector2d y(1e-300, 1e300);
  Eigen::VectorXd out2(2);
  score::ScoreColumn(log, y, 1e-300, 1e300, out2);
  EXPECT_DOUBLE_EQ(out2[0], 1);
  EXPECT_NEAR(out2[1], 1 - 600 * std::log(10.0) / std::log(log.zero_at), 1e-9);
}

TEST(RuleGridTest, NotesOnlyForDegenerateColumns) {
  Eigen::VectorXd out(3);
  const Eigen::Vector3d ordinary(100, 150, 200);
  for (const Rule rule : AllRules()) {
    const score::ColumnOutcome o =
        score::ScoreColumn(Valid(rule, kLower), ordinary, 100, 200, out);
    EXPECT_FALSE(o.note.has_value()) << ToString(rule);
  }
  const Eigen::Vector3d zero(0, 0, 0);
  EXPECT_EQ(score::ScoreColumn(Make(Rule::kLowestRatio), zero, 0, 0, out).note,
            NoteKind::kLowestIsZero);
  EXPECT_EQ(score::ScoreColumn(Make(Rule::kLinearRange), zero, 0, 0, out).note,
            NoteKind::kAllEqual);
}

// ---------------------------------------------------------------------------
// share-of-total and below-highest against published worked examples. No
// procurement guidance with a worked example of either formula was found
// (docs/aggregation.md lists what was searched); both formulas are the "sum"
// and "max" normalisations of the MCDA literature, whose libraries publish
// worked cells. Each source states its cost convention; it is circa's.

Eigen::VectorXd Score(const ScoringRule& rule, std::vector<double> values) {
  const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(
      values.data(), static_cast<Eigen::Index>(values.size()));
  Eigen::VectorXd out(x.size());
  score::ScoreColumn(rule, x, x.minCoeff(), x.maxCoeff(), out);
  return out;
}

void ExpectCells(const Eigen::VectorXd& got, std::vector<double> want,
                 double tolerance) {
  ASSERT_EQ(got.size(), static_cast<Eigen::Index>(want.size()));
  for (Eigen::Index i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i], want[static_cast<std::size_t>(i)], tolerance)
        << "bid " << i;
  }
}

// pymcdm test/test_normalizations.py (TestSumNormalization,
// TestMaxNormalization): a 6 x 3 matrix, columns 1 and 2 costs. pymcdm's
// sum normalisation is x / sum x for a benefit column and
// (1/x) / sum(1/x) for a cost column (share-of-total); its max
// normalisation of a cost column is 1 - x / max (below-highest). Printed to
// 8 decimals: tolerance 5e-9.
TEST(PublishedRuleExamples, PymcdmNormalisationCells) {
  const ScoringRule share_lower = Make(Rule::kShareOfTotal, kLower);
  const ScoringRule share_higher = Make(Rule::kShareOfTotal, kHigher);
  const ScoringRule below = Make(Rule::kBelowHighest, kLower);
  ExpectCells(
      Score(share_lower, {66, 61, 65, 95, 63, 74}),
      {0.17447136, 0.1887723, 0.17715554, 0.12121168, 0.18277952, 0.15560959},
      5e-9);
  ExpectCells(
      Score(share_lower, {56, 55, 49, 56, 43, 59}),
      {0.155945, 0.15878037, 0.17822286, 0.155945, 0.20309117, 0.1480156},
      5e-9);
  ExpectCells(
      Score(share_higher, {95, 166, 113, 99, 178, 140}),
      {0.12010114, 0.20986094, 0.14285714, 0.12515803, 0.22503161, 0.17699115},
      5e-9);
  ExpectCells(Score(below, {66, 61, 65, 95, 63, 74}),
              {0.30526316, 0.35789474, 0.31578947, 0.0, 0.33684211, 0.22105263},
              5e-9);
  ExpectCells(Score(below, {56, 55, 49, 56, 43, 59}),
              {0.05084746, 0.06779661, 0.16949153, 0.05084746, 0.27118644, 0.0},
              5e-9);
}

// The Rust crate akrutsinger/mcdm tests/normalization.rs (sum_tests,
// max_tests): a 3 x 4 matrix, columns 1 and 4 costs, with the same
// conventions ((1/x) / sum(1/x) and 1 - x / max for a cost column).
// Compared with epsilon 1e-5 (the test's own).
TEST(PublishedRuleExamples, McdmRustCrateNormalisationCells) {
  const ScoringRule share_lower = Make(Rule::kShareOfTotal, kLower);
  const ScoringRule share_higher = Make(Rule::kShareOfTotal, kHigher);
  const ScoringRule below = Make(Rule::kBelowHighest, kLower);
  ExpectCells(Score(share_lower, {2.9, 1.2, 0.3}),
              {0.07643312, 0.18471338, 0.7388535}, 1e-5);
  ExpectCells(Score(share_lower, {1.89, 2.48, 1.69}),
              {0.34716919, 0.26457652, 0.3882543}, 1e-5);
  ExpectCells(Score(share_higher, {2.31, 1.34, 2.48}),
              {0.37683524, 0.21859706, 0.4045677}, 1e-5);
  ExpectCells(Score(share_higher, {0.56, 0.21, 1.75}),
              {0.22222222, 0.08333333, 0.69444444}, 1e-5);
  ExpectCells(Score(below, {2.9, 1.2, 0.3}), {0.0, 0.5862069, 0.89655172},
              1e-5);
  ExpectCells(Score(below, {1.89, 2.48, 1.69}), {0.23790323, 0.0, 0.31854839},
              1e-5);
}

// share-of-total in a weighted total, a published example: Kracka, Brauers
// & Zavadskas (2010), Inzinerine Ekonomika 21(4) 352-359, as scikit-criteria
// tests/agg/test_simple.py (test_WeightedSumModel_kracka2010ranking)
// reproduces it: a cost column becomes 1/x (InvertMinimize), then every
// column x / sum x (SumScaler), equal weights 1/7. Printed to 8 decimals:
// tolerance 1e-8.
TEST(PublishedRuleExamples, ShareOfTotalKracka2010) {
  const std::vector<std::vector<double>> columns = {
      {33.95, 38.9, 37.59, 30.44, 36.21, 37.8},
      {23.78, 4.17, 9.36, 37.59, 14.79, 8.55},
      {11.45, 6.32, 8.23, 13.91, 9.17, 7.97},
      {39.97, 0.01, 4.35, 74.08, 17.77, 2.35},
      {29.44, 4.29, 10.22, 45.10, 17.06, 9.25},
      {167.10, 132.52, 136.71, 198.34, 148.3, 134.83},
      {3.852, 25.184, 10.845, 2.186, 6.610, 11.935}};
  const std::string senses = "----+-+";
  Eigen::VectorXd total = Eigen::VectorXd::Zero(6);
  for (std::size_t j = 0; j < columns.size(); ++j) {
    total +=
        Score(Make(Rule::kShareOfTotal, senses[j] == '-' ? kLower : kHigher),
              columns[j]) /
        7.0;
  }
  ExpectCells(
      total,
      {0.12040426, 0.3458235, 0.13838192, 0.12841246, 0.12346084, 0.14351701},
      1e-8);
}

}  // namespace
}  // namespace circa
