// Rule descriptions shared by explanations and reports.
#include <fmt/format.h>

#include <cmath>

#include "circa/explain.h"

namespace circa {

std::string DescribeRule(const ScoringRule& r, const std::string& currency,
                         const std::string& unit) {
  const std::string u = unit.empty() ? "" : unit == "%" ? "%" : " " + unit;
  const bool lower = r.better == Direction::kLowerIsBetter;
  switch (r.rule) {
    case Rule::kLowestRatio:
      return "lowest-ratio: score = lowest price / price";
    case Rule::kPercentOfLowest:
      return "percent-of-lowest: score = 1 - (price - lowest) / lowest, at "
             "least 0";
    case Rule::kLinearRange:
      return lower ? "linear-range: score = (highest - value) / (highest - "
                     "lowest)"
                   : "linear-range: score = (value - lowest) / (highest - "
                     "lowest)";
    case Rule::kLinearCeiling:
      return "linear-ceiling: score = (ceiling - price) / (ceiling - lowest), "
             "ceiling " +
             FormatNumber(r.ceiling, -1) + " " + currency + ", at least 0";
    case Rule::kLogarithmic:
      return "logarithmic: score = 1 - ln(price / lowest) / ln(" +
             FormatNumber(r.zero_at, -1) + ")" +
             (r.allow_negative ? "" : ", at least 0");
    case Rule::kLinear:
      return "linear: " + FormatNumber(r.worst, -1) + u + " scores 0, " +
             FormatNumber(r.best, -1) + u + " scores 1, straight line between";
    case Rule::kRatioToBest:
      return lower ? "ratio-to-best: score = lowest value / value"
                   : "ratio-to-best: score = value / highest value";
    case Rule::kSteps: {
      std::string s = "steps: ";
      for (std::size_t i = 0; i < r.steps.size(); ++i) {
        if (i) s += ", ";
        s += (lower ? "<= " : ">= ") + FormatNumber(r.steps[i].threshold, -1) +
             u + " -> " + FormatNumber(r.steps[i].score, -1);
      }
      return s +
             (lower ? ", above the last step 0" : ", below the first step 0");
    }
    case Rule::kYesNo:
      return "yes-no: yes scores 1, no scores 0";
    case Rule::kScale: {
      std::string s =
          "scale: level / " + FormatNumber(r.levels.back().value, -1) + " (";
      for (std::size_t i = 0; i < r.levels.size(); ++i) {
        if (i) s += ", ";
        s += FormatNumber(r.levels[i].value, -1) + " " + r.levels[i].descriptor;
      }
      return s + ")";
    }
  }
  return std::string(ToString(r.rule));
}

}  // namespace circa
