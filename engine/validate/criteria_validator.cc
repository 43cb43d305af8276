#include "validate/criteria_validator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "io/yaml_node.h"
#include "util/number_format.h"

namespace circa::validate {
namespace {

// "line 12", or "model.yaml:12" when the first use is in another file (a
// derived set and its model).
std::string FirstUse(const SourceLocation& first, const SourceLocation& here) {
  if (first.file != here.file) {
    return first.file + ":" + std::to_string(first.line);
  }
  return "line " + std::to_string(first.line);
}

// A number too large for FormatNumber's plain digits: "1e+303".
std::string Big(double x) { return fmt::format("{}", x); }

// A rule parameter beyond kMaxParameter, with its path and what it is.
void Parameter(const Criterion& c, const std::string& path, double value,
               const std::string& what, Diagnostics* diag) {
  if (std::abs(value) <= kMaxParameter) return;
  diag->Error(c.where, path,
              what + " " + Big(value) +
                  " is out of range; rule parameters must lie within "
                  "-1e12 to 1e12 (docs/criteria-format.md, \"Limits\")");
}

// Weights and rule parameters within the documented limits.
void Limits(const Criterion& c, const std::string& here, Diagnostics* diag) {
  if (!std::isnan(c.weight) && c.weight > kMaxWeight) {
    diag->Error(c.where, here + ".weight",
                "weight " + Big(c.weight) +
                    " is out of range; a weight must be at most 1,000,000 "
                    "(docs/criteria-format.md, \"Limits\")");
  }
  if (c.weight_range && c.weight_range->hi > kMaxWeight) {
    diag->Error(c.where, here + ".weight",
                "weight range up to " + Big(c.weight_range->hi) +
                    " is out of range; a weight must be at most 1,000,000 "
                    "(docs/criteria-format.md, \"Limits\")");
  }
  if (!c.scoring) return;
  const ScoringRule& r = *c.scoring;
  const std::string at = here + ".scoring";
  switch (r.rule) {
    case Rule::kLinear:
      Parameter(c, at + ".worst", r.worst, "worst", diag);
      Parameter(c, at + ".best", r.best, "best", diag);
      break;
    case Rule::kLinearCeiling:
      Parameter(c, at + ".ceiling", r.ceiling, "ceiling", diag);
      break;
    case Rule::kLogarithmic:
      Parameter(c, at + ".zero-at", r.zero_at, "zero-at", diag);
      break;
    case Rule::kSteps:
      for (std::size_t k = 0; k < r.steps.size(); ++k) {
        Parameter(c, at + ".steps[" + std::to_string(k) + "]",
                  r.steps[k].threshold, "step threshold", diag);
      }
      break;
    case Rule::kScale:
      for (const ScaleLevel& l : r.levels) {
        Parameter(c, at + ".levels", l.value, "level", diag);
      }
      break;
    default:
      break;
  }
}

bool SameWeight(double sum, double expected) {
  return std::abs(sum - expected) <= 1e-6 * std::max(1.0, std::abs(expected));
}

struct Walker {
  CriteriaSet* set;
  Diagnostics* diag;
  std::map<std::string, SourceLocation> seen;

  // Checks one sibling list; `expected` is what their weights must add up
  // to; `factor` turns a written weight into points.
  void Siblings(std::vector<Criterion>* list, const std::string& path,
                double expected, const std::string& expected_what,
                SourceLocation where, double parent_points) {
    const bool order = set->weights == WeightMode::kOrder;
    if (order) Order(list, path, where);
    double sum = 0;
    bool complete = true;
    for (const Criterion& c : *list) {
      if (std::isnan(c.weight)) complete = false;
      sum += c.weight;
    }
    // The terms of the sum, written only for the message (compiling
    // validates every set again), at most kTerms of them: a flat list of
    // 20,000 criteria would make one message of 300 KB.
    const auto terms = [list] {
      constexpr std::size_t kTerms = 20;
      std::string out;
      for (std::size_t i = 0; i < list->size() && i < kTerms; ++i) {
        if (!out.empty()) out += " + ";
        out += (*list)[i].id + " " + FormatNumber((*list)[i].weight, -1);
      }
      if (list->size() > kTerms) {
        out += " + ... (" +
               FormatNumber(static_cast<double>(list->size() - kTerms), -1) +
               " more)";
      }
      return out;
    };
    // In a derived set, a sum that no longer adds up is reported where the
    // derived file changed one of the siblings.
    for (const Criterion& c : *list) {
      if (!c.origin.changed_at.file.empty() &&
          (c.origin.kind == Origin::Kind::kModel ||
           c.origin.kind == Origin::Kind::kLocal)) {
        where = c.origin.changed_at;
        break;
      }
      if (c.origin.kind == Origin::Kind::kLocal) {
        where = c.where;
        break;
      }
    }
    // A group whose own weight could not be read has no sum to check.
    if (!order && complete && !std::isnan(expected) &&
        !SameWeight(sum, expected)) {
      diag->Error(where, path,
                  "weights add up to " + FormatNumber(sum, -1) + "; expected " +
                      FormatNumber(expected, -1) + " (" + expected_what +
                      "): " + terms());
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      Criterion& c = (*list)[i];
      const std::string here = path + "[" + std::to_string(i) + "]";
      if (!c.id.empty()) {
        const auto [it, inserted] = seen.emplace(c.id, c.where);
        if (!inserted) {
          diag->Error(c.where, here + ".id",
                      "duplicate id \"" + c.id + "\"; first used at " +
                          FirstUse(it->second, c.where));
        }
      }
      Limits(c, here, diag);
      const bool points = set->weights == WeightMode::kPoints;
      const double factor = points ? 1.0 : parent_points / 100.0;
      c.effective_weight = c.weight * factor;
      if (c.weight_range) {
        c.effective_range = WeightRange{c.weight_range->lo * factor,
                                        c.weight_range->hi * factor};
      }
      if (c.threshold) Threshold(&c, here);
      if (c.is_group()) {
        Siblings(&c.children, here + ".criteria", points ? c.weight : 100.0,
                 points ? "the weight of " + c.id : "percent of " + c.id,
                 c.origin.changed_at.file.empty() ? c.children.front().where
                                                  : c.origin.changed_at,
                 c.effective_weight);
      }
    }
    RangesFit(*list, path, expected, where);
  }

  // weights: order. Places must be 1..n, each once; the weights are the
  // rank-order centroid (Barron & Barrett 1996): w_k = (1/n) sum_{i=k..n} 1/i,
  // written as percentages of the parent.
  void Order(std::vector<Criterion>* list, const std::string& path,
             SourceLocation where) {
    const std::size_t n = list->size();
    std::vector<int> count(n + 1, 0);
    bool ok = true;
    for (std::size_t i = 0; i < n; ++i) {
      const Criterion& c = (*list)[i];
      if (c.order == 0) {
        ok = false;  // the reader reported it
      } else if (static_cast<std::size_t>(c.order) > n) {
        diag->Error(c.where, path + "[" + std::to_string(i) + "].order",
                    "order " + std::to_string(c.order) + " is beyond the " +
                        std::to_string(n) +
                        " criteria of this list; expected 1 to " +
                        std::to_string(n));
        ok = false;
      } else if (++count[static_cast<std::size_t>(c.order)] == 2) {
        diag->Error(c.where, path + "[" + std::to_string(i) + "].order",
                    "order " + std::to_string(c.order) +
                        " is given twice; each place 1 to " +
                        std::to_string(n) +
                        " must be used once (rank-order weights need a "
                        "strict order)");
        ok = false;
      }
    }
    if (!ok) {
      for (Criterion& c : *list) c.weight = std::nan("");
      return;
    }
    for (Criterion& c : *list) {
      double w = 0;
      for (std::size_t i = static_cast<std::size_t>(c.order); i <= n; ++i) {
        w += 1.0 / static_cast<double>(i);
      }
      c.weight = 100.0 * w / static_cast<double>(n);
    }
    if (!order_warned) {
      order_warned = true;
      diag->Warning(where, path,
                    "weights are derived from the published order of "
                    "importance (rank-order centroid); Directive 2014/24/EU "
                    "art. 67(5) allows an order instead of weights only when "
                    "weighting is objectively impossible");
    }
  }

  // Published ranges must admit weights that add up as the format requires.
  void RangesFit(const std::vector<Criterion>& list, const std::string& path,
                 double expected, SourceLocation where) {
    bool any = false;
    double lo = 0;
    double hi = 0;
    for (const Criterion& c : list) {
      if (std::isnan(c.weight)) return;
      any = any || c.weight_range.has_value();
      lo += c.weight_range ? c.weight_range->lo : c.weight;
      hi += c.weight_range ? c.weight_range->hi : c.weight;
    }
    if (!any || std::isnan(expected)) return;
    if (lo > expected + 1e-9 || hi < expected - 1e-9) {
      diag->Error(where, path,
                  "the published weight ranges add up to " +
                      FormatNumber(lo, -1) + "-" + FormatNumber(hi, -1) +
                      ", which cannot make " + FormatNumber(expected, -1));
    }
  }

  void Threshold(Criterion* c, const std::string& here) {
    circa::Threshold& t = *c->threshold;
    t.points = t.percent ? c->effective_weight * t.value / 100.0 : t.value;
    if (!AllQuality(*c)) {
      diag->Error(t.where, here + ".min-score",
                  "a minimum score applies to quality criteria only (price "
                  "and cost are scored after thresholds); " +
                      c->id + " is or contains a price or cost criterion");
      return;
    }
    if (!std::isnan(c->effective_weight) &&
        t.points > c->effective_weight + 1e-9) {
      diag->Error(
          t.where, here + ".min-score",
          "minimum score " + FormatNumber(t.points, -1) + " is more than the " +
              FormatNumber(c->effective_weight, -1) + " points of " + c->id);
    }
  }

  static bool AllQuality(const Criterion& c) {
    if (!c.is_group()) return c.type == CriterionType::kQuality;
    for (const Criterion& child : c.children) {
      if (!AllQuality(child)) return false;
    }
    return true;
  }

  bool order_warned = false;
};

}  // namespace

void ValidateCriteria(CriteriaSet* set, Diagnostics* diag) {
  if (set->criteria.empty()) return;
  if (set->scale > kMaxScale) {
    // A set built in code has no position for `scale`: then the file.
    diag->Error(set->scale_at.file.empty()
                    ? SourceLocation{set->criteria.front().where.file, 0, 0}
                    : set->scale_at,
                "scale",
                "scale " + Big(set->scale) +
                    " is out of range; expected at most 1,000,000 "
                    "(docs/criteria-format.md, \"Limits\")");
  }
  Walker walker{set, diag, {}};
  const bool points = set->weights == WeightMode::kPoints;
  // A money-award set ranks on money: its weights need not add up.
  const double top = set->award ? std::nan("") : points ? set->scale : 100.0;
  walker.Siblings(&set->criteria, "criteria", top,
                  points ? "the scale" : "percent",
                  set->derived_at.file.empty() ? set->criteria.front().where
                                               : set->derived_at,
                  set->scale);
  ValidateRules(*set, diag);
}

void ValidateRules(const CriteriaSet& set, Diagnostics* diag) {
  const std::vector<const Criterion*> leaves = set.Leaves();
  const auto leaf = [&](std::string_view id) -> const Criterion* {
    for (const Criterion* c : leaves) {
      if (c->id == id) return c;
    }
    return nullptr;
  };
  std::vector<std::string> ids;
  for (const Criterion* c : leaves) ids.push_back(c->id);
  std::map<std::string, SourceLocation> seen;
  for (std::size_t i = 0; i < set.requirements.size(); ++i) {
    const Requirement& r = set.requirements[i];
    if (r.id.empty()) continue;
    const auto [it, inserted] = seen.emplace(r.id, r.where);
    if (!inserted) {
      diag->Error(r.where, "requirements[" + std::to_string(i) + "].id",
                  "duplicate requirement id \"" + r.id + "\"; first used at " +
                      FirstUse(it->second, r.where));
    }
    if (set.Find(r.id) != nullptr) {
      diag->Error(r.where, "requirements[" + std::to_string(i) + "].id",
                  "\"" + r.id + "\" is already a criterion id");
    }
  }
  for (std::size_t i = 0; i < set.clauses.size(); ++i) {
    const Clause& c = set.clauses[i];
    if (c.id.empty()) continue;
    const auto [it, inserted] = seen.emplace(c.id, c.where);
    if (!inserted || set.Find(c.id) != nullptr) {
      diag->Error(c.where, "clauses[" + std::to_string(i) + "].id",
                  "duplicate id \"" + c.id +
                      "\"; clauses, requirements and criteria need "
                      "different ids");
    }
  }
  std::map<std::string, SourceLocation> sources;
  for (std::size_t i = 0; i < set.sources.size(); ++i) {
    const SourceDocument& d = set.sources[i];
    if (d.id.empty()) continue;
    const auto [it, inserted] = sources.emplace(d.id, d.where);
    if (!inserted) {
      diag->Error(d.where, "sources[" + std::to_string(i) + "].id",
                  "duplicate source id \"" + d.id + "\"; first used at " +
                      FirstUse(it->second, d.where));
    }
  }
  for (std::size_t i = 0; i < set.tie_break.size(); ++i) {
    const TieBreakStep& t = set.tie_break[i];
    const std::string path = "tie-break[" + std::to_string(i) + "]";
    switch (t.kind) {
      case TieBreakStep::Kind::kHigherPoints:
        if (set.Find(t.target) == nullptr) {
          std::string message =
              "unknown criterion \"" + t.target + "\" in {higher: ...}";
          std::vector<std::string> all = ids;
          for (const Criterion& c : set.criteria) all.push_back(c.id);
          const std::string hint = io::Suggest(t.target, all);
          if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
          diag->Error(t.where, path + ".higher", message);
        }
        break;
      case TieBreakStep::Kind::kLowerValue: {
        const Criterion* c = leaf(t.target);
        if (c == nullptr) {
          std::string message = "unknown leaf criterion \"" + t.target +
                                "\" in {lower: ...}; expected the id of a "
                                "criterion whose value is compared, such as "
                                "the price";
          const std::string hint = io::Suggest(t.target, ids);
          if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
          diag->Error(t.where, path + ".lower", message);
        } else if (c->scoring && !IsNumericInput(c->scoring->rule)) {
          diag->Error(t.where, path + ".lower",
                      "{lower: " + t.target + "} compares numbers; " +
                          t.target + " is scored by " +
                          std::string(ToString(c->scoring->rule)));
        }
        break;
      }
      case TieBreakStep::Kind::kEarlier:
        if (set.Find(t.target) != nullptr) {
          diag->Error(t.where, path + ".earlier",
                      "\"" + t.target +
                          "\" is a criterion; {earlier: ...} names a "
                          "bid-file column holding a date or time, such as "
                          "submitted");
        }
        break;
      case TieBreakStep::Kind::kDraw:
        break;
    }
  }
  const AbnormallyLowRule& a = set.abnormally_low;
  if (a.budget && std::abs(*a.budget) > kMaxParameter) {
    diag->Error(a.where, "abnormally-low.budget",
                "budget " + Big(*a.budget) +
                    " is out of range; amounts must lie within -1e12 to 1e12 "
                    "(docs/criteria-format.md, \"Limits\")");
  }
  if (a.kind != AbnormallyLowRule::Kind::kNone) {
    const Criterion* c = leaf(a.criterion);
    if (c == nullptr) {
      std::string message = "unknown leaf criterion \"" + a.criterion +
                            "\"; expected the price or cost criterion";
      const std::string hint = io::Suggest(a.criterion, ids);
      if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
      diag->Error(a.where, "abnormally-low.criterion", message);
    } else if (c->type == CriterionType::kQuality) {
      diag->Error(a.where, "abnormally-low.criterion",
                  a.criterion +
                      " is a quality criterion; the abnormally-low check "
                      "reads a price or cost");
    }
  }
  if (set.max_pass) {
    const bool any_quality = std::any_of(
        leaves.begin(), leaves.end(),
        [](const Criterion* c) { return c->type == CriterionType::kQuality; });
    if (!any_quality) {
      diag->Error(set.criteria.front().where, "max-pass",
                  "max-pass keeps the best bids on quality, but the set has "
                  "no quality criterion");
    }
  }
  for (const Criterion* c : leaves) {
    if (!c->scoring) continue;
    const ScoringRule& r = *c->scoring;
    double top = 1;
    if (r.rule == Rule::kSteps && !r.steps.empty()) {
      top = 0;
      for (const Step& st : r.steps) top = std::max(top, st.score);
    }
    if (top < 1) {
      diag->Warning(c->where, c->id + ".scoring",
                    "the best step scores " + FormatNumber(top, -1) +
                        ", so no bid can earn all " +
                        FormatNumber(c->effective_weight, -1) + " points of " +
                        c->id + "; its real weight is lower than published");
    }
  }
}

}  // namespace circa::validate
