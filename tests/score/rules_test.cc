// Column kernels (engine/score/rules.cc): one TEST_P grid of rule x direction
// x edge case. Every expected value is worked out from the formula in
// DOMAIN.md §3 / circa/criteria.h, written next to the case.
#include "score/rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <ostream>
#include <string>
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

ScoringRule Scale(std::vector<ScaleLevel> levels) {
  ScoringRule r = Make(Rule::kScale, kHigher);
  r.levels = std::move(levels);
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

}  // namespace
}  // namespace circa
