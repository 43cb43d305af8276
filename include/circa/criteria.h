// The validated criteria set: award criteria as a tree of groups and leaves,
// each leaf with a scoring rule. Immutable once loaded; see
// docs/criteria-format.md.
#ifndef CIRCA_CRITERIA_H_
#define CIRCA_CRITERIA_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"
#include "circa/money.h"

namespace circa {

// eForms BT-539 award criterion type.
enum class CriterionType { kPrice, kCost, kQuality };

// How sibling weights are written (docs/criteria-format.md, "Weights").
enum class WeightMode {
  kPoints,   // siblings add up to their parent's points (top level: scale)
  kPercent,  // siblings add up to 100 % of their parent
  kOrder,    // only an order of importance is published (art. 67(5));
             // weights are derived as rank-order centroids
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
  kShareOfTotal,     // x / sum x (lower: (1/x) / sum 1/x)
  kBelowHighest,     // 1 - P / P_max
};

enum class Direction { kHigherIsBetter, kLowerIsBetter };

// The circular strategies model sets are organised along (Flemish guidance,
// DOMAIN.md §1; docs/criteria-format.md, "Model sets").
enum class Strategy {
  kUseLess,          // use less: share and pool, fewer materials
  kUseNotOwn,        // buy the use instead of ownership (as a service)
  kReuse,            // reuse, refurbished, remanufactured
  kRecycledContent,  // recycled or bio-based content
  kLongerLife,       // guarantee, repairability, spare parts, modularity
  kNextLoop,         // take-back, buy-back, residual value
};

// EU GPP ambition level of a criterion.
enum class GppLevel { kCore, kComprehensive };

// EU GPP kind of criterion (DOMAIN.md §5). Award criteria live in the
// criteria tree, selection criteria and technical specifications in
// `requirements`, contract performance clauses in `clauses`.
enum class CriterionKind {
  kSelection,
  kTechnicalSpecification,
  kAward,
  kContractClause,
};

// What a tender buys, as the Belgian price examination needs it (royal
// decree of 18 April 2017, art. 36 § 4: a numeric trigger for works and for
// services in a fraud-sensitive sector, none for supplies and other services).
enum class AbnormallyLowContract {
  kWorks,
  kSupplies,
  kServices,
  kFraudSensitiveServices,
};

std::string_view ToString(CriterionType type);
std::string_view ToString(WeightMode mode);
std::string_view ToString(Rule rule);
std::string_view ToString(Direction direction);
std::optional<CriterionType> CriterionTypeFromString(std::string_view text);
std::optional<WeightMode> WeightModeFromString(std::string_view text);
std::optional<Rule> RuleFromString(std::string_view text);
std::optional<Direction> DirectionFromString(std::string_view text);
std::string_view ToString(Strategy strategy);
std::string_view ToString(GppLevel level);
std::string_view ToString(CriterionKind kind);
std::optional<Strategy> StrategyFromString(std::string_view text);
std::optional<GppLevel> GppLevelFromString(std::string_view text);
std::optional<CriterionKind> CriterionKindFromString(std::string_view text);
// "works", "supplies", "services", "fraud-sensitive-services".
std::string_view ToString(AbnormallyLowContract contract);
std::optional<AbnormallyLowContract> AbnormallyLowContractFromString(
    std::string_view text);
// Every strategy, in documentation order.
const std::vector<Strategy>& AllStrategies();
// Every rule name, in documentation order.
const std::vector<Rule>& AllRules();

// Relative rules depend on the other bids: adding or withdrawing a bid can
// change this bid's score (DOMAIN.md §3).
bool IsRelative(Rule rule);
// Rules that only make sense on a price or cost (they need a lowest bid > 0).
bool IsPriceRule(Rule rule);
// Rules whose input is a number (not yes/no or a scale level).
bool IsNumericInput(Rule rule);

// A weight range: lo <= weight <= hi. In a Criterion as written in the file
// (Directive 2014/24/EU art. 67(5): "quality 60-70 %"), in points of the
// scale in Column / Criterion::effective_range and SMAA options.
struct WeightRange {
  double lo = 0;
  double hi = 0;
};

// How a panel's individual scores on a qualitative criterion become the
// criterion's value (docs/panels.md).
enum class PanelAggregate {
  kMean,       // arithmetic mean of the evaluators' scores
  kMedian,     // median (mean of the two middle scores when even)
  kConsensus,  // the row of evaluator "consensus" is required and used
};

struct PanelPolicy {
  PanelAggregate aggregate = PanelAggregate::kMean;
  bool rationale_required = false;  // every score needs a rationale
  bool complete = false;            // every evaluator scores every bid
  // Flag a bid's criterion when max - min of the individual scores exceeds
  // this (in the criterion's own units, e.g. scale levels). Empty: no flag.
  std::optional<double> disagreement_limit;
  SourceLocation where;  // where the policy is declared
};

// What a facilitator documents about a criterion, requirement or clause in
// a model set (docs/criteria-format.md, "Model sets"). All optional for
// the reader; `circa criteria lint` asks for them.
struct Documentation {
  // Name per language code ("en", "nl"): the labels buyers see.
  std::map<std::string, std::string> labels;
  // Description per language code (`descriptions:`); the item's
  // `description` is the English one unless an "en" entry is given.
  std::map<std::string, std::string> descriptions;
  std::string evidence;  // "EU Ecolabel or equivalent; test report ..."
  std::optional<GppLevel> level;
  std::string source;  // a declared source id, then the item: "eu-gpp-x AC2"
  // Where the scoring anchors or the minimum come from: a declared source id
  // then the item ("reg-2023-1670 Annex II"), or "model" when they are the
  // model's own choice. Empty: not said (lint warns on a model set).
  std::string anchor_source;
  std::vector<Strategy> strategies;
};

// Where a criterion of a derived set comes from (`extends:`).
struct Origin {
  enum class Kind { kOwn, kModel, kLocal };
  Kind kind = Kind::kOwn;  // kOwn: the set is not derived
  std::string model;       // "office-furniture 1.0.0" (kModel)
  // Fields the derived set overrode ("weight", "scoring"...), sorted;
  // "criteria" when criteria were dropped from or added to a group.
  std::vector<std::string> changed;
  // Where in the derived file the last change was made (empty file: none).
  SourceLocation changed_at;
};

struct Step {
  double threshold = 0;  // at least (higher is better) / at most (lower)
  double score = 0;      // in [0, 1]
};

struct ScaleLevel {
  double value = 0;
  std::string descriptor;
  // The descriptor per language code (`level-labels:`), as written.
  std::map<std::string, std::string> labels;
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

struct Threshold {
  double value = 0;      // as written
  bool percent = false;  // value is a percentage of the criterion's points
  double points = 0;     // the minimum in points of the set's scale
  SourceLocation where;
};

// A condition on one bid field (OCDS requirements extension: a requirement
// is met if any of its groups is met, a group if all its conditions hold).
struct Condition {
  enum class Op { kEquals, kMin, kMax, kOneOf, kPattern };
  std::string field;
  Op op = Op::kEquals;
  std::string text;                 // equals; pattern (* and ?, any case)
  double number = 0;                // min, max; equals when numeric
  bool numeric = false;             // equals compares numbers
  std::vector<std::string> one_of;  // one-of (case-insensitive)
  SourceLocation where;
};

struct RequirementGroup {
  std::vector<Condition> conditions;  // all must hold
};

struct Requirement {
  std::string id;
  std::string name;
  std::string description;
  std::string evidence;                  // e.g. "FSC, PEFC or equivalent"
  std::vector<RequirementGroup> groups;  // any one must be met
  // Selection criterion or technical specification (the default).
  CriterionKind kind = CriterionKind::kTechnicalSpecification;
  Documentation doc;  // labels, level, source, strategies
  Origin origin;
  SourceLocation where;
};

// A contract performance clause (EU GPP): documented, never scored.
struct Clause {
  std::string id;
  std::string name;
  std::string description;
  Documentation doc;
  Origin origin;
  SourceLocation where;
};

// A document a model set follows (an EU GPP criteria set, national
// guidance). Criteria name it by id in their `source`.
struct SourceDocument {
  std::string id;
  std::string title;
  std::string publisher;
  std::string year;
  std::string url;
  SourceLocation where;
};

// Rounding declared by the set, applied the same way everywhere, including
// before comparison (docs/criteria-format.md, "Rounding").
struct Rounding {
  int decimals = -1;    // -1: no rounding
  bool points = false;  // each criterion's points
  bool totals = false;  // the total (and subtotals)
};

// One step of a declared tie-break policy, tried in order.
struct TieBreakStep {
  enum class Kind {
    kHigherPoints,  // higher points on a criterion or group (target)
    kLowerValue,    // lower value on a leaf criterion, e.g. price (target)
    kEarlier,       // earlier value of a bid field, e.g. submitted (target)
    kDraw,          // seeded draw
  };
  Kind kind = Kind::kDraw;
  std::string target;
  std::uint64_t seed = 0;
  SourceLocation where;
};

// Abnormally low tenders (Directive 2014/24/EU art. 69): flagged, never
// excluded; the buyer must ask for a justification.
struct AbnormallyLowRule {
  enum class Kind {
    kNone,
    kBelowMean,    // more than `percent` % below the mean of the other bids
    kRglcap85,     // Spain, RGLCAP art. 85 (DOMAIN.md §2)
    kKb2017Art36,  // Belgium, royal decree of 18 April 2017, art. 36
  };
  using Contract = AbnormallyLowContract;
  Kind kind = Kind::kNone;
  std::string criterion;  // the price or cost leaf it looks at
  double percent = 20;
  std::optional<double> budget;          // RGLCAP with one or three bids
  Contract contract = Contract::kWorks;  // kb-2017-36 only
  SourceLocation where;
};

struct Criterion {
  std::string id;
  std::string name;  // defaults to id
  std::string description;
  std::string unit;
  CriterionType type = CriterionType::kQuality;
  double weight = 0;            // as written (a range's middle)
  double effective_weight = 0;  // points of the set's scale
  // Published as a range [lo, hi] (weight is its middle): as written, and
  // in points of the set's scale.
  std::optional<WeightRange> weight_range;
  std::optional<WeightRange> effective_range;
  // Published as an order of importance only (1 = most important); the
  // weight is then derived (rank-order centroid). 0: not by order.
  int order = 0;
  // Panel scoring for this criterion (leaf) or every leaf below it (group);
  // overrides the set's panel policy.
  std::optional<PanelPolicy> panel;
  // Minimum score (CJEU C-546/16 Montte): a bid below it is excluded
  // before price and cost are scored. Quality criteria and groups only.
  std::optional<Threshold> threshold;
  SourceLocation where;                // where the criterion starts in its file
  std::optional<ScoringRule> scoring;  // leaves only
  std::vector<Criterion> children;     // groups only
  Documentation doc;  // labels, evidence, level, source, strategies
  Origin origin;      // model or local, in a derived set
  // `from: lcc` (cost leaves): the value is each bid's life-cycle cost from
  // the tender's cost profile, not a bid-file column (docs/lcc.md).
  bool from_lcc = false;
  // `draft: true`: a placeholder still to complete (an imported notice's
  // skeleton marks every rule it had to invent). Evaluate refuses a set
  // with a draft criterion; lint and validate warn.
  bool draft = false;

  bool is_group() const { return !children.empty(); }
};

// What the motivated award decision and the letters to the bidders say
// besides the scores (`decision:`; docs/award-decision.md). Each field the
// buyer leaves empty is written as a flagged placeholder.
struct DecisionFields {
  std::string buyer;       // the contracting authority
  std::string object;      // the contract's object
  std::string reference;   // the file or notice reference
  std::string procedure;   // "open procedure", ...
  std::string standstill;  // the standstill period, as the buyer words it
  std::string remedies;    // the remedies, body and time limits
  std::string place;       // where the decision is signed
  std::string date;        // when
  std::string signatory;   // who signs

  bool empty() const {
    return buyer.empty() && object.empty() && reference.empty() &&
           procedure.empty() && standstill.empty() && remedies.empty() &&
           place.empty() && date.empty() && signatory.empty();
  }
};

struct CriteriaSet {
  int format = 1;
  std::string id;
  std::string version;
  std::string title;
  std::string description;
  std::string publisher;
  std::string currency = "EUR";
  // The language results are written in unless asked otherwise: "en", "nl"
  // or "fr" (`language:`; docs/translating.md). Empty: not declared.
  std::string language;
  DecisionFields decision;  // `decision:`
  double scale = 100;
  SourceLocation scale_at;  // where `scale:` is written (none: default)
  WeightMode weights = WeightMode::kPoints;
  std::vector<Criterion> criteria;

  // Procurement rules (docs/criteria-format.md, "Award order").
  std::vector<Requirement> requirements;
  std::optional<int> max_pass;  // only the best N on quality go on
  Rounding rounding;
  std::vector<TieBreakStep> tie_break;
  AbnormallyLowRule abnormally_low;
  std::optional<PanelPolicy> panel;  // default for qualitative criteria
  // A money-based award (`award:`; docs/money-methods.md): the set ranks on
  // evaluated price instead of points.
  std::optional<MoneyAward> award;

  // Model sets (docs/criteria-format.md, "Model sets").
  std::string product_group;                  // "office-furniture"
  std::map<std::string, std::string> labels;  // title per language
  // Description per language (`descriptions:`), next to `description`.
  std::map<std::string, std::string> descriptions;
  std::vector<SourceDocument> sources;  // documents followed
  std::vector<Clause> clauses;          // contract clauses
  // Derived sets: the model as written in `extends:` ("path" or "id@ver"),
  // and the model's id and version once resolved. Empty: not derived.
  std::string extends;
  std::string model_id;
  std::string model_version;
  std::string model_source;  // the model's file
  std::string model_sha256;  // of its bytes
  // Every model file up the `extends:` chain, the direct model first (so
  // model_source is its first entry). Empty: not derived.
  std::vector<std::string> model_chain;
  std::vector<std::string> dropped;  // ids the derived set dropped
  // Where the derived file changed the top-level list (drop or add).
  SourceLocation derived_at;

  std::string source;  // file it was read from
  std::string sha256;  // of that file's bytes
  // Set by ValidateCriteria (so by every loader) on the set it accepts,
  // whose effective weights it filled in: Scorer::Compile then does not
  // validate it again. Code that changes a validated set sets it back to
  // false (or validates the set again).
  bool validated = false;

  // Leaves in document order (depth first). Pointers stay valid while this
  // set is alive and unmodified.
  std::vector<const Criterion*> Leaves() const;
  // Top-level ancestor index (into criteria) of each leaf, in Leaves() order.
  std::vector<int> LeafTopLevel() const;
  // Bid fields that are not criteria but that requirements and the
  // tie-break policy read (sorted, unique).
  std::vector<std::string> Fields() const;
  // The criterion (leaf or group) with this id, or nullptr.
  const Criterion* Find(std::string_view criterion_id) const;
  // Strategies covered by any criterion, requirement or clause, in
  // documentation order.
  std::vector<Strategy> Strategies() const;
};

}  // namespace circa

#endif  // CIRCA_CRITERIA_H_
