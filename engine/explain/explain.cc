// Explanations read the stored evaluation: scores, points, column extremes
// and notes. Nothing here re-scores. One bid at a time: its summary (rank,
// total, gap), where it won and lost points, and each criterion's cell;
// the words of each fact live in a file of their own (words.h).
#include "circa/explain.h"

#include <algorithm>
#include <cmath>

#include "explain/words.h"

namespace circa {

using explain::AwardSteps;
using explain::Context;
using explain::kPointDecimals;
using explain::Ordinal;
using explain::Pts;
using explain::TiePartners;

Explainer::Explainer(const CriteriaSet& set, const Scorer& scorer,
                     const BidSet& bids, const Evaluation& evaluation,
                     const PanelResult* panel, CriterionLead lead)
    : set_(set),
      scorer_(scorer),
      bids_(bids),
      e_(evaluation),
      panel_(panel),
      lead_(std::move(lead)),
      winner_(evaluation.Winner()),
      ranked_(evaluation.RankedCount()) {
  const Evaluation& e = e_;
  const auto n = static_cast<int>(bids.size());
  runner_up_ =
      e.order.size() > 1 && e.status[static_cast<std::size_t>(e.order[1])] ==
                                BidStatus::kRanked
          ? e.order[1]
          : -1;

  std::vector<std::string> relative;
  for (const Column& c : scorer.columns()) {
    if (c.relative)
      relative.push_back(c.name + " (" + std::string(ToString(c.rule.rule)) +
                         ")");
  }
  if (!relative.empty()) {
    std::string list;
    for (std::size_t t = 0; t < relative.size(); ++t) {
      list += (t ? ", " : "") + relative[t];
    }
    relative_note_ = "Relative rules: " + list +
                     ". These scores are measured against the other bids, so "
                     "they would change if another bid changed or were "
                     "withdrawn, even though this bid did not.";
  }

  // Where each rank's run starts in e.order, so that tie partners are found
  // without scanning every bid for every tied bid.
  tie_start_.assign(static_cast<std::size_t>(n) + 1, 0);
  for (std::size_t p = e.order.size(); p-- > 0;) {
    tie_start_[static_cast<std::size_t>(
        e.rank[static_cast<std::size_t>(e.order[p])])] = p;
  }

  // The tie record of each bid (-1: none), so that a bid's tie is found
  // without scanning every record (100,000 bids in tied pairs).
  tie_record_.assign(static_cast<std::size_t>(n), -1);
  for (std::size_t r = 0; r < e.tie_breaks.size(); ++r) {
    for (const int b : e.tie_breaks[r].bids) {
      if (tie_record_[static_cast<std::size_t>(b)] < 0)
        tie_record_[static_cast<std::size_t>(b)] = static_cast<int>(r);
    }
  }
}

std::string Explainer::LineStart(int i, std::size_t j) const {
  const std::string name = scorer_.columns()[j].name + ": ";
  if (!lead_) return name;
  const std::string lead = lead_(i, j);
  return lead.empty() ? name : name + lead + "; scored on ";
}

BidExplanation Explainer::Excluded(int i) const {
  const Context ctx{set_, scorer_, bids_, e_};
  const Evaluation& e = e_;
  const auto k = static_cast<std::size_t>(i);
  BidExplanation x;
  x.award_steps = AwardSteps(set_, scorer_, bids_, e, i, panel_, tie_record_);
  x.summary = "Bid " + ctx.BidName(i) + " is excluded and not ranked: " +
              DescribeExclusion(e.exclusion[k], ctx.Facts()) + ".";
  for (std::size_t j = 0; j < scorer_.columns().size(); ++j) {
    const Column& c = scorer_.columns()[j];
    const auto jj = static_cast<Eigen::Index>(j);
    const bool money = c.type != CriterionType::kQuality;
    x.criteria.push_back(
        {c.id, e.Scored(i, money)
                   ? LineStart(i, j) + ctx.Value(i, j) + "; " +
                         ctx.Formula(i, j) + " x " + Pts(c.weight) + " = " +
                         Pts(e.Points(i, jj)) + " points"
                   : LineStart(i, j) + ctx.Value(i, j) +
                         "; not scored (excluded before this stage)"});
  }
  return x;
}

BidExplanation Explainer::Explain(int i) const {
  const auto k = static_cast<std::size_t>(i);
  if (e_.status[k] != BidStatus::kRanked) return Excluded(i);
  const Context ctx{set_, scorer_, bids_, e_};
  const Evaluation& e = e_;
  const BidSet& bids = bids_;
  const Scorer& scorer = scorer_;
  const std::size_t m = scorer.columns().size();
  const int winner = winner_;
  const std::string of = " of " + FormatNumber(scorer.scale(), -1) + " points";
  BidExplanation x;
  const double total = e.totals[i];
  x.award_steps = AwardSteps(set_, scorer, bids, e, i, panel_, tie_record_);
  x.summary = "Bid " + ctx.BidName(i) + " ranks " + Ordinal(e.rank[k]) +
              " of " + std::to_string(ranked_) + " with " + Pts(total) + of +
              ".";
  if (e.tied[k]) {
    x.summary += " It is tied with " + TiePartners(e, bids, i, tie_start_) +
                 " on the same total.";
  }
  const int reference = (i == winner) ? runner_up_ : winner;
  if (reference >= 0 && !(e.tied[k] && e.rank[k] == 1)) {
    const double gap = std::abs(total - e.totals[reference]);
    const std::string ref_name = bids.ids[static_cast<std::size_t>(reference)];
    if (gap <= kTieTolerance) {
      x.summary += " It has the same total as " + ref_name + " and ranks " +
                   (i == winner ? "ahead of" : "behind") +
                   " it by the declared tie-break.";
    } else if (i == winner) {
      x.summary += " It leads the next bid, " +
                   bids.ids[static_cast<std::size_t>(reference)] + ", by " +
                   Pts(gap) + " points.";
    } else {
      x.summary += " It is " + Pts(gap) + " points behind the winner, " +
                   bids.ids[static_cast<std::size_t>(reference)] + " (" +
                   Pts(e.totals[reference]) + ").";
    }
  }
  // Where this bid won and lost points against the reference bid.
  if (reference >= 0) {
    struct Diff {
      double points;
      std::size_t column;
    };
    std::vector<Diff> diffs;
    for (std::size_t j = 0; j < m; ++j) {
      const auto jj = static_cast<Eigen::Index>(j);
      const double d = e.Points(i, jj) - e.Points(reference, jj);
      if (std::abs(d) >= 0.005) diffs.push_back({d, j});
    }
    std::stable_sort(diffs.begin(), diffs.end(),
                     [](const Diff& a, const Diff& b) {
                       return std::abs(a.points) > std::abs(b.points);
                     });
    const std::string ref_id = bids.ids[static_cast<std::size_t>(reference)];
    std::vector<std::string> gained, lost;
    for (const Diff& d : diffs) {
      const Column& c = scorer.columns()[d.column];
      const std::string item = Pts(std::abs(d.points)) + " on " + c.name +
                               " (" + ctx.Value(i, d.column) + " against " +
                               ctx.Value(reference, d.column) + ")";
      (d.points > 0 ? gained : lost).push_back(item);
    }
    const auto join = [](const std::vector<std::string>& items) {
      std::string s;
      for (std::size_t t = 0; t < items.size(); ++t) {
        if (t) s += t + 1 == items.size() ? " and " : ", ";
        s += items[t];
      }
      return s;
    };
    if (!gained.empty() || !lost.empty()) {
      std::string s = "Against " + ref_id + " it";
      if (!gained.empty()) s += " gains " + join(gained);
      if (!gained.empty() && !lost.empty()) s += "; it";
      if (!lost.empty()) s += " loses " + join(lost);
      x.versus_winner.push_back(s + ".");
    }
    if (gained.empty() && lost.empty()) {
      x.versus_winner.push_back("It scores the same as " + ref_id +
                                " on every criterion.");
    }
  }
  for (std::size_t j = 0; j < m; ++j) {
    const Column& c = scorer.columns()[j];
    const auto jj = static_cast<Eigen::Index>(j);
    x.criteria.push_back({c.id, LineStart(i, j) + ctx.Value(i, j) + "; " +
                                    ctx.Formula(i, j) + " x " + Pts(c.weight) +
                                    " = " + Pts(e.Points(i, jj)) + " points" +
                                    (c.relative ? " (relative)" : "")});
  }
  x.relative_note = relative_note_;
  return x;
}

std::vector<BidExplanation> Explain(const CriteriaSet& set,
                                    const Scorer& scorer, const BidSet& bids,
                                    const Evaluation& e,
                                    const PanelResult* panel) {
  const Explainer explainer(set, scorer, bids, e, panel);
  std::vector<BidExplanation> out;
  out.reserve(static_cast<std::size_t>(bids.size()));
  for (int i = 0; i < static_cast<int>(bids.size()); ++i) {
    out.push_back(explainer.Explain(i));
  }
  return out;
}

}  // namespace circa
