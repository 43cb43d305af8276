// The methods behind Aggregate, one file each, on a decision matrix whose
// columns are already oriented or normalised as each method needs.
#ifndef CIRCA_ENGINE_ANALYSIS_AGGREGATION_INTERNAL_H_
#define CIRCA_ENGINE_ANALYSIS_AGGREGATION_INTERNAL_H_

#include <Eigen/Core>
#include <vector>

#include "circa/aggregation.h"

namespace circa::analysis {

// VIKOR on the raw matrix (its own scaling by best and worst per column);
// weights are divided by their sum. Fills detail->s, r, q and the
// compromise; returns Q.
Eigen::VectorXd Vikor(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                      const std::vector<bool>& cost, double v,
                      VikorDetail* detail);

// PROMETHEE flows on the raw matrix; `criteria` has one entry per column.
PrometheeDetail Promethee(const Eigen::MatrixXd& x, const Eigen::VectorXd& w,
                          const std::vector<bool>& cost,
                          const std::vector<PreferenceCriterion>& criteria);

// P(d) of one criterion, d the difference in its favour.
double Preference(const PreferenceCriterion& c, double d);

}  // namespace circa::analysis

#endif  // CIRCA_ENGINE_ANALYSIS_AGGREGATION_INTERNAL_H_
