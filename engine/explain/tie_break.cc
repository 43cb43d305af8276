// Ties on the total: the rules of the declared policy that separated bids
// (with each bid's key), the note on a tie and a tied bid's partners.
#include <array>
#include <string>

#include "explain/words.h"

namespace circa {
namespace {

using explain::Arg;
using explain::Messages;

// The rule's name in a sentence, e.g. "higher points on Circularity".
std::string RuleName(const TieBreakStep& step, const FactContext& context,
                     const Messages& m) {
  switch (step.kind) {
    case TieBreakStep::Kind::kHigherPoints:
      return m("tie.higher_points",
               {{"criterion", explain::CriterionName(context.set, step.target,
                                                     "", context.language)}});
    case TieBreakStep::Kind::kLowerValue:
      return m("tie.lower_value",
               {{"criterion",
                 explain::CriterionName(context.set, step.target, step.target,
                                        context.language)}});
    case TieBreakStep::Kind::kEarlier:
      return m("tie.earlier", {{"field", step.target}});
    case TieBreakStep::Kind::kDraw:
      return m("tie.draw", {{"seed", std::to_string(step.seed)}});
  }
  return "";
}

// A bid's key as a reader sees it ("" for a draw).
std::string Shown(const TieBreakStep& step, const TieKey& key,
                  const FactContext& context, const Messages& m) {
  switch (step.kind) {
    case TieBreakStep::Kind::kHigherPoints:
      return m("tie.points",
               {{"points", m.Number(-key.key.value_or(0),
                                    explain::PointDecimals(context.set))}});
    case TieBreakStep::Kind::kLowerValue: {
      const std::string value = m.Number(key.key.value_or(0), -1);
      if (context.plain_tie_values) return value;
      const Criterion* c =
          context.set != nullptr ? context.set->Find(step.target) : nullptr;
      if (c == nullptr) return value;
      if (c->type == CriterionType::kQuality) {
        return m.Quantity(value, key.key.value_or(0), c->unit);
      }
      return context.set->currency + " " + value;
    }
    case TieBreakStep::Kind::kEarlier:
      return key.as_written.empty() ? m("tie.no_value") : key.as_written;
    case TieBreakStep::Kind::kDraw:
      return "";
  }
  return "";
}

std::string List(const std::vector<int>& bids,
                 const std::vector<std::string>* ids, const Messages& m) {
  std::vector<std::string> names;
  names.reserve(bids.size());
  for (const int b : bids) names.push_back(explain::BidId(b, ids, m));
  return explain::JoinAnd(names, m);
}

}  // namespace

std::string DescribeTieStep(const TieBreakStepRecord& step,
                            const FactContext& context) {
  const Messages& m = explain::Words(context);
  std::string keys;
  for (std::size_t i = 0; i < step.keys.size(); ++i) {
    const std::string shown = Shown(step.step, step.keys[i], context, m);
    keys += (i == 0 ? "" : m("list.comma")) +
            explain::BidId(step.keys[i].bid, context.ids, m) +
            (shown.empty() ? "" : " " + shown);
  }
  return m("tie.step", {{"n", std::to_string(step.rule + 1)},
                        {"rule", RuleName(step.step, context, m)},
                        {"keys", keys}});
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
  const Messages& m = Words(context);
  const std::string list = List(record.bids, context.ids, m);
  const std::string n = std::to_string(record.bids.size());
  const std::string rank = std::to_string(record.rank);
  const std::string total = m.Number(record.total, 2);
  const std::initializer_list<Arg> at = {{"count", record.bids.size()},
                                         {"n", n},
                                         {"list", list},
                                         {"rank", rank},
                                         {"total", total}};
  if (record.policy_rules == 0) return m("tie.note_no_policy", at);
  std::string text =
      m(record.resolved ? "tie.note_decided" : "tie.note_not_all", at);
  if (!record.steps.empty()) {
    m.Append(&text, "tie.note_steps", {{"steps", TieSteps(record, context)}});
  }
  if (!record.resolved) m.Append(&text, "tie.note_still_tied");
  return text;
}

std::string TiePartners(const Evaluation& e, const BidSet& bids, int bid,
                        const std::vector<std::size_t>& tie_start,
                        const Messages& m) {
  constexpr std::size_t kNamed = 5;
  const int rank = e.rank[static_cast<std::size_t>(bid)];
  // The first kNamed partners, joined as JoinAnd joins them (the last two
  // by "and" when they are all), without copying their ids first.
  std::array<const std::string*, kNamed> names{};
  std::size_t named = 0;
  std::size_t others = 0;
  for (std::size_t p = tie_start[static_cast<std::size_t>(rank)];
       p < e.order.size() &&
       e.rank[static_cast<std::size_t>(e.order[p])] == rank;
       ++p) {
    if (e.order[p] == bid) continue;
    if (named < kNamed) {
      names[named++] = &bids.ids[static_cast<std::size_t>(e.order[p])];
    } else {
      ++others;
    }
  }
  std::string out;
  for (std::size_t t = 0; t < named; ++t) {
    if (t != 0) {
      m.Append(&out, others == 0 && t + 1 == named ? "list.and" : "list.comma");
    }
    out += *names[t];
  }
  if (others == 0) return out;
  return m(
      "tie.partners_more",
      {{"names", out}, {"count", others}, {"others", std::to_string(others)}});
}

}  // namespace explain
}  // namespace circa
