// The formulas are DOMAIN.md §3 and docs/rules.md; each degenerate case has
// one documented outcome and never produces NaN.
#include "score/rules.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace circa::score {
namespace {

// When the lowest price is 0, every ratio rule degenerates: a bid at 0
// takes full marks and any bid above 0 takes none (the limit P_min -> 0).
ColumnOutcome ZeroLowest(const Eigen::Ref<const Eigen::VectorXd>& x,
                         Eigen::Ref<Eigen::VectorXd> out) {
  out = (x.array() == 0.0).cast<double>();
  return {NoteKind::kLowestIsZero};
}

}  // namespace

double ColumnTotal(const ScoringRule& rule,
                   const Eigen::Ref<const Eigen::VectorXd>& x) {
  if (rule.rule != Rule::kShareOfTotal || x.size() == 0) return 0;
  // Scaled by the best value, so that no sum overflows: each term is in
  // [0, 1] and the best one is 1.
  if (rule.better == Direction::kLowerIsBetter) {
    const double min = x.minCoeff();
    return min > 0 ? (min / x.array()).sum() : 0;
  }
  const double max = x.maxCoeff();
  return max > 0 ? (x.array().max(0.0) / max).sum() : 0;
}

ColumnOutcome ScoreColumn(const ScoringRule& rule,
                          const Eigen::Ref<const Eigen::VectorXd>& x,
                          double min, double max, double total,
                          Eigen::Ref<Eigen::VectorXd> out) {
  const bool lower = rule.better == Direction::kLowerIsBetter;
  switch (rule.rule) {
    case Rule::kLowestRatio:
      if (min <= 0) return ZeroLowest(x, out);
      out = min / x.array();
      return {};
    case Rule::kPercentOfLowest:
      if (min <= 0) return ZeroLowest(x, out);
      out = (1.0 - (x.array() - min) / min).max(0.0);
      return {};
    case Rule::kLogarithmic: {
      if (min <= 0) return ZeroLowest(x, out);
      // ln(P / P_min), as ln P - ln P_min where P / P_min overflows (a
      // tiny lowest and a huge price), so the score stays finite.
      const auto ratio = x.array() / min;
      out =
          1.0 - (ratio < std::numeric_limits<double>::infinity())
                        .select(ratio.log(), x.array().log() - std::log(min)) /
                    std::log(rule.zero_at);
      if (!rule.allow_negative) out = out.array().max(0.0);
      return {};
    }
    case Rule::kLinearRange:
      if (max == min) {
        out.setOnes();
        return {NoteKind::kAllEqual};
      }
      // Halves: max - min of two finite values can overflow (-1e308 and
      // 1e308); their halves' difference cannot, and the ratio is the same.
      if (lower) {
        out = (0.5 * max - 0.5 * x.array()) / (0.5 * max - 0.5 * min);
      } else {
        out = (0.5 * x.array() - 0.5 * min) / (0.5 * max - 0.5 * min);
      }
      return {};
    case Rule::kLinearCeiling: {
      const double c = rule.ceiling;
      if (min >= c) {
        out.setZero();
        return {NoteKind::kNoneBelowCeiling};
      }
      out = ((c - x.array()) / (c - min)).max(0.0);
      return {};
    }
    case Rule::kLinear:
      out = ((x.array() - rule.worst) / (rule.best - rule.worst))
                .max(0.0)
                .min(1.0);
      return {};
    case Rule::kRatioToBest:
      if (lower) {
        if (min <= 0) return ZeroLowest(x, out);
        out = min / x.array();
      } else {
        if (max <= 0) {
          out.setZero();
          return {NoteKind::kBestIsZero};
        }
        out = x.array() / max;
      }
      return {};
    case Rule::kShareOfTotal:
      // x / sum x = (x / max) / sum (x / max), and (1/x) / sum (1/x) =
      // (min / x) / sum (min / x): `total` is the scaled sum (>= 1), so
      // nothing overflows. Values are >= 0 (the bid reader refuses
      // negatives; a negative one would count as 0).
      if (lower) {
        if (min <= 0) return ZeroLowest(x, out);
        out = (min / x.array()) / total;
      } else {
        if (max <= 0) {
          out.setZero();
          return {NoteKind::kBestIsZero};
        }
        out = (x.array().max(0.0) / max) / total;
      }
      return {};
    case Rule::kBelowHighest:
      // Every price 0: all equal, full marks.
      if (max <= 0) {
        out.setOnes();
        return {NoteKind::kAllEqual};
      }
      out = 1.0 - x.array() / max;
      return {};
    case Rule::kSteps: {
      // Step tables are short: one vectorised select per step beats a
      // per-cell binary search. Later writes win, so "at least" steps run
      // upwards (the highest threshold met) and "at most" steps downwards
      // (the lowest threshold met).
      out.setZero();
      const auto& steps = rule.steps;
      if (lower) {
        for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
          out = (x.array() <= it->threshold).select(it->score, out);
        }
      } else {
        for (const Step& st : steps) {
          out = (x.array() >= st.threshold).select(st.score, out);
        }
      }
      return {};
    }
    case Rule::kYesNo:
      out = x;
      return {};
    case Rule::kScale:
      out = x / rule.levels.back().value;
      return {};
  }
  return {};
}

}  // namespace circa::score
