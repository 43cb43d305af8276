// The award order for one bid, step by step (docs/criteria-format.md,
// "Award order"): requirements, panel scores, thresholds and max-pass, the
// abnormally-low flag and the tie-break.
#include "circa/labels.h"
#include "explain/words.h"

namespace circa::explain {

// The award-order steps of one bid, in order (docs/criteria-format.md,
// "Award order").
std::vector<std::string> AwardSteps(const CriteriaSet& set,
                                    const Scorer& scorer, const BidSet& bids,
                                    const Evaluation& e, int i,
                                    const PanelResult* panel,
                                    const std::vector<int>& tie_record,
                                    Language language) {
  const Messages& m = Messages::Of(language);
  std::vector<std::string> out;
  const auto k = static_cast<std::size_t>(i);
  const Exclusion none;
  const Exclusion& x = e.exclusion.empty() ? none : e.exclusion[k];
  const FactContext facts{&set, &scorer, &e, &bids.ids, false, language};
  if (!set.requirements.empty()) {
    if (x.stage == ExclusionStage::kRequirement) {
      out.push_back(
          m("step.excluded", {{"reason", DescribeExclusion(x, facts)}}));
      return out;
    }
    std::string ids;
    for (std::size_t r = 0; r < set.requirements.size(); ++r) {
      ids += (r == 0 ? "" : m("list.comma")) +
             LocalName(set.requirements[r], language);
    }
    out.push_back(
        m("step.requirements", {{"count", set.requirements.size()},
                                {"n", std::to_string(set.requirements.size())},
                                {"ids", ids}}));
  }
  if (panel != nullptr) {
    for (const Column& c : scorer.columns()) {
      if (const PanelCell* cell = panel->Find(bids.ids[k], c.id)) {
        out.push_back(DescribePanel(*cell, set, m));
      }
    }
  }
  if (x.stage == ExclusionStage::kThreshold ||
      x.stage == ExclusionStage::kMaxPass) {
    out.push_back(
        m("step.excluded", {{"reason", DescribeExclusion(x, facts)}}));
    return out;
  }
  for (const ScoreThreshold& t : scorer.thresholds()) {
    out.push_back(
        m("step.threshold",
          {{"criterion", CriterionName(&set, t.id, t.name, language)},
           {"points", m.Number(e.PointsOn(i, t.mask), kPointDecimals)},
           {"max", m.Number(t.max_points, -1)},
           {"min", m.Number(t.min_points, -1)}}));
  }
  if (set.max_pass) {
    out.push_back(
        m("step.max_pass", {{"max_pass", std::to_string(*set.max_pass)},
                            {"count", *set.max_pass}}));
  }
  if (!e.abnormally_low.empty() && e.abnormally_low[k].flagged()) {
    out.push_back(
        m("step.abnormally_low",
          {{"reason", DescribeAbnormallyLow(e.abnormally_low[k], facts)}}));
  }
  if (tie_record[k] >= 0) {
    const TieBreakRecord& t =
        e.tie_breaks[static_cast<std::size_t>(tie_record[k])];
    std::string others;
    for (const int b : t.bids) {
      if (b != i) {
        others += (others.empty() ? "" : m("list.comma")) +
                  bids.ids[static_cast<std::size_t>(b)];
      }
    }
    const std::string points = Pts(t.total, m);
    const Arg total{"total", points};
    if (set.tie_break.empty()) {
      out.push_back(m("step.tie_stands", {total, {"others", others}}));
    } else if (t.steps.empty()) {
      out.push_back(m("step.tie_unresolved", {total, {"others", others}}));
    } else {
      const std::string steps = TieSteps(t, facts);
      out.push_back(
          m("step.tie_broken", {total, {"others", others}, {"steps", steps}}));
    }
  }
  return out;
}

}  // namespace circa::explain
