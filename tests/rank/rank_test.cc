// Ranking (engine/rank/rank.cc): ties share the better rank, are flagged,
// keep input order and get a note; only float noise counts as equal.
#include "rank/rank.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "circa/scorer.h"
#include "test_util.h"

namespace circa {
namespace {

using ::testing::ElementsAre;

Evaluation Ranked(std::initializer_list<double> totals) {
  Evaluation e;
  e.totals.resize(static_cast<Eigen::Index>(totals.size()));
  Eigen::Index i = 0;
  for (const double t : totals) e.totals[i++] = t;
  rank::Rank(&e);
  return e;
}

TEST(RankTest, DistinctTotalsBestFirst) {
  const Evaluation e = Ranked({70, 90, 80});
  EXPECT_THAT(e.order, ElementsAre(1, 2, 0));
  EXPECT_THAT(e.rank, ElementsAre(3, 1, 2));
  EXPECT_THAT(e.tied, ElementsAre(false, false, false));
  EXPECT_THAT(e.status, ElementsAre(BidStatus::kRanked, BidStatus::kRanked,
                                    BidStatus::kRanked));
  EXPECT_TRUE(e.notes.empty());
  EXPECT_EQ(e.Winner(), 1);
}

TEST(RankTest, TiesShareTheBetterRankAndSkipTheNext) {
  const Evaluation e = Ranked({90, 80, 80, 70});
  EXPECT_THAT(e.rank, ElementsAre(1, 2, 2, 4));
  EXPECT_THAT(e.tied, ElementsAre(false, true, true, false));
  EXPECT_THAT(e.order, ElementsAre(0, 1, 2, 3));
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_EQ(e.notes[0].column, -1);
  EXPECT_EQ(e.notes[0].kind, NoteKind::kTie);
  EXPECT_EQ(e.notes[0].record, 0);
  ASSERT_EQ(e.tie_breaks.size(), 1u);
  EXPECT_EQ(e.tie_breaks[0].rank, 2);
  EXPECT_EQ(e.tie_breaks[0].total, 80);
  EXPECT_THAT(e.tie_breaks[0].bids, ElementsAre(1, 2));
  EXPECT_EQ(e.tie_breaks[0].policy_rules, 0);
  EXPECT_FALSE(e.tie_breaks[0].resolved);
  EXPECT_TRUE(e.tie_breaks[0].steps.empty());
  EXPECT_EQ(circa_test::NoteText(e, 0),
            "2 bids (bid 2 and bid 3) tie at rank 2 with 80.00 points; the "
            "criteria set declares no tie-break, so the tie stands and they "
            "share the rank");
}

TEST(RankTest, InputOrderIsKeptInsideATie) {
  // Bids 0, 2 and 3 tie behind bid 1; they stay in input order.
  const Evaluation e = Ranked({80, 90, 80, 80});
  EXPECT_THAT(e.order, ElementsAre(1, 0, 2, 3));
  EXPECT_THAT(e.rank, ElementsAre(2, 1, 2, 2));
  EXPECT_THAT(e.tied, ElementsAre(true, false, true, true));
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_EQ(circa_test::NoteText(e, 0),
            "3 bids (bid 1, bid 3 and bid 4) tie at rank 2 with 80.00 points; "
            "the criteria set declares no tie-break, so the tie stands and "
            "they share the rank");
}

TEST(RankTest, TieForFirstPlace) {
  const Evaluation e = Ranked({50, 60, 60});
  EXPECT_THAT(e.rank, ElementsAre(3, 1, 1));
  EXPECT_THAT(e.order, ElementsAre(1, 2, 0));
  // The winner is the first of the tied bids in input order, and the tie is
  // said out loud.
  EXPECT_EQ(e.Winner(), 1);
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_THAT(circa_test::NoteText(e, 0),
              ::testing::StartsWith("2 bids (bid 2 and bid 3) tie at rank 1"));
}

TEST(RankTest, TwoSeparateTies) {
  const Evaluation e = Ranked({10, 20, 10, 20});
  EXPECT_THAT(e.rank, ElementsAre(3, 1, 3, 1));
  EXPECT_THAT(e.order, ElementsAre(1, 3, 0, 2));
  EXPECT_EQ(e.notes.size(), 2u);
}

// A policy's rule that separates bids is recorded as a fact: which rule,
// and every tied bid's key in the order the rule put them.
TEST(RankTest, PolicyStepRecordsEachBidsKey) {
  Evaluation e;
  e.totals = Eigen::Vector3d(80, 80, 90);
  rank::TieRule lower;
  lower.step.kind = TieBreakStep::Kind::kLowerValue;
  lower.step.target = "price";
  const std::vector<double> price = {120, 100, 50};
  lower.key = [&price](int b) -> std::optional<double> {
    return price[static_cast<std::size_t>(b)];
  };
  rank::Rank(&e, {lower});
  EXPECT_THAT(e.order, ElementsAre(2, 1, 0));
  EXPECT_THAT(e.rank, ElementsAre(3, 2, 1));
  ASSERT_EQ(e.tie_breaks.size(), 1u);
  const TieBreakRecord& t = e.tie_breaks[0];
  EXPECT_EQ(t.rank, 2);
  EXPECT_EQ(t.policy_rules, 1);
  EXPECT_TRUE(t.resolved);
  ASSERT_EQ(t.steps.size(), 1u);
  EXPECT_EQ(t.steps[0].rule, 0);
  EXPECT_EQ(t.steps[0].step.target, "price");
  ASSERT_EQ(t.steps[0].keys.size(), 2u);
  EXPECT_EQ(t.steps[0].keys[0].bid, 1);
  EXPECT_EQ(t.steps[0].keys[0].key, 100);
  EXPECT_EQ(t.steps[0].keys[1].bid, 0);
  EXPECT_EQ(t.steps[0].keys[1].key, 120);
  // In words, without a criteria set: bids by number, plain values.
  EXPECT_EQ(circa_test::NoteText(e, 0),
            "2 bids (bid 1 and bid 2) tie at rank 2 with 80.00 points; the "
            "declared tie-break decided it (rule 1, lower price: bid 2 100, "
            "bid 1 120)");
}

TEST(RankTest, NoBids) {
  const Evaluation e = Ranked({});
  EXPECT_TRUE(e.rank.empty());
  EXPECT_TRUE(e.order.empty());
  EXPECT_EQ(e.Winner(), -1);
}

TEST(RankTest, RerankingReplacesPreviousResults) {
  Evaluation e = Ranked({1, 2, 3});
  e.totals = Eigen::Vector2d(5, 5);
  e.notes.clear();
  rank::Rank(&e);
  EXPECT_THAT(e.rank, ElementsAre(1, 1));
  EXPECT_THAT(e.order, ElementsAre(0, 1));
}

// Ranking without a policy as a comparison sort gives it: bids by total
// (best first), input order between equal totals; bids within the tie
// tolerance of their neighbour in a group that shares the first place's
// rank, in input order; excluded bids last, in input order.
void ExpectComparisonSortOrder(const Eigen::VectorXd& totals,
                               const std::vector<BidStatus>& status) {
  Evaluation e;
  e.totals = totals;
  e.status = status;
  rank::Rank(&e);
  const auto n = static_cast<std::size_t>(totals.size());
  std::vector<int> sorted;
  for (std::size_t i = 0; i < n; ++i) {
    if (status[i] == BidStatus::kRanked) sorted.push_back(static_cast<int>(i));
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](int a, int b) { return totals[a] > totals[b]; });
  std::vector<int> order;
  std::vector<int> rank(n, 0);
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i + 1;
    while (j < sorted.size() && std::abs(totals[sorted[j - 1]] -
                                         totals[sorted[j]]) <= kTieTolerance) {
      ++j;
    }
    std::vector<int> group(sorted.begin() + static_cast<std::ptrdiff_t>(i),
                           sorted.begin() + static_cast<std::ptrdiff_t>(j));
    std::sort(group.begin(), group.end());
    for (const int b : group) {
      rank[static_cast<std::size_t>(b)] = static_cast<int>(i) + 1;
      order.push_back(b);
    }
    i = j;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (status[i] != BidStatus::kRanked) order.push_back(static_cast<int>(i));
  }
  ASSERT_EQ(e.order, order);
  ASSERT_EQ(e.rank, rank);
}

// The key sort (a radix sort by the totals' leading bits, then each run of
// equal leading bits by the whole key) on large sets: spread totals; one
// far outlier, so that every other total shares its leading bits; many
// equal totals; signed totals with -0 and +0; excluded bids.
TEST(RankTest, LargeSetsRankAsAComparisonSort) {
  std::mt19937_64 rng(18);
  std::normal_distribution<double> normal(55.0, 6.0);
  std::uniform_int_distribution<int> level(0, 40);
  for (const int n : {63, 64, 65, 1000, 100000}) {
    const auto un = static_cast<std::size_t>(n);
    const std::vector<BidStatus> all(un, BidStatus::kRanked);
    Eigen::VectorXd spread(n), outlier(n), levels(n), signed_totals(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      spread[i] = normal(rng);
      outlier[i] = 50.0 + 1e-12 * static_cast<double>(rng() % 1000);
      levels[i] = 2.5 * level(rng);
      signed_totals[i] =
          i % 7 == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : normal(rng) - 55.0;
    }
    outlier[n / 2] = 1e6;
    ExpectComparisonSortOrder(spread, all);
    ExpectComparisonSortOrder(outlier, all);
    ExpectComparisonSortOrder(levels, all);
    ExpectComparisonSortOrder(signed_totals, all);
    std::vector<BidStatus> some = all;
    for (std::size_t i = 0; i < un; i += 3) some[i] = BidStatus::kExcluded;
    ExpectComparisonSortOrder(spread, some);
  }
}

// Totals built from different criteria: 0.1 + 0.2 is not 0.3 in binary
// floating point, but the bids are equal; 0.301 is a real difference
// (DOMAIN.md §2: scores within x % are not equal, 3.69 beats 3.59).
TEST(RankTest, FloatNoiseIsATieButAThousandthIsNot) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(R"(circa: 1
id: noise
version: "1"
title: Float noise
scale: 1
criteria:
  - {id: a, type: quality, weight: 0.1, scoring: {rule: yes-no}}
  - {id: b, type: quality, weight: 0.2, scoring: {rule: yes-no}}
  - {id: c, type: quality, weight: 0.3, scoring: {rule: yes-no}}
  - {id: d, type: quality, weight: 0.399, scoring: {rule: yes-no}}
  - {id: e, type: quality, weight: 0.001, scoring: {rule: yes-no}}
)");
  const Scorer scorer = ::circa_test::CompileOk(set);
  //                                            a  b  c  d  e
  const Evaluation e =
      scorer.Evaluate(circa_test::Rows({{1, 1, 0, 0, 0},     // .1+.2
                                        {0, 0, 1, 0, 0},     // .3
                                        {0, 0, 1, 0, 1}}));  // .301
  // The test is only meaningful if the first two totals differ in the last
  // bits.
  ASSERT_NE(e.totals[0], e.totals[1]);
  ASSERT_NEAR(e.totals[0], e.totals[1], kTieTolerance);
  EXPECT_THAT(e.rank, ElementsAre(2, 2, 1));
  EXPECT_THAT(e.tied, ElementsAre(true, true, false));
  EXPECT_THAT(e.order, ElementsAre(2, 0, 1));
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_THAT(circa_test::NoteText(e, 0),
              ::testing::StartsWith("2 bids (bid 1 and bid 2) tie at rank 2"));
}

TEST(RankTest, DifferenceOfOneThousandthIsNotATie) {
  const Evaluation e = Ranked({74.286, 74.285});
  EXPECT_THAT(e.rank, ElementsAre(1, 2));
  EXPECT_THAT(e.tied, ElementsAre(false, false));
  EXPECT_TRUE(e.notes.empty());
}

}  // namespace
}  // namespace circa
