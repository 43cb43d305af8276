// The HTML report and the workbook (issue 14 items 3 and 4) rendered into a
// sink that only counts bytes: the page with its charts, and the workbook
// with a formula in every score, points, total and rank cell (libxlsxwriter,
// constant-memory mode, through a temporary file). Figures in
// bench/RESULTS.md, "HTML report and workbook".
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

// The two-criterion tender of the streamed-report benchmarks (price
// lowest-ratio 60, a 0..10 mark 40).
constexpr char kTender[] =
    "circa: 1\nid: base\nversion: 1.0.0\ntitle: Base\ncriteria:\n"
    "  - {id: price, type: price, weight: 60, scoring: {rule: lowest-ratio}}\n"
    "  - {id: q, type: quality, weight: 40, scoring: {rule: linear, worst: 0, "
    "best: 10}}\n";

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
  std::string csv = "bid,supplier,price,q\n";
  for (int b = 0; b < count; ++b) {
    csv += "B" + std::to_string(b) + ",Supplier " + std::to_string(b) + "," +
           std::to_string(1000 + (b * 7919) % 4001) + "," +
           std::to_string((b * 31) % 11) + "\n";
  }
  Result<CriteriaSet> set = ParseCriteria(kTender, "tender.yaml");
  if (!set.ok()) std::abort();
  Result<BidSet> bids =
      ParseBids(csv, "bids.csv", BidsFormat::kCsv, *set.value);
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
    const Report report = MakeReport(s.set, s.bids, s.scorer, s.evaluation);
    Render(report, format,
           [&bytes](std::string_view chunk) { bytes += chunk.size(); });
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_RenderHtml(benchmark::State& state) {
  RenderCounted(state, ReportFormat::kHtml);
}
void BM_RenderWorkbook(benchmark::State& state) {
  RenderCounted(state, ReportFormat::kXlsx);
}
BENCHMARK(BM_RenderHtml)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderWorkbook)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace circa::bench
