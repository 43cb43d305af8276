// A criterion cell in words: the bid's value as a reader should see it and
// the rule's formula with the numbers it used.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "circa/labels.h"
#include "explain/words.h"

namespace circa::explain {
namespace {

// A total read back from a quotient, to ten significant digits (the
// quotient's last bits are rounding noise).
double TenDigits(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", v);
  return std::strtod(text, nullptr);
}

}  // namespace

std::string Context::BidName(int i) const {
  const auto k = static_cast<std::size_t>(i);
  return bids.suppliers[k].empty()
             ? bids.ids[k]
             : m("bid.with_supplier",
                 {{"bid", bids.ids[k]}, {"supplier", bids.suppliers[k]}});
}

std::string Context::Value(int i, std::size_t j) const {
  const Column& c = scorer.columns()[j];
  const double v = bids.values(i, static_cast<Eigen::Index>(j));
  switch (c.rule.rule) {
    case Rule::kYesNo:
      if (v == 0 || v == 1) return m(v != 0 ? "value.yes" : "value.no");
      return m.Number(v, 2);  // a panel's mean of yes and no
    case Rule::kScale:
      for (const ScaleLevel& l : c.rule.levels) {
        if (l.value == v) {
          return m("value.level", {{"descriptor", LocalLevel(l, m.language())},
                                   {"level", m.Number(v, -1)}});
        }
      }
      return m.Number(v, 2);  // between levels: a panel's mean
    default:
      break;
  }
  if (c.type != CriterionType::kQuality) {
    // Money: whole amounts as written, otherwise cents ("5.40 EUR").
    return m("value.money",
             {{"amount", m.Number(v, v == std::floor(v) ? 0 : 2)},
              {"currency", set.currency}});
  }
  return m.Quantity(m.Number(v, -1), v, c.unit);
}

std::string Context::Formula(int i, std::size_t j) const {
  const Column& c = scorer.columns()[j];
  const auto jj = static_cast<Eigen::Index>(j);
  const double x = bids.values(i, jj);
  const double lo = e.column_min[jj];
  const double hi = e.column_max[jj];
  const double s = e.scores(i, jj);
  const std::string sc = m.Number(s, 4);
  if (e.min_bid[j] < 0 || e.max_bid[j] < 0) return m("formula.not_scored");
  const std::string& lo_bid = bids.ids[static_cast<std::size_t>(e.min_bid[j])];
  const std::string& hi_bid = bids.ids[static_cast<std::size_t>(e.max_bid[j])];
  const bool lower = c.rule.better == Direction::kLowerIsBetter;
  const auto num = [this](double v) { return m.Number(v, -1); };
  const bool zero_lowest = lo <= 0;
  switch (c.rule.rule) {
    case Rule::kLowestRatio:
      if (zero_lowest) break;
      return m("formula.lowest_ratio", {{"lowest", num(lo)},
                                        {"lowest_bid", lo_bid},
                                        {"value", num(x)},
                                        {"score", sc}});
    case Rule::kPercentOfLowest:
      if (zero_lowest) break;
      return m("formula.percent_of_lowest", {{"lowest", num(lo)},
                                             {"lowest_bid", lo_bid},
                                             {"value", num(x)},
                                             {"score", sc}});
    case Rule::kLogarithmic:
      if (zero_lowest) break;
      return m("formula.logarithmic", {{"lowest", num(lo)},
                                       {"lowest_bid", lo_bid},
                                       {"value", num(x)},
                                       {"zero_at", num(c.rule.zero_at)},
                                       {"score", sc}});
    case Rule::kLinearRange:
      if (hi == lo) break;
      return m(lower ? "formula.range_lower" : "formula.range_higher",
               {{"lowest", num(lo)},
                {"lowest_bid", lo_bid},
                {"highest", num(hi)},
                {"highest_bid", hi_bid},
                {"value", num(x)},
                {"score", sc}});
    case Rule::kLinearCeiling:
      if (lo >= c.rule.ceiling) break;
      if (x >= c.rule.ceiling) {
        return m("formula.above_ceiling", {{"ceiling", num(c.rule.ceiling)}});
      }
      return m("formula.ceiling", {{"ceiling", num(c.rule.ceiling)},
                                   {"lowest", num(lo)},
                                   {"lowest_bid", lo_bid},
                                   {"value", num(x)},
                                   {"score", sc}});
    case Rule::kLinear:
      if ((c.rule.best > c.rule.worst) ? x >= c.rule.best : x <= c.rule.best) {
        return m("formula.best_anchor", {{"best", num(c.rule.best)}});
      }
      if ((c.rule.best > c.rule.worst) ? x <= c.rule.worst
                                       : x >= c.rule.worst) {
        return m("formula.worst_anchor", {{"worst", num(c.rule.worst)}});
      }
      return m("formula.linear", {{"value", num(x)},
                                  {"worst", num(c.rule.worst)},
                                  {"best", num(c.rule.best)},
                                  {"score", sc}});
    case Rule::kRatioToBest:
      if (lower) {
        if (zero_lowest) break;
        return m("formula.lowest_ratio", {{"lowest", num(lo)},
                                          {"lowest_bid", lo_bid},
                                          {"value", num(x)},
                                          {"score", sc}});
      }
      if (hi <= 0) break;
      return m("formula.ratio_highest", {{"value", num(x)},
                                         {"highest", num(hi)},
                                         {"highest_bid", hi_bid},
                                         {"score", sc}});
    case Rule::kShareOfTotal:
      // The sum is read back from the bid's own share: sum x = x / score;
      // for lower is better the reference 1 / sum(1 / x) = x * score, a
      // money amount a reader can follow (score = reference / x).
      if (s <= 0 || (lower && (zero_lowest || x <= 0))) break;
      if (lower) {
        return m("formula.share_of_total_lower",
                 {{"value", num(x)},
                  {"reference", m.Number(TenDigits(x * s), 2)},
                  {"score", sc}});
      }
      return m(
          "formula.share_of_total_higher",
          {{"value", num(x)}, {"total", num(TenDigits(x / s))}, {"score", sc}});
    case Rule::kBelowHighest:
      if (hi <= 0) break;
      return m("formula.below_highest", {{"value", num(x)},
                                         {"highest", num(hi)},
                                         {"highest_bid", hi_bid},
                                         {"score", sc}});
    case Rule::kSteps:
      return m("formula.steps", {{"score", sc}});
    case Rule::kYesNo:
      return m(x != 0 ? "formula.yes" : "formula.no", {{"score", sc}});
    case Rule::kScale:
      return m("formula.scale", {{"value", num(x)},
                                 {"top", num(c.rule.levels.back().value)},
                                 {"score", sc}});
  }
  // Degenerate column: the note says why.
  for (const Note& note : e.notes) {
    if (note.column == static_cast<int>(j)) {
      return m("formula.note",
               {{"note", DescribeNote(note, Facts())}, {"score", sc}});
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
  f.language = m.language();
  return f;
}

}  // namespace circa::explain
