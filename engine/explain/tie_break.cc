// Ties on the total: the rules of the declared policy that separated bids
// (with each bid's key), the note on a tie and a tied bid's partners.
#include <string>

#include "explain/words.h"

namespace circa {
namespace {

// The rule's name in a sentence, e.g. "higher points on Circularity".
std::string RuleName(const TieBreakStep& step, const FactContext& context) {
  switch (step.kind) {
    case TieBreakStep::Kind::kHigherPoints:
      return "higher points on " +
             explain::CriterionName(context.set, step.target, "");
    case TieBreakStep::Kind::kLowerValue:
      return "lower " +
             explain::CriterionName(context.set, step.target, step.target);
    case TieBreakStep::Kind::kEarlier:
      return "earlier " + step.target;
    case TieBreakStep::Kind::kDraw:
      return "draw by lot with seed " + std::to_string(step.seed);
  }
  return "";
}

// A bid's key as a reader sees it ("" for a draw).
std::string Shown(const TieBreakStep& step, const TieKey& key,
                  const FactContext& context) {
  switch (step.kind) {
    case TieBreakStep::Kind::kHigherPoints:
      return FormatNumber(-key.key.value_or(0),
                          explain::PointDecimals(context.set)) +
             " points";
    case TieBreakStep::Kind::kLowerValue: {
      const std::string value = FormatNumber(key.key.value_or(0), -1);
      if (context.plain_tie_values) return value;
      const Criterion* c =
          context.set != nullptr ? context.set->Find(step.target) : nullptr;
      if (c == nullptr) return value;
      if (c->type == CriterionType::kQuality) return value + " " + c->unit;
      return context.set->currency + " " + value;
    }
    case TieBreakStep::Kind::kEarlier:
      return key.as_written.empty() ? "(no value)" : key.as_written;
    case TieBreakStep::Kind::kDraw:
      return "";
  }
  return "";
}

std::string List(const std::vector<int>& bids,
                 const std::vector<std::string>* ids) {
  std::string out;
  for (std::size_t i = 0; i < bids.size(); ++i) {
    out += (i == 0                 ? ""
            : i + 1 == bids.size() ? " and "
                                   : ", ") +
           explain::BidId(bids[i], ids);
  }
  return out;
}

}  // namespace

std::string DescribeTieStep(const TieBreakStepRecord& step,
                            const FactContext& context) {
  std::string s = "rule " + std::to_string(step.rule + 1) + ", " +
                  RuleName(step.step, context) + ": ";
  for (std::size_t i = 0; i < step.keys.size(); ++i) {
    const std::string shown = Shown(step.step, step.keys[i], context);
    s += (i == 0 ? "" : ", ") + explain::BidId(step.keys[i].bid, context.ids) +
         (shown.empty() ? "" : " " + shown);
  }
  return s;
}

namespace explain {

std::string TieSteps(const TieBreakRecord& record, const FactContext& context) {
  std::string out;
  for (std::size_t s = 0; s < record.steps.size(); ++s) {
    out += (s == 0 ? "" : "; ") + DescribeTieStep(record.steps[s], context);
  }
  return out;
}

std::string TieNote(const TieBreakRecord& record, const FactContext& context) {
  const std::string at = std::to_string(record.bids.size()) + " bids (" +
                         List(record.bids, context.ids) + ") tie at rank " +
                         std::to_string(record.rank) + " with " +
                         FormatNumber(record.total, 2) + " points";
  if (record.policy_rules == 0) {
    return at +
           "; the criteria set declares no tie-break, so the tie stands and "
           "they share the rank";
  }
  std::string text = at + "; the declared tie-break ";
  text += record.resolved ? "decided it" : "did not separate all of them";
  if (!record.steps.empty()) text += " (" + TieSteps(record, context) + ")";
  if (!record.resolved) text += "; bids still tied share their rank";
  return text;
}

std::string TiePartners(const Evaluation& e, const BidSet& bids, int bid,
                        const std::vector<std::size_t>& tie_start) {
  constexpr std::size_t kNamed = 5;
  const int rank = e.rank[static_cast<std::size_t>(bid)];
  std::vector<std::string> names;
  std::size_t others = 0;
  for (std::size_t p = tie_start[static_cast<std::size_t>(rank)];
       p < e.order.size() &&
       e.rank[static_cast<std::size_t>(e.order[p])] == rank;
       ++p) {
    if (e.order[p] == bid) continue;
    if (names.size() < kNamed) {
      names.push_back(bids.ids[static_cast<std::size_t>(e.order[p])]);
    } else {
      ++others;
    }
  }
  std::string out;
  for (std::size_t t = 0; t < names.size(); ++t) {
    if (t) out += (t + 1 == names.size() && others == 0) ? " and " : ", ";
    out += names[t];
  }
  if (others > 0) {
    out += " and " + std::to_string(others) + " other bid" +
           (others == 1 ? "" : "s");
  }
  return out;
}

}  // namespace explain
}  // namespace circa
