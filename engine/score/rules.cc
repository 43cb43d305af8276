// The formulas are DOMAIN.md §3 and docs/rules.md; each degenerate case has
// one documented outcome and never produces NaN. The arithmetic is
// score/kernels.cc's (the same kernels score a whole column here and a
// chunk of rows in Scorer::Evaluate, so every path gives the same bits).
#include "score/rules.h"

#include "score/kernels.h"

namespace circa::score {

double ColumnTotal(const ScoringRule& rule,
                   const Eigen::Ref<const Eigen::VectorXd>& x) {
  if (rule.rule != Rule::kShareOfTotal || x.size() == 0) return 0;
  // Scaled by the best value, so that no sum overflows: each term is in
  // [0, 1] and the best one is 1.
  if (rule.better == Direction::kLowerIsBetter) {
    const double min = x.minCoeff();
    return min > 0 ? (min / x.array()).sum() : 0;
  }
  const double max = x.maxCoeff();
  return max > 0 ? (x.array().max(0.0) / max).sum() : 0;
}

ColumnOutcome ScoreColumn(const ScoringRule& rule,
                          const Eigen::Ref<const Eigen::VectorXd>& x,
                          double min, double max, double total,
                          Eigen::Ref<Eigen::VectorXd> out) {
  const ColumnPlan plan = PlanColumn(rule, min, max, total);
  ChunkTask task;
  task.x = x.data();
  task.out = out.data();
  task.len = x.size();
  ScoreChunk(plan, task);
  return {plan.note};
}

}  // namespace circa::score
