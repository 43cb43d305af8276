// Column kernels: one scoring rule applied to one column of the decision
// matrix at once (Eigen array expressions; no per-cell dispatch).
#ifndef CIRCA_ENGINE_SCORE_RULES_H_
#define CIRCA_ENGINE_SCORE_RULES_H_

#include <Eigen/Core>
#include <optional>

#include "circa/criteria.h"
#include "circa/evaluation.h"

namespace circa::score {

// What a column kernel found out besides the scores: degenerate cases that a
// reader must be told about (none when nothing unusual happened).
struct ColumnOutcome {
  std::optional<NoteKind> note;
};

// Scores `x` (one value per bid) into `out` (same size). `min`/`max` are the
// column's extremes, computed once by the caller.
ColumnOutcome ScoreColumn(const ScoringRule& rule,
                          const Eigen::Ref<const Eigen::VectorXd>& x,
                          double min, double max,
                          Eigen::Ref<Eigen::VectorXd> out);

}  // namespace circa::score

#endif  // CIRCA_ENGINE_SCORE_RULES_H_
