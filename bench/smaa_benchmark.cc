// SMAA-2 benchmark: rank acceptability of 20 bids on 30 criteria from
// 100,000 weight samples on one thread (issue 18 target: <= 20 ms), with the
// process's peak resident memory as a counter (compare with a run of
// --benchmark_filter=BM_Compile for the baseline of the process itself).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "bench_data.h"
#include "circa/circa.h"
#include "circa/smaa.h"

namespace circa::bench {
namespace {

// Peak resident set size of this process so far, in MiB (Linux: ru_maxrss
// is in KiB).
double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_Smaa(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  const Evaluation e = scorer.Evaluate(Values(set, state.range(0)));
  SmaaOptions options;
  options.samples = static_cast<int>(state.range(1));
  options.threads = 1;
  for (auto _ : state) {
    Result<SmaaResult> r = Smaa(scorer, e, options);
    benchmark::DoNotOptimize(r.value->acceptability.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(1));
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_Smaa)
    ->Args({20, 100000})
    ->Args({20, 10000})
    ->Unit(benchmark::kMillisecond);

// The same on every core (threads = 0), wall time: the result is the same
// as BM_Smaa's for the seed.
void BM_SmaaThreads(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const Scorer scorer = bench::CompileOk(set);
  const Evaluation e = scorer.Evaluate(Values(set, state.range(0)));
  SmaaOptions options;
  options.samples = static_cast<int>(state.range(1));
  options.threads = 0;
  for (auto _ : state) {
    Result<SmaaResult> r = Smaa(scorer, e, options);
    benchmark::DoNotOptimize(r.value->acceptability.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(1));
}
BENCHMARK(BM_SmaaThreads)
    ->Args({20, 100000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace circa::bench
