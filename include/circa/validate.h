// Validation of a criteria set, public so that a set built in code goes
// through the same checks as one read from a file (parsing calls the same
// checks). Scorer::Compile validates too, so an unvalidated set never
// reaches the scorer.
#ifndef CIRCA_VALIDATE_H_
#define CIRCA_VALIDATE_H_

#include "circa/criteria.h"
#include "circa/diagnostics.h"

namespace circa {

// Checks `set` as reading a criteria file does (unique ids, weights that
// add up, the documented limits, the award-order rules: requirements,
// thresholds, tie-break, abnormally-low, max-pass) and, since a set built
// in code was not checked as it was read, that every leaf has a scoring
// rule with usable parameters (linear: best differs from worst; ceiling
// above 0; logarithmic zero-at above 1; steps and levels not empty) and
// every weight is a number. Returns the set with its effective weights
// filled in, or no value when there is an error; warnings come with either.
Result<CriteriaSet> ValidateCriteria(CriteriaSet set);

// One diagnostic per criterion marked `draft: true` (a placeholder, such as
// the rules an imported notice's skeleton had to invent), at the criterion,
// in document order: an error where the set is to be scored (Evaluate and
// Analyze refuse it), a warning where it is only checked (lint, validate).
std::vector<Diagnostic> DraftCriteria(const CriteriaSet& set,
                                      Severity severity);

}  // namespace circa

#endif  // CIRCA_VALIDATE_H_
