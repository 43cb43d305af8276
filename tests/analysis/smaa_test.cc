// SMAA-2 (engine/analysis/smaa.cc): rank acceptability, central weights,
// confidence factors, the weight sampler (simplex and ranges), seeds, ties
// and errors.
//
// Statistical tolerances. The seed is fixed, so every test is deterministic;
// the tolerances say how far an estimate from N samples may stray from its
// exact value for a correct sampler: 4 to 5 standard errors. A share p
// estimated from N = 10,000 samples has standard error sqrt(p (1 - p) / N),
// at most 0.005; a mean of a weight with standard deviation sd has standard
// error sd / sqrt(N). Each test names its sd.
#include "circa/smaa.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace circa {
namespace {

using circa_test::Messages;
using circa_test::Rows;
using ::testing::ElementsAre;

constexpr int kN = 10000;
// 4 standard errors of a share near 0.5 from kN samples (sd 0.005).
constexpr double kShareTolerance = 0.02;

// A scorer with n linear leaf criteria on a scale of 100 (the weights in the
// criteria set play no part in SMAA; only n and the scale do).
Scorer MakeScorer(int n) {
  std::string yaml =
      "circa: 1\nid: smaa\nversion: \"1\"\ntitle: SMAA\nscale: 100\n"
      "criteria:\n";
  const int each = 100 / n;
  for (int j = 0; j < n; ++j) {
    const int w = j == 0 ? 100 - each * (n - 1) : each;
    yaml += "  - id: c" + std::to_string(j) + "\n    type: quality\n" +
            "    weight: " + std::to_string(w) +
            "\n    scoring: {rule: linear, worst: 0, best: 1}\n";
  }
  return ::circa_test::CompileOk(circa_test::ParseCriteriaOk(yaml));
}

// An evaluation carrying only what SMAA reads: the scores (all bids ranked).
Evaluation WithScores(const Eigen::MatrixXd& scores) {
  Evaluation e;
  e.scores = scores;
  return e;
}

SmaaResult RunOk(const Scorer& scorer, const Eigen::MatrixXd& scores,
                 const SmaaOptions& options = {}) {
  Result<SmaaResult> r = Smaa(scorer, WithScores(scores), options);
  EXPECT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  if (!r.ok()) return {};
  return std::move(*r.value);
}

Eigen::MatrixXd SampleOk(Eigen::Index columns, const SmaaOptions& options) {
  Result<Eigen::MatrixXd> r = SampleSmaaWeights(columns, 100, options);
  EXPECT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  if (!r.ok()) return {};
  return std::move(*r.value);
}

// Five bids on four criteria with no dominance among the first four.
const Eigen::MatrixXd& FiveBids() {
  static const Eigen::MatrixXd s = Rows({{0.9, 0.2, 0.5, 0.4},
                                         {0.3, 0.8, 0.6, 0.1},
                                         {0.5, 0.5, 0.5, 0.5},
                                         {0.1, 0.4, 0.9, 0.7},
                                         {0.8, 0.1, 0.4, 0.3}});  // < bid 0
  return s;
}

TEST(SmaaOptionsTest, DefaultsAreValid) {
  std::string why = "unchanged";
  EXPECT_TRUE(SmaaOptions{}.IsValid(&why));
  EXPECT_EQ(why, "unchanged");
  EXPECT_EQ(SmaaOptions{}.samples, 10000);
}

TEST(SmaaOptionsTest, InvalidOptionsSayWhy) {
  std::string why;
  SmaaOptions o;
  o.samples = 0;
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "samples = 0: must be >= 1");
  o = {};
  o.block_size = -1;
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "block_size = -1: must be >= 1");
  o = {};
  o.max_draws_per_sample = 0;
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "max_draws_per_sample = 0: must be >= 1");
  o = {};
  o.ranges = {{0, 50}, {60, 40}};
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "ranges[1] = [60, 40]: must satisfy 0 <= lo <= hi");
  o.ranges = {{-1, 50}, {0, 40}};
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "ranges[0] = [-1, 50]: must satisfy 0 <= lo <= hi");

  Result<SmaaResult> r = Smaa(MakeScorer(2), WithScores(Rows({{1, 0}})), o);
  EXPECT_FALSE(r.ok());
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("<input>: smaa: ranges[0] = [-1, 50]: must satisfy "
                          "0 <= lo <= hi"));
}

TEST(SmaaTest, DominatedBidIsNeverFirst) {
  const SmaaResult r = RunOk(MakeScorer(4), FiveBids());
  // Bid 4 is below bid 0 on every criterion: it can never rank first.
  EXPECT_EQ(r.acceptability(4, 0), 0.0);
  EXPECT_FALSE(r.has_central_weight[4]);
  EXPECT_EQ(r.confidence[4], 0.0);
  EXPECT_TRUE(r.central_weights.row(4).isZero(0));
  // ... while every other bid wins sometimes.
  for (int i = 0; i < 4; ++i) {
    EXPECT_GT(r.acceptability(i, 0), 0.0) << i;
    EXPECT_TRUE(r.has_central_weight[static_cast<std::size_t>(i)]) << i;
  }
}

TEST(SmaaTest, DominantBidAlwaysWinsAndItsCentralWeightIsTheMeanSample) {
  const Eigen::MatrixXd s =
      Rows({{0.9, 0.9, 0.9}, {0.8, 0.2, 0.5}, {0.1, 0.85, 0.3}});
  SmaaOptions o;
  o.seed = 7;
  const SmaaResult r = RunOk(MakeScorer(3), s, o);
  EXPECT_EQ(r.acceptability(0, 0), 1.0);
  EXPECT_EQ(r.acceptability(1, 0), 0.0);
  EXPECT_EQ(r.acceptability(2, 0), 0.0);
  EXPECT_EQ(r.confidence[0], 1.0);
  // It wins in every sample, so its central weight is the mean of all the
  // weight vectors drawn (in points).
  const Eigen::MatrixXd w = SampleOk(3, o);
  const Eigen::VectorXd mean = w.rowwise().mean() * 100;
  for (Eigen::Index j = 0; j < 3; ++j) {
    EXPECT_NEAR_TOL(r.central_weights(0, j), mean[j], kFloatNoise);
  }
}

TEST(SmaaTest, AcceptabilitiesSumToOnePerBidAndPerRank) {
  const SmaaResult r = RunOk(MakeScorer(4), FiveBids());
  ASSERT_EQ(r.acceptability.rows(), 5);
  ASSERT_EQ(r.acceptability.cols(), 5);
  for (Eigen::Index i = 0; i < 5; ++i) {
    EXPECT_NEAR_TOL(r.acceptability.row(i).sum(), 1.0, kFloatNoise) << i;
    EXPECT_NEAR_TOL(r.acceptability.col(i).sum(), 1.0, kFloatNoise) << i;
  }
  EXPECT_TRUE((r.acceptability.array() >= 0).all());
  // Central weights are weight vectors: non-negative, adding up to the scale.
  for (Eigen::Index i = 0; i < 4; ++i) {
    EXPECT_NEAR_TOL(r.central_weights.row(i).sum(), 100.0, kFloatNoise);
    EXPECT_TRUE((r.central_weights.row(i).array() >= 0).all());
  }
}

TEST(SmaaTest, TiedBidsShareTheRanksTheySpan) {
  // Bids 0 and 1 are identical, so they tie in every sample; both beat 2.
  const Eigen::MatrixXd s = Rows({{0.7, 0.6}, {0.7, 0.6}, {0.5, 0.5}});
  const SmaaResult r = RunOk(MakeScorer(2), s);
  EXPECT_EQ(r.acceptability(0, 0), 0.5);
  EXPECT_EQ(r.acceptability(0, 1), 0.5);
  EXPECT_EQ(r.acceptability(1, 0), 0.5);
  EXPECT_EQ(r.acceptability(1, 1), 0.5);
  EXPECT_EQ(r.acceptability(2, 2), 1.0);
  for (Eigen::Index k = 0; k < 3; ++k) {
    EXPECT_NEAR_TOL(r.acceptability.col(k).sum(), 1.0, kFloatNoise);
  }
  // At its central weight each tied bid holds half of first place.
  EXPECT_EQ(r.confidence[0], 0.5);
  EXPECT_EQ(r.confidence[1], 0.5);
}

TEST(SmaaTest, SameSeedSameResultDifferentSeedDifferentResult) {
  const Scorer scorer = MakeScorer(4);
  SmaaOptions o;
  o.seed = 123;
  o.samples = 2000;
  const SmaaResult a = RunOk(scorer, FiveBids(), o);
  const SmaaResult b = RunOk(scorer, FiveBids(), o);
  EXPECT_EQ(a.seed, 123u);
  EXPECT_EQ(a.samples, 2000);
  EXPECT_EQ(a.acceptability, b.acceptability);
  EXPECT_EQ(a.central_weights, b.central_weights);
  EXPECT_EQ(a.confidence, b.confidence);
  // The block size plays no part: the draws come in fixed blocks.
  o.block_size = 7;
  EXPECT_EQ(RunOk(scorer, FiveBids(), o).acceptability, a.acceptability);
  o.block_size = 1024;
  o.seed = 124;
  const SmaaResult c = RunOk(scorer, FiveBids(), o);
  EXPECT_EQ(c.seed, 124u);
  EXPECT_NE(c.acceptability, a.acceptability);
  EXPECT_NE(c.central_weights, a.central_weights);
}

TEST(SmaaTest, TwoBidsTwoCriteriaClosedForm) {
  // A = (1, 0), B = (0, 1): A wins iff w1 > w2, i.e. w1 > 0.5 of the scale.
  // On the 1-simplex w1 is uniform on (0, 1), so b_A^1 = b_B^1 = 0.5, and
  // A's central weight is E[w1 | w1 > 0.5] = 0.75, i.e. (75, 25) points.
  const SmaaResult r = RunOk(MakeScorer(2), Rows({{1, 0}, {0, 1}}));
  EXPECT_NEAR(r.acceptability(0, 0), 0.5, kShareTolerance);
  EXPECT_NEAR(r.acceptability(1, 0), 0.5, kShareTolerance);
  EXPECT_NEAR_TOL(r.acceptability(0, 1), r.acceptability(1, 0), kFloatNoise);
  // w1 given w1 > 0.5 is uniform on (0.5, 1): sd 0.5 / sqrt(12) = 0.144 (14.4
  // points) over ~5,000 samples: standard error 0.2 points; 1 point is 5.
  EXPECT_NEAR(r.central_weights(0, 0), 75, 1.0);
  EXPECT_NEAR(r.central_weights(0, 1), 25, 1.0);
  EXPECT_NEAR(r.central_weights(1, 0), 25, 1.0);
  EXPECT_NEAR(r.central_weights(1, 1), 75, 1.0);
  EXPECT_EQ(r.confidence[0], 1.0);
  EXPECT_EQ(r.confidence[1], 1.0);
}

TEST(SmaaSamplerTest, SamplesLieOnTheSimplexAndAreUniform) {
  const Eigen::MatrixXd w = SampleOk(4, {});
  ASSERT_EQ(w.rows(), 4);
  ASSERT_EQ(w.cols(), kN);
  EXPECT_TRUE((w.array() > 0).all());
  for (Eigen::Index s = 0; s < w.cols(); ++s) {
    ASSERT_NEAR(w.col(s).sum(), 1.0, circa_test::kFloatNoise) << s;
  }
  // Uniform on the 3-simplex: each weight is Beta(1, 3), mean 1/4, sd
  // sqrt(3 / 80) = 0.194: standard error 0.0019; 0.008 is 4 of them.
  for (Eigen::Index j = 0; j < 4; ++j) {
    EXPECT_NEAR(w.row(j).mean(), 0.25, 0.008) << j;
  }
}

TEST(SmaaSamplerTest, UpperBoundIsUniformOnTheRestOfTheSimplex) {
  // w1 <= 0.5 on the 2-simplex. Uniform there, w1 has density proportional
  // to 2 (1 - x) on [0, 0.5]: mean 2/9 = 0.2222 (sd 0.142) and the others
  // (1 - 2/9) / 2 = 0.3889. Sampling each weight in its range and
  // normalising would give other means; 0.006 is 4 standard errors.
  SmaaOptions o;
  o.ranges = {{0, 50}, {0, 100}, {0, 100}};
  const Eigen::MatrixXd w = SampleOk(3, o);
  ASSERT_EQ(w.cols(), kN);
  EXPECT_TRUE((w.row(0).array() <= 0.5).all());
  EXPECT_TRUE((w.array() >= 0).all());
  EXPECT_NEAR(w.row(0).mean(), 2.0 / 9, 0.006);
  EXPECT_NEAR(w.row(1).mean(), 7.0 / 18, 0.006);
  EXPECT_NEAR(w.row(2).mean(), 7.0 / 18, 0.006);
}

TEST(SmaaSamplerTest, LowerAndUpperBoundsTogether) {
  // hi = (0.5, 0.5, 0.2), lo = (0.1, 0.1, 0.1). Without the lower bounds the
  // set is w = hi - 0.2 u with u uniform on the simplex; the lower bounds
  // cut away u3 > 0.5, so means are w3 = 0.2 - 0.2 E[u3 | u3 <= 0.5] = 0.2 -
  // 0.2 (2/9) = 0.1556 (sd 0.028: tolerance 0.0015) and w1 = w2 = 0.5 - 0.2
  // (7/18) = 0.4222 (sd 0.014: tolerance 0.0015).
  SmaaOptions o;
  o.ranges = {{10, 50}, {10, 50}, {10, 20}};
  o.seed = 99;
  const Eigen::MatrixXd w = SampleOk(3, o);
  ASSERT_EQ(w.cols(), kN);
  for (Eigen::Index s = 0; s < w.cols(); ++s) {
    ASSERT_NEAR(w.col(s).sum(), 1.0, circa_test::kFloatNoise) << s;
    ASSERT_GE(w(0, s), 0.1) << s;
    ASSERT_LE(w(0, s), 0.5) << s;
    ASSERT_GE(w(1, s), 0.1) << s;
    ASSERT_LE(w(1, s), 0.5) << s;
    ASSERT_GE(w(2, s), 0.1) << s;
    ASSERT_LE(w(2, s), 0.2) << s;
  }
  EXPECT_NEAR(w.row(2).mean(), 0.2 - 0.2 * 2 / 9, 0.0015);
  EXPECT_NEAR(w.row(0).mean(), 0.5 - 0.2 * 7 / 18, 0.0015);
  EXPECT_NEAR(w.row(1).mean(), 0.5 - 0.2 * 7 / 18, 0.0015);
}

TEST(SmaaTest, RangesDecideTheWinner) {
  // A wins iff w1 > 50 points; with w1 in [60, 100] it always wins and its
  // central weights stay within the ranges.
  SmaaOptions o;
  o.ranges = {{60, 100}, {0, 100}};
  const SmaaResult r = RunOk(MakeScorer(2), Rows({{1, 0}, {0, 1}}), o);
  EXPECT_EQ(r.acceptability(0, 0), 1.0);
  EXPECT_EQ(r.acceptability(1, 1), 1.0);
  // w1 uniform on [60, 100]: mean 80, sd 11.5 points: tolerance 0.5 points.
  EXPECT_NEAR(r.central_weights(0, 0), 80, 0.5);
}

TEST(SmaaTest, RangesThatAdmitNoWeightVectorAreAnError) {
  SmaaOptions o;
  o.ranges = {{0, 30}, {0, 30}};
  const Scorer scorer = MakeScorer(2);
  const Evaluation e = WithScores(Rows({{1, 0}, {0, 1}}));
  Result<SmaaResult> r = Smaa(scorer, e, o);
  EXPECT_FALSE(r.ok());
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("<input>: smaa.ranges: the upper bounds add up to "
                          "60 points, less than the scale 100: no weight "
                          "vector fits the ranges"));
  o.ranges = {{70, 100}, {40, 100}};
  r = Smaa(scorer, e, o);
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("<input>: smaa.ranges: the lower bounds add up to "
                          "110 points, more than the scale 100: no weight "
                          "vector fits the ranges"));
  o.ranges = {{0, 100}};
  r = Smaa(scorer, e, o);
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("<input>: smaa.ranges: expected one range per "
                          "criterion (2), found 1"));
}

TEST(SmaaTest, RangesTooNarrowToSampleAreAnError) {
  // w1 in [40, 60]: drawn from w1 >= 40, a third of the draws land inside;
  // a budget of one draw per sample cannot supply 30 samples.
  SmaaOptions o;
  o.ranges = {{40, 60}, {0, 100}};
  o.samples = 30;
  o.max_draws_per_sample = 1;
  const Result<SmaaResult> r =
      Smaa(MakeScorer(2), WithScores(Rows({{1, 0}, {0, 1}})), o);
  EXPECT_FALSE(r.ok());
  // Seed 1: 5 of the 30 draws fall inside (a third expected; sd 2.6).
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("<input>: smaa.ranges: only 5 of 30 weight vectors "
                          "drawn fell inside the ranges; they cover too small "
                          "a part of the possible weights to sample (raise "
                          "max_draws_per_sample or widen the ranges)"));
  // With the default budget the same ranges sample fine.
  o.max_draws_per_sample = SmaaOptions{}.max_draws_per_sample;
  EXPECT_TRUE(Smaa(MakeScorer(2), WithScores(Rows({{1, 0}, {0, 1}})), o).ok());
}

TEST(SmaaSamplerTest, GroupRangeBoundsTheSumOfItsColumns) {
  // w0 + w1 <= 0.5 on the 2-simplex, i.e. w2 >= 0.5: uniform there,
  // w = (0, 0, 0.5) + 0.5 u with u uniform on the simplex, so E[w2] =
  // 0.5 + 0.5 / 3 = 0.6667 and E[w0] = E[w1] = 0.5 / 3 = 0.1667 (sd of w2
  // 0.5 sqrt(1 / 18) = 0.118: standard error 0.0012; 0.005 is 4 of them).
  SmaaOptions o;
  o.group_ranges = {{"g", {0, 1}, {0, 50}}};
  const Eigen::MatrixXd w = SampleOk(3, o);
  ASSERT_EQ(w.cols(), kN);
  for (Eigen::Index s = 0; s < w.cols(); ++s) {
    ASSERT_LE(w(0, s) + w(1, s), 0.5 + 1e-12) << s;
    ASSERT_NEAR(w.col(s).sum(), 1.0, circa_test::kFloatNoise) << s;
  }
  EXPECT_NEAR(w.row(2).mean(), 2.0 / 3, 0.005);
  EXPECT_NEAR(w.row(0).mean(), 1.0 / 6, 0.005);
  EXPECT_NEAR(w.row(1).mean(), 1.0 / 6, 0.005);
}

TEST(SmaaSamplerTest, GroupAndColumnRangesTogether) {
  // Column 0 in [10, 30] points, group {1, 2} in [40, 60]: every sample
  // satisfies both, and column 3 (free) takes the rest.
  SmaaOptions o;
  o.ranges = {{10, 30}, {0, 100}, {0, 100}, {0, 100}};
  o.group_ranges = {{"g", {1, 2}, {40, 60}}};
  const Eigen::MatrixXd w = SampleOk(4, o);
  ASSERT_EQ(w.cols(), kN);
  for (Eigen::Index s = 0; s < w.cols(); ++s) {
    ASSERT_GE(w(0, s), 0.1) << s;
    ASSERT_LE(w(0, s), 0.3) << s;
    ASSERT_GE(w(1, s) + w(2, s), 0.4 - 1e-12) << s;
    ASSERT_LE(w(1, s) + w(2, s), 0.6 + 1e-12) << s;
  }
}

TEST(SmaaTest, GroupRangesThatAdmitNoWeightVectorAreAnError) {
  const Scorer scorer = MakeScorer(3);
  const Evaluation e = WithScores(Rows({{1, 0, 0}, {0, 1, 0}}));
  SmaaOptions o;
  o.ranges = {{0, 10}, {0, 10}, {0, 100}};
  o.group_ranges = {{"quality", {0, 1}, {50, 60}}};
  EXPECT_THAT(Messages(Smaa(scorer, e, o).diagnostics),
              ElementsAre("<input>: smaa.group_ranges[0]: the range 50-60 "
                          "points of group quality does not fit the ranges of "
                          "its criteria, which add up to 0-20 points"));
  o.ranges = {};
  o.group_ranges = {{"a", {0, 1}, {70, 100}}, {"b", {2}, {40, 100}}};
  EXPECT_THAT(Messages(Smaa(scorer, e, o).diagnostics),
              ElementsAre("<input>: smaa.group_ranges: with the group ranges, "
                          "the weights add up to at least 110 points, more "
                          "than the scale 100: no weight vector fits the "
                          "ranges"));
  o.group_ranges = {{"a", {0, 1}, {0, 30}}, {"b", {2}, {0, 30}}};
  EXPECT_THAT(Messages(Smaa(scorer, e, o).diagnostics),
              ElementsAre("<input>: smaa.group_ranges: with the group ranges, "
                          "the weights add up to at most 60 points, less than "
                          "the scale 100: no weight vector fits the ranges"));
  o.group_ranges = {{"a", {0, 1}, {0, 100}}, {"b", {1}, {0, 100}}};
  EXPECT_THAT(Messages(Smaa(scorer, e, o).diagnostics),
              ElementsAre("<input>: smaa.group_ranges[1]: group b: criterion "
                          "index 1 is already in group a"));
  o.group_ranges = {{"a", {0, 3}, {0, 100}}};
  EXPECT_THAT(Messages(Smaa(scorer, e, o).diagnostics),
              ElementsAre("<input>: smaa.group_ranges[0]: group a: criterion "
                          "index 3 is not one of the 3 criteria"));
  o.group_ranges = {{"a", {0}, {60, 40}}};
  std::string why;
  EXPECT_FALSE(o.IsValid(&why));
  EXPECT_EQ(why, "group_ranges[0] = [60, 40]: must satisfy 0 <= lo <= hi");
}

// Price 40 (leaf), quality 60 (a group of two leaves), as published ranges
// set in code (Criterion::effective_range, points).
CriteriaSet RangedSet() {
  CriteriaSet set = circa_test::ParseCriteriaOk(R"(circa: 1
id: ranged
version: "1"
title: Ranged
criteria:
  - {id: price, type: price, weight: 40, scoring: {rule: lowest-ratio}}
  - id: quality
    type: quality
    weight: 60
    criteria:
      - {id: plan, weight: 35, scoring: {rule: linear, worst: 0, best: 10}}
      - {id: delivery, weight: 25, scoring: {rule: linear, worst: 30, best: 5}}
)");
  return set;
}

TEST(SmaaPublishedRangesTest, NoPublishedRangeLeavesTheOptionsAlone) {
  const Scorer scorer = ::circa_test::CompileOk(RangedSet());
  SmaaOptions o;
  EXPECT_FALSE(UsePublishedRanges(scorer, &o));
  EXPECT_TRUE(o.ranges.empty());
  EXPECT_TRUE(o.group_ranges.empty());
  const SmaaResult r = RunOk(scorer, Rows({{1, 0, 0}, {0, 1, 1}}), o);
  EXPECT_FALSE(r.within_ranges);
  EXPECT_EQ(r.draws, r.samples);
}

TEST(SmaaPublishedRangesTest, LeafAndGroupRangesOthersFree) {
  CriteriaSet set = RangedSet();
  set.criteria[0].effective_range = WeightRange{30, 50};  // price (a leaf)
  set.criteria[1].effective_range = WeightRange{50, 70};  // quality group
  set.criteria[1].children[1].effective_range = WeightRange{10, 30};
  const Scorer scorer = ::circa_test::CompileOk(set);
  SmaaOptions o;
  ASSERT_TRUE(UsePublishedRanges(scorer, &o));
  // Columns: price and delivery have ranges; plan is free.
  ASSERT_EQ(o.ranges.size(), 3u);
  EXPECT_EQ(o.ranges[0].lo, 30);
  EXPECT_EQ(o.ranges[0].hi, 50);
  EXPECT_EQ(o.ranges[1].lo, 0);
  EXPECT_EQ(o.ranges[1].hi, 100);
  EXPECT_EQ(o.ranges[2].lo, 10);
  EXPECT_EQ(o.ranges[2].hi, 30);
  // The top-level leaf price is not a group; quality is.
  ASSERT_EQ(o.group_ranges.size(), 1u);
  EXPECT_EQ(o.group_ranges[0].id, "quality");
  EXPECT_THAT(o.group_ranges[0].columns, ElementsAre(1, 2));
  EXPECT_EQ(o.group_ranges[0].range.lo, 50);

  const Eigen::MatrixXd w = SampleOk(3, o);
  for (Eigen::Index s = 0; s < w.cols(); ++s) {
    ASSERT_GE(w(0, s), 0.3) << s;
    ASSERT_LE(w(0, s), 0.5) << s;
    ASSERT_GE(w(1, s) + w(2, s), 0.5 - 1e-12) << s;
    ASSERT_LE(w(1, s) + w(2, s), 0.7 + 1e-12) << s;
    ASSERT_GE(w(2, s), 0.1) << s;
    ASSERT_LE(w(2, s), 0.3) << s;
  }
  // The result says the draws were within ranges; more were drawn than
  // kept, and the central weights lie within the ranges too.
  const SmaaResult r =
      RunOk(scorer, Rows({{0.5, 1, 0.2}, {1, 0.4, 0.6}, {0.8, 0.6, 0.6}}), o);
  EXPECT_TRUE(r.within_ranges);
  EXPECT_GT(r.draws, r.samples);
  for (Eigen::Index i = 0; i < 3; ++i) {
    if (!r.has_central_weight[static_cast<std::size_t>(i)]) continue;
    EXPECT_GE(r.central_weights(i, 0), 30 - 1e-9);
    EXPECT_LE(r.central_weights(i, 0), 50 + 1e-9);
  }
  // The same seed gives the same result.
  const SmaaResult again =
      RunOk(scorer, Rows({{0.5, 1, 0.2}, {1, 0.4, 0.6}, {0.8, 0.6, 0.6}}), o);
  EXPECT_EQ(r.acceptability, again.acceptability);
  EXPECT_EQ(r.draws, again.draws);
}

TEST(SmaaTest, ExcludedBidsTakeNoRank) {
  Evaluation e = WithScores(FiveBids());
  e.status.assign(5, BidStatus::kRanked);
  e.status[0] = BidStatus::kExcluded;
  const Result<SmaaResult> r = Smaa(MakeScorer(4), e);
  ASSERT_TRUE(r.ok());
  const SmaaResult& s = *r.value;
  EXPECT_TRUE(s.acceptability.row(0).isZero(0));
  EXPECT_FALSE(s.has_central_weight[0]);
  // Without bid 0, bid 4 (which it dominated) can win.
  EXPECT_GT(s.acceptability(4, 0), 0.0);
  for (Eigen::Index k = 0; k < 4; ++k) {
    EXPECT_NEAR_TOL(s.acceptability.col(k).sum(), 1.0, kFloatNoise) << k;
  }
  EXPECT_TRUE(s.acceptability.col(4).isZero(0));
}

TEST(SmaaTest, ScoresThatDoNotMatchTheScorerAreAnError) {
  const Result<SmaaResult> r =
      Smaa(MakeScorer(3), WithScores(Rows({{1, 0}, {0, 1}})));
  EXPECT_FALSE(r.ok());
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("<input>: smaa: the evaluation has 2 score columns "
                          "but the scorer has 3 criteria"));
}

TEST(SmaaTest, NoBidsGiveAnEmptyResult) {
  const SmaaResult r = RunOk(MakeScorer(2), Eigen::MatrixXd(0, 2));
  EXPECT_EQ(r.acceptability.size(), 0);
  EXPECT_EQ(r.samples, kN);
}

// The generator as docs/smaa.md writes it, with std::log: block b's value i
// is SplitMix64's finaliser of key_b + (i + 1) gamma.
std::uint64_t DocMix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

TEST(SmaaSamplerTest, DrawsAreTheDocumentedGenerator) {
  constexpr std::uint64_t kGamma = 0x9e3779b97f4a7c15ULL;
  SmaaOptions o;
  o.seed = 2026;
  o.samples = 600;  // three blocks of 256, the last one short
  const Eigen::Index n = 3;
  const Eigen::MatrixXd w = SampleOk(n, o);
  for (const Eigen::Index sample : {0, 1, 255, 256, 300, 599}) {
    const std::uint64_t block = static_cast<std::uint64_t>(sample / 256);
    const std::uint64_t c = static_cast<std::uint64_t>(sample % 256);
    const std::uint64_t key = DocMix(o.seed + DocMix((block + 1) * kGamma));
    double e[n];
    double sum = 0;
    for (Eigen::Index j = 0; j < n; ++j) {
      const std::uint64_t i = c * n + static_cast<std::uint64_t>(j);
      const std::uint64_t x = DocMix(key + (i + 1) * kGamma);
      const double u =
          static_cast<double>(2 * (x >> 12) + 1) * 0x1.0p-53;  // in (0, 1)
      e[j] = -std::log(u);
      sum += e[j];
    }
    for (Eigen::Index j = 0; j < n; ++j) {
      // circa's own logarithm is within a few ulp of the C library's.
      EXPECT_NEAR(w(j, sample), e[j] / sum, 1e-14) << sample << " " << j;
    }
  }
}

// circa's own logarithm as docs/smaa.md writes it, scalar and plain: u =
// m 2^e with m in [sqrt(1/2), sqrt(2)), s = (m - 1) / (m + 1), z = s^2,
// the series 1 + z/3 + ... + z^9/19 summed by Estrin's scheme, e ln 2 +
// 2 s p.
double DocLog(double u) {
  int e = 0;
  double m = std::frexp(u, &e);  // u = m 2^e, m in [0.5, 1)
  m *= 2;
  --e;
  if (m > 0x1.6a09e667f3bccp0) {
    m /= 2;
    ++e;
  }
  const double s = (m - 1.0) / (m + 1.0);
  const double z = s * s;
  const double z2 = z * z;
  const double z4 = z2 * z2;
  const double z8 = z4 * z4;
  const double q0 = 1.0 + z * (1.0 / 3);
  const double q1 = 1.0 / 5 + z * (1.0 / 7);
  const double q2 = 1.0 / 9 + z * (1.0 / 11);
  const double q3 = 1.0 / 13 + z * (1.0 / 15);
  const double q4 = 1.0 / 17 + z * (1.0 / 19);
  const double p = ((q0 + z2 * q1) + z4 * (q2 + z2 * q3)) + z8 * q4;
  return static_cast<double>(e) * 0.6931471805599453 + (2.0 * s) * p;
}

TEST(SmaaSamplerTest, DrawsAreTheDocumentedGeneratorBitForBit) {
  // Every weight of four blocks (the last one short), for several criteria
  // counts (the kernels take criteria four at a time and samples in
  // vectors, so counts not a multiple of 4 or 8 take the leftover paths),
  // on both kernels: the documented generator and logarithm, computed one
  // value at a time, give the same bits. This pins the draws of a seed.
  constexpr std::uint64_t kGamma = 0x9e3779b97f4a7c15ULL;
  for (const Eigen::Index n : {1, 3, 4, 7, 30}) {
    SmaaOptions o;
    o.seed = 7 + static_cast<std::uint64_t>(n);
    o.samples = 1000;
    for (const bool simd : {true, false}) {
      o.simd = simd;
      SCOPED_TRACE(::testing::Message() << n << " criteria, simd " << simd);
      const Eigen::MatrixXd w = SampleOk(n, o);
      ASSERT_EQ(w.cols(), o.samples);
      int wrong = 0;
      for (Eigen::Index sample = 0; sample < o.samples; ++sample) {
        const auto block = static_cast<std::uint64_t>(sample / 256);
        const auto c = static_cast<std::uint64_t>(sample % 256);
        const std::uint64_t key = DocMix(o.seed + DocMix((block + 1) * kGamma));
        std::vector<double> e(static_cast<std::size_t>(n));
        double sum = 0;
        for (Eigen::Index j = 0; j < n; ++j) {
          const std::uint64_t i =
              c * static_cast<std::uint64_t>(n) + static_cast<std::uint64_t>(j);
          const std::uint64_t x = DocMix(key + (i + 1) * kGamma);
          const double u = static_cast<double>(2 * (x >> 12) + 1) * 0x1.0p-53;
          e[static_cast<std::size_t>(j)] = -DocLog(u);
          sum += e[static_cast<std::size_t>(j)];
        }
        const double inv = 1.0 / sum;
        for (Eigen::Index j = 0; j < n; ++j) {
          const double expected = e[static_cast<std::size_t>(j)] * inv;
          if (std::bit_cast<std::uint64_t>(w(j, sample)) !=
                  std::bit_cast<std::uint64_t>(expected) &&
              ++wrong <= 5) {
            ADD_FAILURE() << "sample " << sample << " criterion " << j << ": "
                          << w(j, sample) << " != " << expected;
          }
        }
      }
      EXPECT_EQ(wrong, 0);
    }
  }
}

// Random scores with a few exact ties (equal rows), so both the untied and
// the tied paths run.
Eigen::MatrixXd RandomScores(Eigen::Index bids, Eigen::Index criteria,
                             unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> level(0, 20);
  Eigen::MatrixXd s(bids, criteria);
  for (Eigen::Index i = 0; i < bids; ++i) {
    for (Eigen::Index j = 0; j < criteria; ++j) s(i, j) = level(rng) / 20.0;
  }
  s.row(bids - 1) = s.row(0);
  return s;
}

void ExpectSameBits(const SmaaResult& a, const SmaaResult& b) {
  EXPECT_EQ(a.acceptability, b.acceptability);
  EXPECT_EQ(a.central_weights, b.central_weights);
  EXPECT_EQ(a.has_central_weight, b.has_central_weight);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.draws, b.draws);
}

TEST(SmaaTest, ThreadCountDoesNotChangeTheResult) {
  // 20,000 samples: 79 blocks in 3 tasks, so 2 and 3 threads split them
  // differently; uniform and within ranges.
  for (const bool ranged : {false, true}) {
    const Scorer scorer = MakeScorer(7);
    const Eigen::MatrixXd s = RandomScores(13, 7, 5);
    SmaaOptions o;
    o.samples = 20000;
    o.seed = 77;
    if (ranged) o.ranges.assign(7, WeightRange{5, 30});
    o.threads = 1;
    const SmaaResult one = RunOk(scorer, s, o);
    for (const int threads : {2, 3, 0}) {
      o.threads = threads;
      SCOPED_TRACE(::testing::Message()
                   << "threads " << threads << " ranged " << ranged);
      ExpectSameBits(RunOk(scorer, s, o), one);
    }
  }
}

// SMAA-2's acceptability the slow way, from the same weights (shares,
// criteria x samples): totals criterion by criterion, bids sorted best first
// (input order among equals), neighbours within the tie tolerance chained
// into runs that share the ranks they span.
Eigen::MatrixXd ReferenceAcceptability(const Eigen::MatrixXd& s,
                                       const Eigen::MatrixXd& w, double scale) {
  const Eigen::Index m = s.rows();
  const double tol = kTieTolerance / scale;
  Eigen::MatrixXd accept = Eigen::MatrixXd::Zero(m, m);
  std::vector<double> t(static_cast<std::size_t>(m));
  std::vector<Eigen::Index> order(static_cast<std::size_t>(m));
  for (Eigen::Index c = 0; c < w.cols(); ++c) {
    for (Eigen::Index i = 0; i < m; ++i) {
      double total = 0;
      for (Eigen::Index j = 0; j < s.cols(); ++j) total += s(i, j) * w(j, c);
      t[static_cast<std::size_t>(i)] = total;
      order[static_cast<std::size_t>(i)] = i;
    }
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
      const double ta = t[static_cast<std::size_t>(a)];
      const double tb = t[static_cast<std::size_t>(b)];
      return ta != tb ? ta > tb : a < b;
    });
    for (std::size_t r = 0; r < order.size();) {
      std::size_t e = r + 1;
      while (e < order.size() &&
             std::abs(t[static_cast<std::size_t>(order[e - 1])] -
                      t[static_cast<std::size_t>(order[e])]) <= tol) {
        ++e;
      }
      for (std::size_t k = r; k < e; ++k) {
        for (std::size_t q = r; q < e; ++q) {
          accept(order[k], static_cast<Eigen::Index>(q)) +=
              1.0 / static_cast<double>(e - r);
        }
      }
      r = e;
    }
  }
  return accept / static_cast<double>(w.cols());
}

TEST(SmaaTest, RanksMatchASortOfTheTotals) {
  // Bid counts on both sides of the sorting network's limit (64 bids; more
  // are ranked by counting the bids ahead), continuous scores and scores
  // on a coarse grid with two identical bids (a tie in every sample), on
  // both kernels: the acceptability is the one a plain sort of each
  // sample's totals gives, from the same weights.
  struct Case {
    Eigen::Index bids;
    Eigen::Index criteria;
    bool coarse;
  };
  const std::vector<Case> cases = {
      {2, 3, false},  {5, 4, false},  {20, 30, false}, {33, 6, false},
      {64, 5, false}, {70, 4, false}, {13, 7, true},   {66, 3, true}};
  unsigned seed = 0;
  for (const Case& k : cases) {
    ++seed;
    const Scorer scorer = MakeScorer(static_cast<int>(k.criteria));
    Eigen::MatrixXd s = RandomScores(k.bids, k.criteria, seed);
    if (!k.coarse) {
      std::mt19937 rng(seed);
      std::uniform_real_distribution<double> u(0.0, 1.0);
      for (Eigen::Index i = 0; i < s.rows(); ++i) {
        for (Eigen::Index j = 0; j < s.cols(); ++j) s(i, j) = u(rng);
      }
    }
    SmaaOptions o;
    o.samples = 2001;
    o.seed = seed;
    const Eigen::MatrixXd expected =
        ReferenceAcceptability(s, SampleOk(k.criteria, o), 100);
    for (const bool simd : {true, false}) {
      o.simd = simd;
      SCOPED_TRACE(::testing::Message() << k.bids << " bids, simd " << simd);
      const SmaaResult r = RunOk(scorer, s, o);
      ASSERT_EQ(r.acceptability.rows(), k.bids);
      EXPECT_LT((r.acceptability - expected).cwiseAbs().maxCoeff(), 1e-12);
    }
  }
}

TEST(SmaaTest, SimdAndPortableKernelsGiveTheSameBits) {
  // Random tenders of several sizes (bid counts not a multiple of 4, sample
  // counts not a multiple of 8), uniform and within ranges: the AVX2
  // kernels (where the CPU has them) and the portable ones agree bit for
  // bit, weights included.
  for (const unsigned seed : {1u, 2u, 3u}) {
    const Eigen::Index bids = 3 + 7 * seed;
    const Eigen::Index criteria = 2 + 5 * seed;
    const Scorer scorer = MakeScorer(static_cast<int>(criteria));
    const Eigen::MatrixXd s = RandomScores(bids, criteria, seed);
    SmaaOptions o;
    o.samples = 3001;
    o.seed = seed;
    if (seed == 2) {
      o.ranges.assign(static_cast<std::size_t>(criteria),
                      WeightRange{0, 200.0 / static_cast<double>(criteria)});
    }
    SCOPED_TRACE(seed);
    o.simd = true;
    const SmaaResult simd = RunOk(scorer, s, o);
    const Eigen::MatrixXd w_simd = SampleOk(criteria, o);
    o.simd = false;
    ExpectSameBits(RunOk(scorer, s, o), simd);
    EXPECT_EQ(SampleOk(criteria, o), w_simd);
  }
}

TEST(SmaaTest, EveryBidCountRanksAlikeOnBothKernels) {
  // Every bid count from 2 to 34: up to 32 bids the AVX2 kernels sort each
  // sample in registers with a network unrolled for that count, beyond
  // with the network kept in memory; the portable kernels always with the
  // latter. Both give the same bits (acceptability, central weights,
  // confidence). Continuous scores (samples untied), and for every
  // seventh count coarse ones with two identical bids (a tie in every
  // sample).
  for (Eigen::Index bids = 2; bids <= 34; ++bids) {
    const Eigen::Index criteria = 3 + bids % 5;
    const Scorer scorer = MakeScorer(static_cast<int>(criteria));
    const auto seed = static_cast<unsigned>(bids);
    Eigen::MatrixXd s = RandomScores(bids, criteria, seed);
    if (bids % 7 != 0) {
      std::mt19937 rng(seed);
      std::uniform_real_distribution<double> u(0.0, 1.0);
      for (Eigen::Index i = 0; i < s.rows(); ++i) {
        for (Eigen::Index j = 0; j < s.cols(); ++j) s(i, j) = u(rng);
      }
    }
    SmaaOptions o;
    o.samples = 700;
    o.seed = seed;
    SCOPED_TRACE(::testing::Message() << bids << " bids");
    o.simd = true;
    const SmaaResult simd = RunOk(scorer, s, o);
    o.simd = false;
    ExpectSameBits(RunOk(scorer, s, o), simd);
  }
}

}  // namespace
}  // namespace circa
