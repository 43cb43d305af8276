// Which way a scoring rule's input improves: the one answer for every part
// of circa that moves a value "towards better" (counterfactuals, and any
// caller that needs it). docs/rules.md describes each rule.
#ifndef CIRCA_DIRECTION_H_
#define CIRCA_DIRECTION_H_

#include "circa/criteria.h"

namespace circa {

// True if a lower value scores at least as well under `rule`:
//   - lowest-ratio, percent-of-lowest, logarithmic, linear-ceiling: always
//     (they score a price or cost against the lowest);
//   - linear: when its `best` anchor is below its `worst` anchor;
//   - linear-range, ratio-to-best, steps: when `better` is lower-is-better;
//   - yes-no, scale: never (yes, and a higher level, score more).
// Unlike ScoringRule::better alone, this holds for rules built in code as
// well as read from a file (the reader also sets `better` for price rules
// and for linear; a rule built in code may leave it at its default).
bool LowerIsBetter(const ScoringRule& rule);

}  // namespace circa

#endif  // CIRCA_DIRECTION_H_
