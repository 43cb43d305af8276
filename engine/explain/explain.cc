// Explanations read the stored evaluation: scores, points, column extremes
// and notes. Nothing here re-scores.
#include "circa/explain.h"

#include <algorithm>
#include <cmath>

namespace circa {
namespace {

constexpr int kPointDecimals = 2;

std::string Pts(double v) { return FormatNumber(v, kPointDecimals); }

std::string Ordinal(int n) {
  const int mod100 = n % 100;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

struct Context {
  const CriteriaSet& set;
  const Scorer& scorer;
  const BidSet& bids;
  const Evaluation& e;

  std::string BidName(int i) const {
    const auto k = static_cast<std::size_t>(i);
    return bids.suppliers[k].empty()
               ? bids.ids[k]
               : bids.ids[k] + " (" + bids.suppliers[k] + ")";
  }

  // The value of bid i on column j as a reader should see it.
  std::string Value(int i, std::size_t j) const {
    const Column& c = scorer.columns()[j];
    const double v = bids.values(i, static_cast<Eigen::Index>(j));
    switch (c.rule.rule) {
      case Rule::kYesNo:
        if (v == 0 || v == 1) return v != 0 ? "yes" : "no";
        return FormatNumber(v, 2);  // a panel's mean of yes and no
      case Rule::kScale:
        for (const ScaleLevel& l : c.rule.levels) {
          if (l.value == v)
            return l.descriptor + " (" + FormatNumber(v, -1) + ")";
        }
        return FormatNumber(v, 2);  // between levels: a panel's mean
      default:
        break;
    }
    if (c.type != CriterionType::kQuality) {
      // Money: whole amounts as written, otherwise cents ("5.40 EUR").
      return FormatNumber(v, v == std::floor(v) ? 0 : 2) + " " + set.currency;
    }
    if (c.unit == "%") return FormatNumber(v, -1) + "%";
    return FormatNumber(v, -1) + (c.unit.empty() ? "" : " " + c.unit);
  }

  // "lowest price 8,000 EUR (B) / 10,000 EUR = 0.8000"
  std::string Formula(int i, std::size_t j) const {
    const Column& c = scorer.columns()[j];
    const auto jj = static_cast<Eigen::Index>(j);
    const double x = bids.values(i, jj);
    const double lo = e.column_min[jj];
    const double hi = e.column_max[jj];
    const double s = e.scores(i, jj);
    const std::string sc = FormatNumber(s, 4);
    if (e.min_bid[j] < 0 || e.max_bid[j] < 0) return "not scored";
    const std::string lo_bid = bids.ids[static_cast<std::size_t>(e.min_bid[j])];
    const std::string hi_bid = bids.ids[static_cast<std::size_t>(e.max_bid[j])];
    const bool lower = c.rule.better == Direction::kLowerIsBetter;
    const auto num = [](double v) { return FormatNumber(v, -1); };
    const bool zero_lowest = lo <= 0;
    switch (c.rule.rule) {
      case Rule::kLowestRatio:
        if (zero_lowest) break;
        return "lowest " + num(lo) + " (" + lo_bid + ") / " + num(x) + " = " +
               sc;
      case Rule::kPercentOfLowest:
        if (zero_lowest) break;
        return "1 - (" + num(x) + " - lowest " + num(lo) + " (" + lo_bid +
               ")) / " + num(lo) + " = " + sc;
      case Rule::kLogarithmic:
        if (zero_lowest) break;
        return "1 - ln(" + num(x) + " / lowest " + num(lo) + " (" + lo_bid +
               ")) / ln(" + num(c.rule.zero_at) + ") = " + sc;
      case Rule::kLinearRange:
        if (hi == lo) break;
        return lower ? "(highest " + num(hi) + " (" + hi_bid + ") - " + num(x) +
                           ") / (" + num(hi) + " - lowest " + num(lo) + " (" +
                           lo_bid + ")) = " + sc
                     : "(" + num(x) + " - lowest " + num(lo) + " (" + lo_bid +
                           ")) / (highest " + num(hi) + " (" + hi_bid + ") - " +
                           num(lo) + ") = " + sc;
      case Rule::kLinearCeiling:
        if (lo >= c.rule.ceiling) break;
        if (x >= c.rule.ceiling)
          return "at or above the ceiling " + num(c.rule.ceiling) + " = 0";
        return "(ceiling " + num(c.rule.ceiling) + " - " + num(x) + ") / (" +
               num(c.rule.ceiling) + " - lowest " + num(lo) + " (" + lo_bid +
               ")) = " + sc;
      case Rule::kLinear:
        if ((c.rule.best > c.rule.worst) ? x >= c.rule.best
                                         : x <= c.rule.best) {
          return "at or beyond the best anchor " + num(c.rule.best) + " = 1";
        }
        if ((c.rule.best > c.rule.worst) ? x <= c.rule.worst
                                         : x >= c.rule.worst) {
          return "at or beyond the worst anchor " + num(c.rule.worst) + " = 0";
        }
        return "(" + num(x) + " - " + num(c.rule.worst) + ") / (" +
               num(c.rule.best) + " - " + num(c.rule.worst) + ") = " + sc;
      case Rule::kRatioToBest:
        if (lower) {
          if (zero_lowest) break;
          return "lowest " + num(lo) + " (" + lo_bid + ") / " + num(x) + " = " +
                 sc;
        }
        if (hi <= 0) break;
        return num(x) + " / highest " + num(hi) + " (" + hi_bid + ") = " + sc;
      case Rule::kSteps:
        return "step table gives " + sc;
      case Rule::kYesNo:
        return (x != 0 ? "yes = " : "no = ") + sc;
      case Rule::kScale:
        return num(x) + " / " + num(c.rule.levels.back().value) + " = " + sc;
    }
    // Degenerate column: the note says why.
    for (const Note& note : e.notes) {
      if (note.column == static_cast<int>(j)) return note.text + " = " + sc;
    }
    return sc;
  }
};

// "B", "B and C", "B, C, D and 997 other bids": at most five names.
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
  if (!set.requirements.empty()) {
    if (x.stage == ExclusionStage::kRequirement) {
      out.push_back("Excluded: it " + x.reason + ".");
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
    out.push_back("Excluded: it " + x.reason + ".");
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
  if (!e.abnormally_low.empty() && !e.abnormally_low[k].empty()) {
    out.push_back("Abnormally low: " + e.abnormally_low[k] + ".");
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
      s += "the declared tie-break applied: ";
      for (std::size_t st = 0; st < t.steps.size(); ++st) {
        s += (st == 0 ? "" : "; ") + t.steps[st];
      }
      s += ".";
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace

Explainer::Explainer(const CriteriaSet& set, const Scorer& scorer,
                     const BidSet& bids, const Evaluation& evaluation,
                     const PanelResult* panel)
    : set_(set),
      scorer_(scorer),
      bids_(bids),
      e_(evaluation),
      panel_(panel),
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

BidExplanation Explainer::Excluded(int i) const {
  const Context ctx{set_, scorer_, bids_, e_};
  const Evaluation& e = e_;
  const auto k = static_cast<std::size_t>(i);
  BidExplanation x;
  x.award_steps = AwardSteps(set_, scorer_, bids_, e, i, panel_, tie_record_);
  x.summary = "Bid " + ctx.BidName(i) +
              " is excluded and not ranked: " + e.exclusion[k].reason + ".";
  for (std::size_t j = 0; j < scorer_.columns().size(); ++j) {
    const Column& c = scorer_.columns()[j];
    const auto jj = static_cast<Eigen::Index>(j);
    const bool money = c.type != CriterionType::kQuality;
    x.criteria.push_back(
        {c.id, e.Scored(i, money)
                   ? c.name + ": " + ctx.Value(i, j) + "; " +
                         ctx.Formula(i, j) + " x " + Pts(c.weight) + " = " +
                         Pts(e.Points(i, jj)) + " points"
                   : c.name + ": " + ctx.Value(i, j) +
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
    x.criteria.push_back({c.id, c.name + ": " + ctx.Value(i, j) + "; " +
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
