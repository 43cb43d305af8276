// Counterfactuals (docs/robustness.md): for each losing bid, the smallest
// change of one value that makes it win. Only the changed column is
// re-scored, with the scorer's own column kernel, so relative rules see the
// new extremes.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "circa/direction.h"
#include "circa/robustness.h"

namespace circa {
namespace {

// "7,812.50" (money: two decimals unless whole) or "12.5" (up to four
// decimals, trailing zeros dropped).
std::string FormatNumber(double x, bool money) {
  const int decimals = money ? 2 : 4;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(x));
  std::string digits(buf);
  std::string frac;
  const std::size_t dot = digits.find('.');
  if (dot != std::string::npos) {
    frac = digits.substr(dot + 1);
    digits.resize(dot);
  }
  if (money) {
    if (frac == "00") frac.clear();
  } else {
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  const bool negative = x < 0 && (grouped != "0" || !frac.empty());
  return (negative ? "-" : "") + grouped + (frac.empty() ? "" : "." + frac);
}

std::string LevelName(const ScoringRule& rule, double value) {
  for (const ScaleLevel& level : rule.levels) {
    if (level.value == value && !level.descriptor.empty()) {
      return level.descriptor;
    }
  }
  return FormatNumber(value, false);
}

// A scorer of one column with `rule`: Scorer::Score on it runs exactly the
// kernel the full scorer runs on that column (extremes included), through
// the public API.
Scorer OneColumnScorer(const ScoringRule& rule) {
  CriteriaSet set;
  set.scale = 1;
  Criterion c;
  c.id = "column";
  c.name = c.id;
  c.weight = 1;
  c.effective_weight = 1;
  c.scoring = rule;
  set.criteria.push_back(std::move(c));
  // The rule comes from a compiled scorer, so the one-column set is valid
  // as built (effective weight given): compiled without validating again.
  set.validated = true;
  Result<Scorer> scorer = Scorer::Compile(set);
  assert(scorer.ok());
  return std::move(*scorer.value);
}

// Re-scores one column with bid `bid` at value `x`, for the bid's margin
// over the best other bid.
class ColumnProbe {
 public:
  // `one` scores column `column` alone (OneColumnScorer of its rule).
  ColumnProbe(const Scorer& scorer, const Scorer& one,
              const Eigen::MatrixXd& values, const Evaluation& e,
              Eigen::Index bid, Eigen::Index column)
      : column_(one),
        weight_(scorer.weights()[column]),
        bid_(bid),
        x_(values.col(column)),
        base_(e.totals - weight_ * e.scores.col(column)) {}

  // Whether the bid is strictly ahead of every other bid at value x.
  bool Wins(double x) {
    x_(bid_, 0) = x;
    column_.Score(x_, &out_, &min_, &max_);
    const Eigen::VectorXd totals = base_ + weight_ * out_.col(0);
    double others = -std::numeric_limits<double>::infinity();
    for (Eigen::Index k = 0; k < totals.size(); ++k) {
      if (k != bid_) others = std::max(others, totals[k]);
    }
    return totals[bid_] - others > kTieTolerance;
  }

 private:
  const Scorer& column_;
  double weight_;
  Eigen::Index bid_;
  Eigen::MatrixXd x_;  // the column's values (bids x 1), the bid's moved
  Eigen::VectorXd base_;
  Eigen::MatrixXd out_;
  Eigen::VectorXd min_;
  Eigen::VectorXd max_;
};

// The smallest change of (bid, column) that wins, if any.
std::optional<SingleChange> Solve(const Scorer& scorer, const Scorer& one,
                                  const Eigen::MatrixXd& values,
                                  const Evaluation& e, Eigen::Index bid,
                                  Eigen::Index column,
                                  const CounterfactualOptions& options) {
  const Column& col = scorer.columns()[static_cast<std::size_t>(column)];
  if (scorer.weights()[column] <= 0) return std::nullopt;
  const ScoringRule& rule = col.rule;
  const bool lower = LowerIsBetter(rule);
  const double now = values(bid, column);
  ColumnProbe probe(scorer, one, values, e, bid, column);
  SingleChange c;
  c.column = static_cast<int>(column);
  c.current = now;
  c.lower_is_better = lower;

  // Discrete inputs: the candidate values in the improving direction.
  std::vector<double> candidates;
  if (rule.rule == Rule::kYesNo) {
    if (now < 1) candidates.push_back(1);
  } else if (rule.rule == Rule::kScale) {
    for (const ScaleLevel& level : rule.levels) {
      if (level.value > now) candidates.push_back(level.value);
    }
  } else if (rule.rule == Rule::kSteps) {
    for (const Step& st : rule.steps) {
      if (lower ? st.threshold < now : st.threshold > now) {
        candidates.push_back(st.threshold);
      }
    }
    if (lower) std::reverse(candidates.begin(), candidates.end());
  }
  if (rule.rule == Rule::kYesNo || rule.rule == Rule::kScale ||
      rule.rule == Rule::kSteps) {
    for (const double x : candidates) {
      if (!probe.Wins(x)) continue;
      c.value = x;
      if (rule.rule == Rule::kYesNo) {
        c.text = col.name + " 'yes' instead of 'no'";
      } else if (rule.rule == Rule::kScale) {
        c.text = col.name + " rated '" + LevelName(rule, x) + "' instead of '" +
                 LevelName(rule, now) + "'";
      } else {
        const std::string unit = col.unit.empty() ? "" : " " + col.unit;
        c.text = col.name + (lower ? " at most " : " at least ") +
                 FormatNumber(x, false) + unit + " (now " +
                 FormatNumber(now, false) + unit + ")";
      }
      return c;
    }
    return std::nullopt;
  }

  // Continuous inputs: bisection between the current value (loses) and a
  // bound (the best anchor, 0 for non-negative columns searched downwards,
  // or `search_spans` spans beyond the column's best value).
  const double lo = values.col(column).minCoeff();
  const double hi = values.col(column).maxCoeff();
  const double span = std::max({hi - lo, std::abs(hi), std::abs(lo), 1.0});
  double bound = 0;
  if (rule.rule == Rule::kLinear) {
    bound = rule.best;
  } else if (lower) {
    bound = lo >= 0 ? 0.0 : lo - options.search_spans * span;
  } else {
    bound = hi + options.search_spans * span;
  }
  if ((lower ? bound >= now : bound <= now) || !probe.Wins(bound)) {
    return std::nullopt;
  }
  double losing = now;
  double winning = bound;
  for (int i = 0; i < 200; ++i) {
    const double tolerance =
        options.relative_precision * std::max(1.0, std::abs(winning));
    if (std::abs(winning - losing) <= tolerance) break;
    const double mid = 0.5 * (losing + winning);
    (probe.Wins(mid) ? winning : losing) = mid;
  }
  c.value = winning;
  c.continuous = true;
  const bool money =
      col.type == CriterionType::kPrice || col.type == CriterionType::kCost;
  const std::string unit =
      money ? " " + options.currency : (col.unit.empty() ? "" : " " + col.unit);
  c.text = col.name + (lower ? " below " : " above ") +
           FormatNumber(winning, money) + unit + " (now " +
           FormatNumber(now, money) + unit + ")";
  return c;
}

}  // namespace

CounterfactualResult FindCounterfactuals(const Scorer& scorer,
                                         const Eigen::MatrixXd& values,
                                         const Evaluation& evaluation,
                                         const CounterfactualOptions& options) {
  assert(options.IsValid());
  assert(values.rows() == evaluation.totals.size());
  CounterfactualResult r;
  const Eigen::Index n = values.rows();
  r.winner = evaluation.Winner();
  if (n < 2) {
    r.explanation = n == 0 ? "There are no bids, so there is no winner."
                           : "There is only one bid: it wins, and no other "
                             "bid needs a counterfactual.";
    return r;
  }
  // One single-column scorer per column, shared by every bid.
  std::vector<Scorer> columns;
  columns.reserve(scorer.columns().size());
  for (const Column& c : scorer.columns()) {
    columns.push_back(OneColumnScorer(c.rule));
  }
  // The bids looked at: every non-winning bid, or the best-ranked max_bids
  // of them, in input order.
  std::vector<Eigen::Index> looked_at;
  for (const int b : evaluation.order) {
    if (b == r.winner) continue;
    if (static_cast<int>(looked_at.size()) >= options.max_bids) break;
    looked_at.push_back(b);
  }
  std::sort(looked_at.begin(), looked_at.end());
  r.non_winning = static_cast<int>(n) - (r.winner >= 0 ? 1 : 0);
  int with_change = 0;
  for (const Eigen::Index b : looked_at) {
    Counterfactual cf;
    cf.bid = static_cast<int>(b);
    for (Eigen::Index j = 0; j < values.cols(); ++j) {
      std::optional<SingleChange> c =
          Solve(scorer, columns[static_cast<std::size_t>(j)], values,
                evaluation, b, j, options);
      if (c) cf.changes.push_back(std::move(*c));
    }
    const auto k = static_cast<std::size_t>(b);
    const std::string name =
        "Bid " + (k < options.bid_ids.size() ? options.bid_ids[k]
                                             : std::to_string(b + 1));
    if (cf.changes.empty()) {
      cf.sentence = name +
                    " could not have won by changing any single criterion: "
                    "it would need to improve on more than one.";
    } else {
      ++with_change;
      cf.sentence = name + " would have won with ";
      for (std::size_t i = 0; i < cf.changes.size(); ++i) {
        if (i > 0) cf.sentence += ", or with ";
        cf.sentence += cf.changes[i].text;
      }
      cf.sentence += ".";
    }
    r.bids.push_back(std::move(cf));
  }
  r.explanation = std::to_string(with_change) + " of " +
                  std::to_string(looked_at.size()) +
                  " non-winning bids could have won by changing one value.";
  if (static_cast<int>(looked_at.size()) < r.non_winning) {
    r.explanation += " Only the " + std::to_string(looked_at.size()) +
                     " best-ranked of the " + std::to_string(r.non_winning) +
                     " non-winning bids were looked at (each search re-scores "
                     "every bid; limit " +
                     std::to_string(options.max_bids) + ").";
  }
  if (evaluation.tied[static_cast<std::size_t>(r.winner)]) {
    r.explanation +=
        " The winner is tied and leads only by input order: a bid tied with "
        "it wins with any improvement, however small.";
  }
  return r;
}

// ---------------------------------------------------------------------------
// Excluded bids

namespace {

bool MoneyColumn(const Column& c) {
  return c.type == CriterionType::kPrice || c.type == CriterionType::kCost;
}

// The nearest value of `column` (absolute rule) whose points reach
// `min_points`, from the bid's value `now` in the improving direction.
std::optional<double> NeededValue(const Scorer& scorer, Eigen::Index column,
                                  double now, double min_points) {
  const Column& col = scorer.columns()[static_cast<std::size_t>(column)];
  const ScoringRule& rule = col.rule;
  const double weight = scorer.weights()[column];
  if (col.relative || weight <= 0) return std::nullopt;
  const Scorer one = OneColumnScorer(rule);
  Eigen::MatrixXd x(1, 1);
  Eigen::MatrixXd out;
  Eigen::VectorXd lo, hi;
  const auto reaches = [&](double v) {
    x(0, 0) = v;
    one.Score(x, &out, &lo, &hi);
    return scorer.Round(out(0, 0) * weight) >= min_points - 1e-9;
  };
  const bool lower = LowerIsBetter(rule);
  std::vector<double> candidates;
  if (rule.rule == Rule::kYesNo) {
    candidates.push_back(1);
  } else if (rule.rule == Rule::kScale) {
    for (const ScaleLevel& level : rule.levels) {
      if (level.value > now) candidates.push_back(level.value);
    }
    std::sort(candidates.begin(), candidates.end());
  } else if (rule.rule == Rule::kSteps) {
    for (const Step& st : rule.steps) {
      if (lower ? st.threshold < now : st.threshold > now) {
        candidates.push_back(st.threshold);
      }
    }
    std::sort(candidates.begin(), candidates.end());
    if (lower) std::reverse(candidates.begin(), candidates.end());
  } else if (rule.rule == Rule::kLinear) {
    // Points are linear in the value between the anchors: bisection to the
    // boundary, on the reaching side.
    if (!reaches(rule.best)) return std::nullopt;
    double losing = now;
    double winning = rule.best;
    for (int i = 0; i < 200 && std::abs(winning - losing) >
                                   1e-10 * std::max(1.0, std::abs(winning));
         ++i) {
      const double mid = 0.5 * (losing + winning);
      (reaches(mid) ? winning : losing) = mid;
    }
    return winning;
  }
  for (const double v : candidates) {
    if (reaches(v)) return v;
  }
  return std::nullopt;
}

}  // namespace

EligibilityResult FindEligibilityCounterfactuals(
    const Scorer& scorer, const Eigen::MatrixXd& values,
    const Evaluation& evaluation, const EligibilityOptions& options) {
  assert(options.IsValid());
  assert(values.rows() == evaluation.totals.size());
  EligibilityResult r;
  const Eigen::Index n = values.rows();
  if (evaluation.exclusion.empty()) return r;
  Eigen::VectorXd quality = Eigen::VectorXd::Zero(scorer.size());
  for (Eigen::Index j = 0; j < scorer.size(); ++j) {
    quality[j] =
        MoneyColumn(scorer.columns()[static_cast<std::size_t>(j)]) ? 0.0 : 1.0;
  }
  // The max-pass ranking: the bids that met every minimum, best quality
  // first, input order among equals (as the scorer ranks them).
  std::vector<std::pair<double, Eigen::Index>> passed;
  bool cut = false;
  std::optional<double> last_in;
  for (Eigen::Index i = 0; i < n; ++i) {
    const ExclusionStage stage =
        evaluation.exclusion[static_cast<std::size_t>(i)].stage;
    if (stage == ExclusionStage::kMaxPass) cut = true;
    if (stage != ExclusionStage::kNone && stage != ExclusionStage::kMaxPass) {
      continue;
    }
    const double q = evaluation.PointsOn(i, quality);
    passed.emplace_back(q, i);
    if (stage == ExclusionStage::kNone) {
      last_in = last_in ? std::min(*last_in, q) : q;
    }
  }
  std::stable_sort(
      passed.begin(), passed.end(),
      [](const auto& a, const auto& b) { return a.first > b.first; });
  const std::vector<ScoreThreshold>& thresholds = scorer.thresholds();
  for (Eigen::Index i = 0; i < n; ++i) {
    const Exclusion& ex = evaluation.exclusion[static_cast<std::size_t>(i)];
    if (ex.stage == ExclusionStage::kNone) continue;
    ++r.excluded;
    if (static_cast<int>(r.bids.size()) >= options.max_bids) continue;
    EligibilityCounterfactual e;
    e.bid = static_cast<int>(i);
    e.stage = ex.stage;
    e.passed = static_cast<int>(passed.size());
    if (ex.stage == ExclusionStage::kRequirement) {
      e.requirement = ex.rule;
      r.bids.push_back(std::move(e));
      continue;
    }
    e.quality_points = evaluation.PointsOn(i, quality);
    for (std::size_t t = 0; t < thresholds.size(); ++t) {
      const ScoreThreshold& th = thresholds[t];
      const double p = evaluation.PointsOn(i, th.mask);
      if (p >= th.min_points - 1e-9) continue;
      ThresholdShortfall s;
      s.threshold = static_cast<int>(t);
      s.points = p;
      s.min_points = th.min_points;
      s.max_points = th.max_points;
      s.lacking = th.min_points - p;
      if (th.mask.sum() == 1.0) {
        Eigen::Index column = 0;
        th.mask.maxCoeff(&column);
        s.column = static_cast<int>(column);
        s.current = values(i, column);
        s.needed = NeededValue(scorer, column, s.current, th.min_points);
      }
      e.thresholds.push_back(s);
    }
    if (cut && last_in) {
      e.cut_points = *last_in;
      e.cut_lacking = std::max(0.0, *last_in - e.quality_points);
    }
    if (ex.stage == ExclusionStage::kMaxPass) {
      for (std::size_t k = 0; k < passed.size(); ++k) {
        if (passed[k].second == i) e.place = static_cast<int>(k) + 1;
      }
    }
    r.bids.push_back(std::move(e));
  }
  return r;
}

}  // namespace circa
