// A criterion cell in words: the bid's value as a reader should see it and
// the rule's formula with the numbers it used.
#include <cmath>

#include "explain/words.h"

namespace circa::explain {

std::string Context::BidName(int i) const {
  const auto k = static_cast<std::size_t>(i);
  return bids.suppliers[k].empty()
             ? bids.ids[k]
             : bids.ids[k] + " (" + bids.suppliers[k] + ")";
}

std::string Context::Value(int i, std::size_t j) const {
  const Column& c = scorer.columns()[j];
  const double v = bids.values(i, static_cast<Eigen::Index>(j));
  switch (c.rule.rule) {
    case Rule::kYesNo:
      if (v == 0 || v == 1) return v != 0 ? "yes" : "no";
      return FormatNumber(v, 2);  // a panel's mean of yes and no
    case Rule::kScale:
      for (const ScaleLevel& l : c.rule.levels) {
        if (l.value == v)
          return l.descriptor + " (" + FormatNumber(v, -1) + ")";
      }
      return FormatNumber(v, 2);  // between levels: a panel's mean
    default:
      break;
  }
  if (c.type != CriterionType::kQuality) {
    // Money: whole amounts as written, otherwise cents ("5.40 EUR").
    return FormatNumber(v, v == std::floor(v) ? 0 : 2) + " " + set.currency;
  }
  if (c.unit == "%") return FormatNumber(v, -1) + "%";
  return FormatNumber(v, -1) + (c.unit.empty() ? "" : " " + c.unit);
}

std::string Context::Formula(int i, std::size_t j) const {
  const Column& c = scorer.columns()[j];
  const auto jj = static_cast<Eigen::Index>(j);
  const double x = bids.values(i, jj);
  const double lo = e.column_min[jj];
  const double hi = e.column_max[jj];
  const double s = e.scores(i, jj);
  const std::string sc = FormatNumber(s, 4);
  if (e.min_bid[j] < 0 || e.max_bid[j] < 0) return "not scored";
  const std::string lo_bid = bids.ids[static_cast<std::size_t>(e.min_bid[j])];
  const std::string hi_bid = bids.ids[static_cast<std::size_t>(e.max_bid[j])];
  const bool lower = c.rule.better == Direction::kLowerIsBetter;
  const auto num = [](double v) { return FormatNumber(v, -1); };
  const bool zero_lowest = lo <= 0;
  switch (c.rule.rule) {
    case Rule::kLowestRatio:
      if (zero_lowest) break;
      return "lowest " + num(lo) + " (" + lo_bid + ") / " + num(x) + " = " + sc;
    case Rule::kPercentOfLowest:
      if (zero_lowest) break;
      return "1 - (" + num(x) + " - lowest " + num(lo) + " (" + lo_bid +
             ")) / " + num(lo) + " = " + sc;
    case Rule::kLogarithmic:
      if (zero_lowest) break;
      return "1 - ln(" + num(x) + " / lowest " + num(lo) + " (" + lo_bid +
             ")) / ln(" + num(c.rule.zero_at) + ") = " + sc;
    case Rule::kLinearRange:
      if (hi == lo) break;
      return lower ? "(highest " + num(hi) + " (" + hi_bid + ") - " + num(x) +
                         ") / (" + num(hi) + " - lowest " + num(lo) + " (" +
                         lo_bid + ")) = " + sc
                   : "(" + num(x) + " - lowest " + num(lo) + " (" + lo_bid +
                         ")) / (highest " + num(hi) + " (" + hi_bid + ") - " +
                         num(lo) + ") = " + sc;
    case Rule::kLinearCeiling:
      if (lo >= c.rule.ceiling) break;
      if (x >= c.rule.ceiling)
        return "at or above the ceiling " + num(c.rule.ceiling) + " = 0";
      return "(ceiling " + num(c.rule.ceiling) + " - " + num(x) + ") / (" +
             num(c.rule.ceiling) + " - lowest " + num(lo) + " (" + lo_bid +
             ")) = " + sc;
    case Rule::kLinear:
      if ((c.rule.best > c.rule.worst) ? x >= c.rule.best : x <= c.rule.best) {
        return "at or beyond the best anchor " + num(c.rule.best) + " = 1";
      }
      if ((c.rule.best > c.rule.worst) ? x <= c.rule.worst
                                       : x >= c.rule.worst) {
        return "at or beyond the worst anchor " + num(c.rule.worst) + " = 0";
      }
      return "(" + num(x) + " - " + num(c.rule.worst) + ") / (" +
             num(c.rule.best) + " - " + num(c.rule.worst) + ") = " + sc;
    case Rule::kRatioToBest:
      if (lower) {
        if (zero_lowest) break;
        return "lowest " + num(lo) + " (" + lo_bid + ") / " + num(x) + " = " +
               sc;
      }
      if (hi <= 0) break;
      return num(x) + " / highest " + num(hi) + " (" + hi_bid + ") = " + sc;
    case Rule::kSteps:
      return "step table gives " + sc;
    case Rule::kYesNo:
      return (x != 0 ? "yes = " : "no = ") + sc;
    case Rule::kScale:
      return num(x) + " / " + num(c.rule.levels.back().value) + " = " + sc;
  }
  // Degenerate column: the note says why.
  for (const Note& note : e.notes) {
    if (note.column == static_cast<int>(j)) {
      return DescribeNote(note, Facts()) + " = " + sc;
    }
  }
  return sc;
}

FactContext Context::Facts() const {
  FactContext f;
  f.set = &set;
  f.scorer = &scorer;
  f.evaluation = &e;
  f.ids = &bids.ids;
  return f;
}

}  // namespace circa::explain
