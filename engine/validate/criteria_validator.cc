#include "validate/criteria_validator.h"

#include <cmath>
#include <map>
#include <string>

#include "circa/explain.h"

namespace circa::validate {
namespace {

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
    double sum = 0;
    bool complete = true;
    std::string terms;
    for (const Criterion& c : *list) {
      if (std::isnan(c.weight)) complete = false;
      sum += c.weight;
      if (!terms.empty()) terms += " + ";
      terms += c.id + " " + FormatNumber(c.weight, -1);
    }
    // A group whose own weight could not be read has no sum to check.
    if (complete && !std::isnan(expected) && !SameWeight(sum, expected)) {
      diag->Error(where, path,
                  "weights add up to " + FormatNumber(sum, -1) + "; expected " +
                      FormatNumber(expected, -1) + " (" + expected_what +
                      "): " + terms);
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      Criterion& c = (*list)[i];
      const std::string here = path + "[" + std::to_string(i) + "]";
      if (!c.id.empty()) {
        const auto [it, inserted] = seen.emplace(c.id, c.where);
        if (!inserted) {
          diag->Error(c.where, here + ".id",
                      "duplicate id \"" + c.id + "\"; first used at line " +
                          std::to_string(it->second.line));
        }
      }
      if (set->weights == WeightMode::kPoints) {
        c.effective_weight = c.weight;
      } else {
        c.effective_weight = parent_points * c.weight / 100.0;
      }
      if (c.is_group()) {
        const bool points = set->weights == WeightMode::kPoints;
        Siblings(&c.children, here + ".criteria", points ? c.weight : 100.0,
                 points ? "the weight of " + c.id : "percent of " + c.id,
                 c.children.front().where, c.effective_weight);
      }
    }
  }
};

}  // namespace

bool IsReservedId(std::string_view id) {
  return id == "bid" || id == "id" || id == "supplier";
}

void ValidateCriteria(CriteriaSet* set, Diagnostics* diag) {
  if (set->criteria.empty()) return;
  Walker walker{set, diag, {}};
  const bool points = set->weights == WeightMode::kPoints;
  walker.Siblings(&set->criteria, "criteria", points ? set->scale : 100.0,
                  points ? "the scale" : "percent", set->criteria.front().where,
                  set->scale);
}

}  // namespace circa::validate
