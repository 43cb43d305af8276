// Cost bounded by what the input declares (issue 12, item 4): inputs well
// within the byte limits whose counts (criteria, bids, tied pairs, lots on
// one line, scale levels) used to cost minutes or gigabytes. Each figure is
// in bench/RESULTS.md, "Bounded cost".
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "circa/circa.h"
#include "circa/exchange.h"
#include "circa/robustness.h"

namespace circa::bench {
namespace {

// A flat set: one price and `leaves - 1` quality criteria of 1 point each.
std::string FlatCriteria(int leaves) {
  std::string y = "circa: 1\nid: flat\nversion: 1.0.0\ntitle: Flat\n";
  y += "scale: " + std::to_string(leaves) + "\ncriteria:\n";
  y += "  - {id: price, type: price, weight: 1, scoring: {rule: "
       "lowest-ratio}}\n";
  for (int i = 1; i < leaves; ++i) {
    y += "  - {id: q" + std::to_string(i) +
         ", type: quality, weight: 1, scoring: {rule: linear, worst: 0, "
         "best: 10}}\n";
  }
  return y;
}

std::string FlatBids(int leaves, int bids) {
  std::string csv = "bid,supplier,price";
  for (int i = 1; i < leaves; ++i) csv += ",q" + std::to_string(i);
  csv += "\n";
  for (int b = 0; b < bids; ++b) {
    csv += "B" + std::to_string(b) + ",S" + std::to_string(b) + "," +
           std::to_string(100 + b);
    for (int i = 1; i < leaves; ++i) csv += "," + std::to_string((i + b) % 10);
    csv += "\n";
  }
  return csv;
}

constexpr char kTwoCriteria[] =
    "circa: 1\nid: two\nversion: 1.0.0\ntitle: Two\ncriteria:\n"
    "  - {id: price, type: price, weight: 60, scoring: {rule: lowest-ratio}}\n"
    "  - {id: q, type: quality, weight: 40, scoring: {rule: linear, worst: 0, "
    "best: 10}}\n";

// Two criteria; bids 2k and 2k+1 are identical (tied pairs) when `tied`,
// otherwise prices and qualities from a fixed pattern.
std::string TwoCriteriaBids(int bids, bool tied) {
  std::string csv = "bid,supplier,price,q\n";
  for (int b = 0; b < bids; ++b) {
    const int k = tied ? b / 2 : b;
    csv += "B" + std::to_string(b) + ",S" + std::to_string(b) + "," +
           std::to_string(100 + (k * 7919) % 10007) + "," +
           std::to_string((k * 31) % 11) + "\n";
  }
  return csv;
}

CriteriaSet Load(const std::string& yaml) {
  Result<CriteriaSet> r = ParseCriteria(yaml, "criteria.yaml");
  if (!r.ok()) std::abort();
  return std::move(*r.value);
}

BidSet LoadBids(const std::string& csv, const CriteriaSet& set) {
  Result<BidSet> r = ParseBids(csv, "bids.csv", BidsFormat::kCsv, set);
  if (!r.ok()) std::abort();
  return std::move(*r.value);
}

// 10,000 flat criteria (LoadOptions::max_criteria, the most a set may
// hold), 2 bids: load, compile, score, explain and render the table (20,000
// were 20.9 s and 6.4 GB: dense leaves x top-level matrices; now refused).
void BM_FlatCriteria(benchmark::State& state) {
  const auto leaves = static_cast<int>(state.range(0));
  const std::string yaml = FlatCriteria(leaves);
  const std::string csv = FlatBids(leaves, 2);
  for (auto _ : state) {
    const CriteriaSet set = Load(yaml);
    const BidSet bids = LoadBids(csv, set);
    const Scorer scorer = Scorer::Compile(set).value.value();
    const Evaluation e = scorer.Evaluate(bids);
    const std::string text =
        Render(MakeReport(set, bids, scorer, e), ReportFormat::kTable);
    benchmark::DoNotOptimize(text.data());
  }
}
BENCHMARK(BM_FlatCriteria)->Arg(10000)->Unit(benchmark::kMillisecond);

// 100,000 bids in tied pairs: explanations and the table (was 36.5 s:
// every bid scanned every tie record).
void BM_ExplainTiedPairs(benchmark::State& state) {
  const CriteriaSet set = Load(kTwoCriteria);
  const BidSet bids =
      LoadBids(TwoCriteriaBids(static_cast<int>(state.range(0)), true), set);
  const Scorer scorer = Scorer::Compile(set).value.value();
  const Evaluation e = scorer.Evaluate(bids);
  for (auto _ : state) {
    const std::string text =
        Render(MakeReport(set, bids, scorer, e), ReportFormat::kTable);
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["ties"] = static_cast<double>(e.tie_breaks.size());
}
BENCHMARK(BM_ExplainTiedPairs)->Arg(100000)->Unit(benchmark::kMillisecond);

// Rank-reversal probe and counterfactuals on 20,000 bids: capped at the
// best-ranked 200 withdrawals / 100 bids (were quadratic: > 60 s).
void BM_RankReversalCapped(benchmark::State& state) {
  const CriteriaSet set = Load(kTwoCriteria);
  const BidSet bids =
      LoadBids(TwoCriteriaBids(static_cast<int>(state.range(0)), false), set);
  const Scorer scorer = Scorer::Compile(set).value.value();
  const Evaluation e = scorer.Evaluate(bids);
  for (auto _ : state) {
    RankReversalResult r = ProbeRankReversal(scorer, bids.values, e);
    benchmark::DoNotOptimize(r.probes.data());
  }
}
BENCHMARK(BM_RankReversalCapped)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_CounterfactualCapped(benchmark::State& state) {
  const CriteriaSet set = Load(kTwoCriteria);
  const BidSet bids =
      LoadBids(TwoCriteriaBids(static_cast<int>(state.range(0)), false), set);
  const Scorer scorer = Scorer::Compile(set).value.value();
  const Evaluation e = scorer.Evaluate(bids);
  for (auto _ : state) {
    CounterfactualResult r = FindCounterfactuals(scorer, bids.values, e);
    benchmark::DoNotOptimize(r.bids.data());
  }
}
BENCHMARK(BM_CounterfactualCapped)->Arg(20000)->Unit(benchmark::kMillisecond);

// An eForms notice with `lots` lots on one line, built from the SDK's
// cn_24_maximal.xml (its three lots repeated, newlines made spaces). Every
// located lookup used to count columns from the start of the line.
std::string OneLineNotice(int lots) {
  const std::filesystem::path path =
      std::filesystem::path(CIRCA_SOURCE_DIR) /
      "../shared/data/eforms-sdk/notices/cn_24_maximal.xml";
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string xml = buffer.str();
  const std::string open = "<cac:ProcurementProjectLot>";
  const std::string close = "</cac:ProcurementProjectLot>";
  const std::size_t a = xml.find(open);
  const std::size_t b = xml.rfind(close);
  if (a == std::string::npos || b == std::string::npos) return {};
  const std::string block = xml.substr(a, b + close.size() - a);
  std::string out = xml.substr(0, a);
  for (int k = 0; k < (lots + 2) / 3; ++k) out += block;
  out += xml.substr(b + close.size());
  for (char& ch : out) {
    if (ch == '\n' || ch == '\r') ch = ' ';
  }
  return out;
}

void BM_ImportOneLineNotice(benchmark::State& state) {
  const std::string xml = OneLineNotice(static_cast<int>(state.range(0)));
  if (xml.empty()) {
    state.SkipWithError("cn_24_maximal.xml not found under ../shared/data");
    return;
  }
  for (auto _ : state) {
    Result<ImportedNotice> r = ImportNotice(xml, "notice.xml");
    benchmark::DoNotOptimize(r);
  }
  state.counters["MB"] = static_cast<double>(xml.size()) / 1e6;
}
BENCHMARK(BM_ImportOneLineNotice)->Arg(1000)->Unit(benchmark::kMillisecond);

// A scale criterion with 100,000 levels (was 9.3 s: each level compared
// with every earlier one).
void BM_ScaleLevels(benchmark::State& state) {
  std::string y =
      "circa: 1\nid: s\nversion: 1.0.0\ntitle: S\ncriteria:\n"
      "  - {id: price, type: price, weight: 60, scoring: {rule: "
      "lowest-ratio}}\n"
      "  - id: q\n    type: quality\n    weight: 40\n    scoring:\n"
      "      rule: scale\n      levels:\n";
  for (int64_t k = 0; k < state.range(0); ++k) {
    y += "        " + std::to_string(k) + ": level " + std::to_string(k) + "\n";
  }
  for (auto _ : state) {
    Result<CriteriaSet> r = ParseCriteria(y, "criteria.yaml");
    if (!r.ok()) state.SkipWithError("criteria set did not load");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ScaleLevels)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace circa::bench
