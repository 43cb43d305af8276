// Which bids an analysis or a probe runs on: the bids an evaluation did not
// exclude at the given stages. Analyses re-score the decision matrix, which
// holds no bid-file fields (requirements) and would rank a bid below a
// minimum score again, so excluded bids are selected out first.
#ifndef CIRCA_ENGINE_API_SELECT_H_
#define CIRCA_ENGINE_API_SELECT_H_

#include <initializer_list>
#include <vector>

#include "circa/evaluation.h"

namespace circa::api {

// Indices of the bids of `evaluation` whose exclusion stage is none of
// `stages`, in input order (every bid when the set declares no
// requirements, minimum scores or max-pass).
std::vector<int> BidsNotExcluded(const Evaluation& evaluation,
                                 std::initializer_list<ExclusionStage> stages);

}  // namespace circa::api

#endif  // CIRCA_ENGINE_API_SELECT_H_
