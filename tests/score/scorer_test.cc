// Scorer (engine/score/scorer.cc): effective weights, points, totals,
// subtotals, reuse of one compiled scorer, and the empty bid set.
#include "circa/scorer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "test_util.h"

namespace circa {
namespace {

using circa_test::ParseCriteriaOk;
using circa_test::Rows;
using ::testing::ElementsAre;

// Percent mode, three levels deep, scale 200:
//   price 40 %            -> 200 x 0.40              = 80
//   quality 60 %          -> 200 x 0.60              = 120
//     circular 50 %       -> 120 x 0.50              = 60
//       recycled 25 %     ->  60 x 0.25              = 15
//       take_back 75 %    ->  60 x 0.75              = 45
//     plan 50 %           -> 120 x 0.50              = 60
constexpr char kPercentSet[] = R"(circa: 1
id: percent-set
version: "1"
title: Percent weights
scale: 200
weights: percent
criteria:
  - id: price
    type: price
    weight: 40
    scoring: {rule: lowest-ratio}
  - id: quality
    type: quality
    weight: 60
    criteria:
      - id: circular
        weight: 50
        criteria:
          - id: recycled
            weight: 25
            scoring: {rule: linear, worst: 0, best: 100}
          - id: take_back
            weight: 75
            scoring: {rule: yes-no}
      - id: plan
        weight: 50
        scoring: {rule: scale, levels: {0: none, 5: fair, 10: full}}
)";

TEST(ScorerTest, PointsModeWeightsAreWrittenPoints) {
  const Result<CriteriaSet> set = LoadCriteriaFile(
      circa_test::SourcePath("samples/office-furniture/tender.yaml"));
  ASSERT_TRUE(set.ok()) << circa_test::Describe(set.diagnostics);
  const Scorer scorer = ::circa_test::CompileOk(*set.value);

  // The sample's tender.yaml: price 40; circularity 35 = recycled 15 +
  // take_back 10 + warranty 10; plan 25.
  ASSERT_EQ(scorer.size(), 5);
  EXPECT_EQ(scorer.columns()[0].id, "price");
  EXPECT_EQ(scorer.columns()[4].id, "plan");
  EXPECT_THAT(
      std::vector<double>(scorer.weights().begin(), scorer.weights().end()),
      ElementsAre(40, 15, 10, 10, 25));
  EXPECT_DOUBLE_EQ(scorer.weights().sum(), 100);
  EXPECT_DOUBLE_EQ(scorer.scale(), 100);
  ASSERT_EQ(scorer.top_levels().size(), 3u);
  EXPECT_EQ(scorer.top_levels()[1].id, "circularity");
  EXPECT_DOUBLE_EQ(scorer.top_levels()[0].weight, 40);
  EXPECT_DOUBLE_EQ(scorer.top_levels()[1].weight, 35);
  EXPECT_DOUBLE_EQ(scorer.top_levels()[2].weight, 25);
  // Leaves map to their top-level criterion.
  const Eigen::MatrixXd expected_grouping =
      Rows({{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}});
  for (Eigen::Index t = 0; t < 3; ++t) {
    EXPECT_EQ(scorer.TopLevelMask(t), expected_grouping.col(t)) << t;
  }
  EXPECT_EQ(scorer.SumByTopLevel(Rows({{1, 2, 3, 4, 5}})), Rows({{1, 9, 5}}));
  EXPECT_EQ(scorer.columns()[2].top_level, 1);
  EXPECT_TRUE(scorer.columns()[0].relative);   // lowest-ratio
  EXPECT_FALSE(scorer.columns()[1].relative);  // linear anchors
}

TEST(ScorerTest, PercentModeWeightIsGroupWeightTimesShare) {
  const CriteriaSet set = ParseCriteriaOk(kPercentSet);
  const Scorer scorer = ::circa_test::CompileOk(set);
  ASSERT_EQ(scorer.size(), 4);
  EXPECT_THAT(
      std::vector<double>(scorer.weights().begin(), scorer.weights().end()),
      ElementsAre(80, 15, 45, 60));
  EXPECT_DOUBLE_EQ(scorer.weights().sum(), 200);
  EXPECT_DOUBLE_EQ(scorer.top_levels()[0].weight, 80);
  EXPECT_DOUBLE_EQ(scorer.top_levels()[1].weight, 120);
  // The criteria tree carries the same effective weights.
  EXPECT_DOUBLE_EQ(set.criteria[1].effective_weight, 120);
  EXPECT_DOUBLE_EQ(set.criteria[1].children[0].effective_weight, 60);
  EXPECT_DOUBLE_EQ(set.criteria[1].children[0].children[1].effective_weight,
                   45);
  // Written weights are kept as written.
  EXPECT_DOUBLE_EQ(set.criteria[1].children[0].children[1].weight, 75);
}

TEST(ScorerTest, PointsAndTotalsAreScoresTimesWeights) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kPercentSet));
  //           price recycled take_back plan
  // A:   100 -> 1 (80)   50 -> .5 (7.5)  yes -> 45   10 -> 60   = 192.5
  // B:   200 -> .5 (40) 100 -> 1 (15)    no -> 0      5 -> 30   = 85
  const Evaluation e =
      scorer.Evaluate(Rows({{100, 50, 1, 10}, {200, 100, 0, 5}}));
  EXPECT_EQ(e.scores, Rows({{1, 0.5, 1, 1}, {0.5, 1, 0, 0.5}}));
  EXPECT_EQ(e.PointsMatrix(), Rows({{80, 7.5, 45, 60}, {40, 15, 0, 30}}));
  EXPECT_NEAR_TOL(e.totals[0], 192.5, kFloatNoise);
  EXPECT_NEAR_TOL(e.totals[1], 85, kFloatNoise);
  // Subtotals per top-level criterion: price, quality.
  EXPECT_NEAR_TOL(e.subtotals(0, 0), 80, kFloatNoise);
  EXPECT_NEAR_TOL(e.subtotals(0, 1), 112.5, kFloatNoise);
  EXPECT_NEAR_TOL(e.subtotals(1, 0), 40, kFloatNoise);
  EXPECT_NEAR_TOL(e.subtotals(1, 1), 45, kFloatNoise);
  // Column extremes and who holds them.
  EXPECT_EQ(e.column_min[0], 100);
  EXPECT_EQ(e.column_max[0], 200);
  EXPECT_THAT(e.min_bid, ElementsAre(0, 0, 1, 1));
  EXPECT_THAT(e.max_bid, ElementsAre(1, 1, 0, 0));
  EXPECT_THAT(e.rank, ElementsAre(1, 2));
  EXPECT_EQ(e.Winner(), 0);
  EXPECT_TRUE(e.notes.empty());
}

TEST(ScorerTest, SampleTenderTotalsFromTheFormulas) {
  const Result<CriteriaSet> set = LoadCriteriaFile(
      circa_test::SourcePath("samples/office-furniture/tender.yaml"));
  ASSERT_TRUE(set.ok()) << circa_test::Describe(set.diagnostics);
  const Result<BidSet> bids = LoadBidsFile(
      circa_test::SourcePath("samples/office-furniture/bids.csv"), *set.value);
  ASSERT_TRUE(bids.ok()) << circa_test::Describe(bids.diagnostics);
  const Evaluation e =
      ::circa_test::CompileOk(*set.value).Evaluate(*bids.value);
  // price 40 x 151000 / P; recycled 15 x r / 60; take_back 10 x yes;
  // warranty 10 x step (>= 2: 0, >= 5: .5, >= 10: 1); plan 25 x level / 10.
  const double a = 40 * 151000.0 / 182000 + 15 * 20 / 60.0 + 0 + 5 + 12.5;
  const double b = 40 * 151000.0 / 214500 + 15 * 55 / 60.0 + 10 + 10 + 18.75;
  const double c = 40 * 151000.0 / 196000 + 15 * 45 / 60.0 + 10 + 5 + 25;
  const double d = 40 + 15 * 5 / 60.0 + 0 + 0 + 6.25;
  const double f = 40 * 151000.0 / 238000 + 15 + 10 + 10 + 25;
  ASSERT_EQ(e.totals.size(), 5);
  EXPECT_NEAR_TOL(e.totals[0], a, kFloatNoise);
  EXPECT_NEAR_TOL(e.totals[1], b, kFloatNoise);
  EXPECT_NEAR_TOL(e.totals[2], c, kFloatNoise);
  EXPECT_NEAR_TOL(e.totals[3], d, kFloatNoise);
  EXPECT_NEAR_TOL(e.totals[4], f, kFloatNoise);
  // E 85.38 > C 82.07 > B 80.66 > A 55.69 > D 47.50.
  EXPECT_THAT(e.order, ElementsAre(4, 2, 1, 0, 3));
  EXPECT_THAT(e.rank, ElementsAre(4, 3, 2, 5, 1));
}

void ExpectSameEvaluation(const Evaluation& a, const Evaluation& b) {
  EXPECT_EQ(a.scores, b.scores);
  EXPECT_EQ(a.PointsMatrix(), b.PointsMatrix());
  EXPECT_EQ(a.totals, b.totals);
  EXPECT_EQ(a.subtotals, b.subtotals);
  EXPECT_EQ(a.column_min, b.column_min);
  EXPECT_EQ(a.column_max, b.column_max);
  EXPECT_EQ(a.rank, b.rank);
  EXPECT_EQ(a.tied, b.tied);
  EXPECT_EQ(a.order, b.order);
  ASSERT_EQ(a.notes.size(), b.notes.size());
  for (std::size_t i = 0; i < a.notes.size(); ++i) {
    EXPECT_EQ(a.notes[i].column, b.notes[i].column);
    EXPECT_EQ(a.notes[i].kind, b.notes[i].kind);
  }
}

TEST(ScorerTest, OneCompiledScorerServesManyBidSets) {
  const CriteriaSet set = ParseCriteriaOk(kPercentSet);
  const Scorer reused = ::circa_test::CompileOk(set);
  const Eigen::MatrixXd first = Rows({{100, 50, 1, 10}, {200, 100, 0, 5}});
  const Eigen::MatrixXd second =
      Rows({{300, 0, 0, 0}, {150, 20, 1, 5}, {150, 20, 1, 5}});
  const Eigen::MatrixXd third = Rows({{90, 80, 1, 10}});

  const Evaluation a1 = reused.Evaluate(first);
  const Evaluation b = reused.Evaluate(second);
  const Evaluation c = reused.Evaluate(third);
  const Evaluation a2 = reused.Evaluate(first);

  ExpectSameEvaluation(a1, a2);
  ExpectSameEvaluation(a1, ::circa_test::CompileOk(set).Evaluate(first));
  ExpectSameEvaluation(b, ::circa_test::CompileOk(set).Evaluate(second));
  ExpectSameEvaluation(c, ::circa_test::CompileOk(set).Evaluate(third));
  // The second set has a tie; its note does not leak into the third.
  EXPECT_EQ(b.notes.size(), 1u);
  EXPECT_TRUE(c.notes.empty());
}

TEST(ScorerTest, EvaluateOnZeroBids) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kPercentSet));
  const Evaluation e = scorer.Evaluate(Eigen::MatrixXd(0, 4));
  EXPECT_EQ(e.scores.rows(), 0);
  EXPECT_EQ(e.scores.cols(), 4);
  EXPECT_EQ(e.totals.size(), 0);
  EXPECT_EQ(e.subtotals.rows(), 0);
  EXPECT_TRUE(e.rank.empty());
  EXPECT_TRUE(e.order.empty());
  EXPECT_EQ(e.Winner(), -1);
  EXPECT_TRUE(e.notes.empty());
  EXPECT_THAT(e.min_bid, ElementsAre(-1, -1, -1, -1));

  BidSet none;
  none.criteria = {"price", "recycled", "take_back", "plan"};
  none.values.resize(0, 4);
  EXPECT_EQ(scorer.Evaluate(none).Winner(), -1);
}

TEST(ScorerTest, DegenerateColumnGivesANoteNamingTheCriterion) {
  const CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: notes
version: "1"
title: Notes
criteria:
  - id: price
    type: price
    weight: 60
    scoring: {rule: lowest-ratio}
  - id: delivery
    type: quality
    weight: 40
    scoring: {rule: linear-range, better: lower}
)");
  const Scorer scorer = ::circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(Rows({{100, 5}, {0, 5}}));
  ASSERT_TRUE(circa_test::AllFinite(e.scores));
  ASSERT_TRUE(circa_test::AllFinite(e.PointsMatrix()));
  // Price 0: that bid takes the 60 points, the others none.
  EXPECT_EQ(e.scores.col(0), Eigen::Vector2d(0, 1));
  // Everyone equal on delivery: each takes the full 40.
  EXPECT_EQ(e.scores.col(1), Eigen::Vector2d(1, 1));
  ASSERT_EQ(e.notes.size(), 2u);
  EXPECT_EQ(e.notes[0].column, 0);
  EXPECT_EQ(e.notes[0].kind, NoteKind::kLowestIsZero);
  EXPECT_EQ(circa_test::NoteText(e, 0, &set, nullptr, &scorer),
            "price: the lowest value is 0: bids at 0 score 1, all others "
            "score 0");
  EXPECT_EQ(e.notes[1].column, 1);
  EXPECT_EQ(e.notes[1].kind, NoteKind::kAllEqual);
  EXPECT_EQ(circa_test::NoteText(e, 1, &set, nullptr, &scorer),
            "delivery: all bids have the same value: each scores 1");
}

TEST(ScorerTest, ScoreWithoutNotesOrBids) {
  const Scorer scorer = ::circa_test::CompileOk(ParseCriteriaOk(kPercentSet));
  Eigen::MatrixXd scores;
  Eigen::VectorXd min;
  Eigen::VectorXd max;
  scorer.Score(Rows({{100, 50, 1, 10}}), &scores, &min, &max);
  EXPECT_EQ(scores, Rows({{1, 0.5, 1, 1}}));
  std::vector<std::optional<NoteKind>> notes = {NoteKind::kAllEqual};
  scorer.Score(Eigen::MatrixXd(0, 4), &scores, &min, &max, &notes);
  EXPECT_EQ(scores.rows(), 0);
  EXPECT_THAT(notes, ElementsAre(std::nullopt, std::nullopt, std::nullopt,
                                 std::nullopt));
  EXPECT_EQ(min, Eigen::Vector4d::Zero());
}

// share-of-total divides by a sum over the whole column: on a tender of
// several row chunks the scores of each column add up to 1 and equal
// x / sum x and (1/x) / sum 1/x computed over every bid at once.
TEST(ScorerTest, ShareOfTotalSumsOverEveryChunk) {
  const CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: shares
version: "1"
title: Shares
criteria:
  - {id: price, type: price, weight: 60, scoring: {rule: share-of-total}}
  - {id: q, type: quality, weight: 30, scoring: {rule: share-of-total}}
  - {id: cost, type: cost, weight: 10, scoring: {rule: below-highest}}
)");
  const Scorer scorer = circa_test::CompileOk(set);
  const Eigen::Index n = 5000;  // three chunks of 2,048 rows
  Eigen::MatrixXd v(n, 3);
  for (Eigen::Index i = 0; i < n; ++i) {
    v(i, 0) = 1000 + static_cast<double>((i * 7919) % 500);
    v(i, 1) = static_cast<double>((i * 104729) % 11);
    v(i, 2) = 200 + static_cast<double>((i * 31) % 97);
  }
  const Evaluation e = scorer.Evaluate(v);
  const double inverse = v.col(0).array().inverse().sum();
  const double sum = v.col(1).sum();
  const double highest = v.col(2).maxCoeff();
  for (Eigen::Index i = 0; i < n; ++i) {
    const double price = 1 / v(i, 0) / inverse;
    const double q = v(i, 1) / sum;
    ASSERT_NEAR(e.scores(i, 0), price, 1e-12 * price) << i;
    ASSERT_NEAR(e.scores(i, 1), q, 1e-12 * q) << i;
    ASSERT_DOUBLE_EQ(e.scores(i, 2), 1 - v(i, 2) / highest) << i;
  }
  EXPECT_NEAR(e.scores.col(0).sum(), 1.0, 1e-12);
  EXPECT_NEAR(e.scores.col(1).sum(), 1.0, 1e-12);
}

// Issue 18: scores, extremes, totals and subtotals are computed in one pass
// over row chunks and ranks come from a radix sort of order-preserving keys.
// On a random tender larger than several chunks, with exact ties and
// repeated extremes, every figure equals the plain reference: the totals
// are the points added in column order (bit for bit), the extremes' first
// holders a linear search, the order a comparison sort of (-total, index).
TEST(ScorerTest, ChunkedScoringAndKeySortMatchThePlainReference) {
  const CriteriaSet set = ParseCriteriaOk(R"(circa: 1
id: chunks
version: "1"
title: Chunks
criteria:
  - {id: price, type: price, weight: 40, scoring: {rule: lowest-ratio}}
  - id: quality
    type: quality
    weight: 60
    criteria:
      - {id: a, weight: 18, scoring: {rule: linear, worst: 0, best: 10}}
      - {id: b, weight: 12, scoring: {rule: linear-range, better: lower}}
      - {id: c, weight: 15, scoring: {rule: steps, steps: [[2, 0.5], [5, 1]]}}
      - {id: d, weight: 15, scoring: {rule: yes-no}}
)");
  const Scorer scorer = circa_test::CompileOk(set);
  const Eigen::Index n = 9000;  // several chunks of 2,048 rows
  Eigen::MatrixXd v(n, 5);
  std::uint64_t x = 12345;
  const auto next = [&x](int range) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>((x >> 33) % static_cast<std::uint64_t>(range));
  };
  for (Eigen::Index i = 0; i < n; ++i) {
    v(i, 0) = 1000 + next(500);
    v(i, 1) = next(11);
    v(i, 2) = next(300) / 10;
    v(i, 3) = next(8);
    v(i, 4) = next(2);
  }
  // Exact ties (copied rows) and extremes held again in later chunks.
  for (Eigen::Index i = 0; i < n; i += 97) v.row(n - 1 - i) = v.row(i);
  const Evaluation e = scorer.Evaluate(v);
  const Eigen::VectorXd& w = scorer.weights();
  for (Eigen::Index i = 0; i < n; ++i) {
    double total = 0;
    for (Eigen::Index j = 0; j < 5; ++j) total += e.scores(i, j) * w[j];
    ASSERT_EQ(e.totals[i], total) << i;
  }
  for (Eigen::Index j = 0; j < 5; ++j) {
    const double* col = v.col(j).data();
    EXPECT_EQ(e.column_min[j], v.col(j).minCoeff());
    EXPECT_EQ(e.column_max[j], v.col(j).maxCoeff());
    EXPECT_EQ(e.min_bid[static_cast<std::size_t>(j)],
              std::find(col, col + n, e.column_min[j]) - col);
    EXPECT_EQ(e.max_bid[static_cast<std::size_t>(j)],
              std::find(col, col + n, e.column_max[j]) - col);
  }
  std::vector<std::pair<double, int>> keyed;
  for (Eigen::Index i = 0; i < n; ++i) {
    keyed.emplace_back(-e.totals[i], static_cast<int>(i));
  }
  std::sort(keyed.begin(), keyed.end());
  ASSERT_EQ(e.order.size(), keyed.size());
  int ties = 0;
  for (std::size_t r = 0; r < keyed.size(); ++r) {
    EXPECT_EQ(e.order[r], keyed[r].second) << r;
    const auto b = static_cast<std::size_t>(keyed[r].second);
    // Rank: one more than the bids strictly ahead (equal totals share it).
    std::size_t first = r;
    while (first > 0 && keyed[first - 1].first == keyed[r].first) --first;
    EXPECT_EQ(e.rank[b], static_cast<int>(first) + 1) << b;
    ties += e.tied[b] ? 1 : 0;
  }
  EXPECT_GT(ties, 100);  // the copied rows tie
}

}  // namespace
}  // namespace circa
