// The validated criteria set: award criteria as a tree of groups and leaves,
// each leaf with a scoring rule. Immutable once loaded; see
// docs/criteria-format.md.
#ifndef CIRCA_CRITERIA_H_
#define CIRCA_CRITERIA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"

namespace circa {

// eForms BT-539 award criterion type.
enum class CriterionType { kPrice, kCost, kQuality };

// How sibling weights are written (docs/criteria-format.md, "Weights").
enum class WeightMode {
  kPoints,   // siblings add up to their parent's points (top level: scale)
  kPercent,  // siblings add up to 100 % of their parent
};

// Scoring rules (docs/rules.md). The name table in criteria.cc is the single
// source of their spelling.
enum class Rule {
  kLowestRatio,      // P_min / P
  kPercentOfLowest,  // max(0, 1 - (P - P_min) / P_min)
  kLinearRange,      // linear between the lowest and highest bid
  kLinearCeiling,    // linear between the lowest bid and a buyer ceiling
  kLogarithmic,      // 1 - ln(P / P_min) / ln(A)
  kLinear,           // linear between buyer anchors worst and best
  kRatioToBest,      // value / best value (or best / value)
  kSteps,            // step table
  kYesNo,            // yes = 1, no = 0
  kScale,            // ordinal scale with descriptors: level / top level
};

enum class Direction { kHigherIsBetter, kLowerIsBetter };

std::string_view ToString(CriterionType type);
std::string_view ToString(WeightMode mode);
std::string_view ToString(Rule rule);
std::string_view ToString(Direction direction);
std::optional<CriterionType> CriterionTypeFromString(std::string_view text);
std::optional<WeightMode> WeightModeFromString(std::string_view text);
std::optional<Rule> RuleFromString(std::string_view text);
std::optional<Direction> DirectionFromString(std::string_view text);
// Every rule name, in documentation order.
const std::vector<Rule>& AllRules();

// Relative rules depend on the other bids: adding or withdrawing a bid can
// change this bid's score (DOMAIN.md §3).
bool IsRelative(Rule rule);
// Rules that only make sense on a price or cost (they need a lowest bid > 0).
bool IsPriceRule(Rule rule);
// Rules whose input is a number (not yes/no or a scale level).
bool IsNumericInput(Rule rule);

struct Step {
  double threshold = 0;  // at least (higher is better) / at most (lower)
  double score = 0;      // in [0, 1]
};

struct ScaleLevel {
  double value = 0;
  std::string descriptor;
};

struct ScoringRule {
  Rule rule = Rule::kLinear;
  Direction better = Direction::kHigherIsBetter;
  double worst = 0;                // linear: value scoring 0
  double best = 0;                 // linear: value scoring 1
  double ceiling = 0;              // linear-ceiling: price scoring 0
  double zero_at = 2;              // logarithmic: multiple of P_min scoring 0
  bool allow_negative = false;     // logarithmic: keep scores below 0
  std::vector<Step> steps;         // steps, thresholds increasing
  std::vector<ScaleLevel> levels;  // scale, values increasing
};

struct Criterion {
  std::string id;
  std::string name;  // defaults to id
  std::string description;
  std::string unit;
  CriterionType type = CriterionType::kQuality;
  double weight = 0;                   // as written in the file
  double effective_weight = 0;         // points of the set's scale
  SourceLocation where;                // where the criterion starts in its file
  std::optional<ScoringRule> scoring;  // leaves only
  std::vector<Criterion> children;     // groups only

  bool is_group() const { return !children.empty(); }
};

struct CriteriaSet {
  int format = 1;
  std::string id;
  std::string version;
  std::string title;
  std::string description;
  std::string publisher;
  std::string currency = "EUR";
  double scale = 100;
  WeightMode weights = WeightMode::kPoints;
  std::vector<Criterion> criteria;

  std::string source;  // file it was read from
  std::string sha256;  // of that file's bytes

  // Leaves in document order (depth first). Pointers stay valid while this
  // set is alive and unmodified.
  std::vector<const Criterion*> Leaves() const;
  // Top-level ancestor index (into criteria) of each leaf, in Leaves() order.
  std::vector<int> LeafTopLevel() const;
};

}  // namespace circa

#endif  // CIRCA_CRITERIA_H_
