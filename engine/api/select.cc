#include "api/select.h"

#include <algorithm>

namespace circa::api {

std::vector<int> BidsNotExcluded(const Evaluation& evaluation,
                                 std::initializer_list<ExclusionStage> stages) {
  const auto bids = evaluation.status.size();
  std::vector<int> keep;
  keep.reserve(bids);
  for (std::size_t i = 0; i < bids; ++i) {
    const bool excluded =
        i < evaluation.exclusion.size() &&
        std::find(stages.begin(), stages.end(),
                  evaluation.exclusion[i].stage) != stages.end();
    if (!excluded) keep.push_back(static_cast<int>(i));
  }
  return keep;
}

}  // namespace circa::api
