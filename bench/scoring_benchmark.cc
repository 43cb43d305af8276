// Scoring benchmarks: compile a criteria set; score and rank 10 and 100,000
// bids on 30 criteria; explain and render a report.
#include <benchmark/benchmark.h>

#include <string>

#include "bench_data.h"
#include "circa/circa.h"
#include "rank/rank.h"
#include "score/kernels.h"

namespace circa::bench {
namespace {

void BM_ParseCriteria(benchmark::State& state) {
  const std::string yaml = CriteriaYaml30();
  for (auto _ : state) {
    Result<CriteriaSet> r = ParseCriteria(yaml, "bench.yaml");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ParseCriteria);

void BM_Compile(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  for (auto _ : state) {
    Result<Scorer> s = Scorer::Compile(set);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Compile);

// The same set as built in code (not stamped as validated): Compile runs
// ValidateCriteria first, as it must for a set no loader checked.
void BM_CompileUnvalidated(benchmark::State& state) {
  CriteriaSet set = Criteria30();
  set.validated = false;
  for (auto _ : state) {
    Result<Scorer> s = Scorer::Compile(set);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_CompileUnvalidated);

// Score, weigh, total and rank (Scorer::Evaluate) for n bids x 30 criteria.
void BM_Score(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  const Eigen::MatrixXd values = Values(set, state.range(0));
  // On the calling thread only (its CPU time is the whole cost).
  const score::ScoreThreading old = score::SetScoreThreading({.threads = 1});
  for (auto _ : state) {
    Evaluation e = scorer.Evaluate(values);
    benchmark::DoNotOptimize(e.totals.data());
  }
  score::SetScoreThreading(old);
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["cells"] = static_cast<double>(values.size());
}
BENCHMARK(BM_Score)->Arg(10)->Arg(1000)->Arg(100000)->Unit(
    benchmark::kMicrosecond);

// The same with the scoring pass split over every core (the default),
// wall time: the result is BM_Score's, bit for bit.
void BM_ScoreThreads(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  const Eigen::MatrixXd values = Values(set, state.range(0));
  const score::ScoreThreading old = score::SetScoreThreading({.threads = 0});
  for (auto _ : state) {
    Evaluation e = scorer.Evaluate(values);
    benchmark::DoNotOptimize(e.totals.data());
  }
  score::SetScoreThreading(old);
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["threads"] =
      static_cast<double>(score::ScoreThreadsFor(state.range(0)));
}
BENCHMARK(BM_ScoreThreads)
    ->Arg(100000)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();

// The same through Scorer::Evaluate(const BidSet&), which `circa score`
// calls: besides BM_Score's work, the set-level price / quality check reads
// every bid's points.
void BM_ScoreBidSet(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  BidSet bids;
  bids.values = Values(set, state.range(0));
  for (Eigen::Index i = 0; i < bids.values.rows(); ++i) {
    bids.ids.push_back("B" + std::to_string(i + 1));
  }
  for (const Column& c : scorer.columns()) bids.criteria.push_back(c.id);
  for (auto _ : state) {
    Evaluation e = scorer.Evaluate(bids);
    benchmark::DoNotOptimize(e.totals.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ScoreBidSet)->Arg(100000)->Unit(benchmark::kMicrosecond);

// The ranking phase of BM_Score alone: order n bids by their totals (ties
// checked), from the evaluation BM_Score makes.
void BM_Rank(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  Evaluation e = scorer.Evaluate(Values(set, state.range(0)));
  for (auto _ : state) {
    e.notes.clear();
    rank::Rank(&e);
    benchmark::DoNotOptimize(e.order.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Rank)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Explanations and a rendered table for 10 bids (what the CLI does after
// scoring).
void BM_ExplainAndRender(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  Result<BidSet> bids =
      ParseBids(BidsCsv(set, 10), "b.csv", BidsFormat::kCsv, set);
  const Evaluation e = scorer.Evaluate(*bids.value);
  for (auto _ : state) {
    Report r = MakeReport(set, *bids.value, scorer, e);
    std::string text = RenderTable(r);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_ExplainAndRender)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace circa::bench
