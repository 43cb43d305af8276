// The archive and batch (docs/archive.md, docs/batch.md): loading a tender
// from its compact form, against parsing its files; scoring one tender
// under its published rules and three scenarios.
#include <benchmark/benchmark.h>

#include "archive_data.h"
#include "circa/batch.h"

namespace {

void BM_ArchiveDecodeCompact(benchmark::State& state) {
  const auto s = circa::bench::MakeSyntheticTender(1);
  const std::string bytes = circa::EncodeCompactTender(s.tender);
  for (auto _ : state) {
    auto t = circa::DecodeCompactTender(bytes);
    benchmark::DoNotOptimize(t);
  }
}
BENCHMARK(BM_ArchiveDecodeCompact);

void BM_ArchiveParseFiles(benchmark::State& state) {
  const auto s = circa::bench::MakeSyntheticTender(1);
  const std::string& csv = s.files[0].bytes;
  const std::string& yaml = s.files[2].bytes;
  for (auto _ : state) {
    auto set = circa::ParseCriteria(yaml, "tender.yaml");
    auto bids =
        circa::ParseBids(csv, "bids.csv", circa::BidsFormat::kCsv, *set.value);
    benchmark::DoNotOptimize(bids);
  }
}
BENCHMARK(BM_ArchiveParseFiles);

void BM_BatchScoreTender(benchmark::State& state) {
  const auto s = circa::bench::MakeSyntheticTender(1);
  const auto scenarios = circa::ParseScenarios(
      "scenarios:\n  - name: range\n    price-rule: linear-range\n"
      "  - name: p60\n    price-weight: 60\n"
      "  - name: topsis\n    method: topsis\n",
      "s.yaml");
  circa::BatchOptions options;
  options.reversal = state.range(0) != 0;
  for (auto _ : state) {
    auto r = circa::ScoreTender(s.tender, *scenarios.value, options);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_BatchScoreTender)->Arg(0)->Arg(1);

// What `circa batch` does per archived tender: decode the compact form
// (a set that is not stamped as validated), then score it as above.
void BM_BatchDecodeAndScore(benchmark::State& state) {
  const auto s = circa::bench::MakeSyntheticTender(1);
  const std::string bytes = circa::EncodeCompactTender(s.tender);
  const auto scenarios = circa::ParseScenarios(
      "scenarios:\n  - name: range\n    price-rule: linear-range\n"
      "  - name: p60\n    price-weight: 60\n"
      "  - name: topsis\n    method: topsis\n",
      "s.yaml");
  circa::BatchOptions options;
  options.reversal = state.range(0) != 0;
  for (auto _ : state) {
    auto t = circa::DecodeCompactTender(bytes);
    auto r = circa::ScoreTender(*t, *scenarios.value, options);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_BatchDecodeAndScore)->Arg(0)->Arg(1);

}  // namespace
