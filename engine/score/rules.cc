// The formulas are DOMAIN.md §3 and docs/rules.md; each degenerate case has
// one documented outcome and never produces NaN. The arithmetic is
// score/kernels.cc's (the same kernels score a whole column here and a
// chunk of rows in Scorer::Evaluate, so every path gives the same bits).
#include "score/rules.h"

#include "score/kernels.h"

namespace circa::score {

ColumnOutcome ScoreColumn(const ScoringRule& rule,
                          const Eigen::Ref<const Eigen::VectorXd>& x,
                          double min, double max,
                          Eigen::Ref<Eigen::VectorXd> out) {
  const ColumnPlan plan = PlanColumn(rule, min, max);
  ChunkTask task;
  task.x = x.data();
  task.out = out.data();
  task.len = x.size();
  ScoreChunk(plan, task);
  return {plan.note};
}

}  // namespace circa::score
