// Rule descriptions shared by explanations and reports.
#include <cmath>

#include "circa/explain.h"
#include "circa/labels.h"
#include "explain/messages.h"

namespace circa {

std::string DescribeRule(const ScoringRule& r, const std::string& currency,
                         const std::string& unit, Language language) {
  const explain::Messages& m = explain::Messages::Of(language);
  const bool lower = r.better == Direction::kLowerIsBetter;
  const auto num = [&m](double v) { return m.Number(v, -1); };
  const auto with_unit = [&m, &unit](double v) {
    return m.Quantity(m.Number(v, -1), v, unit);
  };
  switch (r.rule) {
    case Rule::kLowestRatio:
      return m("rule.lowest_ratio");
    case Rule::kPercentOfLowest:
      return m("rule.percent_of_lowest");
    case Rule::kLinearRange:
      return m(lower ? "rule.linear_range_lower" : "rule.linear_range_higher");
    case Rule::kLinearCeiling:
      return m("rule.linear_ceiling",
               {{"ceiling", num(r.ceiling)}, {"currency", currency}});
    case Rule::kLogarithmic:
      return m(
          r.allow_negative ? "rule.logarithmic_negative" : "rule.logarithmic",
          {{"zero_at", num(r.zero_at)}});
    case Rule::kLinear:
      return m("rule.linear",
               {{"worst", with_unit(r.worst)}, {"best", with_unit(r.best)}});
    case Rule::kRatioToBest:
      return m(lower ? "rule.ratio_to_best_lower"
                     : "rule.ratio_to_best_higher");
    case Rule::kSteps: {
      std::string steps;
      for (std::size_t i = 0; i < r.steps.size(); ++i) {
        if (i) steps += m("list.comma");
        m.Append(&steps, lower ? "rule.step_at_most" : "rule.step_at_least",
                 {{"threshold", with_unit(r.steps[i].threshold)},
                  {"score", num(r.steps[i].score)}});
      }
      return m(lower ? "rule.steps_lower" : "rule.steps_higher",
               {{"steps", steps}});
    }
    case Rule::kShareOfTotal:
      return m(lower ? "rule.share_of_total_lower"
                     : "rule.share_of_total_higher");
    case Rule::kBelowHighest:
      return m("rule.below_highest");
    case Rule::kYesNo:
      return m("rule.yes_no");
    case Rule::kScale: {
      std::string levels;
      for (std::size_t i = 0; i < r.levels.size(); ++i) {
        if (i) levels += m("list.comma");
        levels += num(r.levels[i].value) + " " +
                  LocalLevel(r.levels[i], m.language());
      }
      return m("rule.scale",
               {{"top", num(r.levels.back().value)}, {"levels", levels}});
    }
  }
  return std::string(ToString(r.rule));
}

}  // namespace circa
