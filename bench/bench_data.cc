#include "bench_data.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <random>

#include "circa/explain.h"
#include "circa/load.h"

namespace circa::bench {

Scorer CompileOk(const CriteriaSet& set) {
  Result<Scorer> scorer = Scorer::Compile(set);
  if (!scorer.ok()) {
    std::fprintf(stderr, "bench: the benchmark set does not compile\n");
    std::abort();
  }
  return std::move(*scorer.value);
}

std::string CriteriaYaml30() {
  std::string y =
      "circa: 1\nid: bench-30\nversion: 1.0.0\ntitle: Benchmark set\n"
      "scale: 100\nweights: percent\ncriteria:\n"
      "  - {id: price, type: price, weight: 30, scoring: {rule: "
      "lowest-ratio}}\n"
      "  - id: cost\n    type: cost\n    weight: 10\n    criteria:\n"
      "      - {id: energy, weight: 40, scoring: {rule: linear-range}}\n"
      "      - {id: maintenance, weight: 30, scoring: {rule: logarithmic, "
      "zero-at: 2}}\n"
      "      - {id: disposal, weight: 30, scoring: {rule: percent-of-lowest}}\n"
      "  - id: circularity\n    type: quality\n    weight: 40\n    criteria:\n";
  // 16 circular criteria cycling through the quality rules.
  const char* rules[] = {
      "{rule: linear, worst: 0, best: 100}",
      "{rule: yes-no}",
      "{rule: steps, steps: [[2, 0.25], [5, 0.5], [8, 0.75], [10, 1]]}",
      "{rule: ratio-to-best}",
      "{rule: scale, levels: {0: unacceptable, 1: weak, 2: acceptable, 3: "
      "good, 4: excellent}}",
      "{rule: linear-range, better: lower}",
      "{rule: linear, worst: 100, best: 0}",
      "{rule: steps, better: lower, steps: [[1, 1], [3, 0.6], [7, 0.2]]}"};
  for (int k = 0; k < 16; ++k) {
    y += "      - {id: c" + std::to_string(k) +
         ", weight: 6.25, scoring: " + rules[k % 8] + "}\n";
  }
  y += "  - id: plan\n    type: quality\n    weight: 20\n    criteria:\n";
  for (int k = 0; k < 10; ++k) {
    y += "      - {id: p" + std::to_string(k) +
         ", weight: 10, scoring: " + rules[(k + 3) % 8] + "}\n";
  }
  return y;
}

const CriteriaSet& Criteria30() {
  static const CriteriaSet set = [] {
    Result<CriteriaSet> r = ParseCriteria(CriteriaYaml30(), "bench.yaml");
    if (!r.ok()) {
      for (const auto& d : r.diagnostics)
        std::fprintf(stderr, "%s\n", d.ToString().c_str());
      std::abort();
    }
    return *r.value;
  }();
  return set;
}

namespace {

double Draw(const Criterion& leaf, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const ScoringRule& r = *leaf.scoring;
  switch (r.rule) {
    case Rule::kYesNo:
      return u(rng) < 0.5 ? 0.0 : 1.0;
    case Rule::kScale:
      return r
          .levels[static_cast<std::size_t>(
              u(rng) * 0.999 * static_cast<double>(r.levels.size()))]
          .value;
    case Rule::kSteps:
      return std::floor(u(rng) * 12.0);
    default:
      break;
  }
  if (leaf.type != CriterionType::kQuality)
    return std::round(50000 + u(rng) * 100000);
  return std::round(u(rng) * 1000) / 10;
}

}  // namespace

Eigen::MatrixXd Values(const CriteriaSet& set, Eigen::Index bids,
                       unsigned seed) {
  const auto leaves = set.Leaves();
  std::mt19937 rng(seed);
  Eigen::MatrixXd v(bids, static_cast<Eigen::Index>(leaves.size()));
  for (Eigen::Index i = 0; i < bids; ++i) {
    for (std::size_t j = 0; j < leaves.size(); ++j) {
      v(i, static_cast<Eigen::Index>(j)) = Draw(*leaves[j], rng);
    }
  }
  return v;
}

std::string BidsCsv(const CriteriaSet& set, Eigen::Index bids, unsigned seed) {
  const auto leaves = set.Leaves();
  const Eigen::MatrixXd v = Values(set, bids, seed);
  std::string csv = "bid,supplier";
  for (const Criterion* leaf : leaves) csv += "," + leaf->id;
  csv += "\n";
  for (Eigen::Index i = 0; i < bids; ++i) {
    csv += "B" + std::to_string(i) + ",Supplier " + std::to_string(i);
    for (Eigen::Index j = 0; j < v.cols(); ++j) {
      const Criterion& leaf = *leaves[static_cast<std::size_t>(j)];
      if (leaf.scoring->rule == Rule::kYesNo) {
        csv += v(i, j) != 0 ? ",yes" : ",no";
      } else {
        csv += fmt::format(",{}", v(i, j));
      }
    }
    csv += "\n";
  }
  return csv;
}

}  // namespace circa::bench
