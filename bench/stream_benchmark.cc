// Reports streamed into a sink (issue 12 item 4, issue 16 item 4): each
// format rendered bid by bid, explanations built per bid, into a sink that
// only counts bytes, so the figure is the renderer's alone. Figures in
// bench/RESULTS.md, "Streamed reports".
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "circa/circa.h"

namespace circa::bench {
namespace {

// The analysts' two-criterion tender (price lowest-ratio 60, a 0..10 mark
// 40) with prices 1,000..5,000: thousands of bids share a total.
constexpr char kTender[] =
    "circa: 1\nid: base\nversion: 1.0.0\ntitle: Base\ncriteria:\n"
    "  - {id: price, type: price, weight: 60, scoring: {rule: lowest-ratio}}\n"
    "  - {id: q, type: quality, weight: 40, scoring: {rule: linear, worst: 0, "
    "best: 10}}\n";

std::string Bids(int count) {
  std::string csv = "bid,supplier,price,q\n";
  for (int b = 0; b < count; ++b) {
    csv += "B" + std::to_string(b) + ",Supplier " + std::to_string(b) + "," +
           std::to_string(1000 + (b * 7919) % 4001) + "," +
           std::to_string((b * 31) % 11) + "\n";
  }
  return csv;
}

struct Scored {
  CriteriaSet set;
  BidSet bids;
  Scorer scorer;
  Evaluation evaluation;
};

const Scored& ScoredBids(int count) {
  static std::map<int, std::unique_ptr<Scored>> cache;
  std::unique_ptr<Scored>& s = cache[count];
  if (s) return *s;
  Result<CriteriaSet> set = ParseCriteria(kTender, "tender.yaml");
  if (!set.ok()) std::abort();
  Result<BidSet> bids =
      ParseBids(Bids(count), "bids.csv", BidsFormat::kCsv, *set.value);
  if (!bids.ok()) std::abort();
  Scorer scorer = Scorer::Compile(*set.value).value.value();
  s = std::make_unique<Scored>(
      Scored{std::move(*set.value), std::move(*bids.value), scorer, {}});
  s->evaluation = s->scorer.Evaluate(s->bids);
  return *s;
}

void RenderCounted(benchmark::State& state, ReportFormat format) {
  const Scored& s = ScoredBids(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    const Report report = MakeReport(s.set, s.bids, s.scorer, s.evaluation,
                                     format != ReportFormat::kCsv);
    Render(report, format,
           [&bytes](std::string_view chunk) { bytes += chunk.size(); });
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes));
}

void BM_RenderJson(benchmark::State& state) {
  RenderCounted(state, ReportFormat::kJson);
}
void BM_RenderTable(benchmark::State& state) {
  RenderCounted(state, ReportFormat::kTable);
}
void BM_RenderCsv(benchmark::State& state) {
  RenderCounted(state, ReportFormat::kCsv);
}
void BM_RenderMarkdown(benchmark::State& state) {
  RenderCounted(state, ReportFormat::kMarkdown);
}
BENCHMARK(BM_RenderJson)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderTable)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderCsv)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderMarkdown)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace circa::bench
