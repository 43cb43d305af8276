// Cross-criterion checks on a criteria set read from YAML: unique ids,
// sibling weights that add up, effective weights.
#ifndef CIRCA_ENGINE_VALIDATE_CRITERIA_VALIDATOR_H_
#define CIRCA_ENGINE_VALIDATE_CRITERIA_VALIDATOR_H_

#include "circa/criteria.h"
#include "circa/diagnostics.h"
#include "io/reserved_ids.h"

namespace circa::validate {

// Sane ranges (docs/criteria-format.md, "Limits"). They keep every
// intermediate result finite: points = score x weight <= 1e6, reports may
// scale a total by 1e6 (six decimals), and a linear span best - worst of
// two parameters cannot overflow.
inline constexpr double kMaxScale = 1e6;       // scale: 0 < scale <= 1e6
inline constexpr double kMaxWeight = 1e6;      // each written weight
inline constexpr double kMaxParameter = 1e12;  // |anchor|, |threshold|, level

// Ids reserved for bid-file columns (io/reserved_ids.h).
using io::IsReservedId;

// Checks the tree and fills in effective weights. A weight that could not be
// read is NaN; sums that involve it are not checked (the reader reported it).
void ValidateCriteria(CriteriaSet* set, Diagnostics* diag);

// Checks the procurement rules against the tree: tie-break targets,
// the abnormally-low criterion, requirement ids, max-pass; warns about
// criteria that cannot hand out their full points.
void ValidateRules(const CriteriaSet& set, Diagnostics* diag);

}  // namespace circa::validate

#endif  // CIRCA_ENGINE_VALIDATE_CRITERIA_VALIDATOR_H_
