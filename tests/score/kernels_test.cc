// Scoring kernels (engine/score/kernels.cc): the AVX2 and portable builds,
// and the chunked pass Scorer::Evaluate makes, against the whole-column
// kernel and a plain sum of the points, bit for bit on random tenders.
#include "score/kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "score/rules.h"
#include "test_util.h"

namespace circa {
namespace {

// Every rule, both directions where a rule has them.
constexpr const char* kSets[] = {
    R"(circa: 1
id: every-rule
version: "1"
title: Every rule once
scale: 200
weights: percent
criteria:
  - id: price
    type: price
    weight: 40
    criteria:
      - {id: p, weight: 40, scoring: {rule: lowest-ratio}}
      - {id: pl, weight: 20, scoring: {rule: percent-of-lowest}}
      - {id: lg, weight: 20, scoring: {rule: logarithmic, zero-at: 1.5, allow-negative: true}}
      - {id: c, weight: 20, scoring: {rule: linear-ceiling, ceiling: 1000}}
  - id: quality
    type: quality
    weight: 60
    criteria:
      - {id: pct, weight: 20, scoring: {rule: linear, worst: 60, best: 0}}
      - {id: yn, weight: 15, scoring: {rule: yes-no}}
      - {id: st, weight: 15, scoring: {rule: steps, better: lower, steps: [[2, 1], [5, 0.5], [10, 0]]}}
      - {id: sc, weight: 15, scoring: {rule: scale, levels: {0: bad, 2.5: ok, 5: top}}}
      - {id: rb, weight: 15, scoring: {rule: ratio-to-best}}
      - {id: lr, weight: 20, scoring: {rule: linear-range, better: lower}}
)",
    R"(circa: 1
id: every-rule-other-way
version: "1"
title: Every rule the other way
scale: 100
weights: percent
criteria:
  - {id: lg, type: price, weight: 30, scoring: {rule: logarithmic, zero-at: 2}}
  - {id: rb, type: cost, weight: 10, scoring: {rule: ratio-to-best, better: lower}}
  - id: q
    type: quality
    weight: 60
    criteria:
      - {id: lr, weight: 25, scoring: {rule: linear-range, better: higher}}
      - {id: st, weight: 25, scoring: {rule: steps, steps: [[2, 0.25], [5, 0.5], [8, 1]]}}
      - {id: li, weight: 25, scoring: {rule: linear, worst: 0, best: 100}}
      - {id: eq, weight: 25, scoring: {rule: linear-range, better: higher}}
)"};

// Values a bid file could hold for each rule: prices (some 0 in one column
// of one tender), percentages beyond the anchors, yes/no, scale levels,
// steps around their thresholds, and one column where every bid is equal.
Eigen::MatrixXd RandomValues(const Scorer& scorer, Eigen::Index bids,
                             unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const auto m = static_cast<Eigen::Index>(scorer.columns().size());
  Eigen::MatrixXd v(bids, m);
  for (Eigen::Index j = 0; j < m; ++j) {
    const Column& c = scorer.columns()[static_cast<std::size_t>(j)];
    for (Eigen::Index i = 0; i < bids; ++i) {
      double x = 0;
      switch (c.rule.rule) {
        case Rule::kYesNo:
          x = u(rng) < 0.5 ? 0.0 : 1.0;
          break;
        case Rule::kScale:
          x = c.rule.levels[static_cast<std::size_t>(u(rng) * 2.999)].value;
          break;
        case Rule::kSteps:
          x = std::floor(u(rng) * 24.0) / 2;
          break;
        case Rule::kLinear:
          x = -20 + u(rng) * 140;
          break;
        default:
          x = 50 + u(rng) * 1500;
      }
      if (c.id == "eq") x = 42;
      if (c.id == "pl" && seed % 2 == 0 && i == bids / 2) x = 0;
      v(i, j) = x;
    }
  }
  return v;
}

// Bit patterns, so that -0 and +0 (and any last bit) count as different.
template <typename M>
void ExpectSameBits(const M& a, const M& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  EXPECT_EQ(std::memcmp(a.data(), b.data(),
                        static_cast<std::size_t>(a.size()) * sizeof(double)),
            0)
      << what;
}

// Every field two evaluations of the same bids must share, bit for bit.
void ExpectSameEvaluation(const Evaluation& a, const Evaluation& b) {
  ExpectSameBits(a.scores, b.scores, "scores");
  ExpectSameBits(a.totals, b.totals, "totals");
  ExpectSameBits(a.subtotals, b.subtotals, "subtotals");
  ExpectSameBits(a.column_min, b.column_min, "column_min");
  ExpectSameBits(a.column_max, b.column_max, "column_max");
  EXPECT_EQ(a.min_bid, b.min_bid);
  EXPECT_EQ(a.max_bid, b.max_bid);
  EXPECT_EQ(a.order, b.order);
  EXPECT_EQ(a.rank, b.rank);
  ASSERT_EQ(a.notes.size(), b.notes.size());
  for (std::size_t k = 0; k < a.notes.size(); ++k) {
    EXPECT_EQ(a.notes[k].kind, b.notes[k].kind);
    EXPECT_EQ(a.notes[k].column, b.notes[k].column);
    EXPECT_EQ(a.notes[k].count, b.notes[k].count);
    EXPECT_EQ(std::memcmp(&a.notes[k].money_points, &b.notes[k].money_points,
                          sizeof(double)),
              0);
    EXPECT_EQ(std::memcmp(&a.notes[k].quality_points,
                          &b.notes[k].quality_points, sizeof(double)),
              0);
  }
}

TEST(ScoreKernelsTest, AvxAndPortableKernelsGiveTheSameBits) {
  if (!score::SimdKernelsActive()) {
    GTEST_SKIP() << "this CPU has no AVX2: only the portable kernels run";
  }
  for (const char* yaml : kSets) {
    const Scorer scorer =
        circa_test::CompileOk(circa_test::ParseCriteriaOk(yaml));
    // 110,001 bids: a score matrix past the caches, written with streaming
    // stores.
    for (const Eigen::Index bids : {1, 3, 7, 513, 5003, 110001}) {
      const Eigen::MatrixXd values =
          RandomValues(scorer, bids, static_cast<unsigned>(bids));
      const Evaluation simd = scorer.Evaluate(values);
      score::UseSimdKernels(false);
      EXPECT_FALSE(score::SimdKernelsActive());
      const Evaluation portable = scorer.Evaluate(values);
      score::UseSimdKernels(true);
      SCOPED_TRACE(::testing::Message() << bids << " bids");
      ExpectSameEvaluation(simd, portable);
    }
  }
}

TEST(ScoreKernelsTest, ChunkedPassMatchesWholeColumnsAndAPlainSum) {
  // Evaluate scores rows in chunks, adds the points as it goes and takes
  // the extremes of rules that are not relative on the way: the scores are
  // ScoreColumn's on the whole column, the totals and subtotals the points
  // added column by column, the extremes and their first holders exact.
  for (const char* yaml : kSets) {
    const Scorer scorer =
        circa_test::CompileOk(circa_test::ParseCriteriaOk(yaml));
    for (const Eigen::Index bids : {2, 5, 511, 4099, 110003}) {
      const Eigen::MatrixXd values =
          RandomValues(scorer, bids, 7 + static_cast<unsigned>(bids));
      const Evaluation e = scorer.Evaluate(values);
      SCOPED_TRACE(::testing::Message() << bids << " bids");
      Eigen::VectorXd totals = Eigen::VectorXd::Zero(bids);
      Eigen::MatrixXd subtotals = Eigen::MatrixXd::Zero(
          bids, static_cast<Eigen::Index>(scorer.top_levels().size()));
      for (Eigen::Index j = 0; j < values.cols(); ++j) {
        const Column& c = scorer.columns()[static_cast<std::size_t>(j)];
        const auto x = values.col(j);
        const double lo = x.minCoeff();
        const double hi = x.maxCoeff();
        EXPECT_EQ(e.column_min[j], lo) << c.id;
        EXPECT_EQ(e.column_max[j], hi) << c.id;
        EXPECT_EQ(e.min_bid[static_cast<std::size_t>(j)],
                  std::find(x.begin(), x.end(), lo) - x.begin())
            << c.id;
        EXPECT_EQ(e.max_bid[static_cast<std::size_t>(j)],
                  std::find(x.begin(), x.end(), hi) - x.begin())
            << c.id;
        Eigen::VectorXd whole(bids);
        score::ScoreColumn(c.rule, x, lo, hi, whole);
        ExpectSameBits(Eigen::VectorXd(e.scores.col(j)), whole, c.id);
        for (Eigen::Index i = 0; i < bids; ++i) {
          const double points = whole[i] * scorer.weights()[j];
          totals[i] += points;
          subtotals(i, c.top_level) += points;
        }
      }
      ExpectSameBits(e.totals, totals, "totals");
      ExpectSameBits(e.subtotals, subtotals, "subtotals");
    }
  }
}

// Scorer::Evaluate(const BidSet&) adds each bid's money and quality points
// in the chunked scoring pass (a third sum in the kernels); the set-level
// price / quality note carries the best of each, which must be those of a
// plain sum of the points column by column, bit for bit, in both builds.
TEST(ScoreKernelsTest, MoneyAndQualityPointsMatchAPlainSum) {
  int notes = 0;
  for (const char* yaml : kSets) {
    const Scorer scorer =
        circa_test::CompileOk(circa_test::ParseCriteriaOk(yaml));
    for (const Eigen::Index bids : {2, 5, 511, 4099, 110003}) {
      BidSet set;
      set.values = RandomValues(scorer, bids, 11 + static_cast<unsigned>(bids));
      for (Eigen::Index i = 0; i < bids; ++i) {
        set.ids.push_back("B" + std::to_string(i + 1));
      }
      for (const Column& c : scorer.columns()) set.criteria.push_back(c.id);
      for (const bool simd : {true, false}) {
        score::UseSimdKernels(simd);
        const Evaluation e = scorer.Evaluate(set);
        score::UseSimdKernels(true);
        SCOPED_TRACE(::testing::Message()
                     << bids << " bids, " << (simd ? "AVX2" : "portable"));
        double best_money = 0;
        double best_quality = 0;
        double w_money = 0;
        double w_quality = 0;
        for (Eigen::Index j = 0; j < e.scores.cols(); ++j) {
          const bool money =
              scorer.columns()[static_cast<std::size_t>(j)].type !=
              CriterionType::kQuality;
          (money ? w_money : w_quality) += scorer.weights()[j];
        }
        for (Eigen::Index i = 0; i < bids; ++i) {
          double money = 0;
          double quality = 0;
          for (Eigen::Index j = 0; j < e.scores.cols(); ++j) {
            const double p = e.scores(i, j) * scorer.weights()[j];
            (scorer.columns()[static_cast<std::size_t>(j)].type !=
                     CriterionType::kQuality
                 ? money
                 : quality) += p;
          }
          best_money = std::max(best_money, money);
          best_quality = std::max(best_quality, quality);
        }
        const bool split =
            std::abs(best_money / w_money - best_quality / w_quality) > 0.05;
        const Note* note = nullptr;
        for (const Note& n : e.notes) {
          if (n.kind == NoteKind::kPriceQualitySplit) note = &n;
        }
        ASSERT_EQ(note != nullptr, split);
        if (note == nullptr) continue;
        ++notes;
        EXPECT_EQ(std::memcmp(&note->money_points, &best_money, 8), 0)
            << note->money_points << " " << best_money;
        EXPECT_EQ(std::memcmp(&note->quality_points, &best_quality, 8), 0)
            << note->quality_points << " " << best_quality;
      }
    }
  }
  // The comparison above ran (random bids rarely balance price and quality).
  EXPECT_GE(notes, 10);
}

TEST(ScoreKernelsTest, RelativeColumnsExtremesAndFirstHolders) {
  // Relative rules' extremes are taken chunk by chunk from the last rows
  // back: the extreme found is the value a forward scan keeps (+0 at row 0
  // stays +0 though a later row holds -0), and its first holder is the
  // earliest row, whichever chunks hold it too.
  const Scorer scorer = circa_test::CompileOk(circa_test::ParseCriteriaOk(
      R"(circa: 1
id: extremes
version: "1"
title: Extremes across chunks
scale: 100
weights: percent
criteria:
  - {id: up, type: quality, weight: 30, scoring: {rule: linear-range, better: higher}}
  - {id: down, type: quality, weight: 30, scoring: {rule: linear-range, better: lower}}
  - {id: zero, type: quality, weight: 20, scoring: {rule: linear-range, better: higher}}
  - {id: late, type: quality, weight: 20, scoring: {rule: linear-range, better: higher}}
)"));
  const Eigen::Index n = 20000;
  Eigen::MatrixXd v(n, 4);
  for (Eigen::Index i = 0; i < n; ++i) {
    v(i, 0) = 11.0 + static_cast<double>(i % 13);
    v(i, 1) = v(i, 0);
    v(i, 2) = 1.0 + static_cast<double>(i % 5);
    v(i, 3) = v(i, 2);
  }
  for (const Eigen::Index i : {9000, 15000, 19999}) v(i, 0) = v(i, 1) = 10.0;
  for (const Eigen::Index i : {5000, 12000, 16384}) v(i, 0) = v(i, 1) = 50.0;
  v(0, 2) = 0.0;
  v(10000, 2) = -0.0;
  v(5000, 3) = 0.0;
  v(13000, 3) = -0.0;
  // Split over 1, 2 and 3 threads (blocks of 4,096 rows: parts of 3 + 2,
  // 2 + 2 + 1 blocks).
  for (const int threads : {1, 2, 3}) {
    for (const bool simd : {true, false}) {
      score::UseSimdKernels(simd);
      const score::ScoreThreading old =
          score::SetScoreThreading({.threads = threads, .min_rows = 1});
      const Evaluation e = scorer.Evaluate(v);
      score::SetScoreThreading(old);
      score::UseSimdKernels(true);
      SCOPED_TRACE(::testing::Message()
                   << (simd ? "AVX2 where present" : "portable") << ", "
                   << threads << " threads");
      EXPECT_EQ(e.column_min[0], 10.0);
      EXPECT_EQ(e.min_bid[0], 9000);
      EXPECT_EQ(e.column_max[0], 50.0);
      EXPECT_EQ(e.max_bid[0], 5000);
      EXPECT_EQ(e.min_bid[1], 9000);
      EXPECT_EQ(e.max_bid[1], 5000);
      EXPECT_EQ(e.min_bid[2], 0);
      EXPECT_FALSE(std::signbit(e.column_min[2]));
      EXPECT_EQ(e.min_bid[3], 5000);
      EXPECT_EQ(e.column_min[3], 0.0);
      EXPECT_EQ(e.column_max[3], 5.0);
      EXPECT_EQ(e.max_bid[3], 4);
    }
  }
}

// The scoring pass split by rows over threads (score::SetScoreThreading;
// min_rows 1 so that small sets are split too, at whole blocks of
// score::kSplitRows): every output the same bits as on one thread, for
// both kernel builds and part boundaries anywhere in the last block.
TEST(ScoreKernelsTest, ThreadsGiveTheSameBitsAsOneThread) {
  const score::ScoreThreading old = score::SetScoreThreading({.threads = 1});
  EXPECT_EQ(score::ScoreThreadsFor(100003), 1);
  score::SetScoreThreading({.threads = 2, .min_rows = 1});
  EXPECT_EQ(score::ScoreThreadsFor(100003), 2);
  EXPECT_EQ(score::ScoreThreadsFor(score::kSplitRows), 1);
  score::SetScoreThreading({.threads = 3, .min_rows = 1});
  EXPECT_EQ(score::ScoreThreadsFor(12289), 3);
  score::SetScoreThreading({.threads = 2});
  EXPECT_EQ(score::ScoreThreadsFor(20000), 1);  // below min_rows a thread
  int split_runs = 0;
  for (const char* yaml : kSets) {
    const Scorer scorer =
        circa_test::CompileOk(circa_test::ParseCriteriaOk(yaml));
    for (const Eigen::Index bids : {1, 2, 3, 511, 4097, 12289, 100003}) {
      BidSet set;
      set.values = RandomValues(scorer, bids, 23 + static_cast<unsigned>(bids));
      for (Eigen::Index i = 0; i < bids; ++i) {
        set.ids.push_back("B" + std::to_string(i + 1));
      }
      for (const Column& c : scorer.columns()) set.criteria.push_back(c.id);
      for (const bool simd : {true, false}) {
        score::UseSimdKernels(simd);
        score::SetScoreThreading({.threads = 1});
        const Evaluation one = scorer.Evaluate(set);
        for (const int threads : {2, 3}) {
          score::SetScoreThreading({.threads = threads, .min_rows = 1});
          split_runs += score::ScoreThreadsFor(bids) > 1 ? 1 : 0;
          const Evaluation many = scorer.Evaluate(set);
          SCOPED_TRACE(::testing::Message()
                       << bids << " bids, " << threads << " threads, "
                       << (simd ? "AVX2 where present" : "portable"));
          ExpectSameEvaluation(one, many);
        }
      }
      score::UseSimdKernels(true);
    }
  }
  score::SetScoreThreading(old);
  // Sets of more than one block were split.
  EXPECT_EQ(split_runs, 2 * 2 * 2 * 3);
}

TEST(ScoreKernelsTest, LogarithmMatchesTheLibrary) {
  // The kernels' own logarithm (the same bits in every build) against the
  // C library's, within a few units in the last place, from ratios near 1
  // to a tiny lowest price with a huge one (x / lowest overflows).
  ScoringRule log;
  log.rule = Rule::kLogarithmic;
  log.zero_at = 2;
  log.allow_negative = true;
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Eigen::VectorXd x(4001);
  x[0] = 1e-300;
  x[1] = 1e300;
  for (Eigen::Index i = 2; i < x.size(); ++i) {
    x[i] = std::exp(u(rng) * 40.0 - 20.0);
  }
  const double lo = x.minCoeff();
  Eigen::VectorXd out(x.size());
  score::ScoreColumn(log, x, lo, x.maxCoeff(), out);
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double ratio = x[i] / lo;
    const double ln =
        std::isinf(ratio) ? std::log(x[i]) - std::log(lo) : std::log(ratio);
    const double expected = 1 - ln / std::log(2.0);
    EXPECT_NEAR(out[i], expected, 4e-16 * std::max(1.0, std::abs(expected)))
        << x[i];
  }
}

}  // namespace
}  // namespace circa
