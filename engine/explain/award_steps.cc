// The award order for one bid, step by step (docs/criteria-format.md,
// "Award order"): requirements, panel scores, thresholds and max-pass, the
// abnormally-low flag and the tie-break.
#include "circa/labels.h"
#include "explain/words.h"

namespace circa::explain {

// The award-order steps of one bid, in order (docs/criteria-format.md,
// "Award order"), each a sentence of `sink`.
void AwardSteps(const CriteriaSet& set, const Scorer& scorer,
                const BidSet& bids, const Evaluation& e, int i,
                const PanelResult* panel, const std::vector<int>& tie_record,
                Language language, ExplanationSink& sink) {
  const Messages& m = Messages::Of(language);
  using Part = ExplanationSink::Part;
  // Each step is one sentence of the sink's, appended where it says.
  const auto step = [&sink](const auto& write) {
    write(sink.Begin(Part::kAwardStep, {}));
    sink.End();
  };
  const auto k = static_cast<std::size_t>(i);
  const Exclusion none;
  const Exclusion& x = e.exclusion.empty() ? none : e.exclusion[k];
  const FactContext facts{&set, &scorer, &e, &bids.ids, false, language};
  if (!set.requirements.empty()) {
    if (x.stage == ExclusionStage::kRequirement) {
      step([&](std::string* out) {
        m.Append(out, "step.excluded",
                 {{"reason", DescribeExclusion(x, facts)}});
      });
      return;
    }
    std::string ids;
    for (std::size_t r = 0; r < set.requirements.size(); ++r) {
      ids += (r == 0 ? "" : m("list.comma")) +
             LocalName(set.requirements[r], language);
    }
    step([&](std::string* out) {
      m.Append(out, "step.requirements",
               {{"count", set.requirements.size()},
                {"n", std::to_string(set.requirements.size())},
                {"ids", ids}});
    });
  }
  if (panel != nullptr) {
    for (const Column& c : scorer.columns()) {
      if (const PanelCell* cell = panel->Find(bids.ids[k], c.id)) {
        step([&](std::string* out) { *out += DescribePanel(*cell, set, m); });
      }
    }
  }
  if (x.stage == ExclusionStage::kThreshold ||
      x.stage == ExclusionStage::kMaxPass) {
    step([&](std::string* out) {
      m.Append(out, "step.excluded", {{"reason", DescribeExclusion(x, facts)}});
    });
    return;
  }
  for (const ScoreThreshold& t : scorer.thresholds()) {
    step([&](std::string* out) {
      m.Append(out, "step.threshold",
               {{"criterion", CriterionName(&set, t.id, t.name, language)},
                {"points", m.Number(e.PointsOn(i, t.mask), kPointDecimals)},
                {"max", m.Number(t.max_points, -1)},
                {"min", m.Number(t.min_points, -1)}});
    });
  }
  if (set.max_pass) {
    step([&](std::string* out) {
      m.Append(out, "step.max_pass",
               {{"max_pass", std::to_string(*set.max_pass)},
                {"count", *set.max_pass}});
    });
  }
  if (!e.abnormally_low.empty() && e.abnormally_low[k].flagged()) {
    step([&](std::string* out) {
      m.Append(out, "step.abnormally_low",
               {{"reason", DescribeAbnormallyLow(e.abnormally_low[k], facts)}});
    });
  }
  if (tie_record[k] >= 0) {
    const TieBreakRecord& t =
        e.tie_breaks[static_cast<std::size_t>(tie_record[k])];
    std::string others;
    for (const int b : t.bids) {
      if (b != i) {
        if (!others.empty()) m.Append(&others, "list.comma");
        others += bids.ids[static_cast<std::size_t>(b)];
      }
    }
    const std::string points = Pts(t.total, m);
    const Arg total{"total", points};
    if (set.tie_break.empty()) {
      step([&](std::string* out) {
        m.Append(out, "step.tie_stands", {total, {"others", others}});
      });
    } else if (t.steps.empty()) {
      step([&](std::string* out) {
        m.Append(out, "step.tie_unresolved", {total, {"others", others}});
      });
    } else {
      const std::string steps = TieSteps(t, facts);
      step([&](std::string* out) {
        m.Append(out, "step.tie_broken",
                 {total, {"others", others}, {"steps", steps}});
      });
    }
  }
}

}  // namespace circa::explain
