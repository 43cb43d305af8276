// The public ValidateCriteria: the checks parsing runs, plus the checks the
// criteria reader makes while it reads a scoring rule, for a set built in
// code.
#include <cmath>
#include <string>

#include "circa/validate.h"
#include "util/number_format.h"
#include "validate/criteria_validator.h"

namespace circa {
namespace {

// What the reader refuses as it reads a rule (engine/io/criteria_reader.cc),
// said the same way.
void CheckRule(const Criterion& c, const std::string& here, bool by_order,
               Diagnostics* diag) {
  if (std::isnan(c.weight)) {
    diag->Error(c.where, here + ".weight", "expected a number");
  }
  if (by_order && c.order == 0) {
    // The validator leaves a missing place to the reader; without it the
    // rank-order weights were NaN (fuzz_batch: a damaged compact form).
    diag->Error(c.where, here + ".order",
                "missing; expected the criterion's place in the order of "
                "importance among its siblings (1 = most important)");
  }
  if (c.is_group()) return;
  if (!c.scoring) {
    diag->Error(c.where, here + ".scoring",
                c.id +
                    " has no scoring rule; every leaf criterion needs one "
                    "(docs/rules.md)");
    return;
  }
  const ScoringRule& r = *c.scoring;
  const std::string at = here + ".scoring";
  const auto num = [](double v) { return FormatNumber(v, -1); };
  switch (r.rule) {
    case Rule::kLinear:
      if (r.best == r.worst) {
        diag->Error(
            c.where, at + ".best",
            "best and worst must differ (both are " + num(r.best) + ")");
      }
      break;
    case Rule::kLinearCeiling:
      if (!(r.ceiling > 0)) {
        diag->Error(c.where, at + ".ceiling",
                    "expected a price > 0, got \"" + num(r.ceiling) + "\"");
      }
      break;
    case Rule::kLogarithmic:
      if (!(r.zero_at > 1)) {
        diag->Error(c.where, at + ".zero-at",
                    "expected a multiple of the lowest price > 1 (such as "
                    "1.5, 2 or 3), got \"" +
                        num(r.zero_at) + "\"");
      }
      break;
    case Rule::kSteps:
      if (r.steps.empty()) {
        diag->Error(c.where, at + ".steps", "expected at least one step");
      }
      break;
    case Rule::kScale:
      if (r.levels.empty()) {
        diag->Error(c.where, at + ".levels", "expected at least one level");
      }
      break;
    default:
      break;
  }
}

void CheckRules(const std::vector<Criterion>& list, const std::string& path,
                bool by_order, Diagnostics* diag) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string here = path + "[" + std::to_string(i) + "]";
    CheckRule(list[i], here, by_order, diag);
    CheckRules(list[i].children, here + ".criteria", by_order, diag);
  }
}

void Drafts(const std::vector<Criterion>& list, const std::string& path,
            Severity severity, std::vector<Diagnostic>* out) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Criterion& c = list[i];
    const std::string here = path + "[" + std::to_string(i) + "]";
    if (c.draft) {
      out->push_back({severity, c.where, here + ".draft",
                      "\"" + c.id +
                          "\" is a draft (draft: true): complete its " +
                          (c.is_group() ? "criteria" : "scoring rule") +
                          " and remove draft: true before scoring"});
    }
    Drafts(c.children, here + ".criteria", severity, out);
  }
}

}  // namespace

std::vector<Diagnostic> DraftCriteria(const CriteriaSet& set,
                                      Severity severity) {
  std::vector<Diagnostic> out;
  Drafts(set.criteria, "criteria", severity, &out);
  return out;
}

Result<CriteriaSet> ValidateCriteria(CriteriaSet set) {
  Diagnostics diag;
  CheckRules(set.criteria, "criteria", set.weights == WeightMode::kOrder,
             &diag);
  // Every problem is reported: the tree checks skip what the rule checks
  // refused (a weight that is not a number, a leaf without a rule).
  validate::ValidateCriteria(&set, &diag);
  Result<CriteriaSet> out;
  if (!diag.HasErrors()) {
    set.validated = true;
    out.value = std::move(set);
  }
  out.diagnostics = diag.Take();
  return out;
}

}  // namespace circa
