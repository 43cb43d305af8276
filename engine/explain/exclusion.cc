// Why a bid left the evaluation: a failed requirement (with the bid's value
// and the condition), a missed minimum score, or the max-pass cut.
#include <string>

#include "explain/words.h"

namespace circa {
namespace {

std::string Quote(const std::string& s) {
  return s.empty() ? "empty" : "\"" + s + "\"";
}

std::string Expected(const Condition& c) {
  switch (c.op) {
    case Condition::Op::kEquals:
      return c.text;
    case Condition::Op::kMin:
      return "at least " + FormatNumber(c.number, -1);
    case Condition::Op::kMax:
      return "at most " + FormatNumber(c.number, -1);
    case Condition::Op::kOneOf: {
      std::string out = "one of ";
      for (std::size_t i = 0; i < c.one_of.size(); ++i) {
        out += (i == 0 ? "" : ", ") + c.one_of[i];
      }
      return out;
    }
    case Condition::Op::kPattern:
      return "text matching " + c.text;
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
  const Requirement* r = FindRequirement(context.set, x.rule);
  std::string out = "does not meet requirement " + x.rule;
  if (r != nullptr && r->name != r->id) out += " (" + r->name + ")";
  out += ": ";
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
        out += (group < 0 ? "" : "; ") + std::string("option ") +
               std::to_string(f.group + 1) + ": ";
      }
      group = f.group;
    } else {
      out += " and ";
    }
    out += f.declared.field + " is " + Quote(f.value) + ", expected " +
           Expected(f.declared);
  }
  if (r != nullptr && !r->evidence.empty()) {
    out += "; accepted evidence: " + r->evidence;
  }
  return out;
}

}  // namespace

std::string DescribeExclusion(const Exclusion& x, const FactContext& context) {
  const int decimals = explain::PointDecimals(context.set);
  switch (x.stage) {
    case ExclusionStage::kNone:
      return "";
    case ExclusionStage::kRequirement:
      return RequirementFailed(x, context);
    case ExclusionStage::kThreshold:
      return "scored " + FormatNumber(x.points, decimals) + " of " +
             FormatNumber(x.max_points, -1) + " points on " +
             explain::CriterionName(context.set, x.rule, x.rule) +
             ", below the minimum of " + FormatNumber(x.min_points, -1) +
             "; excluded before price and cost were scored";
    case ExclusionStage::kMaxPass:
      return "placed " + std::to_string(x.place) + " of " +
             std::to_string(x.of) + " on quality with " +
             FormatNumber(x.points, decimals) + " points; only the best " +
             std::to_string(x.max_pass) + " go on to price and cost (max-pass)";
  }
  return "";
}

}  // namespace circa
