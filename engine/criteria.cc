// Enum <-> string tables (one table per enum, used by loader, reports and
// docs) and tree helpers of the criteria model.
#include "circa/criteria.h"

#include <algorithm>
#include <array>
#include <utility>

#include "circa/money.h"

namespace circa {
namespace {

template <typename E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<CriterionType, 3> kTypes{
    {{CriterionType::kPrice, "price"},
     {CriterionType::kCost, "cost"},
     {CriterionType::kQuality, "quality"}}};
constexpr Table<WeightMode, 3> kWeightModes{{{WeightMode::kPoints, "points"},
                                             {WeightMode::kPercent, "percent"},
                                             {WeightMode::kOrder, "order"}}};
constexpr Table<Rule, 12> kRules{{{Rule::kLowestRatio, "lowest-ratio"},
                                  {Rule::kPercentOfLowest, "percent-of-lowest"},
                                  {Rule::kLinearRange, "linear-range"},
                                  {Rule::kLinearCeiling, "linear-ceiling"},
                                  {Rule::kLogarithmic, "logarithmic"},
                                  {Rule::kLinear, "linear"},
                                  {Rule::kRatioToBest, "ratio-to-best"},
                                  {Rule::kSteps, "steps"},
                                  {Rule::kYesNo, "yes-no"},
                                  {Rule::kScale, "scale"},
                                  {Rule::kShareOfTotal, "share-of-total"},
                                  {Rule::kBelowHighest, "below-highest"}}};
constexpr Table<Direction, 2> kDirections{
    {{Direction::kHigherIsBetter, "higher"},
     {Direction::kLowerIsBetter, "lower"}}};
constexpr Table<Strategy, 6> kStrategies{
    {{Strategy::kUseLess, "use-less"},
     {Strategy::kUseNotOwn, "use-not-own"},
     {Strategy::kReuse, "reuse"},
     {Strategy::kRecycledContent, "recycled-content"},
     {Strategy::kLongerLife, "longer-life"},
     {Strategy::kNextLoop, "next-loop"}}};
constexpr Table<GppLevel, 2> kLevels{
    {{GppLevel::kCore, "core"}, {GppLevel::kComprehensive, "comprehensive"}}};
constexpr Table<CriterionKind, 4> kKinds{
    {{CriterionKind::kSelection, "selection"},
     {CriterionKind::kTechnicalSpecification, "technical-specification"},
     {CriterionKind::kAward, "award"},
     {CriterionKind::kContractClause, "contract-clause"}}};
constexpr Table<AbnormallyLowContract, 4> kContracts{
    {{AbnormallyLowContract::kWorks, "works"},
     {AbnormallyLowContract::kSupplies, "supplies"},
     {AbnormallyLowContract::kServices, "services"},
     {AbnormallyLowContract::kFraudSensitiveServices,
      "fraud-sensitive-services"}}};

template <typename E, std::size_t N>
std::string_view Name(const Table<E, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> Parse(const Table<E, N>& table, std::string_view text) {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

void CollectLeaves(const Criterion& c, int top,
                   std::vector<const Criterion*>* leaves,
                   std::vector<int>* tops) {
  if (!c.is_group()) {
    if (leaves) leaves->push_back(&c);
    if (tops) tops->push_back(top);
    return;
  }
  for (const Criterion& child : c.children)
    CollectLeaves(child, top, leaves, tops);
}

}  // namespace

std::string_view ToString(CriterionType type) { return Name(kTypes, type); }
std::string_view ToString(WeightMode mode) { return Name(kWeightModes, mode); }
std::string_view ToString(Rule rule) { return Name(kRules, rule); }
std::string_view ToString(Direction direction) {
  return Name(kDirections, direction);
}
std::optional<CriterionType> CriterionTypeFromString(std::string_view text) {
  return Parse(kTypes, text);
}
std::optional<WeightMode> WeightModeFromString(std::string_view text) {
  return Parse(kWeightModes, text);
}
std::optional<Rule> RuleFromString(std::string_view text) {
  return Parse(kRules, text);
}
std::optional<Direction> DirectionFromString(std::string_view text) {
  return Parse(kDirections, text);
}

std::string_view ToString(Strategy strategy) {
  return Name(kStrategies, strategy);
}
std::string_view ToString(GppLevel level) { return Name(kLevels, level); }
std::string_view ToString(CriterionKind kind) { return Name(kKinds, kind); }
std::optional<Strategy> StrategyFromString(std::string_view text) {
  return Parse(kStrategies, text);
}
std::optional<GppLevel> GppLevelFromString(std::string_view text) {
  return Parse(kLevels, text);
}
std::optional<CriterionKind> CriterionKindFromString(std::string_view text) {
  return Parse(kKinds, text);
}
std::string_view ToString(AbnormallyLowContract contract) {
  return Name(kContracts, contract);
}
std::optional<AbnormallyLowContract> AbnormallyLowContractFromString(
    std::string_view text) {
  return Parse(kContracts, text);
}

const std::vector<Strategy>& AllStrategies() {
  static const std::vector<Strategy> strategies = [] {
    std::vector<Strategy> out;
    for (const auto& [s, name] : kStrategies) out.push_back(s);
    return out;
  }();
  return strategies;
}

const std::vector<Rule>& AllRules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    for (const auto& [rule, name] : kRules) out.push_back(rule);
    return out;
  }();
  return rules;
}

bool IsRelative(Rule rule) {
  switch (rule) {
    case Rule::kLowestRatio:
    case Rule::kPercentOfLowest:
    case Rule::kLinearRange:
    case Rule::kLinearCeiling:
    case Rule::kLogarithmic:
    case Rule::kRatioToBest:
    case Rule::kShareOfTotal:
    case Rule::kBelowHighest:
      return true;
    case Rule::kLinear:
    case Rule::kSteps:
    case Rule::kYesNo:
    case Rule::kScale:
      return false;
  }
  return false;
}

bool IsPriceRule(Rule rule) {
  return rule == Rule::kLowestRatio || rule == Rule::kPercentOfLowest ||
         rule == Rule::kLinearCeiling || rule == Rule::kLogarithmic ||
         rule == Rule::kBelowHighest;
}

bool IsNumericInput(Rule rule) {
  return rule != Rule::kYesNo && rule != Rule::kScale;
}

std::vector<const Criterion*> CriteriaSet::Leaves() const {
  std::vector<const Criterion*> leaves;
  for (const Criterion& c : criteria) CollectLeaves(c, 0, &leaves, nullptr);
  return leaves;
}

std::vector<int> CriteriaSet::LeafTopLevel() const {
  std::vector<int> tops;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    CollectLeaves(criteria[i], static_cast<int>(i), nullptr, &tops);
  }
  return tops;
}

std::vector<std::string> CriteriaSet::Fields() const {
  std::vector<std::string> out;
  for (const Requirement& r : requirements) {
    for (const RequirementGroup& g : r.groups) {
      for (const Condition& c : g.conditions) out.push_back(c.field);
    }
  }
  for (const TieBreakStep& t : tie_break) {
    if (t.kind == TieBreakStep::Kind::kEarlier) out.push_back(t.target);
  }
  if (award) {  // the money method's level and value columns
    for (const std::string& c : award->LevelColumns()) out.push_back(c);
    for (const std::string& c : award->ValueColumns()) out.push_back(c);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  // A condition may test a criterion's own value; that is no extra field.
  std::erase_if(out, [this](const std::string& f) { return Find(f); });
  return out;
}

namespace {
const Criterion* FindIn(const std::vector<Criterion>& list,
                        std::string_view id) {
  for (const Criterion& c : list) {
    if (c.id == id) return &c;
    if (const Criterion* found = FindIn(c.children, id)) return found;
  }
  return nullptr;
}
}  // namespace

const Criterion* CriteriaSet::Find(std::string_view criterion_id) const {
  return FindIn(criteria, criterion_id);
}

namespace {
void MarkStrategies(const Criterion& c, std::vector<bool>* seen) {
  for (const Strategy s : c.doc.strategies) {
    (*seen)[static_cast<std::size_t>(s)] = true;
  }
  for (const Criterion& child : c.children) MarkStrategies(child, seen);
}
}  // namespace

std::vector<Strategy> CriteriaSet::Strategies() const {
  std::vector<bool> seen(AllStrategies().size(), false);
  for (const Criterion& c : criteria) MarkStrategies(c, &seen);
  const auto mark = [&seen](const Documentation& doc) {
    for (const Strategy s : doc.strategies) {
      seen[static_cast<std::size_t>(s)] = true;
    }
  };
  for (const Requirement& r : requirements) mark(r.doc);
  for (const Clause& c : clauses) mark(c.doc);
  std::vector<Strategy> out;
  for (const Strategy s : AllStrategies()) {
    if (seen[static_cast<std::size_t>(s)]) out.push_back(s);
  }
  return out;
}

}  // namespace circa
