// Robustness benchmarks (targets in docs/robustness.md): the rank-reversal
// probe for 50 bids x 30 criteria (<= 5 ms), full weight sensitivity for 20
// bids x 30 criteria (<= 5 ms), and counterfactuals for 20 bids x 30.
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "circa/circa.h"
#include "circa/robustness.h"

namespace circa::bench {
namespace {

void BM_RankReversal(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  const Eigen::MatrixXd values = Values(set, state.range(0));
  const Evaluation e = scorer.Evaluate(values);
  for (auto _ : state) {
    RankReversalResult r = ProbeRankReversal(scorer, values, e);
    benchmark::DoNotOptimize(r.probes.data());
  }
  state.counters["probes"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_RankReversal)->Arg(50)->Unit(benchmark::kMicrosecond);

void BM_Sensitivity(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  const Eigen::MatrixXd values = Values(set, state.range(0));
  const Evaluation e = scorer.Evaluate(values);
  for (auto _ : state) {
    SensitivityResult r = AnalyseWeightSensitivity(scorer, e);
    benchmark::DoNotOptimize(r.leaves.data());
  }
}
BENCHMARK(BM_Sensitivity)->Arg(20)->Unit(benchmark::kMicrosecond);

void BM_Counterfactual(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  const Eigen::MatrixXd values = Values(set, state.range(0));
  const Evaluation e = scorer.Evaluate(values);
  for (auto _ : state) {
    CounterfactualResult r = FindCounterfactuals(scorer, values, e);
    benchmark::DoNotOptimize(r.bids.data());
  }
}
BENCHMARK(BM_Counterfactual)->Arg(20)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace circa::bench
