// TOPSIS and weighted product against cases worked by hand.
#include "circa/aggregation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace {

using circa::Aggregate;
using circa::Aggregation;
using ::testing::ElementsAre;

circa::Evaluation Scores(const Eigen::MatrixXd& s, const Eigen::VectorXd& w) {
  circa::Evaluation e;
  e.scores = s;
  e.weights = w;
  e.totals = s * w;
  return e;
}

// Three bids, two criteria weighted 60/40: A best on the first, B best on the
// second, C half on both. Column norms are sqrt(1.25), so for A the distance
// to the ideal is 40/sqrt(1.25) and to the anti-ideal 60/sqrt(1.25): A's
// closeness is 60/100 = 0.6, B's 0.4; C is sqrt(1040) from both, 0.5.
class TradeOffTest : public ::testing::Test {
 protected:
  circa::Evaluation e_ =
      Scores((Eigen::MatrixXd(3, 2) << 1, 0, 0, 1, 0.5, 0.5).finished(),
             Eigen::Vector2d(60, 40));
};

TEST_F(TradeOffTest, TopsisClosenessByHand) {
  const auto r = Aggregate(e_, Aggregation::kTopsis);
  EXPECT_NEAR(r.value[0], 0.6, 1e-12);
  EXPECT_NEAR(r.value[1], 0.4, 1e-12);
  EXPECT_NEAR(r.value[2], 0.5, 1e-12);
  EXPECT_THAT(r.order, ElementsAre(0, 2, 1));
  EXPECT_THAT(r.rank, ElementsAre(1, 3, 2));
}

TEST_F(TradeOffTest, WeightedProductPunishesAZero) {
  // A and B score 0 on one criterion, so their products are 0 (a tie);
  // C = 0.5^0.6 * 0.5^0.4 = 0.5 wins, although A wins the weighted sum.
  const auto r = Aggregate(e_, Aggregation::kWeightedProduct);
  EXPECT_DOUBLE_EQ(r.value[0], 0.0);
  EXPECT_DOUBLE_EQ(r.value[1], 0.0);
  EXPECT_NEAR(r.value[2], 0.5, 1e-12);
  EXPECT_THAT(r.order, ElementsAre(2, 0, 1));
  EXPECT_THAT(r.rank, ElementsAre(2, 2, 1));
  EXPECT_THAT(r.tied, ElementsAre(true, true, false));
}

TEST_F(TradeOffTest, WeightedSumIsThePublishedTotal) {
  const auto r = Aggregate(e_, Aggregation::kWeightedSum);
  EXPECT_THAT(r.value, ::testing::ElementsAre(60.0, 40.0, 50.0));
  EXPECT_THAT(r.order, ElementsAre(0, 2, 1));
}

TEST(AggregationTest, WeightedProductByHand) {
  // 0.81^0.5 * 0.64^0.5 = 0.9 * 0.8 = 0.72.
  const auto e = Scores((Eigen::MatrixXd(1, 2) << 0.81, 0.64).finished(),
                        Eigen::Vector2d(50, 50));
  EXPECT_NEAR(Aggregate(e, Aggregation::kWeightedProduct).value[0], 0.72,
              1e-12);
}

TEST(AggregationTest, WeightlessCriterionIsIgnoredByTheProduct) {
  const auto e = Scores((Eigen::MatrixXd(1, 2) << 0.0, 0.25).finished(),
                        Eigen::Vector2d(0, 100));
  EXPECT_NEAR(Aggregate(e, Aggregation::kWeightedProduct).value[0], 0.25,
              1e-12);
}

TEST(AggregationTest, IdenticalBidsTieWithoutNaN) {
  const auto e =
      Scores((Eigen::MatrixXd(2, 2) << 0.5, 0.0, 0.5, 0.0).finished(),
             Eigen::Vector2d(70, 30));
  for (const Aggregation m :
       {Aggregation::kTopsis, Aggregation::kWeightedProduct}) {
    const auto r = Aggregate(e, m);
    EXPECT_TRUE(r.value.allFinite()) << ToString(m);
    EXPECT_THAT(r.rank, ElementsAre(1, 1)) << ToString(m);
  }
  EXPECT_THAT(Aggregate(e, Aggregation::kTopsis).value,
              ::testing::ElementsAre(1.0, 1.0));
}

TEST(AggregationTest, NegativeScoresCountAsZero) {
  const auto e = Scores((Eigen::MatrixXd(2, 1) << -0.5, 1.0).finished(),
                        Eigen::VectorXd::Constant(1, 100));
  const auto r = Aggregate(e, Aggregation::kTopsis);
  EXPECT_NEAR(r.value[0], 0.0, 1e-12);
  EXPECT_NEAR(r.value[1], 1.0, 1e-12);
}

TEST(AggregationTest, NoBids) {
  const auto e = Scores(Eigen::MatrixXd(0, 2), Eigen::Vector2d(50, 50));
  for (const Aggregation m : {Aggregation::kWeightedSum, Aggregation::kTopsis,
                              Aggregation::kWeightedProduct}) {
    EXPECT_EQ(Aggregate(e, m).value.size(), 0) << ToString(m);
  }
}

TEST(AggregationTest, NamesRoundTrip) {
  for (const Aggregation m : {Aggregation::kWeightedSum, Aggregation::kTopsis,
                              Aggregation::kWeightedProduct}) {
    EXPECT_EQ(circa::AggregationFromString(ToString(m)), m);
  }
  EXPECT_EQ(circa::AggregationFromString("electre"), std::nullopt);
}

}  // namespace
