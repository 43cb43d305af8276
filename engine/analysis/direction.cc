// LowerIsBetter (include/circa/direction.h).
#include "circa/direction.h"

namespace circa {

bool LowerIsBetter(const ScoringRule& rule) {
  switch (rule.rule) {
    case Rule::kLowestRatio:
    case Rule::kPercentOfLowest:
    case Rule::kLogarithmic:
    case Rule::kLinearCeiling:
    case Rule::kBelowHighest:
      return true;
    case Rule::kLinear:
      return rule.best < rule.worst;
    case Rule::kLinearRange:
    case Rule::kRatioToBest:
    case Rule::kShareOfTotal:
    case Rule::kSteps:
      return rule.better == Direction::kLowerIsBetter;
    case Rule::kYesNo:
    case Rule::kScale:
      return false;
  }
  return false;
}

}  // namespace circa
