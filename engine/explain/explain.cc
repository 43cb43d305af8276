// Explanations read the stored evaluation: scores, points, column extremes
// and notes. Nothing here re-scores. One bid at a time: its summary (rank,
// total, gap), where it won and lost points, and each criterion's cell;
// the words of each fact live in a file of their own (words.h).
#include "circa/explain.h"

#include <algorithm>
#include <cmath>

#include "circa/labels.h"
#include "explain/words.h"
#include "util/criteria_index.h"

namespace circa {

using explain::AwardSteps;
using explain::Context;
using explain::Messages;
using explain::Pts;
using explain::TiePartners;

Explainer::Explainer(const CriteriaSet& set, const Scorer& scorer,
                     const BidSet& bids, const Evaluation& evaluation,
                     const PanelResult* panel, CriterionLead lead,
                     Language language)
    : set_(set),
      scorer_(scorer),
      bids_(bids),
      e_(evaluation),
      panel_(panel),
      lead_(std::move(lead)),
      language_(language),
      winner_(evaluation.Winner()),
      ranked_(evaluation.RankedCount()) {
  const Evaluation& e = e_;
  const Messages& m = Messages::Of(language);
  const auto n = static_cast<int>(bids.size());
  runner_up_ =
      e.order.size() > 1 && e.status[static_cast<std::size_t>(e.order[1])] ==
                                BidStatus::kRanked
          ? e.order[1]
          : -1;
  const util::CriteriaIndex index(set);
  for (const Column& c : scorer.columns()) {
    const Criterion* found = index.Find(c.id);
    names_.push_back(found != nullptr ? LocalName(*found, language) : c.name);
  }

  std::vector<std::string> relative;
  for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
    const Column& c = scorer.columns()[j];
    if (c.relative) {
      relative.push_back(m(
          "relative.item",
          {{"name", names_[j]}, {"rule", std::string(ToString(c.rule.rule))}}));
    }
  }
  if (!relative.empty()) {
    std::string list;
    for (std::size_t t = 0; t < relative.size(); ++t) {
      list += (t ? m("list.comma") : "") + relative[t];
    }
    relative_note_ = m("relative.note", {{"list", list}});
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
  const Messages& m = Messages::Of(language_);
  if (!lead_) return m("line.start", {{"name", names_[j]}});
  const std::string lead = lead_(i, j);
  return lead.empty() ? m("line.start", {{"name", names_[j]}})
                      : m("line.lead", {{"name", names_[j]}, {"lead", lead}});
}

BidExplanation Explainer::Excluded(int i) const {
  const Messages& m = Messages::Of(language_);
  const Context ctx{set_, scorer_, bids_, e_, m, names_};
  const Evaluation& e = e_;
  const auto k = static_cast<std::size_t>(i);
  BidExplanation x;
  x.award_steps =
      AwardSteps(set_, scorer_, bids_, e, i, panel_, tie_record_, language_);
  x.summary = m("summary.excluded",
                {{"bid", ctx.BidName(i)},
                 {"reason", DescribeExclusion(e.exclusion[k], ctx.Facts())}});
  for (std::size_t j = 0; j < scorer_.columns().size(); ++j) {
    const Column& c = scorer_.columns()[j];
    const auto jj = static_cast<Eigen::Index>(j);
    const bool money = c.type != CriterionType::kQuality;
    x.criteria.push_back(
        {c.id, e.Scored(i, money)
                   ? m("criterion.line", {{"start", LineStart(i, j)},
                                          {"value", ctx.Value(i, j)},
                                          {"formula", ctx.Formula(i, j)},
                                          {"weight", Pts(c.weight, m)},
                                          {"points", Pts(e.Points(i, jj), m)},
                                          {"relative", ""}})
                   : m("criterion.not_scored", {{"start", LineStart(i, j)},
                                                {"value", ctx.Value(i, j)}})});
  }
  return x;
}

BidExplanation Explainer::Explain(int i) const {
  const auto k = static_cast<std::size_t>(i);
  if (e_.status[k] != BidStatus::kRanked) return Excluded(i);
  const Messages& m = Messages::Of(language_);
  const Context ctx{set_, scorer_, bids_, e_, m, names_};
  const Evaluation& e = e_;
  const BidSet& bids = bids_;
  const Scorer& scorer = scorer_;
  const std::size_t mcols = scorer.columns().size();
  const int winner = winner_;
  BidExplanation x;
  const double total = e.totals[i];
  x.award_steps =
      AwardSteps(set_, scorer, bids, e, i, panel_, tie_record_, language_);
  x.summary = m("summary.rank", {{"bid", ctx.BidName(i)},
                                 {"ordinal", m.Ordinal(e.rank[k])},
                                 {"rank", e.rank[k]},
                                 {"ranked", std::to_string(ranked_)},
                                 {"count", ranked_},
                                 {"total", Pts(total, m)},
                                 {"scale", m.Number(scorer.scale(), -1)}});
  if (e.tied[k]) {
    x.summary += " ";
    m.Append(&x.summary, "summary.tied",
             {{"partners", TiePartners(e, bids, i, tie_start_, m)}});
  }
  const int reference = (i == winner) ? runner_up_ : winner;
  if (reference >= 0 && !(e.tied[k] && e.rank[k] == 1)) {
    const double gap = std::abs(total - e.totals[reference]);
    const std::string& ref_name = bids.ids[static_cast<std::size_t>(reference)];
    x.summary += " ";
    if (gap <= kTieTolerance) {
      m.Append(&x.summary,
               i == winner ? "summary.same_ahead" : "summary.same_behind",
               {{"ref", ref_name}});
    } else if (i == winner) {
      m.Append(&x.summary, "summary.leads",
               {{"ref", ref_name}, {"gap", Pts(gap, m)}});
    } else {
      m.Append(&x.summary, "summary.behind",
               {{"ref", ref_name},
                {"gap", Pts(gap, m)},
                {"total", Pts(e.totals[reference], m)}});
    }
  }
  // Where this bid won and lost points against the reference bid.
  if (reference >= 0) {
    struct Diff {
      double points;
      std::size_t column;
    };
    std::vector<Diff> diffs;
    for (std::size_t j = 0; j < mcols; ++j) {
      const auto jj = static_cast<Eigen::Index>(j);
      const double d = e.Points(i, jj) - e.Points(reference, jj);
      if (std::abs(d) >= 0.005) diffs.push_back({d, j});
    }
    std::stable_sort(diffs.begin(), diffs.end(),
                     [](const Diff& a, const Diff& b) {
                       return std::abs(a.points) > std::abs(b.points);
                     });
    const std::string& ref_id = bids.ids[static_cast<std::size_t>(reference)];
    std::vector<std::string> gained, lost;
    for (const Diff& d : diffs) {
      (d.points > 0 ? gained : lost)
          .push_back(
              m("versus.item", {{"points", Pts(std::abs(d.points), m)},
                                {"name", names_[d.column]},
                                {"value", ctx.Value(i, d.column)},
                                {"other", ctx.Value(reference, d.column)}}));
    }
    if (!gained.empty() && !lost.empty()) {
      x.versus_winner.push_back(
          m("versus.both", {{"ref", ref_id},
                            {"gained", explain::JoinAnd(gained, m)},
                            {"lost", explain::JoinAnd(lost, m)}}));
    } else if (!gained.empty()) {
      x.versus_winner.push_back(
          m("versus.gains",
            {{"ref", ref_id}, {"gained", explain::JoinAnd(gained, m)}}));
    } else if (!lost.empty()) {
      x.versus_winner.push_back(
          m("versus.loses",
            {{"ref", ref_id}, {"lost", explain::JoinAnd(lost, m)}}));
    } else {
      x.versus_winner.push_back(m("versus.same", {{"ref", ref_id}}));
    }
  }
  const std::string relative = m("criterion.relative");
  for (std::size_t j = 0; j < mcols; ++j) {
    const Column& c = scorer.columns()[j];
    const auto jj = static_cast<Eigen::Index>(j);
    x.criteria.push_back({c.id, m("criterion.line",
                                  {{"start", LineStart(i, j)},
                                   {"value", ctx.Value(i, j)},
                                   {"formula", ctx.Formula(i, j)},
                                   {"weight", Pts(c.weight, m)},
                                   {"points", Pts(e.Points(i, jj), m)},
                                   {"relative", c.relative ? relative : ""}})});
  }
  x.relative_note = relative_note_;
  return x;
}

std::string Explainer::Value(int i, std::size_t j) const {
  const Context ctx{set_, scorer_, bids_, e_, Messages::Of(language_), names_};
  return ctx.Value(i, j);
}

std::vector<BidExplanation> Explain(const CriteriaSet& set,
                                    const Scorer& scorer, const BidSet& bids,
                                    const Evaluation& e,
                                    const PanelResult* panel,
                                    Language language) {
  const Explainer explainer(set, scorer, bids, e, panel, {}, language);
  std::vector<BidExplanation> out;
  out.reserve(static_cast<std::size_t>(bids.size()));
  for (int i = 0; i < static_cast<int>(bids.size()); ++i) {
    out.push_back(explainer.Explain(i));
  }
  return out;
}

}  // namespace circa
