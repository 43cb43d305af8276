// Money-based award methods (docs/money-methods.md): fictitious price,
// discount per level, environmental cost added and ProZorro features. Each
// is a pure function of the method and the bids.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "circa/money.h"
#include "util/number_format.h"
#include "util/round.h"

namespace circa {
namespace {

// Fractions, caps and enum values are compared with this slack: 0.15 + 0.15
// must equal a cap of 0.30 written in decimal.
constexpr double kSlack = 1e-9;

std::string BidPath(const MoneyBid& bid) { return "bids[" + bid.id + "]"; }

std::string Percent(double fraction) {
  return FormatNumber(fraction * 100, -1) + " %";
}

std::string LevelNames(const std::vector<ValueLevel>& levels) {
  std::string out;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (i > 0) out += i + 1 == levels.size() ? " or " : ", ";
    out += "\"" + levels[i].name + "\"";
  }
  return out;
}

const ValueLevel* FindLevel(const std::vector<ValueLevel>& levels,
                            const std::string& name) {
  for (const ValueLevel& l : levels) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

// The level a bid gives for `criterion`, or an error.
const ValueLevel* BidLevel(const MoneyBid& bid, const std::string& criterion,
                           const std::vector<ValueLevel>& levels,
                           Diagnostics* diag) {
  const std::string path = BidPath(bid) + "." + criterion;
  const auto it = bid.levels.find(criterion);
  if (it == bid.levels.end()) {
    diag->Error(bid.where, path,
                "missing; expected one of " + LevelNames(levels));
    return nullptr;
  }
  const ValueLevel* level = FindLevel(levels, it->second);
  if (level == nullptr) {
    diag->Error(bid.where, path,
                "unknown level \"" + it->second + "\"; expected one of " +
                    LevelNames(levels));
  }
  return level;
}

// Amounts beyond this are refused (docs/criteria-format.md, "Limits"): a
// trillion in any currency, far from where sums and products overflow.
constexpr double kMaxAmount = 1e12;

void CheckPrice(const MoneyBid& bid, Diagnostics* diag) {
  if (!std::isfinite(bid.price) || bid.price < 0) {
    diag->Error(bid.where, BidPath(bid) + ".price",
                "expected a price >= 0, got " + FormatNumber(bid.price, -1));
  } else if (bid.price > kMaxAmount) {
    diag->Error(bid.where, BidPath(bid) + ".price",
                "price " + fmt::format("{}", bid.price) +
                    " is out of range; amounts must be at most 1e12 "
                    "(docs/criteria-format.md, \"Limits\")");
  }
}

// The evaluated price must be a number within the amount range: level
// values and factors from the award can still push it out.
void CheckEvaluated(const MoneyBid& bid, double exact, Diagnostics* diag) {
  if (!(bid.price >= 0 && bid.price <= kMaxAmount)) return;  // reported
  if (std::isfinite(exact) && std::abs(exact) <= kMaxAmount) return;
  diag->Error(bid.where, BidPath(bid),
              std::string("the evaluated price ") +
                  (std::isfinite(exact) ? "is " + fmt::format("{}", exact)
                                        : std::string("overflows (not a "
                                                      "finite number)")) +
                  "; amounts must keep it within -1e12 to 1e12 "
                  "(docs/criteria-format.md, \"Limits\")");
}

void CheckLevelNames(const std::vector<ValueLevel>& levels,
                     const SourceLocation& where, const std::string& path,
                     Diagnostics* diag) {
  if (levels.empty()) {
    diag->Error(where, path + ".levels", "expected at least one level");
  }
  std::set<std::string> seen;
  for (const ValueLevel& l : levels) {
    if (!seen.insert(l.name).second) {
      diag->Error(where, path + ".levels",
                  "level \"" + l.name + "\" is named twice");
    }
    if (!std::isfinite(l.value)) {
      diag->Error(where, path + ".levels." + l.name, "expected a number");
    }
  }
}

MoneyRanking Start(MoneyMethod method, const MoneyOptions& options,
                   const std::vector<MoneyBid>& bids) {
  MoneyRanking out;
  out.method = method;
  out.currency = options.currency;
  out.decimals = options.decimals;
  out.bids.resize(bids.size());
  for (std::size_t i = 0; i < bids.size(); ++i) {
    out.bids[i].id = bids[i].id;
    out.bids[i].supplier = bids[i].supplier;
    out.bids[i].price = bids[i].price;
  }
  return out;
}

Result<MoneyRanking> Finish(MoneyRanking ranking, Diagnostics* diag) {
  Result<MoneyRanking> out;
  out.diagnostics = diag->Take();
  if (!HasErrors(out.diagnostics)) out.value = std::move(ranking);
  return out;
}

bool CheckOptions(const MoneyOptions& options, Diagnostics* diag) {
  std::string why;
  if (options.IsValid(&why)) return true;
  diag->Error({}, "options", why);
  return false;
}

}  // namespace

std::string_view ToString(MoneyMethod method) {
  switch (method) {
    case MoneyMethod::kFictitiousPrice:
      return "fictitious-price";
    case MoneyMethod::kLadderDiscount:
      return "ladder-discount";
    case MoneyMethod::kEnvironmentalCost:
      return "environmental-cost";
    case MoneyMethod::kProzorro:
      return "prozorro-features";
  }
  return "?";
}

std::string_view ToString(AdjustmentKind kind) {
  switch (kind) {
    case AdjustmentKind::kValueShare:
      return "value-share";
    case AdjustmentKind::kValueAmount:
      return "value-amount";
    case AdjustmentKind::kDiscountShare:
      return "discount-share";
    case AdjustmentKind::kDiscountAmount:
      return "discount-amount";
    case AdjustmentKind::kCostAdded:
      return "cost-added";
    case AdjustmentKind::kFeature:
      return "feature";
  }
  return "?";
}

std::optional<MoneyMethod> MoneyMethodFromString(std::string_view text) {
  for (const MoneyMethod m :
       {MoneyMethod::kFictitiousPrice, MoneyMethod::kLadderDiscount,
        MoneyMethod::kEnvironmentalCost, MoneyMethod::kProzorro}) {
    if (ToString(m) == text) return m;
  }
  return std::nullopt;
}

std::vector<std::string> MoneyAward::LevelColumns() const {
  std::vector<std::string> out;
  if (method == MoneyMethod::kFictitiousPrice) {
    for (const ValueCriterion& c : fictitious.criteria) out.push_back(c.id);
  } else if (method == MoneyMethod::kLadderDiscount) {
    out.push_back(ladder.criterion);
  }
  return out;
}

std::vector<std::string> MoneyAward::ValueColumns() const {
  std::vector<std::string> out;
  if (method == MoneyMethod::kEnvironmentalCost) {
    out.push_back(environmental.criterion);
  } else if (method == MoneyMethod::kProzorro) {
    for (const ProzorroFeature& f : prozorro.features) out.push_back(f.code);
  }
  return out;
}

Result<MoneyRanking> EvaluateMoneyAward(const MoneyAward& award,
                                        const std::vector<MoneyBid>& bids) {
  switch (award.method) {
    case MoneyMethod::kFictitiousPrice:
      return EvaluateFictitiousPrice(award.fictitious, bids, award.options);
    case MoneyMethod::kLadderDiscount:
      return EvaluateLadderDiscount(award.ladder, bids, award.options);
    case MoneyMethod::kEnvironmentalCost:
      return EvaluateEnvironmentalCost(award.environmental, bids,
                                       award.options);
    case MoneyMethod::kProzorro:
      return EvaluateProzorro(award.prozorro, bids, award.options);
  }
  return {};
}

bool MoneyOptions::IsValid(std::string* why) const {
  if (decimals < 0 || decimals > 6) {
    *why = "decimals: expected a whole number from 0 to 6, got " +
           std::to_string(decimals);
    return false;
  }
  if (currency.empty()) {
    *why = "currency: expected a currency code such as EUR";
    return false;
  }
  return true;
}

double RoundMoney(double value, int decimals) {
  return util::RoundDecimal(value, decimals);
}

double ProzorroCoefficient(double sum_v, double sum_v_max) {
  return 1 + sum_v / (1 - sum_v_max);
}

void RankByEvaluatedPrice(MoneyRanking* ranking) {
  std::vector<MoneyBidResult>& bids = ranking->bids;
  ranking->order.resize(bids.size());
  for (std::size_t i = 0; i < bids.size(); ++i) ranking->order[i] = i;
  std::stable_sort(ranking->order.begin(), ranking->order.end(),
                   [&](std::size_t a, std::size_t b) {
                     return bids[a].evaluated < bids[b].evaluated;
                   });
  ranking->ties.clear();
  for (std::size_t k = 0; k < ranking->order.size();) {
    std::size_t end = k + 1;
    while (end < ranking->order.size() &&
           bids[ranking->order[end]].evaluated ==
               bids[ranking->order[k]].evaluated) {
      ++end;
    }
    std::vector<std::size_t> group(
        ranking->order.begin() + static_cast<std::ptrdiff_t>(k),
        ranking->order.begin() + static_cast<std::ptrdiff_t>(end));
    for (std::size_t j : group) {
      bids[j].rank = static_cast<int>(k) + 1;
      bids[j].tied = group.size() > 1;
      bids[j].tie_group =
          group.size() > 1 ? static_cast<int>(ranking->ties.size()) : -1;
    }
    if (group.size() > 1) ranking->ties.push_back(std::move(group));
    k = end;
  }
}

void CheckMethod(const FictitiousPrice& method, Diagnostics* diag) {
  if (method.criteria.empty()) {
    diag->Error({}, "criteria", "expected at least one criterion with a value");
  }
  std::set<std::string> ids;
  for (const ValueCriterion& c : method.criteria) {
    const std::string path = "criteria[" + c.id + "]";
    if (!ids.insert(c.id).second) {
      diag->Error(c.where, path, "criterion named twice");
    }
    if (c.kind == LevelValue::kFraction &&
        (!std::isfinite(c.value) || c.value <= 0)) {
      diag->Error(c.where, path + ".value",
                  "expected the criterion's money value at 100 %, > 0");
    }
    CheckLevelNames(c.levels, c.where, path, diag);
    if (c.kind != LevelValue::kFraction) continue;
    for (const ValueLevel& l : c.levels) {
      if (l.value > 1 + kSlack) {
        diag->Error(c.where, path + ".levels." + l.name,
                    "expected a fraction of the criterion's value at most 1 "
                    "(100 %), got " +
                        FormatNumber(l.value, -1));
      }
    }
  }
}

Result<MoneyRanking> EvaluateFictitiousPrice(const FictitiousPrice& method,
                                             const std::vector<MoneyBid>& bids,
                                             const MoneyOptions& options) {
  Diagnostics diag;
  CheckMethod(method, &diag);
  CheckOptions(options, &diag);
  MoneyRanking r = Start(MoneyMethod::kFictitiousPrice, options, bids);
  if (diag.HasErrors()) return Finish(std::move(r), &diag);
  for (std::size_t i = 0; i < bids.size(); ++i) {
    CheckPrice(bids[i], &diag);
    MoneyBidResult& out = r.bids[i];
    double total = 0;
    for (const ValueCriterion& c : method.criteria) {
      const ValueLevel* l = BidLevel(bids[i], c.id, c.levels, &diag);
      if (l == nullptr) continue;
      MoneyAdjustment a;
      a.criterion = c.id;
      a.name = c.name.empty() ? c.id : c.name;
      a.level = l->name;
      const bool share = c.kind == LevelValue::kFraction;
      a.kind =
          share ? AdjustmentKind::kValueShare : AdjustmentKind::kValueAmount;
      a.value = l->value;
      a.base = share ? c.value : 0;
      const double worth = share ? l->value * c.value : l->value;
      a.amount = -worth;
      total += worth;
      out.adjustments.push_back(std::move(a));
    }
    out.exact = bids[i].price - total;
    out.evaluated = RoundMoney(out.exact, options.decimals);
    CheckEvaluated(bids[i], out.exact, &diag);
  }
  if (diag.HasErrors()) return Finish(std::move(r), &diag);
  RankByEvaluatedPrice(&r);
  return Finish(std::move(r), &diag);
}

void CheckMethod(const LadderDiscount& method, Diagnostics* diag) {
  CheckLevelNames(method.levels, method.where, method.criterion, diag);
  if (method.kind != LevelValue::kFraction) return;
  for (const ValueLevel& l : method.levels) {
    if (l.value >= 1) {
      diag->Error(method.where, method.criterion + ".levels." + l.name,
                  "expected a discount below 1 (100 %), e.g. 0.05 for 5 %, "
                  "got " +
                      FormatNumber(l.value, -1));
    }
  }
}

Result<MoneyRanking> EvaluateLadderDiscount(const LadderDiscount& method,
                                            const std::vector<MoneyBid>& bids,
                                            const MoneyOptions& options) {
  Diagnostics diag;
  CheckMethod(method, &diag);
  CheckOptions(options, &diag);
  MoneyRanking r = Start(MoneyMethod::kLadderDiscount, options, bids);
  if (diag.HasErrors()) return Finish(std::move(r), &diag);
  for (std::size_t i = 0; i < bids.size(); ++i) {
    CheckPrice(bids[i], &diag);
    const ValueLevel* l =
        BidLevel(bids[i], method.criterion, method.levels, &diag);
    if (l == nullptr) continue;
    MoneyBidResult& out = r.bids[i];
    MoneyAdjustment a;
    a.criterion = method.criterion;
    a.name = method.name;
    a.level = l->name;
    a.value = l->value;
    if (method.kind == LevelValue::kFraction) {
      a.kind = AdjustmentKind::kDiscountShare;
      a.base = bids[i].price;
      a.amount = -bids[i].price * l->value;
      out.exact = bids[i].price * (1 - l->value);
    } else {
      a.kind = AdjustmentKind::kDiscountAmount;
      a.amount = -l->value;
      out.exact = bids[i].price - l->value;
    }
    out.adjustments.push_back(std::move(a));
    out.evaluated = RoundMoney(out.exact, options.decimals);
    CheckEvaluated(bids[i], out.exact, &diag);
  }
  if (diag.HasErrors()) return Finish(std::move(r), &diag);
  RankByEvaluatedPrice(&r);
  return Finish(std::move(r), &diag);
}

void CheckMethod(const EnvironmentalCostAdded& method, Diagnostics* diag) {
  if (!std::isfinite(method.factor) || method.factor <= 0) {
    diag->Error(
        method.where, method.criterion + ".factor",
        "expected a factor > 0, got " + FormatNumber(method.factor, -1));
  }
}

Result<MoneyRanking> EvaluateEnvironmentalCost(
    const EnvironmentalCostAdded& method, const std::vector<MoneyBid>& bids,
    const MoneyOptions& options) {
  Diagnostics diag;
  CheckMethod(method, &diag);
  CheckOptions(options, &diag);
  MoneyRanking r = Start(MoneyMethod::kEnvironmentalCost, options, bids);
  if (diag.HasErrors()) return Finish(std::move(r), &diag);
  const std::string& cur = options.currency;
  for (std::size_t i = 0; i < bids.size(); ++i) {
    CheckPrice(bids[i], &diag);
    const std::string path = BidPath(bids[i]) + "." + method.criterion;
    const auto it = bids[i].values.find(method.criterion);
    if (it == bids[i].values.end()) {
      diag.Error(bids[i].where, path,
                 "missing; expected the bid's environmental cost in " + cur);
      continue;
    }
    if (!std::isfinite(it->second) || it->second < 0) {
      diag.Error(bids[i].where, path,
                 "expected an environmental cost >= 0, got " +
                     FormatNumber(it->second, -1));
      continue;
    }
    MoneyBidResult& out = r.bids[i];
    MoneyAdjustment a;
    a.criterion = method.criterion;
    a.name = method.name;
    a.kind = AdjustmentKind::kCostAdded;
    a.value = it->second;
    a.factor = method.factor;
    a.amount = method.factor * it->second;
    out.adjustments.push_back(std::move(a));
    out.exact = bids[i].price + method.factor * it->second;
    out.evaluated = RoundMoney(out.exact, options.decimals);
    CheckEvaluated(bids[i], out.exact, &diag);
  }
  if (diag.HasErrors()) return Finish(std::move(r), &diag);
  RankByEvaluatedPrice(&r);
  return Finish(std::move(r), &diag);
}

void CheckMethod(const ProzorroFeatures& method, Diagnostics* diag) {
  double sum_max = 0;
  std::set<std::string> codes;
  for (const ProzorroFeature& f : method.features) {
    const std::string path = "features[" + f.code + "]";
    if (!codes.insert(f.code).second) {
      diag->Error(f.where, path, "feature code used twice");
    }
    if (f.options.empty()) {
      diag->Error(f.where, path + ".enum", "expected at least one value");
      continue;
    }
    double max = 0;
    for (const ValueLevel& o : f.options) {
      if (!std::isfinite(o.value) || o.value < 0 || o.value > method.cap) {
        diag->Error(f.where, path + ".enum",
                    "expected values from 0 to " +
                        FormatNumber(method.cap, -1) + ", got " +
                        FormatNumber(o.value, -1));
      }
      max = std::max(max, o.value);
    }
    sum_max += max;
  }
  if (sum_max > method.cap + kSlack) {
    diag->Error(method.where, "features",
                "the features' maximum values add up to " +
                    FormatNumber(sum_max, -1) + "; expected at most " +
                    FormatNumber(method.cap, -1) + " (" + Percent(method.cap) +
                    ", ProZorro's limit on non-price criteria)");
  }
}

Result<MoneyRanking> EvaluateProzorro(const ProzorroFeatures& method,
                                      const std::vector<MoneyBid>& bids,
                                      const MoneyOptions& options) {
  Diagnostics diag;
  CheckMethod(method, &diag);
  CheckOptions(options, &diag);
  MoneyRanking r = Start(MoneyMethod::kProzorro, options, bids);
  if (diag.HasErrors()) return Finish(std::move(r), &diag);
  double sum_max = 0;
  for (const ProzorroFeature& f : method.features) {
    double max = 0;
    for (const ValueLevel& o : f.options) max = std::max(max, o.value);
    sum_max += max;
  }
  r.feature_max = sum_max;
  for (std::size_t i = 0; i < bids.size(); ++i) {
    CheckPrice(bids[i], &diag);
    const MoneyBid& bid = bids[i];
    for (const auto& parameter : bid.values) {
      const std::string& code = parameter.first;
      const bool known =
          std::any_of(method.features.begin(), method.features.end(),
                      [&](const ProzorroFeature& f) { return f.code == code; });
      if (!known) {
        diag.Error(bid.where, BidPath(bid) + ".parameters." + code,
                   "no feature has this code");
      }
    }
    MoneyBidResult& out = r.bids[i];
    double sum_v = 0;
    for (const ProzorroFeature& f : method.features) {
      const std::string path = BidPath(bid) + ".parameters." + f.code;
      const auto it = bid.values.find(f.code);
      if (it == bid.values.end()) {
        diag.Error(bid.where, path,
                   "missing; expected one of the feature's values");
        continue;
      }
      const auto match = std::find_if(
          f.options.begin(), f.options.end(), [&](const ValueLevel& o) {
            return std::abs(o.value - it->second) <= kSlack;
          });
      if (match == f.options.end()) {
        std::string allowed;
        for (std::size_t k = 0; k < f.options.size(); ++k) {
          if (k > 0) allowed += k + 1 == f.options.size() ? " or " : ", ";
          allowed += FormatNumber(f.options[k].value, -1);
        }
        diag.Error(bid.where, path,
                   "expected one of the feature's values " + allowed +
                       ", got " + FormatNumber(it->second, -1));
        continue;
      }
      sum_v += it->second;
      MoneyAdjustment a;
      a.criterion = f.code;
      a.name = f.title.empty() ? f.code : f.title;
      a.kind = AdjustmentKind::kFeature;
      a.level = match->name;
      a.value = it->second;
      out.adjustments.push_back(std::move(a));
    }
    out.coefficient = ProzorroCoefficient(sum_v, sum_max);
    out.exact = bid.price / out.coefficient;
    out.evaluated = RoundMoney(out.exact, options.decimals);
    CheckEvaluated(bid, out.exact, &diag);
    // Each feature's share of the reduction, in proportion to its value.
    const double reduction = out.exact - bid.price;
    for (MoneyAdjustment& a : out.adjustments) {
      a.amount = sum_v > 0 ? reduction * a.value / sum_v : 0;
    }
  }
  if (diag.HasErrors()) return Finish(std::move(r), &diag);
  RankByEvaluatedPrice(&r);
  return Finish(std::move(r), &diag);
}

}  // namespace circa
