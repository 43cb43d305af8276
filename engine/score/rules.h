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

// The denominator of share-of-total over a whole column, scaled by its best
// value: sum of x / max (higher is better) or of min / x (lower is better,
// when every value is > 0). 0 for every other rule.
double ColumnTotal(const ScoringRule& rule,
                   const Eigen::Ref<const Eigen::VectorXd>& x);

// Scores `x` (one value per bid) into `out` (same size). `min`/`max` are the
// column's extremes and `total` its ColumnTotal, computed once by the caller
// (x may be a chunk of the column).
ColumnOutcome ScoreColumn(const ScoringRule& rule,
                          const Eigen::Ref<const Eigen::VectorXd>& x,
                          double min, double max, double total,
                          Eigen::Ref<Eigen::VectorXd> out);

// The same on a whole column (the total taken from `x`).
inline ColumnOutcome ScoreColumn(const ScoringRule& rule,
                                 const Eigen::Ref<const Eigen::VectorXd>& x,
                                 double min, double max,
                                 Eigen::Ref<Eigen::VectorXd> out) {
  return ScoreColumn(rule, x, min, max, ColumnTotal(rule, x), out);
}

}  // namespace circa::score

#endif  // CIRCA_ENGINE_SCORE_RULES_H_
