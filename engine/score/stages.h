// The stages of the award order around scoring (docs/criteria-format.md,
// "Award order"): minimum requirements, the abnormally-low check and the
// tie-break keys. Pure functions on one bid set; the scorer calls them.
#ifndef CIRCA_ENGINE_SCORE_STAGES_H_
#define CIRCA_ENGINE_SCORE_STAGES_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"

namespace circa::score {

// Checks one requirement for bid i. Returns nothing when met, otherwise the
// failed conditions of every group, with the bid's values. A condition on a
// leaf criterion id (an element of `leaf_ids`, the bid set's columns) reads
// the bid's value for that criterion.
std::vector<FailedCondition> CheckRequirement(
    const Requirement& requirement, const BidSet& bids, Eigen::Index bid,
    const std::vector<std::string>& leaf_ids);

// The award order's first stage for bid i, shared by the points scorer and
// the money award: the first requirement the bid fails, as an exclusion
// (stage kNone when it meets them all).
Exclusion CheckRequirements(const std::vector<Requirement>& requirements,
                            const BidSet& bids, Eigen::Index bid,
                            const std::vector<std::string>& leaf_ids);

// Does `text` match a pattern where * matches any text and ? one character
// (case-insensitive, ASCII)? Linear in practice: no backtracking blow-up.
bool GlobMatch(std::string_view pattern, std::string_view text);

// Flags abnormally low tenders among the ranked bids: fills
// e->abnormally_low (one flag per bid) and adds a note when the rule does
// not apply here. `column` is the price or cost leaf; values are the bids'
// values.
void FlagAbnormallyLow(const AbnormallyLowRule& rule, int column,
                       const Eigen::MatrixXd& values, Evaluation* e);

}  // namespace circa::score

#endif  // CIRCA_ENGINE_SCORE_STAGES_H_
