// AHP priorities of an inconsistent 15 x 15 matrix (the largest the Saaty
// random-index table covers): eigen decomposition vs geometric means.
#include <benchmark/benchmark.h>

#include <cmath>

#include "circa/ahp.h"

namespace circa::bench {
namespace {

// A reciprocal matrix on the 1-9 scale with deterministic inconsistency.
Eigen::MatrixXd Judgements(Eigen::Index n) {
  Eigen::MatrixXd a = Eigen::MatrixXd::Ones(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = i + 1; j < n; ++j) {
      const double v = static_cast<double>(1 + (i * 7 + j * 3) % 9);
      a(i, j) = (i + j) % 2 == 0 ? v : 1 / v;
      a(j, i) = 1 / a(i, j);
    }
  }
  return a;
}

void BM_Ahp(benchmark::State& state) {
  const Eigen::MatrixXd a = Judgements(15);
  const auto method = static_cast<AhpMethod>(state.range(0));
  for (auto _ : state) {
    AhpPriorities p = ComputePriorities(a, method, RandomIndexTable::kSaaty);
    benchmark::DoNotOptimize(p.weights.data());
  }
  state.SetLabel(std::string(ToString(method)));
}
BENCHMARK(BM_Ahp)
    ->Arg(static_cast<int>(AhpMethod::kEigen))
    ->Arg(static_cast<int>(AhpMethod::kGeometric))
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace circa::bench
