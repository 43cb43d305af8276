// Loading benchmarks: a 10,000-row bids CSV, a model set and a tender set
// derived from it, and the CLI end to end on a sample tender (process
// start, load, score, explain, render).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "bench_data.h"
#include "circa/circa.h"

namespace circa::bench {
namespace {

void BM_LoadBidsCsv(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const std::string csv = BidsCsv(set, state.range(0));
  for (auto _ : state) {
    Result<BidSet> r = ParseBids(csv, "bids.csv", BidsFormat::kCsv, set);
    if (!r.ok()) state.SkipWithError("bids did not load");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(csv.size()));
}
// Arg 8: a small tender's bids, as a batch of JSON lines reads them (the
// fixed cost per file: header matching, the set's plans, the hash).
BENCHMARK(BM_LoadBidsCsv)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadBidsCsv)->Arg(8)->Unit(benchmark::kMicrosecond);

// Arg 0: criteria/office-furniture.yaml (the model, 13 leaves, fully
// documented); arg 1: samples/model-office-furniture/tender.yaml, which
// extends it (both files read and parsed, drop and overrides applied, the
// result validated).
void BM_LoadModelAndDerivedSet(benchmark::State& state) {
  const std::string path =
      std::string(CIRCA_SOURCE_DIR) +
      (state.range(0) == 0 ? "/criteria/office-furniture.yaml"
                           : "/samples/model-office-furniture/tender.yaml");
  for (auto _ : state) {
    Result<CriteriaSet> r = LoadCriteriaFile(path);
    if (!r.ok()) state.SkipWithError("criteria set did not load");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_LoadModelAndDerivedSet)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);

void BM_CliEndToEnd(benchmark::State& state) {
  const std::string cmd = std::string(CIRCA_BINARY) + " score " +
                          CIRCA_SOURCE_DIR +
                          "/samples/office-furniture > /dev/null";
  for (auto _ : state) {
    if (std::system(cmd.c_str()) != 0) state.SkipWithError("circa failed");
  }
}
BENCHMARK(BM_CliEndToEnd)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace circa::bench
