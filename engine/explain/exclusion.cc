// Why a bid left the evaluation: a failed requirement (with the bid's value
// and the condition), a missed minimum score, or the max-pass cut.
#include <string>

#include "circa/labels.h"
#include "explain/words.h"

namespace circa {
namespace {

using explain::Messages;

std::string Quote(const std::string& s, const Messages& m) {
  return s.empty() ? m("requirement.empty")
                   : m("requirement.quoted", {{"text", s}});
}

std::string Expected(const Condition& c, const Messages& m) {
  switch (c.op) {
    case Condition::Op::kEquals:
      return c.text;
    case Condition::Op::kMin:
      return m("expected.min", {{"number", m.Number(c.number, -1)}});
    case Condition::Op::kMax:
      return m("expected.max", {{"number", m.Number(c.number, -1)}});
    case Condition::Op::kOneOf: {
      std::string list;
      for (std::size_t i = 0; i < c.one_of.size(); ++i) {
        list += (i == 0 ? "" : m("list.comma")) + c.one_of[i];
      }
      return m("expected.one_of", {{"list", list}});
    }
    case Condition::Op::kPattern:
      return m("expected.pattern", {{"pattern", c.text}});
  }
  return "";
}

const Requirement* FindRequirement(const CriteriaSet* set,
                                   const std::string& id) {
  if (set == nullptr) return nullptr;
  for (const Requirement& r : set->requirements) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string RequirementFailed(const Exclusion& x, const FactContext& context) {
  const Messages& m = explain::Words(context);
  const Requirement* r = FindRequirement(context.set, x.rule);
  const std::string name =
      r != nullptr ? LocalName(*r, context.language) : x.rule;
  std::string out = name != x.rule ? m("requirement.failed_named",
                                       {{"id", x.rule}, {"name", name}})
                                   : m("requirement.failed", {{"id", x.rule}});
  // One clause per failed group ("option g"), its conditions joined by
  // "and"; a requirement of one group has no option numbers.
  const bool options = r != nullptr
                           ? r->groups.size() > 1
                           : !x.failed.empty() && x.failed.back().group > 0;
  int group = -1;
  for (std::size_t k = 0; k < x.failed.size(); ++k) {
    const FailedCondition& f = x.failed[k];
    if (f.group != group) {
      if (options) {
        if (group >= 0) out += "; ";
        m.Append(&out, "requirement.option",
                 {{"n", std::to_string(f.group + 1)}});
      }
      group = f.group;
    } else {
      m.Append(&out, "requirement.and");
    }
    m.Append(&out, "requirement.condition",
             {{"field", f.declared.field},
              {"value", Quote(f.value, m)},
              {"expected", Expected(f.declared, m)}});
  }
  if (r != nullptr && !r->evidence.empty()) {
    m.Append(&out, "requirement.evidence", {{"evidence", r->evidence}});
  }
  return out;
}

}  // namespace

std::string DescribeExclusion(const Exclusion& x, const FactContext& context) {
  const Messages& m = explain::Words(context);
  const int decimals = explain::PointDecimals(context.set);
  switch (x.stage) {
    case ExclusionStage::kNone:
      return "";
    case ExclusionStage::kRequirement:
      return RequirementFailed(x, context);
    case ExclusionStage::kThreshold:
      return m("exclusion.threshold",
               {{"points", m.Number(x.points, decimals)},
                {"max", m.Number(x.max_points, -1)},
                {"criterion", explain::CriterionName(context.set, x.rule,
                                                     x.rule, context.language)},
                {"min", m.Number(x.min_points, -1)}});
    case ExclusionStage::kMaxPass:
      return m("exclusion.max_pass", {{"place", std::to_string(x.place)},
                                      {"of", std::to_string(x.of)},
                                      {"points", m.Number(x.points, decimals)},
                                      {"max_pass", std::to_string(x.max_pass)},
                                      {"count", x.max_pass}});
  }
  return "";
}

}  // namespace circa
