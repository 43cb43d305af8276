// Scenarios (docs/batch.md): reading a scenarios file and applying one
// scenario to a tender's criteria set.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "circa/aggregation.h"
#include "circa/batch.h"

namespace circa {
namespace {

Diagnostic At(const std::string& file, const YAML::Mark& mark,
              const std::string& path, const std::string& message) {
  Diagnostic d;
  d.where = SourceLocation{file, mark.line + 1, mark.column + 1};
  d.path = path;
  d.message = message;
  return d;
}

Diagnostic ScenarioError(const Scenario& s, const std::string& message) {
  Diagnostic d;
  d.path = "scenarios[" + s.name + "]";
  d.message = message;
  return d;
}

// Removes the criteria with these ids (and groups left empty); collects
// the ids of the leaves removed.
void Drop(std::vector<Criterion>* list, const std::set<std::string>& ids,
          std::set<std::string>* found, std::set<std::string>* leaves) {
  const auto collect = [&](const Criterion& c, const auto& self) -> void {
    if (!c.is_group()) leaves->insert(c.id);
    for (const Criterion& child : c.children) self(child, self);
  };
  for (auto it = list->begin(); it != list->end();) {
    if (ids.count(it->id) > 0) {
      found->insert(it->id);
      collect(*it, collect);
      it = list->erase(it);
      continue;
    }
    if (it->is_group()) {
      Drop(&it->children, ids, found, leaves);
      if (it->children.empty()) {
        it = list->erase(it);
        continue;
      }
    }
    ++it;
  }
}

void Leaves(std::vector<Criterion>* list, std::vector<Criterion*>* out) {
  for (Criterion& c : *list) {
    if (c.is_group()) {
      Leaves(&c.children, out);
    } else {
      out->push_back(&c);
    }
  }
}

// Writes `points` (one per leaf, any sum > 0) as weights in points adding
// up to the scale, each group the sum of its children.
double SetPoints(std::vector<Criterion>* list) {
  double sum = 0;
  for (Criterion& c : *list) {
    if (c.is_group()) c.effective_weight = SetPoints(&c.children);
    c.weight = c.effective_weight;
    c.weight_range.reset();
    c.effective_range.reset();
    c.order = 0;
    sum += c.weight;
  }
  return sum;
}

}  // namespace

Result<std::vector<Scenario>> ParseScenarios(std::string_view text,
                                             const std::string& file_name) {
  Result<std::vector<Scenario>> result;
  auto& diag = result.diagnostics;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    diag.push_back(At(file_name, e.mark, "", "not valid YAML: " + e.msg));
    return result;
  }
  const YAML::Node list = root.IsMap() ? root["scenarios"] : YAML::Node();
  if (!list || !list.IsSequence()) {
    diag.push_back(At(file_name, root.Mark(), "scenarios",
                      "expected a list of scenarios under \"scenarios:\""));
    return result;
  }
  std::vector<Scenario> out;
  std::set<std::string> names;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node node = list[i];
    const std::string path = "scenarios[" + std::to_string(i) + "]";
    if (!node.IsMap()) {
      diag.push_back(At(file_name, node.Mark(), path, "expected a mapping"));
      continue;
    }
    Scenario s;
    const auto number = [&](const YAML::Node& v, const std::string& field,
                            double lo, double hi, double* value) {
      try {
        *value = v.as<double>();
      } catch (const YAML::Exception&) {
        diag.push_back(At(file_name, v.Mark(), path + "." + field,
                          "expected a number, got \"" +
                              (v.IsScalar() ? v.Scalar() : "a list") + "\""));
        return false;
      }
      if (!(*value > lo && *value <= hi)) {
        diag.push_back(
            At(file_name, v.Mark(), path + "." + field,
               "expected a number in (" + YAML::Dump(YAML::Node(lo)) + ", " +
                   YAML::Dump(YAML::Node(hi)) + "], got " + v.Scalar()));
        return false;
      }
      return true;
    };
    for (const auto& item : node) {
      const std::string key = item.first.as<std::string>("");
      const YAML::Node& v = item.second;
      const std::string field = path + "." + key;
      if (key == "name") {
        s.name = v.as<std::string>("");
      } else if (key == "drop") {
        if (v.IsScalar()) {
          s.drop.push_back(v.Scalar());
        } else if (v.IsSequence()) {
          for (const auto& id : v) s.drop.push_back(id.as<std::string>(""));
        } else {
          diag.push_back(At(file_name, v.Mark(), field,
                            "expected a criterion id or a list of ids"));
        }
      } else if (key == "price-rule") {
        const auto rule = RuleFromString(v.as<std::string>(""));
        if (!rule || !(IsPriceRule(*rule) || *rule == Rule::kLinearRange)) {
          diag.push_back(
              At(file_name, v.Mark(), field,
                 "expected a price rule (lowest-ratio, percent-of-lowest, "
                 "linear-range, linear-ceiling, logarithmic, below-highest), "
                 "got \"" +
                     v.as<std::string>("") + "\""));
        } else {
          s.price_rule = rule;
        }
      } else if (key == "ceiling-factor") {
        number(v, key, 0, 100, &s.ceiling_factor);
      } else if (key == "zero-at") {
        double z = 0;
        if (number(v, key, 1, 1000, &z)) s.zero_at = z;
      } else if (key == "price-weight") {
        double w = 0;
        if (number(v, key, 0, 100, &w)) {
          // 30 and 0.3 both mean 30 %.
          s.price_weight = w > 1 ? w / 100 : w;
          if (*s.price_weight >= 1) {
            diag.push_back(
                At(file_name, v.Mark(), field,
                   "expected a share below 100 %, got " + v.Scalar()));
          }
        }
      } else if (key == "weights") {
        if (!v.IsSequence()) {
          diag.push_back(At(file_name, v.Mark(), field,
                            "expected a list of {strategy or type, factor}"));
          continue;
        }
        for (std::size_t k = 0; k < v.size(); ++k) {
          const YAML::Node f = v[k];
          const std::string fpath = field + "[" + std::to_string(k) + "]";
          Scenario::Factor factor;
          if (!f.IsMap() || !f["factor"]) {
            diag.push_back(At(file_name, f.Mark(), fpath,
                              "expected {strategy or type, factor}"));
            continue;
          }
          if (f["strategy"]) {
            factor.strategy =
                StrategyFromString(f["strategy"].as<std::string>(""));
            if (!factor.strategy) {
              diag.push_back(At(file_name, f["strategy"].Mark(),
                                fpath + ".strategy",
                                "unknown strategy \"" +
                                    f["strategy"].as<std::string>("") + "\""));
            }
          } else if (f["type"]) {
            factor.type =
                CriterionTypeFromString(f["type"].as<std::string>(""));
            if (!factor.type) {
              diag.push_back(At(file_name, f["type"].Mark(), fpath + ".type",
                                "expected price, cost or quality, got \"" +
                                    f["type"].as<std::string>("") + "\""));
            }
          } else {
            diag.push_back(At(file_name, f.Mark(), fpath,
                              "expected a strategy or a type"));
          }
          number(f["factor"], "factor", 0, 1000, &factor.factor);
          s.factors.push_back(factor);
        }
      } else if (key == "method") {
        s.method = v.as<std::string>("");
        if (!AggregationFromString(s.method)) {
          diag.push_back(At(file_name, v.Mark(), field,
                            "unknown method \"" + s.method +
                                "\"; expected weighted-sum, topsis or "
                                "weighted-product"));
        }
      } else {
        diag.push_back(At(file_name, item.first.Mark(), field,
                          "unknown key; expected name, drop, price-rule, "
                          "ceiling-factor, zero-at, price-weight, weights or "
                          "method"));
      }
    }
    if (s.name.empty()) {
      diag.push_back(At(file_name, node.Mark(), path + ".name",
                        "every scenario needs a name"));
    } else if (!names.insert(s.name).second) {
      diag.push_back(At(file_name, node.Mark(), path + ".name",
                        "the name \"" + s.name + "\" is used twice"));
    }
    out.push_back(std::move(s));
  }
  if (!HasErrors(diag)) result.value = std::move(out);
  return result;
}

Result<Tender> ApplyScenario(const Tender& tender, const Scenario& scenario) {
  if (tender.criteria.award) {
    Result<Tender> result;
    result.diagnostics.push_back(
        ScenarioError(scenario, "a money-based award has no points to change"));
    return result;
  }
  return ApplyScenario(Tender(tender), scenario);
}

Result<Tender> ApplyScenario(Tender&& tender, const Scenario& scenario) {
  Result<Tender> result;
  if (tender.criteria.award) {
    result.diagnostics.push_back(
        ScenarioError(scenario, "a money-based award has no points to change"));
    return result;
  }
  Tender t = std::move(tender);
  CriteriaSet& set = t.criteria;
  // Drop.
  if (!scenario.drop.empty()) {
    const std::set<std::string> ids(scenario.drop.begin(), scenario.drop.end());
    std::set<std::string> found;
    std::set<std::string> dropped_leaves;
    Drop(&set.criteria, ids, &found, &dropped_leaves);
    for (const std::string& id : scenario.drop) {
      if (found.count(id) == 0) {
        result.diagnostics.push_back(
            ScenarioError(scenario, "no criterion \"" + id + "\" to drop"));
        return result;
      }
    }
    if (set.criteria.empty()) {
      result.diagnostics.push_back(
          ScenarioError(scenario, "dropping leaves no criterion"));
      return result;
    }
    // The bids' columns of the dropped leaves go too.
    BidSet& b = t.bids;
    std::vector<Eigen::Index> keep;
    for (std::size_t j = 0; j < b.criteria.size(); ++j) {
      if (dropped_leaves.count(b.criteria[j]) == 0) {
        keep.push_back(static_cast<Eigen::Index>(j));
      }
    }
    Eigen::MatrixXd values(b.values.rows(),
                           static_cast<Eigen::Index>(keep.size()));
    CellTexts text;
    std::vector<std::string> criteria;
    text.reserve(static_cast<std::size_t>(values.size()), 0);
    for (std::size_t k = 0; k < keep.size(); ++k) {
      values.col(static_cast<Eigen::Index>(k)) = b.values.col(keep[k]);
      criteria.push_back(b.criteria[static_cast<std::size_t>(keep[k])]);
    }
    const std::size_t cols = b.criteria.size();
    for (Eigen::Index i = 0; i < b.values.rows(); ++i) {
      for (const Eigen::Index j : keep) {
        text.push_back(b.text[static_cast<std::size_t>(i) * cols +
                              static_cast<std::size_t>(j)]);
      }
    }
    b.values = std::move(values);
    b.text = std::move(text);
    b.criteria = std::move(criteria);
    // Requirements and the tie-break on dropped criteria cannot stay.
    std::erase_if(set.tie_break, [&](const TieBreakStep& s) {
      return ids.count(s.target) > 0 || dropped_leaves.count(s.target) > 0;
    });
    if (dropped_leaves.count(set.abnormally_low.criterion) > 0) {
      set.abnormally_low = AbnormallyLowRule{};
    }
  }
  std::vector<Criterion*> leaves;
  Leaves(&set.criteria, &leaves);
  // Price rule, with its parameters derived from the bids.
  std::vector<Criterion*> price;
  for (Criterion* c : leaves) {
    if (c->type == CriterionType::kPrice) price.push_back(c);
  }
  if (scenario.price_rule) {
    if (price.empty()) {
      result.diagnostics.push_back(
          ScenarioError(scenario, "the set has no price criterion"));
      return result;
    }
    for (Criterion* c : price) {
      ScoringRule rule;
      rule.rule = *scenario.price_rule;
      rule.better = Direction::kLowerIsBetter;
      if (rule.rule == Rule::kLinearCeiling) {
        const auto col =
            std::find(t.bids.criteria.begin(), t.bids.criteria.end(), c->id);
        double highest = 0;
        if (col != t.bids.criteria.end() && t.bids.values.rows() > 0) {
          highest = t.bids.values.col(col - t.bids.criteria.begin()).maxCoeff();
        }
        rule.ceiling = highest * scenario.ceiling_factor;
      }
      if (rule.rule == Rule::kLogarithmic) {
        rule.zero_at = scenario.zero_at.value_or(2);
      }
      c->scoring = rule;
    }
  }
  // Weights: from the effective points, then factors, then the price share.
  const bool reweigh = !scenario.drop.empty() || !scenario.factors.empty() ||
                       scenario.price_weight.has_value();
  if (reweigh) {
    for (const Scenario::Factor& f : scenario.factors) {
      for (Criterion* c : leaves) {
        const bool match =
            (f.strategy &&
             std::find(c->doc.strategies.begin(), c->doc.strategies.end(),
                       *f.strategy) != c->doc.strategies.end()) ||
            (f.type && c->type == *f.type);
        if (match) c->effective_weight *= f.factor;
      }
    }
    double total = 0;
    for (const Criterion* c : leaves) total += c->effective_weight;
    if (!(total > 0)) {
      result.diagnostics.push_back(
          ScenarioError(scenario, "no weight is left on any criterion"));
      return result;
    }
    for (Criterion* c : leaves) {
      c->effective_weight *= set.scale / total;
    }
    if (scenario.price_weight) {
      double on_price = 0;
      for (const Criterion* c : price) on_price += c->effective_weight;
      if (price.empty() || !(on_price > 0)) {
        result.diagnostics.push_back(
            ScenarioError(scenario, "the set has no price criterion"));
        return result;
      }
      const double target = *scenario.price_weight * set.scale;
      const double rest = set.scale - on_price;
      if (!(rest > 0)) {
        result.diagnostics.push_back(ScenarioError(
            scenario,
            "price carries every point; there is nothing to rescale"));
        return result;
      }
      for (Criterion* c : leaves) {
        c->effective_weight *= c->type == CriterionType::kPrice
                                   ? target / on_price
                                   : (set.scale - target) / rest;
      }
    }
    set.weights = WeightMode::kPoints;
    SetPoints(&set.criteria);
  }
  result.value = std::move(t);
  return result;
}

}  // namespace circa
