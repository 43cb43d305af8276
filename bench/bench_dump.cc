// Writes the benchmarks' synthetic inputs for bench/peers.py, so the numpy
// peers time exactly the data circa_bench times (bench_data.cc, seed 42):
//   DIR/score.bin  the 100,000 x 30 decision matrix of BM_Score/100000
//   DIR/smaa.bin   the 20 x 30 score matrix BM_Smaa/20/... samples over
//   DIR/weights.bin the 30 leaf weights (points)
// Each file: two little-endian int64 (rows, cols), then rows x cols float64
// in row-major order. Usage: circa_bench_dump DIR
#include <cstdint>
#include <cstdio>
#include <string>

#include "bench_data.h"
#include "circa/circa.h"

namespace {

bool Write(const std::string& path, const Eigen::MatrixXd& m) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  const std::int64_t shape[2] = {m.rows(), m.cols()};
  const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>
      r = m;
  bool ok =
      std::fwrite(shape, sizeof shape, 1, f) == 1 &&
      std::fwrite(r.data(), sizeof(double), static_cast<std::size_t>(r.size()),
                  f) == static_cast<std::size_t>(r.size());
  ok = std::fclose(f) == 0 && ok;
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: circa_bench_dump DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  using circa::bench::Criteria30;
  using circa::bench::Values;
  const circa::CriteriaSet& set = Criteria30();
  const circa::Scorer scorer = circa::bench::CompileOk(set);
  const circa::Evaluation small = scorer.Evaluate(Values(set, 20));
  const bool ok = Write(dir + "/score.bin", Values(set, 100000)) &&
                  Write(dir + "/smaa.bin", small.scores) &&
                  Write(dir + "/weights.bin", scorer.weights().transpose());
  if (!ok) {
    std::fprintf(stderr, "circa_bench_dump: cannot write to %s\n", dir.c_str());
    return 1;
  }
  return 0;
}
