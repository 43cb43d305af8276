// Comparison methods of issue 17 (docs/aggregation.md): each method on
// 20 bids x 30 criteria (target <= 50 us), PROMETHEE II on 1,000 x 30
// (target <= 20 ms), with a linear and a Gaussian preference function.
// Setup outside the timed loop.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "circa/aggregation.h"

namespace circa::bench {
namespace {

struct Problem {
  Eigen::MatrixXd x;
  Eigen::VectorXd w;
  std::vector<bool> cost;
};

// Values in [1, 100] (positive, as the product methods need), one column
// in five a cost, weights 1..5.
Problem MakeProblem(Eigen::Index bids, Eigen::Index criteria) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> value(1.0, 100.0);
  Problem p;
  p.x.resize(bids, criteria);
  for (Eigen::Index i = 0; i < bids; ++i) {
    for (Eigen::Index j = 0; j < criteria; ++j) p.x(i, j) = value(rng);
  }
  p.w.resize(criteria);
  for (Eigen::Index j = 0; j < criteria; ++j) {
    p.w[j] = static_cast<double>(1 + j % 5);
    p.cost.push_back(j % 5 == 0);
  }
  return p;
}

AggregationOptions Options(int code) {
  AggregationOptions o;
  switch (code) {
    case 0:
      o.method = Aggregation::kWeightedSum;
      break;
    case 1:
      o.method = Aggregation::kTopsis;
      break;
    case 2:
      o.method = Aggregation::kTopsis;
      o.normalisation = Normalisation::kSum;
      o.distance = Distance::kManhattan;
      break;
    case 3:
      o.method = Aggregation::kWeightedProduct;
      o.normalisation = Normalisation::kLinear;
      break;
    case 4:
      o.method = Aggregation::kWaspas;
      break;
    case 5:
      o.method = Aggregation::kVikor;
      break;
    case 6:
      o.method = Aggregation::kPromethee;
      o.preference_all = {PreferenceFunction::kLinear, 5, 30, 0};
      break;
    case 7:
      o.method = Aggregation::kPromethee;
      o.preference_all = {PreferenceFunction::kGaussian, 0, 0, 20};
      break;
    case 8:
      o.method = Aggregation::kTopsis;
      o.weights = ObjectiveWeights::kEntropy;
      break;
    case 9:
      o.method = Aggregation::kTopsis;
      o.weights = ObjectiveWeights::kCritic;
      break;
    default:
      break;
  }
  return o;
}

const char* kLabels[] = {"weighted-sum",
                         "topsis",
                         "topsis sum/manhattan",
                         "weighted-product linear",
                         "waspas",
                         "vikor",
                         "promethee linear",
                         "promethee gaussian",
                         "topsis entropy weights",
                         "topsis critic weights"};

void BM_Method(benchmark::State& state) {
  const Problem p = MakeProblem(state.range(1), 30);
  const AggregationOptions o = Options(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    AggregationResult r = AggregateMatrix(p.x, p.w, p.cost, o);
    benchmark::DoNotOptimize(r.value.data());
  }
  state.SetLabel(kLabels[state.range(0)]);
}
BENCHMARK(BM_Method)
    ->ArgsProduct({{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {20}})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Method)
    ->ArgsProduct({{6, 7}, {1000}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace circa::bench
