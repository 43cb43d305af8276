// The award order for one bid, step by step (docs/criteria-format.md,
// "Award order"): requirements, panel scores, thresholds and max-pass, the
// abnormally-low flag and the tie-break.
#include "explain/words.h"

namespace circa::explain {

// The award-order steps of one bid, in order (docs/criteria-format.md,
// "Award order").
std::vector<std::string> AwardSteps(const CriteriaSet& set,
                                    const Scorer& scorer, const BidSet& bids,
                                    const Evaluation& e, int i,
                                    const PanelResult* panel,
                                    const std::vector<int>& tie_record) {
  std::vector<std::string> out;
  const auto k = static_cast<std::size_t>(i);
  const Exclusion none;
  const Exclusion& x = e.exclusion.empty() ? none : e.exclusion[k];
  const FactContext facts{&set, &scorer, &e, &bids.ids, false};
  if (!set.requirements.empty()) {
    if (x.stage == ExclusionStage::kRequirement) {
      out.push_back("Excluded: it " + DescribeExclusion(x, facts) + ".");
      return out;
    }
    std::string ids;
    for (std::size_t r = 0; r < set.requirements.size(); ++r) {
      ids += (r == 0 ? "" : ", ") + set.requirements[r].id;
    }
    out.push_back("Meets the " + std::to_string(set.requirements.size()) +
                  " minimum requirement" +
                  (set.requirements.size() == 1 ? "" : "s") + " (" + ids +
                  ").");
  }
  if (panel != nullptr) {
    for (const Column& c : scorer.columns()) {
      if (const PanelCell* cell = panel->Find(bids.ids[k], c.id)) {
        out.push_back(DescribePanel(*cell, set));
      }
    }
  }
  if (x.stage == ExclusionStage::kThreshold ||
      x.stage == ExclusionStage::kMaxPass) {
    out.push_back("Excluded: it " + DescribeExclusion(x, facts) + ".");
    return out;
  }
  for (const ScoreThreshold& t : scorer.thresholds()) {
    out.push_back("Passes the minimum score on " + t.name + ": " +
                  FormatNumber(e.PointsOn(i, t.mask), kPointDecimals) + " of " +
                  FormatNumber(t.max_points, -1) + " points, minimum " +
                  FormatNumber(t.min_points, -1) + ".");
  }
  if (set.max_pass) {
    out.push_back("Is among the best " + std::to_string(*set.max_pass) +
                  " on quality (max-pass), so its price and cost were "
                  "scored.");
  }
  if (!e.abnormally_low.empty() && e.abnormally_low[k].flagged()) {
    out.push_back("Abnormally low: " +
                  DescribeAbnormallyLow(e.abnormally_low[k], facts) + ".");
  }
  if (tie_record[k] >= 0) {
    const TieBreakRecord& t =
        e.tie_breaks[static_cast<std::size_t>(tie_record[k])];
    std::string s = "Tied on the total (" + Pts(t.total) + " points) with ";
    std::string others;
    for (const int b : t.bids) {
      if (b != i) {
        others += (others.empty() ? "" : ", ") +
                  bids.ids[static_cast<std::size_t>(b)];
      }
    }
    s += others + "; ";
    if (set.tie_break.empty()) {
      s += "the criteria set declares no tie-break, so the tie stands.";
    } else if (t.steps.empty()) {
      s += "the declared tie-break did not separate them.";
    } else {
      s += "the declared tie-break applied: " + TieSteps(t, facts) + ".";
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace circa::explain
